// Attack: the apply journal of a host applied every day must not grow (nor its start-up read) without
// bound. Through the built CLI: a journal already past the bound with nothing open is rotated to one
// previous generation (byte for byte) before the run appends; one with an open entry is kept whole,
// the entry reported once, and rotated by the next run; nothing is ever reported twice or replayed.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_ROTATE_BYTES } from '../../src/engine/apply/journal.js';
import { killAgents, ok, startApply } from './cli-apply.js';
import { ensureSimAgentBundle, makeLab, type Lab } from './scenario.js';

beforeAll(() => ensureSimAgentBundle());
let labs: Lab[] = [];
afterEach(() => {
  for (const lab of labs) {
    killAgents(lab.dir);
    lab.cleanup();
  }
  labs = [];
});
function lab(): Lab {
  const l = makeLab();
  labs.push(l);
  return l;
}
const json = <T = Record<string, unknown>>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;
interface Res {
  failureReason: string | null;
  steps: unknown[];
  extra: { recovery?: { unfinished: { stepId: string }[] }; journal?: unknown };
}

const HASH = `sha256:${'ab'.repeat(32)}`;
const base = (session: string) => ({ v: 1, session, runId: session, at: '2026-01-01T00:00:00.000Z', pid: 4242, hostname: 'old-runner' });
const begin = (session: string, stepId: string) => ({ ...base(session), type: 'begin', planHash: HASH, stepId, vm: 'web-1', vmId: null, action: 'set-notes', operation: { op: 'vm.setNotes', args: { notes: 'x'.repeat(200) } } });
const end = (session: string, stepId: string) => ({ ...base(session), type: 'end', planHash: HASH, stepId, vm: 'web-1', outcome: 'succeeded', error: null });

/** The journal the first apply made, then grown past the bound with earlier runs' finished steps. */
function grow(l: Lab, open: string | null = null): string {
  const name = readdirSync(l.stateDir).find((n) => n.endsWith('.journal.jsonl'));
  expect(name).toBeDefined();
  const file = join(l.stateDir, name!);
  const lines: string[] = [];
  for (let day = 0; statSync(file).size + lines.join('').length <= JOURNAL_ROTATE_BYTES + 4096; day++) {
    const s = `run-day-${day}`;
    for (let i = 0; i < 10; i++) lines.push(JSON.stringify(begin(s, `web-1/${i}`)) + '\n', JSON.stringify(end(s, `web-1/${i}`)) + '\n');
    if (lines.length > 4000) {
      appendFileSync(file, lines.join(''));
      lines.length = 0;
    }
  }
  if (open) lines.push(JSON.stringify(begin('run-killed', open)) + '\n');
  appendFileSync(file, lines.join(''));
  expect(statSync(file).size).toBeGreaterThan(JOURNAL_ROTATE_BYTES);
  return file;
}
const previousOf = (file: string) => file.replace(/\.journal\.jsonl$/, '.journal.1.jsonl');

describe('the apply journal stays bounded', () => {
  it('past the bound with nothing open: rotated to <host>.journal.1.jsonl byte for byte, the run appends to a new file', async () => {
    const l = lab();
    expect(ok(await startApply(l, 'first').done)).toBe(true);
    const file = grow(l);
    const grown = readFileSync(file);
    const second = await startApply(l, 'second').done;
    expect(ok(second)).toBe(true);
    expect(existsSync(previousOf(file))).toBe(true);
    expect(readFileSync(previousOf(file)).equals(grown)).toBe(true);
    expect(statSync(file).size).toBeLessThan(64 * 1024);
    const r = json<Res>(join(l.dir, 'out', 'second', 'result.json'));
    expect(r.extra.recovery).toBeUndefined();
    expect(r.extra.journal).toBeUndefined();
    // Grown again: the next rotation replaces the older generation; still two files at most.
    grow(l);
    const again = readFileSync(file);
    expect(ok(await startApply(l, 'third').done)).toBe(true);
    expect(readFileSync(previousOf(file)).equals(again)).toBe(true);
    expect(readdirSync(l.stateDir).filter((n) => n.includes('.journal')).sort()).toEqual([previousOf(file), file].map((f) => f.slice(l.stateDir.length + 1)).sort());
  }, 90_000);

  it('past the bound with an open entry: kept whole and the entry reported once; the next run rotates it, reporting nothing again', async () => {
    const l = lab();
    expect(ok(await startApply(l, 'first').done)).toBe(true);
    const file = grow(l, 'web-1/7');
    const second = await startApply(l, 'second').done;
    expect(ok(second)).toBe(true);
    expect(second.stderr).toMatch(/an earlier apply was interrupted during set-notes of web-1/);
    expect(json<Res>(join(l.dir, 'out', 'second', 'result.json')).extra.recovery?.unfinished.map((u) => u.stepId)).toEqual(['web-1/7']);
    expect(existsSync(previousOf(file))).toBe(false); // not rotated while the entry was open
    expect(readFileSync(file, 'utf8')).toContain('"session":"run-killed"');
    const third = await startApply(l, 'third').done;
    expect(ok(third)).toBe(true);
    expect(third.stderr).not.toMatch(/interrupted/);
    expect(json<Res>(join(l.dir, 'out', 'third', 'result.json')).extra.recovery).toBeUndefined();
    // Rotated now: the old generation holds the entry and its resolution; the new file neither.
    const prev = readFileSync(previousOf(file), 'utf8');
    expect(prev).toContain('"session":"run-killed"');
    expect(prev).toMatch(/"type":"resolved","ref":\{"session":"run-killed","stepId":"web-1\/7"\}/);
    expect(readFileSync(file, 'utf8')).not.toContain('run-killed');
    expect(statSync(file).size).toBeLessThan(64 * 1024);
  }, 90_000);

  it('damaged lines of a rotated journal are reported once more, at their new place', async () => {
    const l = lab();
    expect(ok(await startApply(l, 'first').done)).toBe(true);
    const file = grow(l);
    appendFileSync(file, `{"v":1,"session":"x","type":"beg\n${JSON.stringify(end('run-late', 'web-1/0'))}\n`); // a damaged line mid-file
    const second = await startApply(l, 'second').done;
    expect(ok(second)).toBe(true);
    expect(second.stderr).toContain(`the apply journal ${previousOf(file)} holds 1 damaged line(s)`);
    expect(json<Res>(join(l.dir, 'out', 'second', 'result.json')).extra.journal).toMatchObject({ path: previousOf(file), damagedLines: 1 });
    const third = await startApply(l, 'third').done;
    expect(third.stderr).not.toMatch(/damaged/);
  }, 90_000);

  // Attack: a host applied daily since before rotation existed has a journal of hundreds of MB. The run
  // read it whole as one string (and split it): about 3x its size in memory, a fatal out-of-memory
  // abort (no result.json) under a modest heap, and past 512 MiB "Invalid string length" on every
  // apply, for ever. It is read line by line now: memory is a chunk plus the open entries.
  it('a 100 MB journal from before rotation: read in bounded memory (a 64 MB heap), rotated byte for byte, nothing reported', async () => {
    const l = lab();
    expect(ok(await startApply(l, 'first').done)).toBe(true);
    const file = grow(l);
    const chunk = readFileSync(file).subarray(-(1 << 20));
    const from = chunk.indexOf(0x0a) + 1; // whole lines of finished runs
    for (let i = 0; statSync(file).size < 100 * 1024 * 1024; i++) appendFileSync(file, chunk.subarray(from));
    const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const before = digest(file);
    const second = await startApply(l, 'second', [], [], { NODE_OPTIONS: '--max-old-space-size=64' }).done;
    expect(second.stderr).not.toMatch(/heap|FATAL|Invalid string length/);
    expect(ok(second)).toBe(true);
    expect(digest(previousOf(file))).toBe(before);
    expect(statSync(file).size).toBeLessThan(64 * 1024);
    const r = json<Res>(join(l.dir, 'out', 'second', 'result.json'));
    expect(r.extra.recovery).toBeUndefined();
    expect(r.extra.journal).toBeUndefined();
  }, 120_000);

  it('a rotation that cannot be done (the previous generation is a directory): a typed refusal, before anything is observed, nothing changed', async () => {
    const l = lab();
    expect(ok(await startApply(l, 'first').done)).toBe(true);
    const file = grow(l);
    mkdirSync(previousOf(file));
    writeFileSync(join(previousOf(file), 'kept'), 'x');
    const grown = readFileSync(file);
    const host = readFileSync(l.stateFile);
    const second = await startApply(l, 'second').done;
    expect(second.code).toBe(64);
    expect(second.stderr).not.toMatch(/\n\s+at \S+ \(/); // no stack trace
    const r = json<Res & { status: string; message: string }>(join(l.dir, 'out', 'second', 'result.json'));
    expect(r).toMatchObject({ status: 'refused', failureReason: 'usage' });
    expect(r.message).toContain(`cannot be rotated to ${previousOf(file)}`);
    expect(existsSync(join(l.dir, 'out', 'second', 'current.json'))).toBe(false);
    expect(readFileSync(file).equals(grown)).toBe(true);
    expect(readFileSync(l.stateFile).equals(host)).toBe(true);
    expect(readFileSync(join(previousOf(file), 'kept'), 'utf8')).toBe('x');
  }, 90_000);
});
