// configHash, observedHash and basisHash: sha256 over canonical JSON of content only (no source
// positions, no timestamps, no backend name), so a plan made from a replayed current.json equals the
// one made live.
import { sha256Of, type Sha256 } from '../canonical.js';
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

/** The facts planning reads from one VM (plan.ts): nothing else of it, so a new IP or a backup checkpoint is not a change. */
function vmFacts(v: ObservedVm, checkpointName: string): unknown {
  const nic = v.adapters[0] ?? null;
  const disk = v.disks[0] ?? null;
  return {
    id: v.id,
    name: v.name,
    state: v.state,
    generation: v.generation,
    cpus: v.cpus,
    memory: v.memory,
    secureBoot: v.secureBoot,
    notes: v.notes,
    nic: nic && { name: nic.name, switch: nic.switch, mac: nic.mac, dynamicMac: nic.dynamicMac },
    disk: disk && { path: disk.path, sizeBytes: disk.sizeBytes },
    // Only whether this config's own pre-change checkpoint exists is compared.
    ownCheckpoint: v.checkpoints.some((c) => c.name === checkpointName),
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
  const switches = new Set(config.vms.map((v) => v.switch?.toLowerCase()).filter((s): s is string => !!s));
  return {
    computerName: obs.host.computerName,
    switches: obs.host.switches.filter((s) => switches.has(s.name.toLowerCase())).map((s) => s.name),
    paths: obs.host.paths,
    blocking: blockingReasons(obs, concerns),
    vms: obs.vms.filter((v) => concerns(v.name)).map((v) => vmFacts(v, checkpointName)),
  };
}

export function basisHash(config: Config, obs: Observation, checkpointName: string, targets?: readonly string[]): Sha256 {
  return sha256Of(basisOf(config, obs, checkpointName, targets));
}
