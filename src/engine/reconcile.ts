// Guest network reconcile as an engine phase: IP discovery and /etc/hosts sync, after an apply or on
// its own (`hyperv-converge reconcile`, action mode `reconcile`). The last report per host is kept in
// the state directory, so a changed address is reported with the one it replaced. A reconcile that
// writes (not --dry-run) holds the host lock as apply does: guests' hosts files, known_hosts-<host>
// and that report are changed by one run at a time. A signal stops it as it stops apply.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearArtifacts, OUT_LOCK, writeArtifact } from '../artifacts/write.js';
import { createBackend, type BackendSpec } from '../backends/index.js';
import { loadConfig } from '../core/config/load.js';
import type { Config } from '../core/config/types.js';
import { HvcError, isHvcError, type FailureReason, type Problem } from '../core/errors.js';
import { assessObservation } from '../core/model/assess.js';
import type { Observation } from '../core/model/observed.js';
import type { RunStatus } from '../core/model/result.js';
import type { Backend } from '../core/ports.js';
import { reconcileGuests, type GuestReconcileReport } from '../guest/reconcile.js';
import { acquireDirLock, type HostLock } from './apply/lock.js';
import { hostFileKey } from './apply/state-files.js';
import { Cancelled, DEFAULT_CANCEL_GRACE_MS, unlessCancelled, withinGrace } from './cancellation.js';
import { silentLogger, type Logger } from './log.js';
import { runResult, writeResult, type PipelineOutcome } from './outcome.js';
import { defaultStateDir, hostKeyOf } from './state-location.js';
import { DEFAULT_LOCK_WAIT_MS, runHolder, takeLock } from './take-lock.js';

function memoryFile(stateDir: string, hostKey: string): string {
  return join(stateDir, `guests-${hostFileKey(hostKey)}.json`);
}

function previousReport(stateDir: string, hostKey: string): GuestReconcileReport | undefined {
  const file = memoryFile(stateDir, hostKey);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GuestReconcileReport;
  } catch {
    return undefined; // a damaged memory only costs the "previous address" detail
  }
}

/** Keeps the report for the next run; a failure costs only that memory, never the run's result. */
function remember(stateDir: string, hostKey: string, report: GuestReconcileReport, log: Logger): void {
  const file = memoryFile(stateDir, hostKey);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(tmp, JSON.stringify(report));
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true, recursive: true });
    log.warn(`state-write-failed: the guest address memory ${file} cannot be written (${(e as Error).message}); the next run will not know these addresses`);
  }
}

export interface GuestPhaseOptions {
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  stateDir: string;
  hostKey: string;
  log: Logger;
  /** First signal: no new address query, guest or remote command; in-flight ones get the grace. */
  signal?: AbortSignal;
  /** Second signal: the grace ends now. */
  cancelNow?: AbortSignal;
  /** How long in-flight guest operations get after the first signal (default 5 s). */
  cancelGraceMs?: number;
}

/**
 * Discovery + hosts sync for a config with an ssh section, with the previous run's addresses. After a
 * signal it starts nothing new and waits out the grace for what is in flight: then it throws
 * Cancelled, having dropped the connections left, so nothing more is written once the run has ended
 * (and released its lock). The report of a cancelled run is returned but not remembered.
 */
export async function guestPhase(config: Config, backend: Backend, observation: Observation, opts: GuestPhaseOptions): Promise<GuestReconcileReport> {
  const abandon = new AbortController();
  const running = reconcileGuests(config, backend, {
    dryRun: opts.dryRun,
    env: opts.env,
    observation,
    previous: previousReport(opts.stateDir, opts.hostKey),
    // Host keys are trust: kept with the durable state, never in the workspace checkout cleans.
    defaultKnownHostsFile: join(opts.stateDir, `known_hosts-${hostFileKey(opts.hostKey)}`),
    log: (m: string) => opts.log.info(m),
    ...(opts.signal ? { signal: opts.signal } : {}),
    abandon: abandon.signal,
  });
  const report = await withinGrace(running, opts.signal, opts.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS, opts.cancelNow);
  if (report === 'abandoned') {
    abandon.abort();
    running.catch(() => undefined);
    throw new Cancelled('guest operations still in flight were abandoned');
  }
  if (!opts.dryRun && !opts.signal?.aborted) remember(opts.stateDir, opts.hostKey, report, opts.log);
  return report;
}

export interface ReconcileRunOptions {
  configPath: string;
  backend: BackendSpec;
  outDir: string;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  stateDir?: string;
  clock?: () => Date;
  log?: Logger;
  /** How long to wait for another run's host lock (default 10 minutes); a dry run takes none. */
  lockWaitMs?: number;
  /** SIGINT/SIGTERM: nothing new is started; result.json says `cancelled`; the lock is released. */
  signal?: AbortSignal;
  /** A second signal: in-flight guest operations are abandoned at once. */
  cancelNow?: AbortSignal;
  /** How long in-flight guest operations get after the first signal (default 5 s). */
  cancelGraceMs?: number;
}

export async function runReconcile(opts: ReconcileRunOptions): Promise<PipelineOutcome> {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? silentLogger;
  const startedAt = clock().toISOString();
  const files: PipelineOutcome['files'] = { current: null, plan: null, result: '' };
  let config: Config | null = null;
  let observation: Observation | null = null;
  let backend: Backend | null = null;
  let lock: HostLock | null = null;
  let problems: Problem[] = [];
  const cancelled = (): boolean => opts.signal?.aborted === true;
  const extra: Record<string, unknown> = {};
  const finish = (status: RunStatus, failureReason: FailureReason | null, message: string): PipelineOutcome => {
    const written = writeResult(opts.outDir, runResult({ mode: 'reconcile', status, failureReason, message, extra, startedAt, finishedAt: clock().toISOString() }), log);
    files.result = written.file;
    const result = written.result;
    return { config, observation, plan: null, result, files, problems, stats: backend?.stats() ?? { launches: 0, operations: 0 } };
  };
  // One run per output folder, as in the pipeline: a second one (a dry run too: it takes no host
  // lock, but it writes result.json) is refused before it writes anything there.
  const holder = runHolder(startedAt);
  let outLock: HostLock;
  try {
    outLock = await acquireDirLock(opts.outDir, OUT_LOCK, `output folder ${opts.outDir}`, { holder, waitMs: 0, warn: (m) => log.warn(m) });
  } catch (e) {
    const message = isHvcError(e) ? e.message : String(e);
    const reason: FailureReason = isHvcError(e) && e.reason === 'locked' ? 'locked' : 'output-failed';
    log.error(`${reason}: ${message}`);
    const result = runResult({ mode: 'reconcile', status: reason === 'locked' ? 'refused' : 'failed', failureReason: reason, message, extra, startedAt, finishedAt: clock().toISOString() });
    return { config, observation, plan: null, result, files, problems, stats: { launches: 0, operations: 0 } };
  }
  try {
    clearArtifacts(opts.outDir);
    const cfg = loadConfig(opts.configPath).config;
    config = cfg;
    if (!cfg.ssh) throw new HvcError('usage', `${opts.configPath} has no ssh section: there is no guest network to reconcile`);
    const stateDir = opts.stateDir ?? defaultStateDir();
    const hostKey = hostKeyOf(opts.backend);
    // Before observing, as apply does: the guests are found and written while no other run changes
    // the host or them. A dry run writes nothing and, like plan, takes no lock.
    if (!opts.dryRun) {
      lock = await log.group('Host lock', () => takeLock(stateDir, hostKey, holder, opts.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, log, opts.signal));
    }
    if (cancelled()) throw new Cancelled();
    const be = createBackend(opts.backend);
    backend = be;
    const seen = await log.group('Observe', async () => ({ ...assessObservation(await unlessCancelled(be.observe({ paths: [], neighbors: false, expectedVms: cfg.vms.length }), opts.signal)), observedAt: clock().toISOString() }));
    observation = seen;
    if (!seen.complete && seen.incomplete.some((r) => r.vm === undefined)) {
      files.current = writeArtifact(opts.outDir, 'current.json', seen);
      return finish('failed', 'observation-incomplete', seen.incomplete.map((r) => r.message).join('; '));
    }
    const report = await log.group('Guest network', () =>
      guestPhase(cfg, be, seen, {
        env: opts.env, dryRun: opts.dryRun, stateDir, hostKey, log,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.cancelNow ? { cancelNow: opts.cancelNow } : {}),
        ...(opts.cancelGraceMs !== undefined ? { cancelGraceMs: opts.cancelGraceMs } : {}),
      }),
    );
    extra.guests = report;
    files.current = writeArtifact(opts.outDir, 'current.json', { ...seen, guests: report.addresses });
    const h = report.hosts;
    const summary = `${report.addresses.filter((a) => a.address).length} of ${report.addresses.length} address(es) found; hosts: ${h.synced.length} synced, ${h.unchanged.length} unchanged, ${h.wouldChange.length} would change, ${h.failed.length} failed`;
    // Guests whose sync ended within the grace are in the report; those not started are named in it.
    if (cancelled()) return finish('cancelled', 'cancelled', `cancelled by a signal; ${summary}, ${h.notAttempted.length} not attempted`);
    if (!report.ok) return finish('failed', h.failed.length ? 'apply-failed' : 'backend-error', summary);
    if (opts.dryRun) return finish(h.wouldChange.length ? 'changes' : 'no-changes', null, summary);
    return finish('applied', null, summary);
  } catch (e) {
    if (e instanceof Cancelled || (isHvcError(e) && e.reason === 'cancelled')) {
      log.warn(`cancelled: no guest operation was started after the signal${e.message ? `; ${e.message}` : ''}`);
      return finish('cancelled', 'cancelled', `cancelled by a signal${e.message ? `: ${e.message}` : ''}`);
    }
    if (isHvcError(e)) {
      problems = e.problems;
      return finish(e.reason === 'usage' || e.reason === 'locked' ? 'refused' : 'failed', e.reason, e.message);
    }
    log.error(`internal error: ${(e as Error).message}`);
    log.debug(`${(e as Error).stack ?? String(e)}`);
    return finish('failed', 'internal', `internal error: ${(e as Error).message}`);
  } finally {
    // Each is attempted whatever the other does. The host agents only read here (observe, addresses):
    // a cancelled run ends one still inside a read rather than leave it running after the CLI exits.
    await backend?.close({ killBusy: cancelled() }).catch((e: unknown) => log.warn(`closing the host agents failed: ${(e as Error).message}`));
    await lock?.release().catch((e: unknown) => log.warn(`releasing the host lock failed: ${(e as Error).message}`));
    await outLock.release().catch((e: unknown) => log.warn(`releasing the output folder failed: ${(e as Error).message}`));
  }
}
