// Canonical JSON (sorted keys, no insignificant whitespace, no undefined) and its sha256, so that
// configHash / observedHash / planHash are equal across runs, machines and key orders.
import { createHash } from 'node:crypto';
import { counters } from './counters.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * The normalized value (keys sorted, undefined dropped): canonicalize once, print and hash it many ways.
 * A part of the value already in canonical form (plain objects whose keys are in sorted order, no
 * undefined, arrays without holes) is shared, not copied: the tree is a snapshot only as long as the
 * value is not changed, so use it before changing the value.
 */
export function canonicalTree(value: unknown): Json {
  counters.canonicalizations++; // a structural figure: tests hold a run to its count
  inheritedKeys = enumerableOnPrototype();
  return normalize(value);
}

export function canonicalJson(value: unknown): string {
  return printed(JSON.stringify(canonicalTree(value)));
}

/** Every canonical text printed passes here: a structural figure (tests hold a run to it). */
function printed(text: string): string {
  counters.printedChars += text.length;
  return text;
}

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

// Copy-on-write: a part that needs no change comes back as itself (JSON.stringify prints it exactly
// as it would print the sorted copy), so canonical input is walked, not rebuilt.
function normalize(v: unknown): Json {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonical JSON cannot hold ${v}`);
      return v;
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      return Array.isArray(v) ? normalizeArray(v) : normalizeObject(v as Record<string, unknown>);
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof v}`);
  }
}

function normalizeArray(v: unknown[]): Json[] {
  let out: Json[] | null = null;
  // Shared only when JSON.stringify prints it element by element: not a subclass, no toJSON of its own.
  if (Object.getPrototypeOf(v) !== ARRAY_PROTO || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    counters.canonicalCopies++;
    out = [];
  }
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    // A hole or an undefined reads as undefined and normalizes to null: a change, so it is copied.
    const y = normalize(x);
    if (out !== null) out.push(y);
    else if (y !== x) {
      counters.canonicalCopies++;
      out = v.slice(0, i) as Json[];
      out.push(y);
    }
  }
  return out ?? (v as Json[]);
}


/**
 * The sorted copy of an object (undefined members dropped, an own `__proto__` dropped as it always
 * was). Sorting the keys of each object is most of the copy's cost, and a fleet's objects share a few
 * key lists: the sorted order is remembered per key list.
 */
interface Shape {
  keys: string[];
  sorted: string[];
}
const shapes = new Map<string, Shape[]>();
let shapeCount = 0;
const MAX_SHAPES = 4096; // a bound for hostile input (every object its own keys), not a cache policy

function sortedKeys(keys: string[]): string[] {
  const first = keys.length === 0 ? '' : keys[0]!;
  let list = shapes.get(first);
  if (list !== undefined) {
    for (let j = 0; j < list.length; j++) {
      const s = list[j]!;
      if (s.keys.length !== keys.length) continue;
      let i = 0;
      while (i < keys.length && s.keys[i] === keys[i]) i++;
      if (i === keys.length) return s.sorted;
    }
  }
  const sorted = [...keys].sort();
  if (shapeCount >= MAX_SHAPES) {
    shapes.clear();
    shapeCount = 0;
    list = undefined;
  }
  if (list === undefined) shapes.set(first, (list = []));
  list.push({ keys, sorted });
  shapeCount++;
  return sorted;
}

function sortedCopy(v: Record<string, unknown>, keys: string[]): Json {
  counters.canonicalCopies++;
  const out: { [k: string]: Json } = {};
  for (const k of sortedKeys(keys)) {
    if (k === '__proto__') continue;
    const x = v[k];
    if (x !== undefined) out[k] = normalize(x);
  }
  return out;
}

/**
 * Copy-on-write walk of an object. Shared as itself only when it is a plain object whose own keys are
 * listed in sorted order (the sorted copy would list them the same way: array-index keys, which every
 * object lists first, included — a copy would list them first too), with no undefined member and no
 * own `__proto__`. The keys are walked with for…in, which allocates no key list (Object.keys did, for
 * every object of the config and the observation, and the garbage was a good part of a run's GC).
 * (With an enumerable key on Object.prototype, or a toJSON method, it is copied: see below.)
 */
function normalizeObject(v: Record<string, unknown>): Json {
  const proto = Object.getPrototypeOf(v);
  // Walked with for…in only when it lists exactly the own keys JSON.stringify prints (no enumerable
  // key on Object.prototype) and JSON.stringify prints the members (no toJSON method, which it
  // would call instead, an own non-enumerable one included).
  if ((proto !== OBJECT_PROTO && proto !== null) || inheritedKeys || typeof v.toJSON === 'function') return sortedCopy(v, Object.keys(v));
  let prev: string | null = null;
  let changedAt: string | null = null;
  let changed: Json | undefined;
  for (const k in v) {
    if ((prev !== null && !(prev < k)) || k === '__proto__') return sortedCopy(v, Object.keys(v));
    prev = k;
    const x = v[k];
    if (x === undefined) {
      changedAt = k;
      break;
    }
    const y = normalize(x);
    if (y !== x) {
      changedAt = k;
      changed = y;
      break;
    }
  }
  if (changedAt === null) return v as Json;
  // From the first key that changes on, a copy (the keys before it are already normal); the keys
  // after it must still be in order, and the key still listed (a getter may have hidden it), or the
  // whole object is copied sorted.
  const keys = Object.keys(v);
  for (let j = 1; j < keys.length; j++) if (!(keys[j - 1]! < keys[j]!) || keys[j] === '__proto__') return sortedCopy(v, keys);
  let at = 0;
  while (at < keys.length && keys[at] !== changedAt) at++;
  if (at === keys.length) return sortedCopy(v, keys);
  counters.canonicalCopies++;
  const out: { [k: string]: Json } = {};
  // The members before it read again (a getter may answer differently): normalized, so the text is
  // canonical whatever they answer.
  for (let j = 0; j < at; j++) {
    const x = v[keys[j]!];
    if (x !== undefined) out[keys[j]!] = normalize(x);
  }
  if (changed !== undefined) out[changedAt] = changed;
  for (let j = at + 1; j < keys.length; j++) {
    const x = v[keys[j]!];
    if (x !== undefined) out[keys[j]!] = normalize(x);
  }
  return out;
}

/**
 * Whether Object.prototype has an enumerable key (prototype pollution): for…in would list it for
 * every object, and walk into it. Looked at once per walk; then the walk lists own keys instead.
 */
function enumerableOnPrototype(): boolean {
  for (const _ in OBJECT_PROTO) return true;
  return false;
}
let inheritedKeys = false;

/**
 * The normalized form of an object with one of its own keys left out, without copying it first: a
 * part of a whole value whose canonicalization the caller counts (configHash: each VM without its
 * source position).
 */
export function canonicalPartWithout(value: object, omit: string): Json {
  inheritedKeys = enumerableOnPrototype();
  const keys = Object.keys(value);
  if (!keys.includes(omit)) return normalize(value);
  const kept = keys.filter((k) => k !== omit);
  const out: { [k: string]: Json } = {};
  for (const k of sortedKeys(kept)) {
    if (k === '__proto__') continue;
    const x = (value as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = normalize(x);
  }
  return out;
}

export type Sha256 = `sha256:${string}`;

export function sha256Of(value: unknown): Sha256 {
  return sha256OfTree(canonicalTree(value));
}

/** sha256 of a value canonicalTree already normalized (or built only of such values, keys in order). */
export function sha256OfTree(tree: Json): Sha256 {
  return `sha256:${createHash('sha256').update(printed(JSON.stringify(tree)), 'utf8').digest('hex')}`;
}

/** Strings this long are escaped once per text, however often a value repeats them. */
const LONG_STRING = 4096;
/** Below this (estimated) size a text is printed whole: one JSON.stringify is the fastest printer. */
const PRINT_WHOLE_BELOW = 4 * 1024 * 1024;
/** Pieces of about this many characters are handed to the hash. */
const PIECE = 1024 * 1024;

/**
 * sha256 of canonicalJson(value), for a value whose text may be far larger than the memory it holds:
 * a YAML alias repeats a value, a seed file named by many VMs is one string used many times. The
 * text is not held whole: it is hashed in pieces of about 1 MiB, and a string of 4 KiB or more is
 * escaped once however often it recurs. null when the text would be longer than `maxChars`
 * (estimated from the strings' lengths before anything is printed).
 */
export function sha256OfCanonicalBounded(value: unknown, maxChars: number, printWholeBelow = PRINT_WHOLE_BELOW): Sha256 | null {
  const tree = canonicalTree(value);
  const size = textSize(tree, maxChars);
  if (size > maxChars) return null;
  if (size < printWholeBelow) return sha256OfTree(tree);
  const h = createHash('sha256');
  const escaped = new Map<string, string>();
  let out = '';
  const flush = (): void => {
    if (out.length > 0) h.update(printed(out), 'utf8');
    out = '';
  };
  const print = (v: Json): void => {
    if (typeof v === 'string') {
      if (v.length < LONG_STRING) out += JSON.stringify(v);
      else {
        let text = escaped.get(v);
        if (text === undefined) escaped.set(v, (text = printed(JSON.stringify(v))));
        if (out.length > 0) {
          h.update(printed(out), 'utf8');
          out = '';
        }
        h.update(text, 'utf8');
      }
    } else if (v === null || typeof v !== 'object') out += JSON.stringify(v);
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        print(v[i]!);
      }
      out += ']';
    } else {
      out += '{';
      let first = true;
      for (const k of Object.keys(v)) {
        out += (first ? '' : ',') + JSON.stringify(k) + ':';
        first = false;
        print(v[k]!);
      }
      out += '}';
    }
    if (out.length >= PIECE) flush();
  };
  print(tree);
  flush();
  return `sha256:${h.digest('hex')}`;
}

/** About how many characters JSON.stringify(tree) prints: at least `limit` + 1 once past `limit`. */
function textSize(tree: Json, limit: number): number {
  let n = 0;
  const walk = (v: Json): void => {
    if (n > limit) return;
    if (typeof v === 'string') n += v.length + 2;
    else if (v === null || typeof v !== 'object') n += 24;
    else if (Array.isArray(v)) {
      n += 2 + v.length;
      for (let i = 0; i < v.length && n <= limit; i++) walk(v[i]!);
    } else {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue; // a key Object.prototype was given is not printed
        n += k.length + 4;
        walk(v[k]!);
        if (n > limit) return;
      }
      n += 2;
    }
  };
  walk(tree);
  return n;
}

/** sha256 of a text given in parts (the parts are hashed in turn, never joined). */
export function sha256OfParts(parts: readonly string[]): Sha256 {
  const h = createHash('sha256');
  for (const p of parts) h.update(p, 'utf8');
  return `sha256:${h.digest('hex')}`;
}

/**
 * Canonical texts printed once. JSON.stringify prints an object member by member, so the text of an
 * object whose members are canonical trees is composed of its members' texts: the observation
 * printed for its hash is not printed again for current.json, nor the plan body for plan.json. A
 * member's text is remembered by the member itself (its identity): a value must not change after it
 * is printed (a run prints its observation and its plan once they are made, and never changes them).
 */
export class CanonicalTexts {
  private readonly memo = new WeakMap<object, string>();

  /** The compact canonical text of a canonical tree, printed at most once. */
  of(tree: Json): string {
    if (tree === null || typeof tree !== 'object') return JSON.stringify(tree);
    let text = this.memo.get(tree);
    if (text === undefined) {
      text = printed(JSON.stringify(tree));
      this.memo.set(tree, text);
    }
    return text;
  }

  /**
   * The parts of JSON.stringify(object) for an object whose keys are in canonical order and whose
   * members are canonical trees: joined they are exactly that text; each member is printed once.
   */
  objectParts(object: { readonly [k: string]: Json | undefined }): string[] {
    const parts = ['{'];
    for (const k of Object.keys(object)) {
      const v = object[k];
      if (v === undefined) continue;
      parts.push(parts.length > 1 ? ',' : '', JSON.stringify(k), ':', this.of(v));
    }
    parts.push('}');
    return parts;
  }
}

/** Pretty, key-sorted JSON of a value canonicalTree already normalized: equal content, equal bytes. */
export function prettyTree(tree: Json): string {
  return printed(JSON.stringify(tree, null, 2)) + '\n';
}
