// The definition of canonical JSON, written the plain way (a sorted copy of every object, undefined
// members dropped, then JSON.stringify): what the copy-on-write walk in src/core/canonical.ts and
// every hash built on it are checked against.
import { createHash } from 'node:crypto';

/** The definition: a sorted copy of every object, undefined dropped, then JSON.stringify. */
export function reference(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`canonical JSON cannot hold ${v}`);
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(reference);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = reference(x);
    }
    return out;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof v}`);
}
export const refJson = (v: unknown) => JSON.stringify(reference(v));
export const refHash = (v: unknown) => `sha256:${createHash('sha256').update(refJson(v), 'utf8').digest('hex')}`;
