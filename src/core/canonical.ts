// Canonical JSON (sorted keys, no insignificant whitespace, no undefined) and its sha256, so that
// configHash / observedHash / planHash are equal across runs, machines and key orders.
import { createHash } from 'node:crypto';
import { counters } from './counters.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The normalized value (keys sorted, undefined dropped): canonicalize once, print and hash it many ways. */
export function canonicalTree(value: unknown): Json {
  counters.canonicalizations++; // a structural figure: tests hold a run to its count
  return normalize(value);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalTree(value));
}

function normalize(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`canonical JSON cannot hold ${v}`);
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = normalize(x);
    }
    return out;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof v}`);
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
