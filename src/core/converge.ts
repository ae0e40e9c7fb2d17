// The pure part of the spine in one call: (config, assessed observation) → reviewed plan.
import { didYouMean } from './config/suggest.js';
import type { Config } from './config/types.js';
import { HvcError } from './errors.js';
import type { Observation } from './model/observed.js';
import { finalizePlan } from './plan/finalize.js';
import { configHash, type KnownDigests } from './plan/hashes.js';
import { planChanges } from './plan/plan.js';
import type { Plan } from './plan/types.js';
import { applySafety } from './safety/safety.js';

/** targets: only these VMs (terraform's -target); the plan records them, so its hash binds them. */
export function makePlan(config: Config, observation: Observation, backend: string, targets?: readonly string[], digestsKnown: KnownDigests = {}): Plan {
  // `digestsKnown`: hashes the caller already computed (the run hashes its config and observation once).
  const digests = { configHash: digestsKnown.configHash ?? configHash(config), ...(digestsKnown.observedHash ? { observedHash: digestsKnown.observedHash } : {}) };
  const draft = applySafety(planChanges(config, observation, digests.configHash), config, observation);
  if (!targets || targets.length === 0) return finalizePlan(draft, config, observation, backend, undefined, digests);
  const known = [...config.vms.map((v) => v.name), ...observation.vms.map((v) => v.name)];
  for (const t of targets) {
    if (!known.some((k) => k.toLowerCase() === t.toLowerCase())) {
      const hint = didYouMean(t, known);
      throw new HvcError('usage', `--target '${t}' names no VM of the config or the host${hint ? `; ${hint}` : ''}`);
    }
  }
  const keep = new Set(targets.map((t) => t.toLowerCase()));
  const hit = (vm: string) => keep.has(vm.toLowerCase());
  const only = {
    ...draft,
    steps: draft.steps.filter((s) => hit(s.vm)),
    refusals: draft.refusals.filter((r) => r.vm === '*' || hit(r.vm)),
    unchanged: draft.unchanged.filter(hit),
  };
  return finalizePlan(only, config, observation, backend, [...keep].sort(), digests);
}

/** Folders and base images whose existence observe reports, so plan can say what is missing. */
export function pathsToCheck(config: Config): string[] {
  const set = new Set<string>();
  for (const vm of config.vms) {
    set.add(vm.path);
    if (vm.disk.image) set.add(vm.disk.image);
  }
  return [...set].sort();
}
