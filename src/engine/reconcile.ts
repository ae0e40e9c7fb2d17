// Guest network reconcile as an engine phase: IP discovery and /etc/hosts sync, after an apply or on
// its own (`hyperv-converge reconcile`, action mode `reconcile`). The last report per host is kept in
// the state directory, so a changed address is reported with the one it replaced.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArtifact } from '../artifacts/write.js';
import { createBackend, type BackendSpec } from '../backends/index.js';
import { loadConfig } from '../core/config/load.js';
import type { Config } from '../core/config/types.js';
import { HvcError, isHvcError, type FailureReason, type Problem } from '../core/errors.js';
import { assessObservation } from '../core/model/assess.js';
import type { Observation } from '../core/model/observed.js';
import type { RunStatus } from '../core/model/result.js';
import type { Backend } from '../core/ports.js';
import { reconcileGuests, type GuestReconcileReport } from '../guest/reconcile.js';
import { hostFileKey } from './apply/state-files.js';
import { silentLogger, type Logger } from './log.js';
import { runResult, writeResult, type PipelineOutcome } from './outcome.js';
import { defaultStateDir, hostKeyOf } from './state-location.js';

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
}

/** Discovery + hosts sync for a config with an ssh section, with the previous run's addresses. */
export async function guestPhase(config: Config, backend: Backend, observation: Observation, opts: GuestPhaseOptions): Promise<GuestReconcileReport> {
  const report = await reconcileGuests(config, backend, {
    dryRun: opts.dryRun,
    env: opts.env,
    observation,
    previous: previousReport(opts.stateDir, opts.hostKey),
    // Host keys are trust: kept with the durable state, never in the workspace checkout cleans.
    defaultKnownHostsFile: join(opts.stateDir, `known_hosts-${hostFileKey(opts.hostKey)}`),
    log: (m: string) => opts.log.info(m),
  });
  if (!opts.dryRun) remember(opts.stateDir, opts.hostKey, report, opts.log);
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
}

export async function runReconcile(opts: ReconcileRunOptions): Promise<PipelineOutcome> {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? silentLogger;
  const startedAt = clock().toISOString();
  const files: PipelineOutcome['files'] = { current: null, plan: null, result: '' };
  let config: Config | null = null;
  let observation: Observation | null = null;
  let backend: Backend | null = null;
  let problems: Problem[] = [];
  const extra: Record<string, unknown> = {};
  const finish = (status: RunStatus, failureReason: FailureReason | null, message: string): PipelineOutcome => {
    const written = writeResult(opts.outDir, runResult({ mode: 'reconcile', status, failureReason, message, extra, startedAt, finishedAt: clock().toISOString() }), log);
    files.result = written.file;
    const result = written.result;
    return { config, observation, plan: null, result, files, problems, stats: backend?.stats() ?? { launches: 0, operations: 0 } };
  };
  try {
    const cfg = loadConfig(opts.configPath).config;
    config = cfg;
    if (!cfg.ssh) throw new HvcError('usage', `${opts.configPath} has no ssh section: there is no guest network to reconcile`);
    const be = createBackend(opts.backend);
    backend = be;
    const seen = await log.group('Observe', async () => ({ ...assessObservation(await be.observe({ paths: [], neighbors: false, expectedVms: cfg.vms.length })), observedAt: clock().toISOString() }));
    observation = seen;
    if (!seen.complete && seen.incomplete.some((r) => r.vm === undefined)) {
      files.current = writeArtifact(opts.outDir, 'current.json', seen);
      return finish('failed', 'observation-incomplete', seen.incomplete.map((r) => r.message).join('; '));
    }
    const report = await log.group('Guest network', () =>
      guestPhase(cfg, be, seen, { env: opts.env, dryRun: opts.dryRun, stateDir: opts.stateDir ?? defaultStateDir(), hostKey: hostKeyOf(opts.backend), log }),
    );
    extra.guests = report;
    files.current = writeArtifact(opts.outDir, 'current.json', { ...seen, guests: report.addresses });
    const h = report.hosts;
    const summary = `${report.addresses.filter((a) => a.address).length} of ${report.addresses.length} address(es) found; hosts: ${h.synced.length} synced, ${h.unchanged.length} unchanged, ${h.wouldChange.length} would change, ${h.failed.length} failed`;
    if (!report.ok) return finish('failed', h.failed.length ? 'apply-failed' : 'backend-error', summary);
    if (opts.dryRun) return finish(h.wouldChange.length ? 'changes' : 'no-changes', null, summary);
    return finish('applied', null, summary);
  } catch (e) {
    if (isHvcError(e)) {
      problems = e.problems;
      return finish(e.reason === 'usage' ? 'refused' : 'failed', e.reason, e.message);
    }
    log.error(`internal error: ${(e as Error).message}`);
    log.debug(`${(e as Error).stack ?? String(e)}`);
    return finish('failed', 'internal', `internal error: ${(e as Error).message}`);
  } finally {
    await backend?.close();
  }
}
