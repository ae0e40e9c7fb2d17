// The reviewed plan: counts and its hashes.
import { canonicalTree, sha256OfTree, type Json } from '../canonical.js';
import type { Config } from '../config/types.js';
import type { Observation } from '../model/observed.js';
import { basisHash, configHash, observationDigests, observedHash, type KnownDigests } from './hashes.js';
import { checkpointNameFor, type PlanDraft } from './plan.js';
import type { Plan, PlanCounts } from './types.js';

function countOf(draft: PlanDraft): PlanCounts {
  const vmsWith = (pred: (a: string) => boolean) => new Set(draft.steps.filter((s) => pred(s.action)).map((s) => s.vm));
  const created = vmsWith((a) => a === 'create');
  const removed = vmsWith((a) => a === 'remove');
  const changed = new Set([...vmsWith(() => true)].filter((vm) => !created.has(vm) && !removed.has(vm)));
  return { create: created.size, change: changed.size, destroy: removed.size, refused: draft.refusals.length, unchanged: draft.unchanged.length };
}

/**
 * The plan with its hashes. The observation is canonicalized once (or not at all when the caller
 * hands its tree in `known`) for both the observed and the basis hash. The plan comes back as the
 * canonical tree its hash was taken over (keys in sorted order, undefined dropped), so printing it
 * as plan.json walks it without copying.
 */
export function finalizePlan(draft: PlanDraft, config: Config, obs: Observation, backend: string, targets?: string[], known: KnownDigests = {}): Plan {
  const cfgHash = known.configHash ?? configHash(config);
  const checkpointName = checkpointNameFor(config, cfgHash);
  // With the observed hash known and no tree, only the basis is hashed (over the VMs it concerns).
  const digests = known.observedHash !== undefined && known.observedTree === undefined
    ? { observedHash: known.observedHash, basisHash: basisHash(config, obs, checkpointName, targets) }
    : observationDigests(config, obs, checkpointName, targets, known.observedTree);
  const body = {
    schemaVersion: 1 as const,
    project: config.project,
    actionable: draft.actionable,
    steps: draft.steps,
    refusals: draft.refusals,
    counts: countOf(draft),
    unchanged: draft.unchanged,
    configHash: cfgHash,
    basisHash: digests.basisHash,
    ...(targets ? { targets } : {}),
  };
  const tree = canonicalTree(body) as { [k: string]: Json };
  // The plan hash binds what the plan depends on; the whole observation's hash is kept beside it.
  const planHash = sha256OfTree(tree);
  const plan: { [k: string]: Json } = {};
  const extra: { [k: string]: Json } = { backend, observedHash: known.observedHash ?? digests.observedHash, planHash };
  for (const k of [...Object.keys(tree), ...Object.keys(extra)].sort()) plan[k] = Object.hasOwn(extra, k) ? extra[k]! : tree[k]!;
  return plan as unknown as Plan;
}

/** A plan holds drift when it has anything to do or anything it refused. */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.length > 0 || plan.refusals.length > 0;
}

export { basisHash, configHash, observedHash };
