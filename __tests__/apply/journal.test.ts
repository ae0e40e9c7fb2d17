import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFileSync, existsSync, lstatSync, readFileSync, readlinkSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { executePlan } from '../../src/engine/apply/executor.js';
import { Journal, JOURNAL_ROTATE_BYTES } from '../../src/engine/apply/journal.js';
import type { JournalRecord } from '../../src/engine/apply/journal.js';
import { STEP_ACTIONS } from '../../src/core/plan/plan.js';
import { hostFileKey, journalPath, previousJournalPath } from '../../src/engine/apply/state-files.js';
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

/** Valid records of an earlier run, as Journal writes them. */
const OLD = (session: string) => ({ v: 1, session, runId: session, at: '2026-01-01T00:00:00.000Z', pid: 4242, hostname: 'old-runner' });
const oldBegin = (session: string, stepId: string) => ({ ...OLD(session), type: 'begin', planHash: HASH, stepId, vm: 'web-1', vmId: null, action: 'set-notes', operation: { op: 'vm.setNotes', args: { notes: 'x'.repeat(200) } } });
const oldEnd = (session: string, stepId: string) => ({ ...OLD(session), type: 'end', planHash: HASH, stepId, vm: 'web-1', outcome: 'succeeded', error: null });

/** A journal past the bound: many earlier runs' finished steps, and optionally one begin never ended. */
function bigJournal(dir: string, open: string | null): Buffer {
  const lines: string[] = [];
  let bytes = 0;
  for (let day = 0; bytes <= JOURNAL_ROTATE_BYTES; day++) {
    for (let i = 0; i < 10; i++) {
      for (const r of [oldBegin(`day-${day}`, `web-1/${i}`), oldEnd(`day-${day}`, `web-1/${i}`)]) {
        const l = JSON.stringify(r) + '\n';
        lines.push(l);
        bytes += Buffer.byteLength(l);
      }
    }
  }
  if (open) lines.splice(lines.length >> 1, 0, JSON.stringify(oldBegin('run-killed', open)) + '\n');
  writeFileSync(journalPath(dir, 'local'), lines.join(''));
  return readFileSync(journalPath(dir, 'local'));
}

describe('journal rotation (real process killed at each point of it)', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = buildFixture();
  });
  afterAll(() => fx.cleanup());

  /** Runs the rotator child until it reports `killAt`, then SIGKILLs it; returns its stdout lines. */
  async function killedAt(killAt: string, hangAt: string | null = null): Promise<Record<string, unknown>[]> {
    const steps = makeSteps(['a', 'b'], 3);
    const stepsFile = join(t.dir, 'steps.json');
    writeFileSync(stepsFile, JSON.stringify(steps));
    const c = new Child(fx.script('rotator'), { stateDir: t.dir, hostKey: 'local', runId: 'run-rotating', stepsFile, killAt, hangAt, planHash: HASH });
    try {
      await c.waitFor((l) => l.at === killAt);
    } finally {
      c.kill();
      await c.exited;
    }
    return c.lines;
  }

  /** The next two runs: what the first reports as unfinished, and that the second reports nothing. */
  async function nextRuns(): Promise<string[]> {
    const next = await Journal.open(t.dir, 'local', { runId: 'run-next' });
    const pending = (await next.unfinished()).map((e) => `${e.session} ${e.stepId}`);
    await next.close();
    const after = await Journal.open(t.dir, 'local', { runId: 'run-after' });
    expect(await after.unfinished()).toEqual([]); // reported once, never again (nothing replays it)
    await after.close();
    return pending;
  }

  const current = () => journalPath(t.dir, 'local');
  const previous = () => previousJournalPath(t.dir, 'local');

  it('killed just before the rename: the old file is whole, and the next run rotates it', async () => {
    const old = bigJournal(t.dir, null);
    await killedAt('before-rename');
    expect(readFileSync(current()).equals(old)).toBe(true);
    expect(existsSync(previous())).toBe(false);
    expect(await nextRuns()).toEqual([]);
    expect(readFileSync(previous()).equals(old)).toBe(true);
  });

  it('killed just after the rename (no new file yet): the old lines are the previous generation; nothing to report or replay', async () => {
    const old = bigJournal(t.dir, null);
    await killedAt('after-rename');
    expect(existsSync(current())).toBe(false);
    expect(readFileSync(previous()).equals(old)).toBe(true);
    expect(await nextRuns()).toEqual([]);
    expect(readFileSync(previous()).equals(old)).toBe(true); // a small new journal is not rotated again
    expect(statSync(current()).size).toBeLessThan(64 * 1024);
  });

  it('killed once the new file is open, before a line: the same', async () => {
    const old = bigJournal(t.dir, null);
    await killedAt('after-open');
    expect(statSync(current()).size).toBe(0);
    expect(readFileSync(previous()).equals(old)).toBe(true);
    expect(await nextRuns()).toEqual([]);
  });

  it('killed with an operation in flight after the rotation: exactly that operation is reported, once', async () => {
    const old = bigJournal(t.dir, null);
    await killedAt('in-flight', 'b/1');
    expect(readFileSync(previous()).equals(old)).toBe(true);
    const pending = await nextRuns();
    expect(pending.map((p) => p.split(' ')[1])).toEqual(['b/1']);
  });

  it('a journal past the bound with an open entry is never renamed: the entry survives a kill and is reported once; the run after its resolution rotates', async () => {
    const old = bigJournal(t.dir, 'web-1/7');
    const lines = await killedAt('in-flight', 'a/2');
    expect(lines.some((l) => 'renaming' in l)).toBe(false);
    expect(existsSync(previous())).toBe(false);
    expect(readFileSync(current()).subarray(0, old.length).equals(old)).toBe(true);
    // The killed run's own in-flight step joins the old open entry: the next run reports both and,
    // with them open, does not rotate; once it has closed (resolving them) the run after rotates.
    const next = await Journal.open(t.dir, 'local', { runId: 'run-next' });
    expect(next.rotated).toBeNull();
    expect((await next.unfinished()).map((e) => `${e.session} ${e.stepId}`).sort()).toEqual([expect.stringMatching(/ a\/2$/), 'run-killed web-1/7']);
    await next.close();
    const after = await Journal.open(t.dir, 'local', { runId: 'run-after' });
    expect(after.rotated).toMatchObject({ previous: previous(), damagedLines: 0 });
    expect(await after.unfinished()).toEqual([]);
    await after.close();
    expect(readFileSync(previous()).subarray(0, old.length).equals(old)).toBe(true);
  });
});

// Attack: a run that lost the host lock without knowing it (suspended past the stale bound and taken
// over, or its lock released with `unlock`) keeps its journal open and goes on. Once another run has
// rotated the journal, the straggler's begin lines went to the renamed file (its descriptor follows
// the file) and it sent the operation: killed in flight, that operation was in `.1` only and no later
// run ever reported it. The same when the straggler wrote between the rotating run's read and its
// rename. Never lost: an operation is sent only when its begin is in the current journal.
describe('journal rotation bound', () => {
  it('a journal of exactly JOURNAL_ROTATE_BYTES is kept; one byte more is rotated', async () => {
    const file = journalPath(t.dir, 'local');
    const line = JSON.stringify(oldEnd('day-0', 'web-1/0')) + '\n';
    const body = line.repeat(Math.floor(JOURNAL_ROTATE_BYTES / line.length));
    writeFileSync(file, body + ' '.repeat(JOURNAL_ROTATE_BYTES - Buffer.byteLength(body) - 1) + '\n');
    expect(statSync(file).size).toBe(JOURNAL_ROTATE_BYTES);
    const at = await Journal.open(t.dir, 'local');
    expect(at.rotated).toBeNull();
    await at.close();
    appendFileSync(file, '\n');
    const past = await Journal.open(t.dir, 'local');
    expect(past.rotated).toMatchObject({ previous: previousJournalPath(t.dir, 'local'), bytes: JOURNAL_ROTATE_BYTES + 1 });
    await past.close();
  });
});

describe('journal rotation and symbolic links (held, pinned)', () => {
  it('a journal that is a link and a previous generation that is a link: the links are renamed or replaced, what they point at is never written', async () => {
    const outside = tempDir('hvc-journal-outside-');
    try {
      const target = join(outside.dir, 'journal-target.jsonl');
      const prevTarget = join(outside.dir, 'previous-target.jsonl');
      writeFileSync(prevTarget, 'keep\n');
      bigJournal(t.dir, null);
      renameSync(journalPath(t.dir, 'local'), target);
      const grown = readFileSync(target);
      symlinkSync(target, journalPath(t.dir, 'local'));
      symlinkSync(prevTarget, previousJournalPath(t.dir, 'local'));
      const j = await Journal.open(t.dir, 'local');
      expect(j.rotated).not.toBeNull();
      await j.begin(makeSteps(['a'], 1)[0]!, HASH);
      await j.close();
      expect(readlinkSync(previousJournalPath(t.dir, 'local'))).toBe(target); // the link itself moved
      expect(lstatSync(journalPath(t.dir, 'local')).isFile()).toBe(true); // a new, real file
      expect(readFileSync(target).equals(grown)).toBe(true);
      expect(readFileSync(prevTarget, 'utf8')).toBe('keep\n');
    } finally {
      outside.cleanup();
    }
  });
});

describe('journal rotation against a run that lost the host lock', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = buildFixture();
  });
  afterAll(() => fx.cleanup());

  function straggler(go: string): Child {
    const steps = makeSteps(['a', 'b'], 3);
    const stepsFile = join(t.dir, 'straggler-steps.json');
    writeFileSync(stepsFile, JSON.stringify(steps));
    return new Child(fx.script('straggler'), { stateDir: t.dir, hostKey: 'local', runId: 'run-straggler', stepsFile, goFile: go, hangAt: 'b/1', planHash: HASH });
  }
  /** What the straggler sent and never ended must be reported by the next run (once). */
  async function expectNothingLost(c: Child): Promise<string[]> {
    const sent = c.lines.filter((l) => 'sent' in l).map((l) => l.sent as string);
    const next = await Journal.open(t.dir, 'local', { runId: 'run-next' });
    const reported = (await next.unfinished()).filter((e) => e.runId === 'run-straggler').map((e) => e.stepId);
    await next.close();
    if (sent.includes('b/1')) expect(reported).toEqual(['b/1']);
    else expect(reported).toEqual([]);
    const after = await Journal.open(t.dir, 'local', { runId: 'run-after' });
    expect(await after.unfinished()).toEqual([]);
    await after.close();
    return sent;
  }

  it('rotated while the straggler waited: it sends nothing (its journal is no longer the current one), and nothing is lost', async () => {
    const go = join(t.dir, 'go');
    const c = straggler(go);
    try {
      await c.waitFor((l) => 'opened' in l);
      bigJournal(t.dir, null); // the journal grew past the bound (same file: the straggler's descriptor)
      const taker = await Journal.open(t.dir, 'local', { runId: 'run-taker' }); // took the lock over
      expect(taker.rotated).not.toBeNull();
      await taker.close();
      writeFileSync(go, '');
      await c.waitFor((l) => 'journalFailed' in l || l.at === 'in-flight');
    } finally {
      c.kill();
      await c.exited;
    }
    const sent = await expectNothingLost(c);
    expect(sent).toEqual([]);
    expect(c.lines.find((l) => 'journalFailed' in l)?.journalFailed).toMatch(/no longer the current journal/);
  });

  it('the straggler writes between the rotating run\'s read and its rename: the rotation is undone, and its operation is reported', async () => {
    const steps = makeSteps(['c'], 1);
    const stepsFile = join(t.dir, 'rotator-steps.json');
    writeFileSync(stepsFile, JSON.stringify(steps));
    const go = join(t.dir, 'go');
    const rename = join(t.dir, 'go-rename');
    const c = straggler(go);
    let r: Child | null = null;
    try {
      await c.waitFor((l) => 'opened' in l);
      bigJournal(t.dir, null);
      r = new Child(fx.script('rotator'), { stateDir: t.dir, hostKey: 'local', runId: 'run-rotating', stepsFile, killAt: 'wait-before-rename', goFile: rename, hangAt: null, planHash: HASH });
      await r.waitFor((l) => l.at === 'wait-before-rename'); // it read the journal: nothing open
      writeFileSync(go, '');
      await c.waitFor((l) => l.at === 'in-flight'); // b/1 begun (in the current file) and sent
      writeFileSync(rename, '');
      await r.waitFor((l) => 'done' in l);
    } finally {
      c.kill();
      r?.kill();
      await c.exited;
      await r?.exited;
    }
    expect(existsSync(previousJournalPath(t.dir, 'local'))).toBe(false); // the rotation was undone
    expect(await expectNothingLost(c)).toContain('b/1');
  });

  it('a journal is read in pieces: a record across a piece boundary, in multi-byte characters, reads whole', async () => {
    const file = journalPath(t.dir, 'local');
    const filler = JSON.stringify(oldEnd('day-0', 'web-1/0')) + '\n';
    const open = { ...oldBegin('run-killed', 'web-1/9'), vm: 'wéb-ünïcode-€-'.repeat(8) };
    const lines = filler.repeat(Math.ceil((1 << 20) / filler.length) - 2);
    // The begin record is placed so that the 1 MiB piece boundary falls inside a '€' (3 bytes) of its name.
    const record = Buffer.from(JSON.stringify(open));
    const euro = record.indexOf(Buffer.from('€'));
    const pad = (1 << 20) - (euro + 1) - Buffer.byteLength(lines) - 1;
    writeFileSync(file, Buffer.concat([Buffer.from(lines + ' '.repeat(pad) + '\n'), record, Buffer.from('\n')]));
    expect(readFileSync(file).subarray((1 << 20) - 1, (1 << 20) + 2).toString('utf8')).toBe('€');
    const next = await Journal.open(t.dir, 'local');
    expect((await next.unfinished()).map((e) => e.vm)).toEqual([open.vm]);
    expect(next.corruptLines).toBe(0);
    await next.close();
  });
});
