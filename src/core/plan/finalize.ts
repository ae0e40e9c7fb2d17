// The reviewed plan: counts and its hashes.
import { sha256Of } from '../canonical.js';
import type { Config } from '../config/types.js';
import type { Observation } from '../model/observed.js';
import { basisHash, configHash, observedHash, type KnownDigests } from './hashes.js';
import { checkpointNameFor, type PlanDraft } from './plan.js';
import type { Plan, PlanCounts } from './types.js';

function countOf(draft: PlanDraft): PlanCounts {
  const vmsWith = (pred: (a: string) => boolean) => new Set(draft.steps.filter((s) => pred(s.action)).map((s) => s.vm));
  const created = vmsWith((a) => a === 'create');
  const removed = vmsWith((a) => a === 'remove');
  const changed = new Set([...vmsWith(() => true)].filter((vm) => !created.has(vm) && !removed.has(vm)));
  return { create: created.size, change: changed.size, destroy: removed.size, refused: draft.refusals.length, unchanged: draft.unchanged.length };
}

export function finalizePlan(draft: PlanDraft, config: Config, obs: Observation, backend: string, targets?: string[], known: KnownDigests = {}): Plan {
  const cfgHash = known.configHash ?? configHash(config);
  const body = {
    schemaVersion: 1 as const,
    project: config.project,
    actionable: draft.actionable,
    steps: draft.steps,
    refusals: draft.refusals,
    counts: countOf(draft),
    unchanged: draft.unchanged,
    configHash: cfgHash,
    basisHash: basisHash(config, obs, checkpointNameFor(config, cfgHash), targets),
    ...(targets ? { targets } : {}),
  };
  // The plan hash binds what the plan depends on; the whole observation's hash is kept beside it.
  return { ...body, observedHash: known.observedHash ?? observedHash(obs), backend, planHash: sha256Of(body) };
}

/** A plan holds drift when it has anything to do or anything it refused. */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.length > 0 || plan.refusals.length > 0;
}

export { basisHash, configHash, observedHash };
