// The pure part of the spine in one call: (config, assessed observation) → reviewed plan.
import { didYouMean } from './config/suggest.js';
import type { Config } from './config/types.js';
import { HvcError } from './errors.js';
import type { Observation } from './model/observed.js';
import { finalizePlan } from './plan/finalize.js';
import { configHash, type KnownDigests } from './plan/hashes.js';
import { planChanges } from './plan/plan.js';
import type { SeedDigests } from './plan/surface.js';
import type { Plan } from './plan/types.js';
import { applySafety } from './safety/safety.js';

/** targets: only these VMs (terraform's -target); the plan records them, so its hash binds them. */
/** `seeds`: the cloud-init seed images the engine built (hash and size only, never their bytes).
 *  `digestsKnown`: hashes the caller already computed (the run hashes its config and observation once). */
export function makePlan(config: Config, observation: Observation, backend: string, targets?: readonly string[], seeds?: SeedDigests, digestsKnown: KnownDigests = {}): Plan {
  const digests: KnownDigests = { ...digestsKnown, configHash: digestsKnown.configHash ?? configHash(config) };
  const draft = applySafety(planChanges(config, observation, seeds, digests.configHash), config, observation);
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
    for (const d of vm.dataDisks ?? []) if (d.existing) set.add(d.path);
    for (const d of vm.dvdDrives ?? []) if (d.path) set.add(d.path);
    if (vm.cloudInit) set.add(vm.cloudInit.path);
  }
  return [...set].sort();
}

/** Files whose sha256 observe reports: the seed images, to tell whether they must be rewritten. */
export function hashesToCheck(config: Config): string[] {
  return [...new Set(config.vms.flatMap((v) => (v.cloudInit && v.state !== 'absent' ? [v.cloudInit.path] : [])))].sort();
}
