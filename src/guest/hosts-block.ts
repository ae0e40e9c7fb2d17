// The managed block in a guest's /etc/hosts, as pure text functions: render it, merge it into the
// file as it is (everything outside the block kept byte for byte), and diff for dry runs. The file is
// handled as a latin1 string so that any byte sequence round-trips unchanged.
import { isIP } from 'node:net';
import { HvcError } from '../core/errors.js';

export const BEGIN_MARKER = '# BEGIN hyperv-converge managed hosts (do not edit inside this block)';
export const END_MARKER = '# END hyperv-converge managed hosts';

export interface HostsEntry {
  name: string;
  address: string;
}

// RFC 1123 host name: labels of letters, digits and inner hyphens, dot-separated.
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Whether a VM name can be written into /etc/hosts as a host name. */
export function validHostName(name: string): boolean {
  return HOSTNAME.test(name);
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The block's lines (markers included), entries sorted by name then address. */
export function renderBlockLines(entries: HostsEntry[]): string[] {
  for (const e of entries) {
    if (!validHostName(e.name)) throw new HvcError('usage', `'${e.name}' is not a valid host name for /etc/hosts`);
    if (isIP(e.address) === 0) throw new HvcError('usage', `'${e.address}' (for ${e.name}) is not an IP address`);
  }
  const sorted = [...entries].sort((a, b) => byteOrder(a.name, b.name) || byteOrder(a.address, b.address));
  return [BEGIN_MARKER, ...sorted.map((e) => `${e.address}\t${e.name}`), END_MARKER];
}

export interface BlockLocation {
  /** Offset of the BEGIN line's first character. */
  start: number;
  /** Offset just past the END marker line's content (its line terminator stays outside). */
  end: number;
}

interface Line {
  start: number;
  /** Content end, before any \r\n or \n. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl === -1 ? text.length : nl;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ start, end, text: text.slice(start, end) });
    start = nl === -1 ? text.length : nl + 1;
  }
  return lines;
}

// The BEGIN line is matched by its prefix so that a reworded explanation never orphans a block.
const isBegin = (l: Line) => l.text.startsWith('# BEGIN hyperv-converge managed hosts');
const isEnd = (l: Line) => l.text.trimEnd() === END_MARKER;

/**
 * Where the managed block sits, or null when there is none. A BEGIN without END, an END without
 * BEGIN, or two blocks are refused: guessing could eat the user's lines.
 */
export function findBlock(text: string): BlockLocation | null {
  const lines = splitLines(text);
  const begins = lines.filter(isBegin);
  const ends = lines.filter(isEnd);
  if (begins.length === 0 && ends.length === 0) return null;
  if (begins.length !== 1 || ends.length !== 1 || ends[0]!.start < begins[0]!.start) {
    throw new HvcError(
      'usage',
      `the hosts file holds ${begins.length} BEGIN and ${ends.length} END marker(s) of the managed block in the wrong shape; ` +
        'fix the file by hand so that it holds one block or none',
    );
  }
  return { start: begins[0]!.start, end: ends[0]!.end };
}

/** The file's line terminator: CRLF when any line uses it, else LF. */
export function lineEnding(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The file with the managed block set to `entries`: an existing block is replaced in place; a new
 * one is appended after the last line (a terminator is added after that line if it lacked one).
 * Everything else is returned unchanged.
 */
export function mergeBlock(text: string, entries: HostsEntry[]): string {
  const eol = lineEnding(text);
  const block = renderBlockLines(entries).join(eol);
  const at = findBlock(text);
  if (at) return text.slice(0, at.start) + block + text.slice(at.end);
  if (text.length === 0) return block + eol;
  const endsWithNewline = text.endsWith('\n');
  // Keep the file's habit: with no final newline before, none after the block either.
  return text + (endsWithNewline ? '' : eol) + block + (endsWithNewline ? eol : '');
}

/** The entries the block currently lists (for reports); empty without a block. */
export function readBlock(text: string): HostsEntry[] {
  const at = findBlock(text);
  if (!at) return [];
  return splitLines(text.slice(at.start, at.end))
    .slice(1, -1)
    .map((l) => l.text.trim().split(/\s+/))
    .filter((f) => f.length >= 2 && !f[0]!.startsWith('#'))
    .map((f) => ({ address: f[0]!, name: f[1]! }));
}

/**
 * A unified diff (3 lines of context) between two versions of the file, for dry runs; '' when equal.
 * Lines are compared with their terminators; a changed terminator shows as a changed line.
 */
export function diffText(before: string, after: string, label = '/etc/hosts'): string {
  if (before === after) return '';
  const a = splitKeep(before);
  const b = splitKeep(after);
  // Only the block changes, so trim the common head and tail before the quadratic LCS.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: ma.length + 1 }, () => new Array<number>(mb.length + 1).fill(0));
  for (let i = ma.length - 1; i >= 0; i--) {
    for (let j = mb.length - 1; j >= 0; j--) {
      lcs[i]![j] = ma[i] === mb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  type Op = { kind: ' ' | '-' | '+'; line: string };
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < ma.length || j < mb.length) {
    if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
      ops.push({ kind: ' ', line: ma[i]! });
      i++;
      j++;
    } else if (i < ma.length && (j >= mb.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', line: ma[i++]! });
    } else {
      ops.push({ kind: '+', line: mb[j++]! });
    }
  }
  for (const line of a.slice(a.length - tail)) ops.push({ kind: ' ', line });

  const out = [`--- ${label}`, `+++ ${label} (managed block updated)`];
  const context = 3;
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    // One hunk holds every change closer than 2*context unchanged lines to the previous one.
    const from = Math.max(0, k - context);
    let last = k;
    for (let scan = k + 1; scan < ops.length && scan - last <= 2 * context; scan++) {
      if (ops[scan]!.kind !== ' ') last = scan;
    }
    const to = Math.min(ops.length, last + context + 1);
    const oldStart = ops.slice(0, from).filter((o) => o.kind !== '+').length;
    const newStart = ops.slice(0, from).filter((o) => o.kind !== '-').length;
    const hunk = ops.slice(from, to);
    const oldLen = hunk.filter((o) => o.kind !== '+').length;
    const newLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${oldStart + (oldLen ? 1 : 0)},${oldLen} +${newStart + (newLen ? 1 : 0)},${newLen} @@`);
    for (const o of hunk) {
      out.push(o.kind + o.line.replace(/\r?\n$/, ''));
      if (!o.line.endsWith('\n')) out.push('\\ No newline at end of file');
    }
    k = to;
  }
  return out.join('\n') + '\n';
}

/** Lines with their terminators, so that terminator changes are visible to the diff. */
function splitKeep(text: string): string[] {
  const parts = text.match(/[^\n]*\n|[^\n]+$/g);
  return parts ?? [];
}
