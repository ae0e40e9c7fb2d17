// configHash and observedHash: sha256 over canonical JSON of content only (no source positions, no
// timestamps, no backend name), so a plan made from a replayed current.json equals the one made live.
import { sha256Of, sha256OfTree, type Json, type Sha256 } from '../canonical.js';
import type { Config } from '../config/types.js';
import type { Observation } from '../model/observed.js';

export function configHash(config: Config): Sha256 {
  return sha256Of({ ...config, vms: config.vms.map(({ source: _s, ...vm }) => vm) });
}

export function observedHash(obs: Observation): Sha256 {
  return sha256Of({ host: obs.host, vms: obs.vms, complete: obs.complete, incomplete: obs.incomplete });
}

/**
 * observedHash from the canonical tree of the whole observation (the one current.json is printed
 * from), so a run canonicalizes its observation once: equal to observedHash(obs) for tree =
 * canonicalTree(obs), because the subtrees are already normalized and the keys are listed sorted.
 */
export function observedHashOfTree(tree: Json): Sha256 {
  const t = tree as { [k: string]: Json };
  return sha256OfTree({ complete: t.complete ?? null, host: t.host ?? null, incomplete: t.incomplete ?? null, vms: t.vms ?? null });
}

/** Hashes a caller already has (a run computes each once and hands them on). */
export interface KnownDigests {
  configHash?: Sha256;
  observedHash?: Sha256;
}
