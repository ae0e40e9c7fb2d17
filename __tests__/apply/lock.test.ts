import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { HvcError } from '../../src/core/errors.js';
import { acquireHostLock } from '../../src/engine/apply/lock.js';
import type { HostLock, LockHolder } from '../../src/engine/apply/lock.js';
import { lockPath } from '../../src/engine/apply/state-files.js';
import { tempDir } from './helpers.js';
import { buildFixture, Child } from './procs.js';
import type { Fixture } from './procs.js';

const holder = (runId: string, extra: Partial<LockHolder> = {}): LockHolder => ({
  runId,
  pid: process.pid,
  hostname: hostname(),
  startedAt: '2026-11-22T18:00:00.000Z',
  ...extra,
});

/** A pid that surely is not running: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8', env: {} });
  return Number(r.stdout);
}

function plantLock(stateDir: string, hostKey: string, h: LockHolder, ageMs = 0): string {
  const p = lockPath(stateDir, hostKey);
  writeFileSync(p, JSON.stringify({ v: 1, hostKey, token: `planted-${h.runId}`, ...h }));
  if (ageMs > 0) {
    const t = new Date(Date.now() - ageMs);
    utimesSync(p, t, t);
  }
  return p;
}

async function caught(p: Promise<unknown>): Promise<HvcError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HvcError);
  return e as HvcError;
}

let t: ReturnType<typeof tempDir>;
const held: HostLock[] = [];
beforeEach(() => {
  t = tempDir('hvc-lock-');
});
afterEach(async () => {
  for (const l of held.splice(0)) await l.release();
  t.cleanup();
});

describe('host lock in one process', () => {
  it('records its holder and is gone after release', async () => {
    const lock = await acquireHostLock(t.dir, 'HV01', { holder: holder('run-1'), waitMs: 0 });
    expect(lock.path).toBe(lockPath(t.dir, 'hv01'));
    const rec = JSON.parse(readFileSync(lock.path, 'utf8')) as LockHolder & { token: string };
    expect(rec).toMatchObject(holder('run-1') as unknown as Record<string, unknown>);
    expect(lock.tookOver).toBeNull();
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
    await lock.release(); // idempotent
    expect(readdirSync(t.dir)).toEqual([]); // no temp files left behind
  });

  it('a second apply fails with locked, naming the holder and how to clear it', async () => {
    const first = await acquireHostLock(t.dir, 'local', { holder: holder('run-A'), waitMs: 0 });
    held.push(first);
    const e = await caught(acquireHostLock(t.dir, 'local', { holder: holder('run-B'), waitMs: 0 }));
    expect(e.reason).toBe('locked');
    for (const s of ['run-A', `pid ${process.pid}`, hostname(), '2026-11-22T18:00:00.000Z', first.path, 'delete']) expect(e.message).toContain(s);
    expect((e.detail as { holder: LockHolder }).holder).toEqual(holder('run-A'));
  });

  it('waits up to the bound, polling, then fails', async () => {
    held.push(await acquireHostLock(t.dir, 'local', { holder: holder('run-A'), waitMs: 0 }));
    const e = await caught(acquireHostLock(t.dir, 'local', { holder: holder('run-B'), waitMs: 120, pollMs: 10 }));
    expect(e.reason).toBe('locked');
    expect((e.detail as { waitedMs: number }).waitedMs).toBe(120);
  });

  it('a waiting apply gets the lock once the holder releases it', async () => {
    const first = await acquireHostLock(t.dir, 'local', { holder: holder('run-A'), waitMs: 0 });
    const order: string[] = [];
    const second = acquireHostLock(t.dir, 'local', { holder: holder('run-B'), waitMs: 20_000, pollMs: 5 }).then((l) => {
      order.push('B acquired');
      return l;
    });
    await new Promise((r) => setTimeout(r, 50));
    order.push('A releases');
    await first.release();
    const lock = await second;
    held.push(lock);
    expect(order).toEqual(['A releases', 'B acquired']);
    expect(lock.tookOver).toBeNull();
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).runId).toBe('run-B');
  });

  it('two attempts at once in one process: exactly one wins', async () => {
    for (let round = 0; round < 20; round++) {
      const attempts = await Promise.allSettled(
        ['x', 'y', 'z'].map((r) => acquireHostLock(t.dir, 'local', { holder: holder(`${r}${round}`), waitMs: 0 })),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled') as PromiseFulfilledResult<HostLock>[];
      expect(won).toHaveLength(1);
      for (const a of attempts) if (a.status === 'rejected') expect((a.reason as HvcError).reason).toBe('locked');
      await won[0]!.value.release();
    }
  });

  it('takes over a lock whose holder process is gone on this host, with a warning', async () => {
    const dead = holder('run-dead', { pid: deadPid() });
    plantLock(t.dir, 'local', dead);
    const warnings: string[] = [];
    const lock = await acquireHostLock(t.dir, 'local', { holder: holder('run-new'), waitMs: 0, warn: (m) => warnings.push(m) });
    held.push(lock);
    expect(lock.tookOver).toEqual(dead);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('run-dead');
    expect(warnings[0]).toContain('no longer running');
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).runId).toBe('run-new');
  });

  it('does not judge a holder on another host by its pid: waits for the stale age instead', async () => {
    plantLock(t.dir, 'local', holder('run-far', { hostname: 'some-other-host', pid: deadPid() }));
    const e = await caught(acquireHostLock(t.dir, 'local', { holder: holder('run-new'), waitMs: 0 }));
    expect(e.reason).toBe('locked');
    expect(e.message).toContain('some-other-host');
  });

  it('takes over a lock without heartbeat for longer than the stale age, with a warning', async () => {
    const far = holder('run-far', { hostname: 'some-other-host' });
    plantLock(t.dir, 'local', far, 60 * 60_000);
    const warnings: string[] = [];
    const lock = await acquireHostLock(t.dir, 'local', { holder: holder('run-new'), waitMs: 0, staleAfterMs: 60_000, warn: (m) => warnings.push(m) });
    held.push(lock);
    expect(lock.tookOver).toEqual(far);
    expect(warnings[0]).toContain('no heartbeat');
  });

  it('a live holder keeps its lock fresh with a heartbeat, so a long apply is not taken over', async () => {
    const lock = await acquireHostLock(t.dir, 'local', { holder: holder('run-long'), waitMs: 0, staleAfterMs: 2000 });
    held.push(lock);
    const old = new Date(Date.now() - 60 * 60_000);
    utimesSync(lock.path, old, old);
    const oldMs = statSync(lock.path).mtimeMs;
    for (let i = 0; i < 200 && statSync(lock.path).mtimeMs === oldMs; i++) await new Promise((r) => setTimeout(r, 25));
    expect(statSync(lock.path).mtimeMs).toBeGreaterThan(oldMs);
    const e = await caught(acquireHostLock(t.dir, 'local', { holder: holder('run-other'), waitMs: 0, staleAfterMs: 60_000 }));
    expect(e.reason).toBe('locked');
  });

  it('an unreadable lock file counts as held until it is stale', async () => {
    const p = lockPath(t.dir, 'local');
    writeFileSync(p, '{"half');
    const e = await caught(acquireHostLock(t.dir, 'local', { holder: holder('run-new'), waitMs: 0 }));
    expect(e.message).toContain('unreadable');
    const old = new Date(Date.now() - 60 * 60_000);
    utimesSync(p, old, old);
    const warnings: string[] = [];
    const lock = await acquireHostLock(t.dir, 'local', { holder: holder('run-new'), waitMs: 0, staleAfterMs: 60_000, warn: (m) => warnings.push(m) });
    held.push(lock);
    expect(lock.tookOver).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it('release removes only its own lock', async () => {
    const mine = await acquireHostLock(t.dir, 'local', { holder: holder('run-mine'), waitMs: 0 });
    // Someone took it over meanwhile (e.g. judged it stale): their lock must survive our release.
    const theirs = holder('run-theirs', { hostname: 'elsewhere' });
    plantLock(t.dir, 'local', theirs);
    await mine.release();
    expect(JSON.parse(readFileSync(mine.path, 'utf8')).runId).toBe('run-theirs');
  });

  it('locks of different hosts are independent', async () => {
    held.push(await acquireHostLock(t.dir, 'hv01', { holder: holder('run-1'), waitMs: 0 }));
    held.push(await acquireHostLock(t.dir, 'hv02', { holder: holder('run-2'), waitMs: 0 }));
    await expect(acquireHostLock(t.dir, 'HV01', { holder: holder('run-3'), waitMs: 0 })).rejects.toMatchObject({ reason: 'locked' });
  });

  it.each([
    [{ runId: '' }, 'usage'],
    [{ pid: 0 }, 'usage'],
    [{ pid: 1.5 }, 'usage'],
  ])('rejects a bad holder %p', async (bad, reason) => {
    await expect(acquireHostLock(t.dir, 'local', { holder: holder('r', bad as Partial<LockHolder>), waitMs: 0 })).rejects.toMatchObject({ reason });
    expect(existsSync(lockPath(t.dir, 'local'))).toBe(false);
  });
});

describe('host lock across real processes', () => {
  let fx: Fixture;
  const children: Child[] = [];
  beforeAll(() => {
    fx = buildFixture();
  });
  afterAll(() => fx.cleanup());
  afterEach(async () => {
    for (const c of children.splice(0)) {
      c.kill();
      await c.exited;
    }
  });
  const start = (args: object): Child => {
    const c = new Child(fx.script('contender'), { stateDir: t.dir, hostKey: 'local', ...args });
    children.push(c);
    return c;
  };

  it('applies started together: exactly one gets the lock, the others fail with locked', async () => {
    const go = join(t.dir, 'go');
    for (let round = 0; round < 3; round++) {
      const cs = Array.from({ length: 6 }, (_, i) => start({ runId: `r${round}-${i}`, waitMs: 0, holdMs: 300, goFile: `${go}${round}` }));
      await Promise.all(cs.map((c) => c.waitFor((l) => l.ready === true)));
      writeFileSync(`${go}${round}`, '');
      const outs = await Promise.all(cs.map((c) => c.waitFor((l) => 'result' in l)));
      expect(outs.filter((o) => o.result === 'acquired')).toHaveLength(1);
      const losers = outs.filter((o) => o.result === 'error');
      expect(losers).toHaveLength(5);
      for (const l of losers) expect(l.reason).toBe('locked');
      await Promise.all(cs.map((c) => c.exited));
    }
  });

  it('applies that wait run one at a time, and all get their turn', async () => {
    const log = join(t.dir, 'log');
    const go = join(t.dir, 'go');
    const cs = Array.from({ length: 4 }, (_, i) => start({ runId: `w${i}`, waitMs: 60_000, pollMs: 5, holdMs: 60, goFile: go, logFile: log }));
    await Promise.all(cs.map((c) => c.waitFor((l) => l.ready === true)));
    writeFileSync(go, '');
    const outs = await Promise.all(cs.map((c) => c.waitFor((l) => 'result' in l)));
    expect(outs.map((o) => o.result)).toEqual(['acquired', 'acquired', 'acquired', 'acquired']);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    for (let i = 0; i < lines.length; i += 2) {
      // enter X is always followed by exit X: no two holders overlap.
      expect(lines[i]).toMatch(/^enter /);
      expect(lines[i + 1]).toBe(lines[i]!.replace('enter', 'exit'));
    }
  });

  it('a holder killed with SIGKILL leaves a lock that the next apply takes over with a warning', async () => {
    const victim = start({ runId: 'run-killed', waitMs: 0, mode: 'hold' });
    await victim.waitFor((l) => l.held === true);
    const e = await caught(acquireHostLock(t.dir, 'local', { holder: holder('run-next'), waitMs: 0 }));
    expect(e.message).toContain('run-killed'); // alive: it is respected
    victim.kill();
    await victim.exited;
    const warnings: string[] = [];
    const lock = await acquireHostLock(t.dir, 'local', { holder: holder('run-next'), waitMs: 0, warn: (m) => warnings.push(m) });
    held.push(lock);
    expect(lock.tookOver).toMatchObject({ runId: 'run-killed', pid: victim.proc.pid });
    expect(warnings.join()).toContain('run-killed');
  });

  it('a process that exits without releasing clears its own lock on exit', async () => {
    const c = start({ runId: 'run-exit', waitMs: 0, mode: 'exit-without-release' });
    await c.waitFor((l) => l.held === true);
    expect(await c.exited).toBe(0);
    expect(existsSync(lockPath(t.dir, 'local'))).toBe(false);
  });

  it('several processes racing to take over one stale lock: exactly one takes it', async () => {
    for (let round = 0; round < 3; round++) {
      const p = plantLock(t.dir, 'local', holder(`run-dead-${round}`, { pid: deadPid() }));
      const go = join(t.dir, `go-stale-${round}`);
      const cs = Array.from({ length: 5 }, (_, i) => start({ runId: `s${round}-${i}`, waitMs: 0, holdMs: 300, goFile: go }));
      await Promise.all(cs.map((c) => c.waitFor((l) => l.ready === true)));
      writeFileSync(go, '');
      const outs = await Promise.all(cs.map((c) => c.waitFor((l) => 'result' in l)));
      expect(outs.filter((o) => o.result === 'acquired')).toHaveLength(1);
      for (const o of outs.filter((x) => x.result === 'error')) expect(o.reason).toBe('locked');
      await Promise.all(cs.map((c) => c.exited));
      // Whoever removed the stale lock said so (the winner, or a taker that a plain acquirer beat).
      const warnings = cs.flatMap((c) => c.lines.filter((l) => 'warn' in l).map((l) => String(l.warn)));
      expect(warnings.length).toBeGreaterThanOrEqual(1);
      expect(warnings.every((w) => w.includes(`run-dead-${round}`))).toBe(true);
      expect(existsSync(p)).toBe(false);
    }
  });
});
