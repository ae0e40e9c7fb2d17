// Value rules the schema cannot say well, each returning why a value is wrong (or null): sizes and
// Hyper-V's memory granularity, MAC addresses, Windows paths, the reserved Notes marker, secrets.
import { parseSize, SIZE_PATTERN } from '../sizes.js';

export const MB = 2 ** 20;
/** Hyper-V allocates VM memory in 2MB units and refuses less than 32MB. */
export const MEMORY_STEP_BYTES = 2 * MB;
export const MEMORY_MIN_BYTES = 32 * MB;
/** Hyper-V's own defaults when dynamic memory is enabled without bounds. */
export const DYNAMIC_MINIMUM_DEFAULT_BYTES = 512 * MB;
export const DYNAMIC_MAXIMUM_DEFAULT_BYTES = 2 ** 40;
/** The largest VHDX Hyper-V creates. */
export const VHDX_MAX_BYTES = 64 * 2 ** 40;

/** The prefix of the ownership marker the tool writes into Notes; users may not write it. */
export const OWNERSHIP_MARKER_PREFIX = 'hyperv-converge:';

export const SECRET_KEYS = ['privateKey', 'password', 'passphrase', 'token', 'secret'];
export const SECRET_MESSAGE = 'secrets are never written in the file; put the key in an environment variable and name it in privateKeyEnv';

export interface RuleFailure {
  message: string;
  expected?: string;
  hint?: string;
}

export type SizeResult = { bytes: number } | RuleFailure;

const SIZE_RE = new RegExp(SIZE_PATTERN);

/** `2GB` → bytes, or why not. Units are upper-case, the way the schema (and editors) check them. */
/** Sizes already read: a fleet repeats a few (every VM that inherits `memory: 2GB`). Bounded. */
const sizesRead = new Map<string, number>();

export function readSize(text: string, what: string): SizeResult {
  const known = sizesRead.get(text);
  if (known !== undefined) return { bytes: known };
  const r = readSizeOnce(text, what);
  if ('bytes' in r && sizesRead.size < 1024) sizesRead.set(text, r.bytes);
  return r;
}

function readSizeOnce(text: string, what: string): SizeResult {
  const expected = 'a size with a unit (B, KB, MB, GB, TB), such as 512MB or 4GB';
  const lenient = parseSize(text);
  if (!SIZE_RE.test(text)) {
    const hint = lenient !== null ? `did you mean '${text.trim().replace(/[a-z]+$/i, (u) => u.toUpperCase())}'?` : undefined;
    return { message: `${what} '${text}' is not a size`, expected, hint };
  }
  if (lenient === null) return { message: `${what} '${text}' is not a whole number of bytes, or too large`, expected };
  return { bytes: lenient };
}

export function memoryBytesProblem(bytes: number, what: string, text: string): RuleFailure | null {
  if (bytes < MEMORY_MIN_BYTES) {
    return { message: `${what} ${text} is below Hyper-V's minimum of 32MB`, expected: 'at least 32MB, in multiples of 2MB' };
  }
  if (bytes % MEMORY_STEP_BYTES !== 0) {
    const down = Math.floor(bytes / MEMORY_STEP_BYTES) * MEMORY_STEP_BYTES;
    return {
      message: `${what} ${text} is not a multiple of 2MB (Hyper-V allocates memory in 2MB units)`,
      expected: 'a multiple of 2MB',
      hint: `did you mean '${down / MB}MB' or '${(down + MEMORY_STEP_BYTES) / MB}MB'?`,
    };
  }
  return null;
}

/** `00-15-5D-01-02-03`, `00:15:5d:01:02:03`, `00155D010203` → `00155D010203`; null when not a MAC. */
export function normalizeMac(text: string): string | null {
  const m = /^([0-9A-Fa-f]{2})([-:]?)([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})$/.exec(text.trim());
  if (!m) return null;
  return [m[1], m[3], m[4], m[5], m[6], m[7]].join('').toUpperCase();
}

export function macProblem(text: string): RuleFailure | null {
  const mac = normalizeMac(text);
  const expected = 'a unicast MAC address such as 00-15-5D-01-02-03, 00:15:5D:01:02:03 or 00155D010203';
  if (mac === null) return { message: `'${text}' is not a MAC address`, expected };
  if (/^0+$/.test(mac)) return { message: `MAC ${text} is all zeros, which Hyper-V reads as "dynamic"`, expected, hint: 'omit mac (or write null) for a dynamic address' };
  if (parseInt(mac.slice(0, 2), 16) & 1) {
    return { message: `MAC ${text} is a multicast address (the lowest bit of its first octet is set); a network adapter needs a unicast one`, expected };
  }
  return null;
}

const BAD_PATH_CHARS = /[<>"|?*\u0000-\u001f]/u;

export function windowsPathProblem(text: string, what: string): RuleFailure | null {
  const expected = 'an absolute Windows path such as D:\\Hyper-V\\lab or \\\\server\\share\\lab';
  if (!/^([A-Za-z]:[\\/]|\\\\[^\\/]+\\[^\\/]+)/.test(text)) {
    const hint = text.startsWith('/') || text.startsWith('~') ? 'this is a path on the host running Hyper-V (Windows), not on the runner' : undefined;
    return { message: `${what} '${text}' is not an absolute Windows path`, expected, hint };
  }
  const bad = BAD_PATH_CHARS.exec(text.slice(2));
  if (bad) return { message: `${what} '${text}' contains '${bad[0]}', which a Windows path cannot hold`, expected };
  return null;
}

export function imagePathProblem(text: string): RuleFailure | null {
  const p = windowsPathProblem(text, 'image');
  if (p) return { ...p, expected: 'an absolute Windows path to a .vhdx or .vhd file, such as D:\\images\\ubuntu.vhdx' };
  if (!/\.vhdx?$/i.test(text)) {
    return { message: `image '${text}' is not a .vhdx or .vhd file`, expected: 'an absolute Windows path to a .vhdx or .vhd file, such as D:\\images\\ubuntu.vhdx' };
  }
  return null;
}

export function notesProblem(text: string): RuleFailure | null {
  if (text.toLowerCase().includes(OWNERSHIP_MARKER_PREFIX)) {
    return {
      message: `notes may not contain '${OWNERSHIP_MARKER_PREFIX}': the tool writes its ownership marker with that prefix and must be the only one to`,
      hint: `remove '${OWNERSHIP_MARKER_PREFIX}' from the notes; ownership comes from 'project'`,
    };
  }
  return null;
}

const SECRET_KEYS_LOWER = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS_LOWER.has(key.toLowerCase());
}
