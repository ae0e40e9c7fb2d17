// One apply per host at a time. The lock is a file in the state directory that names its holder.
//
// Protocol (works across processes and on Windows and POSIX file systems):
// - every change to the lock file (create, replace a stale one, release) happens while holding a
//   short-lived guard file (`<lock>.guard`, created atomically, held for milliseconds). Nobody ever
//   moves a live lock aside, so there is no moment in which two processes can both believe they hold
//   it. (An earlier design moved a stale-looking lock aside to check it; under contention a third
//   process could create a lock in that gap and two processes ended up holding it.)
// - create: the record is written to a private temp file, then hard-linked into place: link() fails
//   with EEXIST when the file exists, and a reader never sees a half-written record. Where hard links
//   are unsupported we fall back to an O_EXCL create.
// - heartbeat: the holder touches the lock's mtime while it holds it, so "stale" means "no sign of
//   life for staleAfterMs", not "an apply that simply runs long".
// - a guard left by a process that died while holding it (its pid gone on this host, or older than
//   GUARD_STALE_MS) is cleared, re-checking after an atomic rename that it is still the one judged.
// - a holder is judged dead by its pid only where that pid means the same process: same host name,
//   same kernel boot, same pid namespace, same start time (process-identity.ts). A holder in another
//   container sharing the state volume is judged by its heartbeat alone.
// - release removes the lock only when it still carries our token.
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { HvcError } from '../../core/errors.js';
import { printable } from '../printable.js';
import { identityOf, liveness, type ProcessIdentity } from './process-identity.js';
import { ensureStateDir, lockPath } from './state-files.js';

export interface LockHolder {
  runId: string;
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface AcquireLockOptions {
  holder: LockHolder;
  /** How long to wait for a held lock before failing with HvcError('locked'); 0 = one attempt. */
  waitMs: number;
  /** Polling interval while waiting (default 500 ms). */
  pollMs?: number;
  /** A lock without heartbeat for this long is stale and taken over (default 10 minutes). */
  staleAfterMs?: number;
  warn?: (message: string) => void;
  /** Stops waiting: HvcError('cancelled'), nothing held (SIGINT/SIGTERM while another apply runs). */
  signal?: AbortSignal;
}

export interface HostLock {
  /** Removes the lock if (and only if) it is still ours. Idempotent. */
  release(): Promise<void>;
  /** The holder of a stale lock this acquisition replaced, or null. */
  tookOver: LockHolder | null;
  path: string;
}

/** What the lock file holds: the holder plus a token that identifies this acquisition. */
interface LockRecord extends LockHolder, Partial<Pick<ProcessIdentity, 'bootId' | 'pidNs' | 'startTicks'>> {
  v: 1;
  hostKey: string;
  token: string;
}

/** What tells the holder's process apart from another with the same pid. */
function identityFields(pid: number): Pick<ProcessIdentity, 'bootId' | 'pidNs' | 'startTicks'> {
  const id = identityOf(pid);
  return { bootId: id.bootId, pidNs: id.pidNs, startTicks: id.startTicks };
}

interface SeenLock {
  record: LockRecord | null; // null: unreadable content (treated as holder unknown)
  raw: string;
  mtimeMs: number;
}

export const DEFAULT_LOCK_POLL_MS = 500;
export const DEFAULT_LOCK_STALE_MS = 10 * 60_000;
/** A takeover guard older than this belongs to a takeover that died midway. */
const GUARD_STALE_MS = 30_000;

export async function acquireHostLock(stateDir: string, hostKey: string, opts: AcquireLockOptions): Promise<HostLock> {
  validateHolder(opts.holder);
  await ensureStateDir(stateDir);
  return acquireLockAt(lockPath(stateDir, hostKey), hostKey, opts);
}

/** The same lock on a file of the caller's choosing (e.g. one output folder per run). */
export async function acquireDirLock(dir: string, fileName: string, label: string, opts: AcquireLockOptions): Promise<HostLock> {
  validateHolder(opts.holder);
  await ensureStateDir(dir);
  return acquireLockAt(join(dir, fileName), label, opts);
}

async function acquireLockAt(path: string, hostKey: string, opts: AcquireLockOptions): Promise<HostLock> {
  const waitMs = nonNegative(opts.waitMs, 'waitMs');
  const pollMs = Math.max(1, nonNegative(opts.pollMs ?? DEFAULT_LOCK_POLL_MS, 'pollMs'));
  const staleAfterMs = Math.max(1, nonNegative(opts.staleAfterMs ?? DEFAULT_LOCK_STALE_MS, 'staleAfterMs'));
  const warn = opts.warn ?? (() => undefined);
  const token = randomUUID();
  const record: LockRecord = { v: 1, hostKey, token, ...pickHolder(opts.holder), ...identityFields(opts.holder.pid) };
  const deadline = Date.now() + waitMs;
  let tookOver: LockHolder | null = null;
  let last: SeenLock | null = null;

  for (;;) {
    if (opts.signal?.aborted) throw new HvcError('cancelled', `cancelled while waiting for the lock of '${printable(hostKey)}'; nothing was changed`);
    const guard = await takeGuard(path, record);
    if (guard) {
      try {
        const seen = await readLock(path);
        const stale = seen ? staleReason(seen, staleAfterMs) : null;
        if (seen && stale !== null) {
          // Only guard holders change the file, so the lock we judged is the one we remove.
          await unlink(path).catch((e: unknown) => {
            if (errCode(e) !== 'ENOENT') throw e;
          });
          tookOver = seen.record ? pickHolder(seen.record) : null;
          warn(`took over a stale host lock for '${hostKey}' (${describe(seen)}): ${stale}`);
        }
        if (!seen || stale !== null) {
          if (await createExclusive(path, JSON.stringify(record))) break;
          tookOver = null; // a writer outside the protocol (a hand-made file) got there first
        } else {
          last = seen;
        }
      } finally {
        await guard.release();
      }
    }
    const left = deadline - Date.now();
    if (left <= 0) throw lockedError(hostKey, path, last ?? (await readLock(path)), waitMs, staleAfterMs);
    await sleep(Math.min(guard ? pollMs : Math.min(pollMs, 5 + Math.floor(Math.random() * 20)), left), opts.signal);
  }

  return holdLock(path, record, hostKey, staleAfterMs, warn, tookOver);
}

function holdLock(
  path: string,
  record: LockRecord,
  hostKey: string,
  staleAfterMs: number,
  warn: (m: string) => void,
  tookOver: LockHolder | null,
): HostLock {
  const token = record.token;
  let released = false;
  let lostWarned = false;
  // Heartbeat: keep mtime fresh so that a long apply is never mistaken for a stale one.
  const beat = setInterval(() => {
    void (async () => {
      const seen = await readLock(path);
      if (seen?.record?.token === token) {
        const now = new Date();
        await utimes(path, now, now).catch(() => undefined);
      } else if (!released && !lostWarned) {
        lostWarned = true;
        warn(`the host lock for '${hostKey}' at ${path} is no longer ours (${seen ? describe(seen) : 'removed'})`);
      }
    })().catch(() => undefined);
  }, Math.max(20, Math.floor(staleAfterMs / 4)));
  beat.unref();
  // A process that ends without release (uncaught error, process.exit) still clears its own lock.
  const onExit = (): void => {
    try {
      const rec = parseRecord(readFileSync(path, 'utf8'));
      if (rec?.token === token) unlinkSync(path);
    } catch {
      /* nothing to clear */
    }
  };
  process.once('exit', onExit);

  return {
    path,
    tookOver,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      clearInterval(beat);
      process.removeListener('exit', onExit);
      await removeIfOwned(path, token, record);
    },
  };
}

/** Atomic create: true when we created it, false when it already exists. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const tmp = `${path}.${randomUUID()}.tmp`;
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(content, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, path);
    return true;
  } catch (e) {
    const code = errCode(e);
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') return createWithExcl(path, content);
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Fallback for file systems without hard links: O_EXCL create, then write. */
async function createWithExcl(path: string, content: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'wx');
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    await fh.writeFile(content, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

async function readLock(path: string): Promise<SeenLock | null> {
  try {
    const [raw, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { raw, record: parseRecord(raw), mtimeMs: st.mtimeMs };
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
}

function parseRecord(raw: string): LockRecord | null {
  try {
    const r = JSON.parse(raw) as Partial<LockRecord>;
    if (
      r && typeof r === 'object' && r.v === 1 && typeof r.token === 'string' && typeof r.runId === 'string' &&
      typeof r.pid === 'number' && typeof r.hostname === 'string' && typeof r.startedAt === 'string'
    ) {
      return r as LockRecord;
    }
  } catch {
    /* unreadable */
  }
  return null;
}

/** Why a seen lock is stale, or null when its holder may still be working. */
function staleReason(seen: SeenLock, staleAfterMs: number): string | null {
  const r = seen.record;
  if (r && liveness(r) === 'dead') {
    return `its holder (pid ${r.pid}) is no longer running on this host`;
  }
  const idle = Date.now() - seen.mtimeMs;
  if (idle > staleAfterMs) return `no heartbeat for ${Math.round(idle / 1000)} s (stale after ${Math.round(staleAfterMs / 1000)} s)`;
  return null;
}

/** The guard serializing changes to the lock file; null while another process holds it. */
async function takeGuard(path: string, record: LockRecord): Promise<{ release(): Promise<void> } | null> {
  const guard = `${path}.guard`;
  const mine = JSON.stringify({ v: 1, token: record.token, runId: record.runId, pid: process.pid, hostname: osHostname(), startedAt: new Date().toISOString(), ...identityFields(process.pid) });
  if (await createExclusive(guard, mine)) {
    return { release: () => unlink(guard).catch(() => undefined) };
  }
  // Held by someone else: clear it only if its holder died while holding it.
  const g = await readLock(guard);
  if (g && staleReason(g, GUARD_STALE_MS) !== null) await removeIfSame(guard, g);
  return null;
}

async function removeIfOwned(path: string, token: string, record?: LockRecord): Promise<void> {
  const guard = record ? await waitForGuard(path, record, 5_000) : null;
  try {
    const seen = await readLock(path);
    if (seen?.record?.token !== token) return; // not ours (taken over, or cleared by hand): leave it
    await unlink(path).catch((e: unknown) => {
      if (errCode(e) !== 'ENOENT') throw e;
    });
  } finally {
    await guard?.release();
  }
}

async function waitForGuard(path: string, record: LockRecord, boundMs: number): Promise<{ release(): Promise<void> } | null> {
  const until = Date.now() + boundMs;
  for (;;) {
    const g = await takeGuard(path, record);
    if (g || Date.now() >= until) return g;
    await sleep(5 + Math.floor(Math.random() * 10));
  }
}

/** Removes `path` only if it is still the lock we saw; a lock that replaced it meanwhile is restored. */
async function removeIfSame(path: string, seen: SeenLock): Promise<void> {
  const aside = `${path}.${randomUUID()}.release`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (errCode(e) === 'ENOENT') return;
    throw e;
  }
  const moved = await readLock(aside);
  if (moved && !sameLock(moved, seen)) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function sameLock(a: SeenLock, b: SeenLock): boolean {
  if (a.record && b.record) return a.record.token === b.record.token;
  return a.raw === b.raw;
}

function lockedError(hostKey: string, path: string, seen: SeenLock | null, waitMs: number, staleAfterMs: number): HvcError {
  const who = seen ? describe(seen) : 'an unknown holder';
  return new HvcError(
    'locked',
    `host '${hostKey}' is locked by ${who}; waited ${waitMs} ms. ` +
      `If that run is no longer active, release the lock with 'hyperv-converge unlock ${seen?.record ? printable(seen.record.runId) : 'unreadable'}' (or delete ${path}). ` +
      `It is also taken over automatically once its process is gone (same host) or after ${Math.round(staleAfterMs / 1000)} s without heartbeat.`,
    { detail: { holder: seen?.record ? pickHolder(seen.record) : null, lockPath: path, waitedMs: waitMs } },
  );
}

function describe(seen: SeenLock): string {
  const r = seen.record;
  if (!r) return `an unreadable lock file (last modified ${new Date(seen.mtimeMs).toISOString()})`;
  return `run ${printable(r.runId)} (pid ${r.pid} on ${printable(r.hostname)}, since ${printable(r.startedAt)})`;
}

function pickHolder(h: LockHolder): LockHolder {
  return { runId: h.runId, pid: h.pid, hostname: h.hostname, startedAt: h.startedAt };
}

function validateHolder(h: LockHolder): void {
  const ok =
    h && typeof h.runId === 'string' && h.runId !== '' && Number.isInteger(h.pid) && h.pid > 0 &&
    typeof h.hostname === 'string' && h.hostname !== '' && typeof h.startedAt === 'string' && h.startedAt !== '';
  if (!ok) throw new HvcError('usage', 'lock holder needs runId, a positive integer pid, hostname and startedAt');
}

function nonNegative(n: number, name: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new HvcError('usage', `${name} must be a non-negative number of milliseconds`);
  return n;
}

function errCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((r) => {
    const done = (): void => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      r();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Who holds the host lock now (null: nobody), for `unlock` and lock-wait messages. */
export async function inspectHostLock(stateDir: string, hostKey: string): Promise<{ path: string; holder: LockHolder | null; modifiedAt: string } | null> {
  const path = lockPath(stateDir, hostKey);
  const seen = await readLock(path);
  return seen ? { path, holder: seen.record ? pickHolder(seen.record) : null, modifiedAt: new Date(seen.mtimeMs).toISOString() } : null;
}

/**
 * Releases the host lock on purpose (an operator clearing a stale lock), only if it is still the one
 * they were shown: held by `runId`, or unreadable when runId is null. Goes through the guard like
 * every other change to the lock file. Returns the holder released, or null when the lock changed.
 */
export async function breakHostLock(stateDir: string, hostKey: string, runId: string | null): Promise<{ released: boolean; holder: LockHolder | null }> {
  const path = lockPath(stateDir, hostKey);
  const me: LockRecord = { v: 1, hostKey, token: randomUUID(), runId: 'unlock', pid: process.pid, hostname: osHostname(), startedAt: new Date().toISOString() };
  const guard = await waitForGuard(path, me, 5_000);
  if (!guard) throw new HvcError('locked', `the lock of '${hostKey}' is being changed by another process right now; try again`);
  try {
    const seen = await readLock(path);
    if (!seen) return { released: false, holder: null };
    const holder = seen.record ? pickHolder(seen.record) : null;
    if ((holder?.runId ?? null) !== runId) return { released: false, holder };
    await removeIfSame(path, seen);
    return { released: true, holder };
  } finally {
    await guard.release();
  }
}
