import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { executePlan } from '../../src/engine/apply/executor.js';
import { Journal } from '../../src/engine/apply/journal.js';
import type { JournalRecord } from '../../src/engine/apply/journal.js';
import { STEP_ACTIONS } from '../../src/core/plan/plan.js';
import { hostFileKey, journalPath } from '../../src/engine/apply/state-files.js';
import { FakeRunner, makeSteps, tempDir } from './helpers.js';
import { buildFixture, Child } from './procs.js';
import type { Fixture } from './procs.js';

const HASH = `sha256:${'cd'.repeat(32)}`;
let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('hvc-journal-');
});
afterEach(() => t.cleanup());

const records = (path: string): JournalRecord[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as JournalRecord);

describe('journal after a crash (real process killed mid-apply)', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = buildFixture();
  });
  afterAll(() => fx.cleanup());

  async function crashAt(hangAt: string, concurrency: number): Promise<void> {
    const steps = makeSteps(['a', 'b', 'c'], 3);
    const stepsFile = join(t.dir, 'steps.json');
    writeFileSync(stepsFile, JSON.stringify(steps));
    const c = new Child(fx.script('crasher'), { stateDir: t.dir, hostKey: 'local', runId: 'run-crashed', stepsFile, hangAt, concurrency, planHash: HASH });
    try {
      await c.waitFor((l) => l.inflight === hangAt);
    } finally {
      c.kill();
      await c.exited;
    }
  }

  it('reports the operation that was in flight, with its plan hash and exact operation', async () => {
    await crashAt('b/1', 1);
    const journal = await Journal.open(t.dir, 'local', { runId: 'run-next' });
    const pending = await journal.unfinished();
    expect(pending.map((e) => e.stepId)).toEqual(['b/1']);
    expect(pending[0]).toMatchObject({ type: 'begin', runId: 'run-crashed', planHash: HASH, vm: 'b', action: 'set-cpus', operation: { op: 'vm.setCpus' } });
    // The steps before it ended; nothing after it began.
    const recs = records(journal.path);
    expect(recs.filter((r) => r.type === 'end').map((r) => (r as { stepId: string }).stepId)).toEqual(['a/0', 'a/1', 'a/2', 'b/0']);
    await journal.close();
  });

  it('with several VMs in flight, reports exactly the begun-not-ended operations', async () => {
    await crashAt('c/2', 3);
    const journal = await Journal.open(t.dir, 'local');
    const pending = await journal.unfinished();
    const recs = records(journal.path);
    const begun = recs.filter((r) => r.type === 'begin').map((r) => (r as { stepId: string }).stepId);
    const ended = new Set(recs.filter((r) => r.type === 'end').map((r) => (r as { stepId: string }).stepId));
    expect(pending.map((e) => e.stepId).sort()).toEqual(begun.filter((id) => !ended.has(id)).sort());
    expect(pending.map((e) => e.stepId)).toContain('c/2');
    await journal.close();
  });

  it('an unfinished entry is reported until a run that saw it closes cleanly; then it is resolved', async () => {
    await crashAt('a/2', 1);
    const second = await Journal.open(t.dir, 'local');
    expect((await second.unfinished()).map((e) => e.stepId)).toEqual(['a/2']);
    // This run dies too, before close(): the next one must still see the entry.
    const third = await Journal.open(t.dir, 'local');
    expect((await third.unfinished()).map((e) => e.stepId)).toEqual(['a/2']);
    await third.close();
    const fourth = await Journal.open(t.dir, 'local');
    expect(await fourth.unfinished()).toEqual([]);
    await fourth.close();
    await second.close(); // releases its handle (it is the crashed run's stand-in)
  });
});

describe('journal file', () => {
  it('does not report the current run’s own operations as unfinished', async () => {
    const journal = await Journal.open(t.dir, 'local');
    const [s] = makeSteps(['a'], 1);
    await journal.begin(s!, HASH);
    expect(await journal.unfinished()).toEqual([]);
    await journal.close();
    const next = await Journal.open(t.dir, 'local');
    expect((await next.unfinished()).map((e) => e.stepId)).toEqual(['a/0']);
    await next.close();
  });

  it('reads back a begin record of every step action the planner makes, as unfinished, not as damage', async () => {
    const journal = await Journal.open(t.dir, 'local');
    const [s] = makeSteps(['a'], 1);
    for (const action of STEP_ACTIONS) await journal.begin({ ...s!, id: `a/${action}`, action }, HASH);
    await journal.close();
    const next = await Journal.open(t.dir, 'local');
    expect((await next.unfinished()).map((e) => e.action)).toEqual([...STEP_ACTIONS]);
    expect(next.corruptLines).toBe(0);
    await next.close();
  });

  it('survives a torn last line: it is skipped and counted, and new lines stay parseable', async () => {
    const first = await Journal.open(t.dir, 'local');
    const steps = makeSteps(['a'], 2);
    await first.begin(steps[0]!, HASH);
    await first.close();
    appendFileSync(journalPath(t.dir, 'local'), '{"v":1,"session":"x","type":"beg'); // crash mid-write
    const second = await Journal.open(t.dir, 'local');
    await executePlan([steps[1]!], new FakeRunner(steps), { concurrency: 1, operationTimeoutMs: 1000, journal: second, planHash: HASH });
    const pending = await second.unfinished();
    expect(second.corruptLines).toBe(1);
    expect(pending.map((e) => e.stepId)).toEqual(['a/0']);
    const all = await second.readAll();
    expect(all.filter((r) => r.type === 'end').map((r) => (r as { stepId: string }).stepId)).toEqual(['a/1']);
    await second.close();
  });

  it('lives in the state directory under a safe name per host', async () => {
    expect(hostFileKey('local')).toBe('local');
    expect(hostFileKey('HV01')).toBe(hostFileKey('hv01'));
    expect(hostFileKey('../../etc/passwd')).not.toContain('/');
    expect(hostFileKey('a/b')).not.toBe(hostFileKey('a_b'));
    expect(dirname(journalPath(t.dir, '..\\..\\x'))).toBe(t.dir);
    const journal = await Journal.open(join(t.dir, 'nested', 'state'), 'hv01');
    expect(dirname(journal.path)).toBe(join(t.dir, 'nested', 'state'));
    await journal.close();
    expect(() => hostFileKey('  ')).toThrow(expect.objectContaining({ reason: 'usage' }) as unknown as Error);
  });
});
