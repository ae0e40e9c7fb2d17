// The reviewed plan: counts and its hashes.
import { CanonicalTexts, canonicalTree, sha256OfParts, sha256OfTree, type Json } from '../canonical.js';
import type { Config } from '../config/types.js';
import type { Observation } from '../model/observed.js';
import { basisHash, basisTreeOf, checkpointNameFor, configHash, observedHash, observedHashOfTree, type KnownDigests } from './hashes.js';
import type { PlanDraft } from './plan.js';
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
  const texts = known.texts ?? new CanonicalTexts();
  // The observation is canonicalized at most once (not at all with its tree handed in), and its
  // hash is taken only when the caller has not already taken it.
  let tree = known.observedTree;
  const observed = known.observedHash ?? observedHashOfTree((tree ??= canonicalTree(obs)), texts);
  const basis = tree !== undefined ? sha256OfTree(basisTreeOf(config, obs, tree, checkpointName, targets)) : basisHash(config, obs, checkpointName, targets);
  const body = {
    schemaVersion: 1 as const,
    project: config.project,
    actionable: draft.actionable,
    steps: draft.steps,
    refusals: draft.refusals,
    counts: countOf(draft),
    unchanged: draft.unchanged,
    configHash: cfgHash,
    basisHash: basis,
    ...(targets ? { targets } : {}),
  };
  const bodyTree = canonicalTree(body) as { [k: string]: Json };
  // The plan hash binds what the plan depends on; the whole observation's hash is kept beside it.
  // Printed through the run's texts: plan.json, printed from the same members, reuses them.
  const planHash = sha256OfParts(texts.objectParts(bodyTree));
  const plan: { [k: string]: Json } = {};
  const extra: { [k: string]: Json } = { backend, observedHash: observed, planHash };
  for (const k of [...Object.keys(bodyTree), ...Object.keys(extra)].sort()) plan[k] = Object.hasOwn(extra, k) ? extra[k]! : bodyTree[k]!;
  return plan as unknown as Plan;
}

/** A plan holds drift when it has anything to do or anything it refused. */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.length > 0 || plan.refusals.length > 0;
}

export { basisHash, configHash, observedHash };
