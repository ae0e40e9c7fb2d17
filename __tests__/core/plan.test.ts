import { describe, expect, it } from '@jest/globals';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import { markerLine } from '../../src/core/model/ownership.js';
import { planChanges } from '../../src/core/plan/plan.js';
import { canonicalTree, prettyTree } from '../../src/core/canonical.js';
import { config, desired, GiB, observation, observed } from '../support/core-fixtures.js';

const actions = (p: { steps: { vm: string; action: string }[] }) => p.steps.map((s) => `${s.vm}:${s.action}`);

describe('plan: absent, create and power state', () => {
  it('creates and starts a VM absent from a complete observation', () => {
    const p = makePlan(config([desired('web-1')]), assessObservation(observation([])), 'sim');
    expect(actions(p)).toEqual(['web-1:create', 'web-1:start']);
    expect(p.steps[0]!.operation).toMatchObject({ op: 'vm.create', args: { name: 'web-1', generation: 2, notes: markerLine('lab') } });
    expect(p.counts).toMatchObject({ create: 1, change: 0, destroy: 0 });
  });

  it('absent is never read as stopped: a missing VM the file wants stopped is created, not left alone', () => {
    const p = makePlan(config([desired('db-1', { state: 'stopped' })]), assessObservation(observation([])), 'sim');
    expect(actions(p)).toEqual(['db-1:create']);
  });

  it('does nothing for a VM that is absent and should be absent', () => {
    const p = makePlan(config([desired('old-1', { state: 'absent' })]), assessObservation(observation([])), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.unchanged).toEqual(['old-1']);
  });

  it('stops a running VM the file wants stopped, and starts an Off one it wants running', () => {
    const p = makePlan(config([desired('a', { state: 'stopped' }), desired('b')]), assessObservation(observation([observed('a'), observed('b', { state: 'Off' })])), 'sim');
    expect(actions(p)).toEqual(['a:stop', 'b:start']);
    expect(p.steps[0]!.disruption).toBe('disruptive');
  });

  it('matches names case-insensitively, as Hyper-V does', () => {
    const p = makePlan(config([desired('Web-1')]), assessObservation(observation([observed('web-1')])), 'sim');
    expect(p.steps).toEqual([]);
  });
});

describe('plan: refusal rules', () => {
  it('an incomplete observation yields no actionable plan, with the reason', () => {
    const obs = observation([], { complete: false, incomplete: [{ code: 'host-unreachable', message: 'WinRM refused the connection' }] });
    const p = makePlan(config([desired('web-1')]), assessObservation(obs), 'sim');
    expect(p.actionable).toBe(false);
    expect(p.steps).toEqual([]);
    expect(p.refusals).toHaveLength(1);
    expect(p.refusals[0]).toMatchObject({ code: 'observation-incomplete', kind: 'refused' });
    expect(p.refusals[0]!.message).toContain('WinRM refused the connection');
  });

  it('cannot act on unknown: a config VM in a transitional state blocks the whole plan', () => {
    const obs = assessObservation(observation([observed('web-1', { state: 'Stopping' }), observed('web-2', { state: 'Off' })]));
    expect(obs.complete).toBe(false);
    const p = makePlan(config([desired('web-1'), desired('web-2')]), obs, 'sim');
    expect(p.actionable).toBe(false);
    expect(p.steps).toEqual([]);
    expect(p.refusals[0]!.message).toContain("'web-1' is Stopping");
  });

  it('an unknown state of a config VM blocks the plan too', () => {
    const p = makePlan(config([desired('web-1')]), assessObservation(observation([observed('web-1', { state: 'FastSaved' })])), 'sim');
    expect(p.actionable).toBe(false);
  });

  it("an unrelated VM's transition does not block the plan (it is never acted on anyway)", () => {
    const obs = assessObservation(observation([observed('someone-else', { state: 'Starting', notes: '' }), observed('web-1', { state: 'Off' })]));
    const p = makePlan(config([desired('web-1')]), obs, 'sim');
    expect(p.actionable).toBe(true);
    expect(actions(p)).toEqual(['web-1:start']);
  });

  it('duplicate names are an incomplete observation, never a guess', () => {
    const obs = assessObservation(observation([observed('web-1'), observed('WEB-1', { state: 'Off' })]));
    const p = makePlan(config([desired('web-1', { state: 'absent' })]), obs, 'sim');
    expect(p.actionable).toBe(false);
    expect(p.refusals[0]!.message).toContain("2 VMs are named 'web-1'");
  });

  it('never changes or removes an unmanaged VM (no ownership marker)', () => {
    const vm = observed('legacy', { notes: 'hand-built', cpus: 1, state: 'Running' });
    for (const d of [desired('legacy', { cpus: 8, state: 'stopped' }), desired('legacy', { state: 'absent' })]) {
      const p = makePlan(config([d], { allowRestart: true }), assessObservation(observation([vm])), 'sim');
      expect(p.steps).toEqual([]);
      expect(p.refusals).toHaveLength(1);
      expect(p.refusals[0]).toMatchObject({ vm: 'legacy', code: 'unmanaged', kind: 'refused' });
      expect(p.refusals[0]!.message).toContain('hyperv-converge: project=lab');
    }
  });

  it("never touches another project's VM", () => {
    const p = makePlan(config([desired('web-1', { state: 'absent' })]), assessObservation(observation([observed('web-1', { notes: markerLine('other') })])), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.refusals[0]!.code).toBe('owned-by-other');
  });

  it('blocks offline changes of a running VM when restarts are not allowed, keeping online ones', () => {
    const vm = observed('web-1', { cpus: 2, notes: 'old\n' + markerLine('lab') });
    const p = makePlan(config([desired('web-1', { cpus: 4, notes: 'new' })]), assessObservation(observation([vm])), 'sim');
    expect(actions(p)).toEqual(['web-1:set-notes']);
    expect(p.refusals).toHaveLength(1);
    expect(p.refusals[0]).toMatchObject({ code: 'needs-restart', kind: 'blocked' });
    expect(p.refusals[0]!.steps.map((s) => s.action)).toEqual(['set-cpus']);
  });

  it('plans stop → change → start as one group when restarts are allowed', () => {
    const vm = observed('web-1', { cpus: 2, secureBoot: false });
    const p = makePlan(config([desired('web-1', { cpus: 4, memory: { dynamic: false, startupBytes: 4 * GiB } })], { allowRestart: true }), assessObservation(observation([vm])), 'sim');
    expect(actions(p)).toEqual(['web-1:stop', 'web-1:set-cpus', 'web-1:set-memory', 'web-1:set-secure-boot', 'web-1:start']);
    expect(new Set(p.steps.map((s) => s.group)).size).toBe(1);
  });

  it('changes an Off VM directly, with no stop and no restart', () => {
    const p = makePlan(config([desired('web-1', { cpus: 4, state: 'stopped' })]), assessObservation(observation([observed('web-1', { state: 'Off' })])), 'sim');
    expect(actions(p)).toEqual(['web-1:set-cpus']);
  });

  it('changes dynamic memory bounds online, without a restart', () => {
    const vm = observed('c', { memory: { dynamic: true, startupBytes: GiB, minimumBytes: GiB / 2, maximumBytes: 2 * GiB } });
    const p = makePlan(config([desired('c', { memory: { dynamic: true, startupBytes: GiB, minimumBytes: GiB / 2, maximumBytes: 3 * GiB } })]), assessObservation(observation([vm])), 'sim');
    expect(actions(p)).toEqual(['c:set-memory']);
    expect(p.refusals).toEqual([]);
  });

  it('refuses a generation change (it means a new VM)', () => {
    const p = makePlan(config([desired('web-1', { generation: 1, secureBoot: null })]), assessObservation(observation([observed('web-1')])), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.refusals[0]).toMatchObject({ code: 'generation-change', kind: 'blocked' });
  });

  it('never shrinks a disk, and grows a generation 2 disk online', () => {
    const small = makePlan(config([desired('w', { disk: { strategy: 'copy', image: null, sizeBytes: 32 * GiB, deleteOnDestroy: false } })]), assessObservation(observation([observed('w')])), 'sim');
    expect(small.refusals[0]!.code).toBe('disk-shrink');
    const big = makePlan(config([desired('w', { disk: { strategy: 'copy', image: null, sizeBytes: 128 * GiB, deleteOnDestroy: false } })]), assessObservation(observation([observed('w')])), 'sim');
    expect(actions(big)).toEqual(['w:grow-disk']);
  });

  it('blocks creation when the base image or switch is missing on the host', () => {
    const p = makePlan(config([desired('n', { switch: 'nope', disk: { strategy: 'differencing', image: 'E:\\missing.vhdx', sizeBytes: null, deleteOnDestroy: false } })]), assessObservation(observation([], { host: { ...observation([]).host, paths: [{ path: 'E:\\missing.vhdx', exists: false }] } })), 'sim');
    expect(p.steps).toEqual([]);
    expect(p.refusals.map((r) => r.code)).toEqual(['missing-image', 'missing-switch']);
    expect(p.refusals[0]!.steps.map((s) => s.action)).toEqual(['create', 'start']);
  });

  it('blocks a Saved VM from changes that need it off, and a Paused VM from everything', () => {
    const saved = makePlan(config([desired('s', { cpus: 4 })]), assessObservation(observation([observed('s', { state: 'Saved' })])), 'sim');
    expect(saved.refusals[0]!.code).toBe('saved-or-paused');
    expect(actions(saved)).toEqual(['s:start']);
    const paused = makePlan(config([desired('p')]), assessObservation(observation([observed('p', { state: 'Paused' })])), 'sim');
    expect(paused.steps).toEqual([]);
    expect(paused.refusals[0]!.code).toBe('saved-or-paused');
  });
});

describe('plan: destroy and prune', () => {
  it('removes an owned VM for state: absent, stopping it first, keeping disks by default', () => {
    const p = makePlan(config([desired('old', { state: 'absent' })]), assessObservation(observation([observed('old')])), 'sim');
    expect(actions(p)).toEqual(['old:stop', 'old:remove']);
    expect(p.steps[1]!.operation).toMatchObject({ op: 'vm.remove', args: { deleteDisks: false } });
    expect(p.steps[1]!.disruption).toBe('destructive');
    expect(p.counts.destroy).toBe(1);
  });

  it('leaves owned VMs missing from the file alone unless pruning is asked for, and never prunes unowned ones', () => {
    const host = observation([observed('orphan'), observed('stranger', { notes: '' })]);
    expect(makePlan(config([]), assessObservation(host), 'sim').steps).toEqual([]);
    const pruned = makePlan(config([], { prune: true }), assessObservation(host), 'sim');
    expect(actions(pruned)).toEqual(['orphan:stop', 'orphan:remove']);
  });
});

describe('plan: order and determinism', () => {
  it('orders by VM in file order; within a VM: checkpoint → stop → configure → start', () => {
    const cfg = config([desired('b-new'), desired('a-old', { cpus: 4 })], { allowRestart: true, checkpointBeforeDisruptive: true });
    const p = makePlan(cfg, assessObservation(observation([observed('a-old')])), 'sim');
    expect(actions(p)).toEqual(['b-new:create', 'b-new:start', 'a-old:checkpoint', 'a-old:stop', 'a-old:set-cpus', 'a-old:start']);
    expect(p.steps.map((s) => s.id)).toEqual(['b-new/1', 'b-new/2', 'a-old/1', 'a-old/2', 'a-old/3', 'a-old/4']);
  });

  it('takes the checkpoint once per config version: an interrupted run that took it leaves nothing to redo', () => {
    const cfg = config([desired('a', { cpus: 4 })], { allowRestart: true, checkpointBeforeDisruptive: true });
    const first = makePlan(cfg, assessObservation(observation([observed('a')])), 'sim');
    const cp = first.steps[0]!;
    expect(cp.action).toBe('checkpoint');
    const name = (cp.operation.args as { checkpointName: string }).checkpointName;
    expect(name).toMatch(/^hyperv-converge before [0-9a-f]{12}$/);
    expect(cp.reason).toContain(`Restore-VMSnapshot -VMName 'a' -Name '${name}'`);
    const again = makePlan(cfg, assessObservation(observation([observed('a', { checkpoints: [{ id: 'c1', name }] })])), 'sim');
    expect(actions(again)).toEqual(['a:stop', 'a:set-cpus', 'a:start']);
    const older = makePlan(cfg, assessObservation(observation([observed('a', { checkpoints: [{ id: 'c0', name: 'hyperv-converge before 000000000000' }] })])), 'sim');
    expect(actions(older)[0]).toBe('a:checkpoint');
  });

  it('is byte-identical for the same inputs, and independent of object key order', () => {
    const cfg = config([desired('web-1', { cpus: 4 }), desired('web-2'), desired('old', { state: 'absent' })], { allowRestart: true });
    const obs = assessObservation(observation([observed('web-1', { id: 'aaaaaaaa-0000-4000-8000-000000000001' }), observed('old', { id: 'aaaaaaaa-0000-4000-8000-000000000002' })]));
    const a = prettyTree(canonicalTree(makePlan(cfg, obs, 'sim')));
    const b = prettyTree(canonicalTree(makePlan(structuredClone(cfg), structuredClone(obs), 'sim')));
    expect(a).toBe(b);
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(cfg) as typeof cfg;
    expect(Object.keys(reordered)[0]).toBe('vms');
    expect(makePlan(reordered, reverseKeys(obs) as typeof obs, 'sim').planHash).toBe(JSON.parse(a).planHash);
  });

  it('plans only for VMs named in the file', () => {
    const p = planChanges(config([desired('mine')]), assessObservation(observation([observed('mine'), observed('not-mine', { cpus: 9, notes: '' })])));
    expect(p.steps.every((s) => s.vm === 'mine')).toBe(true);
    expect(p.refusals).toEqual([]);
  });
});
