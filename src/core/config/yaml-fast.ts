// A reader for the block-style subset of YAML configurations are written in, tried before js-yaml
// because it runs fast in a cold process: a CLI reads its config once, before V8's JIT has warmed up
// js-yaml's character-by-character scanner (about 80 ms for a 10,000-VM file, against ~25 ms warm).
// It works a line at a time with sticky regular expressions (native code from the first call) and
// `slice`, and builds the same value js-yaml's default schema would: plain scalars go through js-yaml's
// own resolver (CORE_SCHEMA), mappings are plain objects filled in document order.
//
// It is only an accelerator: on any text outside the subset, or any doubt, it declines (returns
// null) and the js-yaml path reads the text exactly as before, reporting whatever is wrong with it.
// So the subset must only ever hold documents js-yaml reads without a problem, to the same value.
// __tests__/config/yaml-fast*.test.ts compares the two on every config in the repository and on
// generated near-subset documents.
//
// The subset: one document whose root is a block mapping at column 0; block mappings and block
// sequences nested by spaces (a sequence may sit at its key's indentation); keys plain
// (`[A-Za-z0-9_][A-Za-z0-9_./~-]*`) or quoted on one line; values plain, single- or double-quoted on
// one line (double quotes with the escapes \\ \" \/ \n \t only), a flow collection closed on its
// line (`{ a: 1, b: [x, y] }`, plain scalars there without `:` or `#`), or a literal block scalar
// `|` or `|-` (cloud-init user data); `# comments` on their own line or after a value; blank lines;
// LF or CRLF line ends. Declined, among others: tabs, a lone CR, a BOM or control characters
// anywhere; `---`/`...`, directives, anchors, aliases, tags, folded block scalars (`>`), `|+` and
// indentation indicators, other multi-line scalars or flow collections, `? ` keys, empty sequence
// items, duplicate keys, `__proto__`.
import { CORE_SCHEMA } from 'js-yaml';
import type { ScalarTagDefinition } from 'js-yaml';
import { MAX_CONFIG_VALUES } from '../input-limits.js';

export interface FastYaml {
  value: Record<string, unknown>;
  /** Start offsets of the items of each block sequence directly under the root, by its pointer
   *  (`/vms`): what the resolved VMs' `source` positions are read from. */
  items: Map<string, number[]>;
}

// Anything but LF, CR before LF, printable ASCII and the BMP's printable rest (no NEL, C1 controls,
// U+2028/2029, surrogates, BOM, U+FFFE/FFFF): one native scan that rules out tabs, a lone CR and what
// js-yaml refuses. CRLF files are common: Git for Windows checks text out with CRLF by default.
const OUTSIDE = /[^\n\r\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|\r(?!\n)/;

const SQ = String.raw`'(?:[^'\r\n]|'')*'`;
const DQ = String.raw`"(?:[^"\\\r\n]|\\["\\/nt])*"`;
/** Indentation, an optional `- `, an optional `key:` followed by a space or the line's end. */
const LINE = new RegExp(String.raw`( *)(- +)?(?:([A-Za-z0-9_][\w./~-]*|${SQ}|${DQ}):(?: +|(?=\r?\n|$)))?`, 'y');
const SINGLE = new RegExp(SQ, 'y');
const DOUBLE = new RegExp(DQ, 'y');
// A plain scalar in block context: it starts with no indicator (`-` only before a letter, digit or
// dot), holds no `: ` and no `#` (so ` #` can only start a comment), and ends before trailing spaces.
const PLAIN = /(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9A-Za-z.]))(?:[^\s:#]|:(?=[^\s:#]))*(?: +(?:[^\s:#]|:(?=[^\s:#]))+)*/y;
// A plain scalar inside a flow collection: no `:`, `#` or flow indicator at all.
const FLOW_PLAIN = /(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9A-Za-z.]))[^\s:#,[\]{}]*(?: +[^\s:#,[\]{}]+)*/y;
/** What may follow a value on its line: spaces, then a comment after at least one space. */
const TAIL = /(?: +#[^\r\n]*| *)(?=\r?\n|$)/y;
const SPACES = / */y;
/** A literal block scalar's header: `|` or `|-`, then only spaces or a comment, then a line break. */
const LITERAL = /\|(-?)(?: +#[^\r\n]*| *)(?=\r?\n)/y;

const MAX_DEPTH = 50;

interface Frame {
  kind: 'map' | 'seq';
  indent: number;
  value: Record<string, unknown> | unknown[];
  depth: number; // pointer segments to this node
  items: number[] | null; // item offsets, for a sequence directly under the root
}

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/** The document as js-yaml would read it, or null when the text is outside the subset. */
export function readFastYaml(text: string): FastYaml | null {
  if (text.length === 0 || OUTSIDE.test(text)) return null;
  try {
    return read(text);
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}

function read(text: string): FastYaml {
  const end = text.length;
  const root: Record<string, unknown> = {};
  const items = new Map<string, number[]>();
  const stack: Frame[] = [];
  let values = 1;
  // A key written with nothing after it: its value is the block that follows, or null.
  let pending: { frame: Frame; key: string; indent: number } | null = null;

  const open = (kind: 'map' | 'seq', indent: number, owner: { frame: Frame; key: string } | null): Frame => {
    const value = kind === 'map' ? {} : [];
    const depth = owner === null ? 0 : owner.frame.depth + 1;
    if (depth > MAX_DEPTH) decline();
    let track: number[] | null = null;
    if (owner !== null) {
      setKey(owner.frame, owner.key, value);
      // The pointer as yaml-source.ts's pointerSegment spells it (RFC 6901).
      if (kind === 'seq' && depth === 1) items.set('/' + owner.key.replace(/~/g, '~0').replace(/\//g, '~1'), (track = []));
    }
    const f: Frame = { kind, indent, value: owner === null ? root : value, depth, items: track };
    stack.push(f);
    values++;
    return f;
  };
  const setKey = (frame: Frame, key: string, value: unknown): void => {
    const map = frame.value as Record<string, unknown>;
    // A duplicate is js-yaml's to report; `__proto__` it defines as an own property.
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) decline();
    map[key] = value;
  };

  let pos = 0; // the start of the line being read
  let p = 0; // the reading position in it
  while (pos < end) {
    LINE.lastIndex = pos;
    const m = LINE.exec(text)!; // matches at least the empty string
    const indent = m[1]!.length;
    const dash = m[2];
    const rawKey = m[3];
    p = LINE.lastIndex;
    const c = p < end ? text.charCodeAt(p) : 10;
    if (dash === undefined && rawKey === undefined && (c === 10 || c === 13 || c === 0x23)) {
      pos = lineEnd(); // a blank line or a comment
      continue;
    }
    const key = rawKey === undefined ? undefined : keyOf(rawKey);

    if (stack.length === 0) {
      // The root: a block mapping at column 0.
      if (indent !== 0 || dash !== undefined || key === undefined) decline();
      open('map', 0, null);
    } else if (pending !== null) {
      const owner = pending;
      pending = null;
      if (indent > owner.indent) {
        open(dash !== undefined ? 'seq' : 'map', indent, owner);
      } else if (indent === owner.indent && dash !== undefined) {
        open('seq', indent, owner); // a sequence at its key's indentation
      } else {
        setKey(owner.frame, owner.key, null);
        values++;
      }
    }
    // Close what this line's indentation ends; a sequence at its key's indentation ends at a line
    // of that indentation without a dash.
    let top = stack[stack.length - 1]!;
    while (top.indent > indent || (top.kind === 'seq' && top.indent === indent && dash === undefined)) {
      stack.pop();
      if (stack.length === 0) decline();
      top = stack[stack.length - 1]!;
    }
    if (top.indent !== indent) decline();

    let frame = top;
    if (dash !== undefined) {
      if (top.kind !== 'seq') decline();
      // Where js-yaml starts the item: its first key, its value, its opening quote or bracket; a
      // literal block scalar's text, which starts on the line after its `|`.
      top.items?.push(key === undefined && c === 0x7c ? text.indexOf('\n', p) + 1 : pos + indent + dash.length);
      if (key === undefined) {
        (top.value as unknown[]).push(value(top.indent));
        continue;
      }
      // `- key: ...`: a mapping item whose keys sit where this one does.
      const map: Frame = { kind: 'map', indent: indent + dash.length, value: {}, depth: top.depth + 1, items: null };
      if (map.depth > MAX_DEPTH) decline();
      (top.value as unknown[]).push(map.value);
      stack.push(map);
      values++;
      frame = map;
    } else if (top.kind !== 'map' || key === undefined) {
      decline();
    }
    values++; // the key
    if (c === 10 || c === 13 || c === 0x23) {
      pending = { frame, key: key!, indent: frame.indent };
      pos = lineEnd();
      continue;
    }
    setKey(frame, key!, value(frame.indent));
  }
  if (pending !== null) {
    setKey(pending.frame, pending.key, null);
    values++;
  }
  if (stack.length === 0 || values > MAX_CONFIG_VALUES - 1) decline();
  return { value: root, items };

  /** The start of the line after the one `p` is in. */
  function lineEnd(): number {
    const nl = text.indexOf('\n', p);
    return nl === -1 ? end : nl + 1;
  }

  /**
   * The value starting at `p` on this line, then the rest of the line; moves `pos` to the next.
   * `parent`: the indentation of the mapping or sequence it belongs to.
   */
  function value(parent: number): unknown {
    if (p < end && text.charCodeAt(p) === 0x7c /* | */) return literal(parent);
    const v = scalarOrFlow(false);
    TAIL.lastIndex = p;
    if (!TAIL.test(text)) decline();
    pos = TAIL.lastIndex + (text.charCodeAt(TAIL.lastIndex) === 13 ? 2 : 1); // past LF or CRLF
    return v;
  }

  /**
   * A literal block scalar, `|` (one final line break kept) or `|-` (none), whose lines are indented
   * like its first, more than `parent`: the lines without that indentation, joined by line breaks.
   * Declined: an indentation indicator, `|+`, a blank or whitespace-only line deeper than the text, a
   * blank first line, an end without a line break, and a line after it indented between the two.
   */
  function literal(parent: number): string {
    LITERAL.lastIndex = p;
    const header = LITERAL.exec(text);
    if (header === null) decline();
    const strip = header![1] === '-';
    let q = text.indexOf('\n', LITERAL.lastIndex) + 1;
    const indentAt = (at: number): number => {
      SPACES.lastIndex = at;
      SPACES.test(text);
      return SPACES.lastIndex - at;
    };
    const m = indentAt(q);
    const first = text.charCodeAt(q + m);
    if (m <= parent || q + m >= end || first === 10 || first === 13) decline();
    const lines: string[] = [];
    while (q < end) {
      const k = indentAt(q);
      const c = q + k < end ? text.charCodeAt(q + k) : -1;
      if (c === -1) decline(); // spaces, then the end of the text
      if (c === 10 || c === 13) {
        if (k > m) decline();
        lines.push('');
        q = text.indexOf('\n', q) + 1;
        continue;
      }
      if (k < m) {
        if (k > parent) decline();
        break;
      }
      const nl = text.indexOf('\n', q);
      if (nl === -1) decline();
      lines.push(text.slice(q + m, text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
      q = nl + 1;
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    values++;
    pos = q;
    return lines.join('\n') + (strip ? '' : '\n');
  }

  function scalarOrFlow(flow: boolean, depth = 0): unknown {
    values++;
    const c = p < end ? text.charCodeAt(p) : 10;
    if (c === 0x27 /* ' */) return sq(sticky(SINGLE));
    if (c === 0x22 /* " */) return dq(sticky(DOUBLE));
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (depth > MAX_DEPTH) decline();
      return c === 0x5b ? flowSeq(depth) : flowMap(depth);
    }
    return resolvePlain(sticky(flow ? FLOW_PLAIN : PLAIN));
  }

  /** The match of `re` at `p` (declining when there is none); moves `p` past it. */
  function sticky(re: RegExp): string {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) decline();
    p = re.lastIndex;
    return m![0];
  }

  function skipSpaces(): void {
    SPACES.lastIndex = p;
    SPACES.test(text);
    p = SPACES.lastIndex;
  }

  function flowSeq(depth: number): unknown[] {
    const out: unknown[] = [];
    p++;
    skipSpaces();
    if (text.charCodeAt(p) === 0x5d /* ] */) {
      p++;
      return out;
    }
    for (;;) {
      out.push(scalarOrFlow(true, depth + 1));
      skipSpaces();
      const c = text.charCodeAt(p++);
      if (c === 0x5d) return out;
      if (c !== 0x2c /* , */) decline();
      skipSpaces();
    }
  }

  function flowMap(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    p++;
    skipSpaces();
    if (text.charCodeAt(p) === 0x7d /* } */) {
      p++;
      return out;
    }
    for (;;) {
      const c = text.charCodeAt(p);
      const k = c === 0x27 ? sq(sticky(SINGLE)) : c === 0x22 ? dq(sticky(DOUBLE)) : String(resolvePlain(sticky(FLOW_PLAIN)));
      // `key: value` with a space after the colon; anything else (`a:1`, `a :`, `{a}`) declines.
      if (text.charCodeAt(p) !== 0x3a || text.charCodeAt(p + 1) !== 0x20) decline();
      p += 2;
      skipSpaces();
      if (k === '__proto__' || Object.prototype.hasOwnProperty.call(out, k)) decline();
      values++;
      out[k] = scalarOrFlow(true, depth + 1);
      skipSpaces();
      const d = text.charCodeAt(p++);
      if (d === 0x7d) return out;
      if (d !== 0x2c) decline();
      skipSpaces();
    }
  }
}

/** A mapping key as js-yaml names its member: quoted text as written, plain text resolved, then String(). */
function keyOf(raw: string): string {
  const c = raw.charCodeAt(0);
  if (c === 0x27) return sq(raw);
  if (c === 0x22) return dq(raw);
  return String(resolvePlain(raw));
}

function sq(raw: string): string {
  const s = raw.slice(1, -1);
  return s.includes("''") ? s.replace(/''/g, "'") : s;
}

function dq(raw: string): string {
  const s = raw.slice(1, -1);
  return s.includes('\\') ? s.replace(/\\(.)/g, (_, e: string) => (e === 'n' ? '\n' : e === 't' ? '\t' : e)) : s;
}

// The first characters for which js-yaml's default schema may resolve a plain scalar to something
// other than a string, read from the schema's own tags (null: none listed, so any may).
const IMPLICIT = CORE_SCHEMA.tags.filter((t): t is ScalarTagDefinition => t.nodeKind === 'scalar' && t.implicit);
const MAY_RESOLVE: Set<string> | null = IMPLICIT.some((t) => t.implicitFirstChars === null) ? null : new Set(IMPLICIT.flatMap((t) => t.implicitFirstChars ?? []));
/** Resolved scalars by text: a fleet repeats the same few numbers, sizes and keys thousands of times. */
const resolved = new Map<string, unknown>();

/** js-yaml's own resolution of a plain scalar under its default schema (null, bool, int, float, str). */
export function resolvePlain(s: string): unknown {
  if (MAY_RESOLVE !== null && !MAY_RESOLVE.has(s.charAt(0))) return s; // `vm-00042`, `stopped`: a string
  let v = resolved.get(s);
  if (v === undefined) {
    v = CORE_SCHEMA.resolveImplicitScalarTag(s).value;
    if (resolved.size < 4096) resolved.set(s, v);
  }
  return v;
}
