import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { HvcError } from '../../src/core/errors.js';
import type { StepResult } from '../../src/core/model/result.js';
import type { AgentErrorCode } from '../../src/core/ports.js';
import { executePlan } from '../../src/engine/apply/executor.js';
import type { StepEvent } from '../../src/engine/apply/executor.js';
import { Journal } from '../../src/engine/apply/journal.js';
import type { Behaviour } from './helpers.js';
import { FakeRunner, makeSteps, MemoryJournal, prng, tempDir } from './helpers.js';

const HASH = `sha256:${'ab'.repeat(32)}`;
const opts = (journal = new MemoryJournal(), extra: object = {}) => ({ concurrency: 3, operationTimeoutMs: 5000, journal, planHash: HASH, ...extra });

/** Per VM: the step ids in the order the runner started them. */
function startsByVm(runner: FakeRunner): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const c of runner.calls) {
    const vm = c.step.split('/')[0]!;
    m.set(vm, [...(m.get(vm) ?? []), c.step]);
  }
  return m;
}

describe('executePlan: ordering and concurrency', () => {
  it.each([1, 2, 3, 5, 8])('keeps each VM strictly ordered and never exceeds concurrency %i', async (concurrency) => {
    const vms = ['a', 'b', 'c', 'd', 'e', 'f'];
    const steps = makeSteps(vms, 4);
    const rnd = prng(concurrency * 7919);
    const runner = new FakeRunner(steps, () => ({ kind: 'ok', delayMs: 1 + Math.floor(rnd() * 8) }));
    const results = await executePlan(steps, runner, opts(new MemoryJournal(), { concurrency }));

    expect(results.map((r) => r.stepId)).toEqual(steps.map((s) => s.id)); // plan order, one per step
    expect(results.every((r) => r.outcome === 'succeeded' && r.error === null)).toBe(true);
    expect(runner.calls).toHaveLength(steps.length);
    expect(runner.maxInFlight).toBeLessThanOrEqual(concurrency);
    // Real parallelism: the first `concurrency` VMs start before any operation ends.
    expect(runner.maxInFlight).toBe(Math.min(concurrency, vms.length));
    for (const vm of vms) expect(startsByVm(runner).get(vm)).toEqual(steps.filter((s) => s.vm === vm).map((s) => s.id));
    // Within a VM an operation starts only after the previous one ended.
    for (const vm of vms) {
      const events = runner.timeline.filter((e) => e.split(' ')[1]!.startsWith(`${vm}/`));
      for (let i = 0; i < events.length; i++) expect(events[i]!.startsWith(i % 2 === 0 ? 'start' : 'end')).toBe(true);
    }
    // startedMs is measured from the apply's start and grows within a VM.
    for (const vm of vms) {
      const ms = results.filter((r) => r.vm === vm).map((r) => r.startedMs);
      expect([...ms].sort((x, y) => x - y)).toEqual(ms);
    }
  });

  it('with concurrency 1 runs the whole plan in plan order, one operation at a time', async () => {
    const steps = makeSteps(['x', 'y', 'z'], 3);
    const runner = new FakeRunner(steps);
    await executePlan(steps, runner, opts(new MemoryJournal(), { concurrency: 1 }));
    expect(runner.calls.map((c) => c.step)).toEqual(steps.map((s) => s.id));
    expect(runner.maxInFlight).toBe(1);
  });

  it('keeps a VM whose steps are not contiguous in one ordered queue', async () => {
    const [a0, a1] = makeSteps(['a'], 2);
    const [b0] = makeSteps(['b'], 1);
    const steps = [a0!, b0!, a1!];
    const runner = new FakeRunner(steps, (id) => ({ kind: 'ok', delayMs: id === 'a/0' ? 15 : 1 }));
    const results = await executePlan(steps, runner, opts());
    expect(results.map((r) => r.stepId)).toEqual(['a/0', 'b/0', 'a/1']);
    const tl = runner.timeline;
    expect(tl.indexOf('end a/0')).toBeLessThan(tl.indexOf('start a/1'));
  });

  it('passes the operation timeout to the runner for every step', async () => {
    const steps = makeSteps(['a', 'b'], 2);
    const runner = new FakeRunner(steps);
    await executePlan(steps, runner, opts(new MemoryJournal(), { operationTimeoutMs: 1234 }));
    expect(runner.calls.map((c) => c.timeoutMs)).toEqual([1234, 1234, 1234, 1234]);
  });

  it('an empty plan runs nothing', async () => {
    const runner = new FakeRunner([]);
    expect(await executePlan([], runner, opts())).toEqual([]);
    expect(runner.calls).toHaveLength(0);
  });
});

describe('executePlan: failures stay within their VM', () => {
  it('a failing step skips the rest of its VM only', async () => {
    const steps = makeSteps(['a', 'b', 'c'], 4);
    const runner = new FakeRunner(steps, (id) => (id === 'b/1' ? { kind: 'fail', code: 'hyperv-error' } : { kind: 'ok', delayMs: 2 }));
    const results = await executePlan(steps, runner, opts());
    const by = new Map(results.map((r) => [r.stepId, r]));
    expect(by.get('b/0')!.outcome).toBe('succeeded');
    expect(by.get('b/1')).toMatchObject({ outcome: 'failed', error: { code: 'hyperv-error' } });
    for (const id of ['b/2', 'b/3']) {
      expect(by.get(id)).toMatchObject({ outcome: 'skipped', durationMs: 0, error: { code: 'skipped-after-failure' } });
      expect(by.get(id)!.error!.message).toContain('b/1');
    }
    for (const r of results.filter((x) => x.vm !== 'b')) expect(r.outcome).toBe('succeeded');
    expect(runner.calls.map((c) => c.step).filter((s) => s.startsWith('b/'))).toEqual(['b/0', 'b/1']);
    expect(runner.calls).toHaveLength(10);
  });

  const cases: [string, Behaviour, StepResult['outcome'], string][] = [
    ['agent-timeout', { kind: 'fail', code: 'agent-timeout' }, 'timed-out', 'agent-timeout'],
    ['agent timeout bound', { kind: 'fail', code: 'timeout' }, 'timed-out', 'timeout'],
    ['agent-crashed', { kind: 'fail', code: 'agent-crashed' }, 'failed', 'agent-crashed'],
    ['invalid-state', { kind: 'fail', code: 'invalid-state' }, 'failed', 'invalid-state'],
    ['runner rejects', { kind: 'throw' }, 'failed', 'agent-crashed'],
    ['runner answers garbage', { kind: 'garbage' }, 'failed', 'agent-protocol'],
  ];
  it.each(cases)('%s → %s, never success, other VMs continue', async (_name, behaviour, outcome, code) => {
    const steps = makeSteps(['a', 'b'], 3);
    const runner = new FakeRunner(steps, (id) => (id === 'a/1' ? behaviour : { kind: 'ok', delayMs: 1 }));
    const results = await executePlan(steps, runner, opts());
    expect(results[1]).toMatchObject({ stepId: 'a/1', outcome, error: { code } });
    expect(results[2]).toMatchObject({ stepId: 'a/2', outcome: 'skipped' });
    expect(results.slice(3).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it('a runner that never answers is cut off after timeout + grace and reported timed-out', async () => {
    const steps = makeSteps(['a', 'b'], 3);
    const runner = new FakeRunner(steps, (id) => (id === 'a/0' ? { kind: 'hang' } : { kind: 'ok', delayMs: 1 }));
    const results = await executePlan(steps, runner, opts(new MemoryJournal(), { operationTimeoutMs: 30, runnerGraceMs: 20 }));
    expect(results[0]).toMatchObject({ outcome: 'timed-out', error: { code: 'agent-timeout' } });
    expect(results.slice(1, 3).map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(results.slice(3).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it.each<AgentErrorCode>(['agent-timeout', 'agent-crashed', 'not-found'])('failure code %s at every index of a 3×3 plan', async (code) => {
    const steps = makeSteps(['a', 'b', 'c'], 3);
    for (let k = 0; k < steps.length; k++) {
      const failing = steps[k]!;
      const runner = new FakeRunner(steps, (id) => (id === failing.id ? { kind: 'fail', code } : { kind: 'ok', delayMs: 1 }));
      const results = await executePlan(steps, runner, opts());
      const idx = Number(failing.id.split('/')[1]);
      for (const r of results) {
        const i = Number(r.stepId.split('/')[1]);
        const expected = r.vm !== failing.vm || i < idx ? 'succeeded' : i === idx ? (code === 'agent-timeout' ? 'timed-out' : 'failed') : 'skipped';
        expect(`${r.stepId}:${r.outcome}`).toBe(`${r.stepId}:${expected}`);
      }
    }
  });
});

describe('executePlan: events, journal and validation', () => {
  it('emits start/end per executed step and end only for skipped ones; a throwing observer changes nothing', async () => {
    const steps = makeSteps(['a', 'b'], 3);
    const runner = new FakeRunner(steps, (id) => (id === 'a/0' ? { kind: 'fail', code: 'hyperv-error' } : { kind: 'ok', delayMs: 1 }));
    const events: StepEvent[] = [];
    const results = await executePlan(steps, runner, {
      ...opts(),
      onEvent: (e) => {
        events.push(e);
        throw new Error('observer bug');
      },
    });
    expect(events.filter((e) => e.type === 'start').map((e) => e.step.id).sort()).toEqual(['a/0', 'b/0', 'b/1', 'b/2']);
    expect(events.filter((e) => e.type === 'end')).toHaveLength(6);
    for (const e of events) if (e.type === 'end') expect(e.result).toBe(results.find((r) => r.stepId === e.step.id));
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped', 'succeeded', 'succeeded', 'succeeded']);
  });

  it('journals begin before each operation is sent and end after, with the plan hash; skipped steps are not journaled', async () => {
    const t = tempDir();
    try {
      const journal = await Journal.open(t.dir, 'local');
      const steps = makeSteps(['a', 'b'], 3);
      const onDisk = (): string[] => readFileSync(journal.path, 'utf8').trim().split('\n').filter(Boolean);
      const seenAtCall: string[] = [];
      const runner = new FakeRunner(
        steps,
        (id) => (id === 'b/1' ? { kind: 'fail', code: 'invalid-state' } : { kind: 'ok', delayMs: 1 }),
        (id) => {
          // When the runner is called, the step's begin record is already in the file.
          const lines = onDisk().map((l) => JSON.parse(l) as { type: string; stepId: string });
          if (lines.some((l) => l.type === 'begin' && l.stepId === id)) seenAtCall.push(id);
        },
      );
      await executePlan(steps, runner, { ...opts(), journal });
      await journal.close();
      expect(seenAtCall.sort()).toEqual(['a/0', 'a/1', 'a/2', 'b/0', 'b/1']);
      const records = onDisk().map((l) => JSON.parse(l) as { type: string; stepId: string; planHash: string; outcome?: string });
      expect(records.every((r) => r.planHash === HASH)).toBe(true);
      expect(records.filter((r) => r.type === 'begin').map((r) => r.stepId).sort()).toEqual(['a/0', 'a/1', 'a/2', 'b/0', 'b/1']);
      expect(records.find((r) => r.type === 'end' && r.stepId === 'b/1')!.outcome).toBe('failed');
      expect(records.some((r) => r.stepId === 'b/2')).toBe(false);
      for (const r of records.filter((x) => x.type === 'end')) {
        expect(records.findIndex((x) => x.type === 'begin' && x.stepId === r.stepId)).toBeLessThan(records.indexOf(r));
      }
    } finally {
      t.cleanup();
    }
  });

  it('every journal line is fsync\'d before the executor goes on; concurrent lanes share fsyncs', async () => {
    const t = tempDir();
    try {
      const journal = await Journal.open(t.dir, 'local');
      const probe = await open(journal.path, 'r');
      const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
      await probe.close();
      const original = proto.sync;
      let syncs = 0;
      let durable = ''; // what the last completed fsync covered
      proto.sync = async function (this: unknown) {
        syncs++;
        const covered = readFileSync(journal.path, 'utf8'); // written before this fsync began
        await original.call(this);
        durable = covered;
      };
      const sentWithoutDurableBegin: string[] = [];
      const steps = makeSteps(['a', 'b', 'c'], 2);
      const endsSeen: string[] = [];
      try {
        // Each operation is sent only once its begin record is durable.
        const runner = new FakeRunner(steps, undefined, (stepId) => {
          if (!durable.includes(`"type":"begin"`) || !durable.split('\n').some((l) => l.includes(`"stepId":"${stepId}"`) && l.includes('"type":"begin"'))) sentWithoutDurableBegin.push(stepId);
        });
        await executePlan(steps, runner, {
          ...opts(),
          concurrency: 3,
          journal,
          onEvent: (e) => {
            // A step's end is reported only once its end record is durable.
            if (e.type === 'end' && durable.split('\n').some((l) => l.includes(`"stepId":"${e.step.id}"`) && l.includes('"type":"end"'))) endsSeen.push(e.step.id);
          },
        });
      } finally {
        proto.sync = original;
      }
      const lines = readFileSync(journal.path, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(12);
      expect(sentWithoutDurableBegin).toEqual([]);
      expect(endsSeen.sort()).toEqual(steps.map((s) => s.id).sort());
      // Three lanes journal at once: their records share fsyncs (group commit), never more than one per line.
      expect(syncs).toBeLessThan(12);
      expect(syncs).toBeGreaterThan(0);
      await journal.close();
    } finally {
      t.cleanup();
    }
  });

  it('stops sending operations when the journal cannot be written, and says so', async () => {
    const steps = makeSteps(['a', 'b'], 3);
    const journal = new MemoryJournal((n) => n >= 4); // two steps journaled fully, then the disk is "full"
    const runner = new FakeRunner(steps);
    const err = await executePlan(steps, runner, { ...opts(journal), concurrency: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HvcError);
    expect((err as HvcError).reason).toBe('apply-failed');
    expect((err as HvcError).message).toContain('journal');
    const results = ((err as HvcError).detail as { results: StepResult[] }).results;
    expect(results.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'skipped', 'skipped', 'skipped', 'skipped']);
    // Nothing was sent without a durable begin.
    expect(runner.calls.map((c) => c.step)).toEqual(journal.lines.filter((l) => l.type === 'begin').map((l) => l.stepId));
  });

  it.each([
    [{ concurrency: 0 }, 'usage'],
    [{ concurrency: 1.5 }, 'usage'],
    [{ operationTimeoutMs: 0 }, 'usage'],
    [{ operationTimeoutMs: Number.NaN }, 'usage'],
  ])('rejects bad options %p before running anything', async (bad, reason) => {
    const steps = makeSteps(['a'], 1);
    const runner = new FakeRunner(steps);
    await expect(executePlan(steps, runner, { ...opts(), ...bad })).rejects.toMatchObject({ reason });
    expect(runner.calls).toHaveLength(0);
  });

  it('rejects a plan that holds one step id twice', async () => {
    const [s] = makeSteps(['a'], 1);
    const runner = new FakeRunner([s!]);
    await expect(executePlan([s!, { ...s! }], runner, opts())).rejects.toMatchObject({ reason: 'internal' });
    expect(runner.calls).toHaveLength(0);
  });
});
