import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import type { PlanDraft } from '../../src/core/plan/plan.js';
import type { Step } from '../../src/core/plan/types.js';
import { applySafety, matchesPattern, nameTail } from '../../src/core/safety/safety.js';
import { vmNameKey } from '../../src/core/config/vm-name.js';
import { config, desired, observation, observed } from '../support/core-fixtures.js';

describe('safety', () => {
  it('cannot stop a protected VM', () => {
    const p = makePlan(config([desired('prod-db-1', { state: 'stopped' })]), assessObservation(observation([observed('prod-db-1')])), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.refusals).toHaveLength(1);
    expect(p.refusals[0]).toMatchObject({ vm: 'prod-db-1', code: 'protected', kind: 'refused' });
    expect(p.refusals[0]!.steps.map((s) => s.action)).toEqual(['stop']);
  });

  it('refuses the whole restart group of a protected VM, not just the stop', () => {
    const p = makePlan(config([desired('prod-web', { cpus: 8 })], { allowRestart: true }), assessObservation(observation([observed('prod-web')])), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.refusals[0]!.steps.map((s) => s.action)).toEqual(['stop', 'set-cpus', 'start']);
  });

  it('lets benign changes of a protected VM through', () => {
    const p = makePlan(config([desired('prod-web', { notes: 'owner: ops' })]), assessObservation(observation([observed('prod-web')])), 'sim');
    expect(p.steps.map((s) => s.action)).toEqual(['set-notes']);
  });

  it('refuses removal of a protected VM', () => {
    const p = makePlan(config([desired('prod-old', { state: 'absent' })]), assessObservation(observation([observed('prod-old', { state: 'Off' })])), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.refusals[0]!.code).toBe('protected');
  });

  it('caps disruptive steps per run, whole groups at a time, in plan order', () => {
    const vms = ['a', 'b', 'c'].map((n) => desired(n, { state: 'stopped' }));
    const p = makePlan(config(vms, { maxDisruptive: 2 }), assessObservation(observation(['a', 'b', 'c'].map((n) => observed(n)))), 'sim');
    expect(p.steps.map((s) => s.vm)).toEqual(['a', 'b']);
    expect(p.refusals).toHaveLength(1);
    expect(p.refusals[0]).toMatchObject({ vm: 'c', code: 'max-disruptive' });
  });

  it('refuses a remove step for a VM this project does not own, even if a draft holds one', () => {
    const stranger = observed('x', { notes: 'not ours', state: 'Off' });
    const obs = assessObservation(observation([stranger]));
    const remove: Step = {
      id: 'x/1', vm: 'x', vmId: stranger.id, action: 'remove', from: 'Off', to: 'absent', reason: 'test', disruption: 'destructive', group: 'x/1',
      operation: { op: 'vm.remove', args: { id: stranger.id, name: 'x', deleteDisks: true } },
    };
    const out = applySafety({ actionable: true, steps: [remove], refusals: [], unchanged: [] }, config([desired('x', { state: 'absent' })]), obs);
    expect(out.steps).toEqual([]);
    expect(out.refusals[0]!.code).toBe('destroy-not-owned');
  });

  it('finds the file\'s VM of a remove step by its name key, among many VMs of the same length and last letter', () => {
    const ours = observed('Web-5', { notes: 'hyperv-converge: project=demo', state: 'Off' });
    const obs = assessObservation(observation([ours]));
    const remove: Step = {
      id: 'WEB-5/1', vm: 'WEB-5', vmId: ours.id, action: 'remove', from: 'Off', to: 'absent', reason: 'test', disruption: 'destructive', group: 'WEB-5/1',
      operation: { op: 'vm.remove', args: { id: ours.id, name: 'WEB-5', deleteDisks: false } },
    };
    const others = Array.from({ length: 50 }, (_, i) => desired(`web-${i % 10}x`.slice(0, 5) + (i % 10)));
    for (const [state, kept] of [['absent', 1], ['running', 0]] as const) {
      const c = config([...others.filter((d) => d.name.toUpperCase() !== 'WEB-5'), desired('web-5', { state })]);
      const out = applySafety({ actionable: true, steps: [remove], refusals: [], unchanged: [] }, { ...c, project: 'demo' }, obs);
      expect(out.steps.length).toBe(kept);
    }
  });

  it('matches protect patterns with * and ?, case-insensitively', () => {
    expect(matchesPattern('PROD-db', 'prod-*')).toBe(true);
    expect(matchesPattern('prod1', 'prod?')).toBe(true);
    expect(matchesPattern('preprod-x', 'prod-*')).toBe(false);
    expect(matchesPattern('a.b', 'a?b')).toBe(true);
    expect(matchesPattern('axb', 'a.b')).toBe(false);
  });

  it('never adds or alters a step (property over random drafts)', () => {
    const actions = ['start', 'stop', 'set-cpus', 'set-notes', 'remove', 'checkpoint'] as const;
    const stepArb = fc.record({ vm: fc.constantFrom('prod-a', 'b', 'c'), action: fc.constantFrom(...actions), g: fc.integer({ min: 0, max: 3 }) });
    let runs = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (raw, maxDisruptive, prune) => {
        runs++;
        const steps: Step[] = raw.map((r, i) => ({
          id: `${r.vm}/${i}`, vm: r.vm, vmId: `id-${r.vm}`, action: r.action, from: null, to: null, reason: 'x',
          disruption: r.action === 'remove' ? 'destructive' : r.action === 'stop' ? 'disruptive' : 'benign', group: `${r.vm}/g${r.g}`,
          operation: { op: 'vm.start', args: { id: `id-${r.vm}`, name: r.vm } },
        }));
        const draft: PlanDraft = { actionable: true, steps, refusals: [], unchanged: [] };
        const obs = observation([observed('prod-a', { id: 'id-prod-a' }), observed('b', { id: 'id-b' }), observed('c', { id: 'id-c', notes: '' })]);
        const out = applySafety(draft, config([desired('b', { state: 'absent' })], { maxDisruptive, prune }), obs);
        for (const s of out.steps) expect(steps).toContainEqual(s);
        expect(out.steps.length + out.refusals.reduce((n, r) => n + r.steps.length, 0)).toBe(steps.length);
        const kept = out.steps.filter((s) => s.disruption !== 'benign').length;
        expect(kept).toBeLessThanOrEqual(maxDisruptive);
      }),
      { numRuns: 500 },
    );
    expect(runs).toBe(500);
  });
});

describe('the remove lookup skips only names that cannot share a wanted name key', () => {
  it('nameTail(name) equals nameTail of its key, for any name (so names of one key have one tail)', () => {
    const tricky = fc.constantFrom('k', 'K', '\u212a', 'ß', 'ı', 'i', 'ſ', 's', 'é', 'É', '\ud83d\ude00', '\ud83d', '\u200b', '-', '9', 'z', 'Z', '{', '`', '@');
    const name = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 6 }), fc.array(tricky, { maxLength: 6 }).map((a) => a.join('')));
    fc.assert(
      fc.property(name, (n) => {
        expect(vmNameKey(n).length).toBe(n.length);
        expect(nameTail(vmNameKey(n))).toBe(nameTail(n));
      }),
      { numRuns: 20000 },
    );
  });
});
