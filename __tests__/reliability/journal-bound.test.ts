// Attack: the apply journal of a host applied every day must not grow (nor its start-up read) without
// bound. Through the built CLI: a journal already past the bound with nothing open is rotated to one
// previous generation (byte for byte) before the run appends; one with an open entry is kept whole,
// the entry reported once, and rotated by the next run; nothing is ever reported twice or replayed.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
});
