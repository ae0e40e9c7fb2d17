// Taking the host lock as an operator wants to see it: when another run holds it, say who (run, pid,
// host, since when) and how long this run will wait, then wait. Built on the lock module's API only.
// Every run that changes a host (apply, adopt, reconcile) takes it through here, as one holder kind.
import { randomUUID } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { isHvcError } from '../core/errors.js';
import { acquireHostLock, type HostLock, type LockHolder } from './apply/lock.js';
import type { Logger } from './log.js';
import { printable } from './printable.js';

/** How long a run waits for another run's host lock unless told otherwise (--lock-wait). */
export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;

/** This run as the lock names it: the workflow run (and attempt) on a runner, else a fresh id. */
export function runHolder(startedAt: string): LockHolder {
  const runId = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? 1}` : randomUUID();
  return { runId, pid: process.pid, hostname: osHostname(), startedAt };
}

export function describeHolder(h: LockHolder | null | undefined): string {
  // The lock file is another process's writing: its fields are printed escaped.
  return h ? `run ${printable(h.runId)} (pid ${h.pid} on ${printable(h.hostname)}, since ${printable(h.startedAt)})` : 'an unknown holder (unreadable lock file)';
}

export function formatWait(ms: number): string {
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export async function takeLock(stateDir: string, hostKey: string, holder: LockHolder, waitMs: number, log: Logger, signal?: AbortSignal): Promise<HostLock> {
  const warn = (m: string) => log.warn(m);
  try {
    return await acquireHostLock(stateDir, hostKey, { holder, waitMs: 0, warn, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (!isHvcError(e) || e.reason !== 'locked' || waitMs === 0) throw e;
    const held = (e.detail as { holder?: LockHolder | null } | undefined)?.holder;
    log.info(`waiting up to ${formatWait(waitMs)} for the host lock of '${hostKey}', held by ${describeHolder(held)} (--lock-wait sets the wait; 'hyperv-converge unlock' shows and releases a stale lock)`);
  }
  return acquireHostLock(stateDir, hostKey, { holder, waitMs, warn, ...(signal ? { signal } : {}) });
}
