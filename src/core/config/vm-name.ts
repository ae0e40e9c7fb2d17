// Which VM names the tool accepts, and why it refuses the others. A name travels as data into
// Hyper-V cmdlets and becomes a folder/file name on the host, so characters that PowerShell reads
// as wildcards, or that Windows paths cannot hold, would make the tool act on the wrong VM or fail
// half-way. Everything else ($, (), ;, quotes, non-ASCII letters) is carried as data end to end.

import { counters } from '../counters.js';

export const VM_NAME_MAX_LENGTH = 100;

const REASONS: Array<[RegExp, (ch: string) => string]> = [
  [/[*?[\]]/u, (c) => `'${c}' is a wildcard character: Get-VM -Name would treat the name as a pattern and could match other VMs`],
  [/`/u, () => "'`' is PowerShell's wildcard escape character and would change how the name is matched"],
  [/[\\/:"<>|]/u, (c) => `'${c}' cannot appear in a Windows file or folder name, and the VM name becomes one on the host`],
  [/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u, (c) => `control character ${codePoint(c)} (newlines and tabs included) cannot be part of a VM name`],
  // Zero-width and other format characters (Unicode category Cf: U+200B, U+200D, U+FEFF, bidi
  // overrides…) are invisible: 'prod\u200b-db' reads as 'prod-db' to a reviewer and to nobody else.
  [/\p{Cf}/u, (c) => `${codePoint(c)} is an invisible format character: the name would look like another name it is not`],
  [/[\ud800-\udfff]/, (c) => `${codePoint(c)} is half of a UTF-16 surrogate pair, not a character`],
];

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Windows device names: a folder named CON, NUL, COM1… (with or without an extension, any case,
 * superscript digits included) is the device, not a folder, so the VM's files could not be made.
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file#naming-conventions
 */
const DEVICE_NAME = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])$/i;

/** Only ASCII letters, digits, '-', '_' and '.'. */
function plainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e)) return false;
  }
  return true;
}

/** Why `name` cannot be a VM name, or null when it can. */
export function vmNameProblem(name: string): string | null {
  if (name.length === 0) return 'a VM name cannot be empty';
  // The one word a JavaScript object cannot hold as a plain key (ssh.hostKeys is keyed by VM name):
  // a key pinned for it would be dropped without a word, and its value would not count in configHash.
  if (name === '__proto__') return "'__proto__' is reserved: it cannot be a key of ssh.hostKeys";
  if (name.length > VM_NAME_MAX_LENGTH) return `a VM name has at most ${VM_NAME_MAX_LENGTH} characters (Hyper-V's limit); this one has ${name.length}`;
  // The usual name (letters, digits, '-', '_', '.') holds none of the characters below: only the
  // device names and a trailing dot remain to check.
  if (plainName(name)) {
    const dot = name.indexOf('.');
    const stem = dot === -1 ? name : name.slice(0, dot);
    if (stem.length >= 3 && stem.length <= 6 && DEVICE_NAME.test(stem)) return `'${stem}' is a Windows device name: a folder named '${name}' cannot be created on the host, and the VM's files live in one`;
    if (name.endsWith('.')) return 'a VM name cannot end with a dot (Windows drops trailing dots from folder names)';
    return null;
  }
  for (const [re, why] of REASONS) {
    const m = re.exec(name);
    if (m) return why(m[0]);
  }
  const stem = name.split('.')[0]!.replace(/[ ]+$/, '');
  if (DEVICE_NAME.test(stem)) return `'${stem}' is a Windows device name: a folder named '${name}' cannot be created on the host, and the VM's files live in one`;
  if (/^\s|\s$/u.test(name)) return 'a VM name cannot start or end with whitespace (Windows trims it from folder names, and it is invisible in listings)';
  if (name.endsWith('.')) return 'a VM name cannot end with a dot (Windows drops trailing dots from folder names)';
  return null;
}

/**
 * THE rule for "are these two names the same" — VM names, switch names and host paths, everywhere
 * this tool compares them (config duplicates, matching the file to the host, ownership, protect
 * patterns, guest host keys): ordinal, ignoring case the way Windows does it. Each UTF-16 code unit is
 * mapped to its simple upper case on its own; no Unicode normalization, no full case folding. That is
 * .NET's StringComparison.OrdinalIgnoreCase, which Hyper-V's name matching and the NTFS upcase table
 * follow: 'web' = 'WEB', but the Kelvin sign K (U+212A) is not 'k', 'ß' is not 'SS', and a non-ASCII
 * letter never equals an ASCII one (dotless ı is not 'i', long ſ is not 's';
 * https://github.com/dotnet/runtime/issues/67873). JavaScript's toLowerCase folds the Kelvin sign
 * into 'k', which is why this is not toLowerCase.
 */
export function vmNameKey(name: string): string {
  counters.nameKeys++; // a structural figure: tests hold a whole command to it
  // All ASCII (nearly every name): toUpperCase maps exactly a-z there, as the loop below does.
  if (ASCII.test(name)) return name.toUpperCase();
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 0x61 && code <= 0x7a ? String.fromCharCode(code - 32) : c;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += c; // surrogates: astral characters are compared as they are
      continue;
    }
    const u = c.toUpperCase();
    out += u.length === 1 && u.charCodeAt(0) >= 0x80 ? u : c;
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Two names are the same name under vmNameKey's rule. */
export function sameName(a: string, b: string): boolean {
  return a === b || vmNameKey(a) === vmNameKey(b);
}

/**
 * The key a protect pattern is matched against: vmNameKey with every invisible format character
 * removed. A name on the host is whatever someone typed there; 'prod\u200b-db' is still protected by
 * 'prod-*'. Protection errs towards matching.
 */
export function protectKey(name: string): string {
  return vmNameKey(name.replace(/\p{Cf}/gu, ''));
}
