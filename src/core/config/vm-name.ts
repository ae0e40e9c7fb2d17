// Which VM names the tool accepts, and why it refuses the others. A name travels as data into
// Hyper-V cmdlets and becomes a folder/file name on the host, so characters that PowerShell reads
// as wildcards, or that Windows paths cannot hold, would make the tool act on the wrong VM or fail
// half-way. Everything else ($, (), ;, quotes, non-ASCII letters) is carried as data end to end.

export const VM_NAME_MAX_LENGTH = 100;

const REASONS: Array<[RegExp, (ch: string) => string]> = [
  [/[*?[\]]/u, (c) => `'${c}' is a wildcard character: Get-VM -Name would treat the name as a pattern and could match other VMs`],
  [/`/u, () => "'`' is PowerShell's wildcard escape character and would change how the name is matched"],
  [/[\\/:"<>|]/u, (c) => `'${c}' cannot appear in a Windows file or folder name, and the VM name becomes one on the host`],
  [/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u, (c) => `control character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (newlines and tabs included) cannot be part of a VM name`],
];

/** Why `name` cannot be a VM name, or null when it can. */
export function vmNameProblem(name: string): string | null {
  if (name.length === 0) return 'a VM name cannot be empty';
  if (name.length > VM_NAME_MAX_LENGTH) return `a VM name has at most ${VM_NAME_MAX_LENGTH} characters (Hyper-V's limit); this one has ${name.length}`;
  for (const [re, why] of REASONS) {
    const m = re.exec(name);
    if (m) return why(m[0]);
  }
  if (/^\s|\s$/u.test(name)) return 'a VM name cannot start or end with whitespace (Windows trims it from folder names, and it is invisible in listings)';
  if (name.endsWith('.')) return 'a VM name cannot end with a dot (Windows drops trailing dots from folder names)';
  return null;
}

/** Hyper-V compares VM names case-insensitively (ordinal, no Unicode normalization). */
export function vmNameKey(name: string): string {
  return name.toLowerCase();
}
