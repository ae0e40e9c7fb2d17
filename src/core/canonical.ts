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
  return normalize(value);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalTree(value));
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
  let out: Json[] | null = Object.getPrototypeOf(v) === ARRAY_PROTO ? null : [];
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const y = normalize(x);
    if (out !== null) out.push(y);
    else if (y !== x || !(i in v)) {
      out = v.slice(0, i) as Json[];
      out.push(y);
    }
  }
  return out ?? (v as Json[]);
}

function normalizeObject(v: Record<string, unknown>): Json {
  const keys = Object.keys(v);
  const proto = Object.getPrototypeOf(v);
  // Shared as itself only when its own keys are listed in sorted order: then the sorted copy would
  // list them the same way (array-index keys, which every object lists first, included). An own
  // `__proto__` is dropped by the copy (as it always was), so it takes the copying path.
  let inOrder = proto === OBJECT_PROTO || proto === null;
  for (let i = 0; inOrder && i < keys.length; i++) {
    const k = keys[i]!;
    if ((i > 0 && !(keys[i - 1]! < k)) || k === '__proto__') inOrder = false;
  }
  if (!inOrder) {
    keys.sort();
    const out: { [k: string]: Json } = {};
    for (const k of keys) {
      const x = v[k];
      if (x !== undefined) out[k] = normalize(x);
    }
    return out;
  }
  let i = 0;
  let changed: Json | undefined;
  for (; i < keys.length; i++) {
    const x = v[keys[i]!];
    if (x === undefined) break;
    const y = normalize(x);
    if (y !== x) {
      changed = y;
      break;
    }
  }
  if (i === keys.length) return v as Json;
  // From the first key that changes on, a copy (the keys before it are already normal).
  const out: { [k: string]: Json } = {};
  for (let j = 0; j < i; j++) out[keys[j]!] = v[keys[j]!] as Json;
  if (changed !== undefined) out[keys[i]!] = changed;
  for (let j = i + 1; j < keys.length; j++) {
    const x = v[keys[j]!];
    if (x !== undefined) out[keys[j]!] = normalize(x);
  }
  return out;
}

export type Sha256 = `sha256:${string}`;

export function sha256Of(value: unknown): Sha256 {
  return sha256OfTree(canonicalTree(value));
}

/** sha256 of a value canonicalTree already normalized (or built only of such values, keys in order). */
export function sha256OfTree(tree: Json): Sha256 {
  return `sha256:${createHash('sha256').update(JSON.stringify(tree), 'utf8').digest('hex')}`;
}

/** Pretty, key-sorted JSON for artifacts: byte-identical for equal content. */
export function stableStringify(value: unknown): string {
  return prettyTree(canonicalTree(value));
}

/** stableStringify of a value canonicalTree already normalized. */
export function prettyTree(tree: Json): string {
  return JSON.stringify(tree, null, 2) + '\n';
}
