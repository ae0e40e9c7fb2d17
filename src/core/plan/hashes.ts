// configHash, observedHash and basisHash: sha256 over canonical JSON of content only (no source
// positions, no timestamps, no backend name), so a plan made from a replayed current.json equals the
// one made live.
import { sha256Of, sha256OfTree, type Json, type Sha256 } from '../canonical.js';
import type { Config } from '../config/types.js';
import { blockingReasons, nameKey } from '../model/assess.js';
import type { Observation, ObservedVm } from '../model/observed.js';
import { ownerOf } from '../model/ownership.js';

export function configHash(config: Config): Sha256 {
  return sha256Of({ ...config, vms: config.vms.map(({ source: _s, ...vm }) => vm) });
}

/** The whole observation: every VM on the host. Information only; the plan hash does not cover it. */
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

/**
 * The facts planning reads from one VM (plan.ts, surface.ts): everything observed of it but what
 * changes on its own without being a change — guest addresses, integration-service status text, and
 * checkpoints other than this config's own — so a new IP or a backup checkpoint is not a change.
 */
function vmFacts(v: ObservedVm, checkpointName: string): unknown {
  const { checkpoints, adapters, integrationServices, ...rest } = v;
  return {
    ...rest,
    adapters: adapters.map(({ ips: _ips, ...a }) => a),
    integrationServices: integrationServices.map((s) => ({ id: s.id, enabled: s.enabled })),
    // Only whether this config's own pre-change checkpoint exists is compared.
    ownCheckpoint: checkpoints.some((c) => c.name === checkpointName),
  };
}

/**
 * The observed facts the plan compared, for the VMs it concerns: the VMs the file names (and, with
 * pruning, the VMs this project owns), the switches and paths the file refers to, and what made the
 * observation incomplete for them. Another team's VM on the same host is not part of it.
 */
export function basisOf(config: Config, obs: Observation, checkpointName: string, targets?: readonly string[]): unknown {
  const desired = new Set(config.vms.map((v) => nameKey(v.name)));
  const owned = new Set(config.policy.prune ? obs.vms.filter((o) => ownerOf(o.notes) === config.project).map((o) => nameKey(o.name)) : []);
  // A plan limited to some VMs (--target) concerns only those.
  const only = targets ? new Set(targets.map((t) => nameKey(t))) : null;
  const concerns = (name: string) => (desired.has(nameKey(name)) || owned.has(nameKey(name))) && (!only || only.has(nameKey(name)));
  // Every switch the file refers to: single-form switches, adapter lists, and switches it declares.
  const named = [...config.vms.flatMap((v) => [v.switch, ...(v.adapters ?? []).map((a) => a.switch)]), ...(config.switches ?? []).map((s) => s.name)];
  const switches = new Set(named.filter((s): s is string => !!s).map((s) => nameKey(s)));
  return {
    computerName: obs.host.computerName,
    switches: obs.host.switches.filter((s) => switches.has(nameKey(s.name))),
    paths: obs.host.paths,
    blocking: blockingReasons(obs, concerns),
    vms: obs.vms.filter((v) => concerns(v.name)).map((v) => vmFacts(v, checkpointName)),
  };
}

export function basisHash(config: Config, obs: Observation, checkpointName: string, targets?: readonly string[]): Sha256 {
  return sha256Of(basisOf(config, obs, checkpointName, targets));
}
