// The pure part of the spine in one call: (config, assessed observation) → reviewed plan.
import type { Config } from './config/types.js';
import type { Observation } from './model/observed.js';
import { finalizePlan } from './plan/finalize.js';
import { planChanges } from './plan/plan.js';
import type { Plan } from './plan/types.js';
import { applySafety } from './safety/safety.js';

export function makePlan(config: Config, observation: Observation, backend: string): Plan {
  return finalizePlan(applySafety(planChanges(config, observation), config, observation), config, observation, backend);
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
