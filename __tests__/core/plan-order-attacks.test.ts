// Outside checks on plans built with keys in sorted order (src/core/plan/plan.ts, safety.ts): what
// reads a plan downstream (plan.json, the PR comment, the reviewed-plan record, the CLI text) must
// see the same thing whether it holds the plan in memory or reads it back, and a plan must not
// change when the values it was made from change afterwards.
import { describe, expect, it } from '@jest/globals';
import { fleetConfig, fleetObservation } from '../../bench/fleet.js';
import { renderReport } from '../../src/action/report.js';
import { diffPlans, reviewedPlanOf, stepLines } from '../../src/action/reviewed-plan.js';
import { canonicalJson, canonicalTree } from '../../src/core/canonical.js';
import type { Config } from '../../src/core/config/types.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import type { Observation } from '../../src/core/model/observed.js';
import { renderPlan } from '../../src/core/plan/text.js';
import type { Plan } from '../../src/core/plan/types.js';

function fleet(n: number, prune = false): { config: Config; obs: Observation } {
  const base = fleetConfig(n);
  const config: Config = { ...base, policy: { ...base.policy, prune, checkpointBeforeDisruptive: true } };
  return { config, obs: assessObservation(fleetObservation(config)) };
}

/** Every object in the value lists its own keys in sorted order. */
function unsortedAt(v: unknown, path = '$'): string | null {
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = unsortedAt(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  const keys = Object.keys(v);
  const sorted = [...keys].sort();
  if (keys.join('\u0000') !== sorted.join('\u0000')) return `${path}: ${keys.join(',')}`;
  for (const k of keys) {
    const p = unsortedAt((v as Record<string, unknown>)[k], `${path}.${k}`);
    if (p) return p;
  }
  return null;
}

function deepTouch(v: unknown, seen = new Set<object>()): void {
  if (v === null || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) {
    v.forEach((x) => deepTouch(x, seen));
    if (v.length && typeof v[0] !== 'object') v.push(v[0]);
    return;
  }
  for (const k of Object.keys(v)) deepTouch((v as Record<string, unknown>)[k], seen);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (typeof o[k] === 'number') o[k] = (o[k] as number) + 1;
    else if (typeof o[k] === 'string') o[k] = `${o[k] as string}!`;
  }
  o.zzTouched = true;
}

describe('a plan in memory is the plan read back from plan.json', () => {
  for (const prune of [false, true]) {
    it(`every object of the plan lists its keys sorted; JSON.stringify equals canonical JSON (prune: ${prune})`, () => {
      const { config, obs } = fleet(300, prune);
      const plan = makePlan(config, obs, 'sim');
      expect(plan.steps.length).toBeGreaterThan(0);
      expect(plan.refusals.length).toBeGreaterThan(0);
      expect(unsortedAt(plan)).toBeNull();
      expect(JSON.stringify(plan)).toBe(canonicalJson(plan));
      expect(canonicalTree(plan)).toBe(plan);
    });
  }

  it('the PR comment, the reviewed record and the CLI text are the same for the plan in memory and read back', () => {
    const { config, obs } = fleet(200);
    const plan = makePlan(config, obs, 'sim');
    const back = JSON.parse(canonicalJson(plan)) as Plan;
    const input = (p: Plan) => ({ config: 'vms.yaml', status: 'Planned' as const, message: 'x', failureReason: null, plan: p, result: null, problems: [], difference: null, reviewedHash: null, runUrl: 'u', artifactUrl: null });
    expect(renderReport(input(back), 1_000_000)).toBe(renderReport(input(plan), 1_000_000));
    expect(JSON.stringify(reviewedPlanOf(back, 'vms.yaml', null, 't'))).toBe(JSON.stringify(reviewedPlanOf(plan, 'vms.yaml', null, 't')));
    expect(stepLines(back)).toEqual(stepLines(plan));
    expect(diffPlans(reviewedPlanOf(plan, 'vms.yaml', null, 't'), back).changes).toEqual([]);
    expect(renderPlan(back, obs, false)).toBe(renderPlan(plan, obs, false));
  });
});

describe('a plan does not change when the values it was made from change afterwards', () => {
  it('config and observation changed in every member after planning: the plan prints as before', () => {
    const { config, obs } = fleet(200, true);
    const plan = makePlan(config, obs, 'sim');
    const text = canonicalJson(plan);
    const json = JSON.stringify(plan);
    deepTouch(config);
    deepTouch(obs);
    expect(canonicalJson(plan)).toBe(text);
    expect(JSON.stringify(plan)).toBe(json);
  });
});
