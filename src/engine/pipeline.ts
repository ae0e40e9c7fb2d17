// The spine, end to end: load+validate → observe → plan → safety → [audit | apply → re-observe →
// verify]. The CLI and the action both run exactly this. Expected failures never throw: they end as a
// RunResult with a typed failureReason, and result.json is always written.
import { randomUUID } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { writeArtifact } from '../artifacts/write.js';
import { createBackend, type BackendSpec } from '../backends/index.js';
import { loadConfig } from '../core/config/load.js';
import type { Config } from '../core/config/types.js';
import { makePlan, pathsToCheck } from '../core/converge.js';
import { HvcError, isHvcError, type FailureReason, type Problem } from '../core/errors.js';
import { assessObservation } from '../core/model/assess.js';
import type { Observation } from '../core/model/observed.js';
import type { RunMode, RunResult, RunStatus, StepResult } from '../core/model/result.js';
import { hasChanges } from '../core/plan/finalize.js';
import type { Plan } from '../core/plan/types.js';
import type { Backend } from '../core/ports.js';
import { executePlan } from './apply/executor.js';
import { Journal } from './apply/journal.js';
import { acquireHostLock, type HostLock } from './apply/lock.js';
import { bindCreatedIds } from './created-ids.js';
import { silentLogger, type Logger } from './log.js';
import { runResult, type PipelineOutcome } from './outcome.js';
import { guestPhase } from './reconcile.js';
import { defaultStateDir, hostKeyOf } from './state-location.js';

export interface PipelineOptions {
  mode: 'plan' | 'apply' | 'drift';
  configPath: string;
  backend: BackendSpec;
  outDir: string;
  /** Overrides host.concurrency of the config. */
  concurrency?: number;
  /** apply: the reviewed plan's hash; a different recomputed plan is refused ('plan-changed'). */
  expectedPlanHash?: string | null;
  /** Journal and host lock; default $HVC_STATE_DIR or ~/.hyperv-converge. */
  stateDir?: string;
  /** apply: how long to wait for another apply's host lock (default 10 minutes). */
  lockWaitMs?: number;
  /** Fixed clock for reproducible artifacts. */
  clock?: () => Date;
  log?: Logger;
  /** The environment holding the SSH key: after a successful apply, a config with an ssh section
   *  gets guest IP discovery and /etc/hosts sync. Without it the guest phase is skipped. */
  guestEnv?: NodeJS.ProcessEnv;
}

export type { PipelineOutcome };
export { defaultStateDir, hostKeyOf };

export async function runPipeline(opts: PipelineOptions): Promise<PipelineOutcome> {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? silentLogger;
  const mode: RunMode = opts.mode;
  const startedAt = clock().toISOString();
  const files: PipelineOutcome['files'] = { current: null, plan: null, result: '' };
  let config: Config | null = null;
  let observation: Observation | null = null;
  let plan: Plan | null = null;
  let problems: Problem[] = [];
  let backend: Backend | null = null;
  let lock: HostLock | null = null;
  let journal: Journal | null = null;
  const extra: Record<string, unknown> = {};

  const finish = (status: RunStatus, failureReason: FailureReason | null, message: string, more: Partial<RunResult> = {}): PipelineOutcome => {
    const result = runResult({ mode, status, failureReason, message, planHash: plan?.planHash ?? null, extra, startedAt, finishedAt: clock().toISOString(), ...more });
    files.result = writeArtifact(opts.outDir, 'result.json', result);
    return { config, observation, plan, result, files, problems, stats: backend?.stats() ?? { launches: 0, operations: 0 } };
  };

  try {
    const cfg: Config = await log.group('Load config', async () => loadConfig(opts.configPath).config);
    config = cfg;
    log.info(`config ${opts.configPath}: project '${cfg.project}', ${cfg.vms.length} VM(s)`);
    if (mode === 'apply' && opts.backend.kind === 'replay') {
      throw new HvcError('usage', `apply refuses the replay backend: a recording cannot be changed (use --backend sim or hyperv)`);
    }
    const be: Backend = createBackend(opts.backend);
    backend = be;
    const stateDir = opts.stateDir ?? defaultStateDir();
    const hostKey = hostKeyOf(opts.backend);
    if (mode === 'apply') {
      // Take the host lock before observing, so the plan is made from a host no other apply is changing.
      const runId = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? 1}` : randomUUID();
      lock = await log.group('Host lock', () =>
        acquireHostLock(stateDir, hostKey, {
          holder: { runId, pid: process.pid, hostname: osHostname(), startedAt },
          waitMs: opts.lockWaitMs ?? 10 * 60_000,
          warn: (m) => log.warn(m),
        }),
      );
      // Held open until result.json is written: closing marks earlier unfinished entries resolved,
      // which must not happen before this run has reported them.
      journal = await Journal.open(stateDir, hostKey, { runId });
      const unfinished = await journal.unfinished();
      if (unfinished.length > 0) {
        // An earlier apply was interrupted mid-operation. Never replay it: observe what is really
        // there and plan from that.
        extra.recovery = { unfinished: unfinished.map((e) => ({ stepId: e.stepId, vm: e.vm, action: e.action, planHash: e.planHash, at: e.at })) };
        log.warn(`an earlier apply was interrupted during ${unfinished.map((e) => `${e.action} of ${e.vm}`).join(', ')}; planning from what the host really holds now`);
      }
    }

    const observe = async () => {
      const raw = await be.observe({ paths: pathsToCheck(cfg), neighbors: false });
      return { ...assessObservation(raw), observedAt: clock().toISOString() };
    };
    const seen = await log.group('Observe', observe);
    observation = seen;
    files.current = writeArtifact(opts.outDir, 'current.json', seen);
    log.info(`observed ${seen.vms.length} VM(s) on ${seen.host.computerName}${seen.complete ? '' : ` — incomplete: ${seen.incomplete.map((r) => r.message).join('; ')}`}`);

    const p: Plan = await log.group('Plan', async () => ({ ...makePlan(cfg, seen, be.kind), generatedAt: clock().toISOString() }));
    plan = p;
    files.plan = writeArtifact(opts.outDir, 'plan.json', p);
    const refusedBySafety = p.refusals.some((r) => r.kind === 'refused' && r.code !== 'observation-incomplete');
    if (!p.actionable) return finish('failed', 'observation-incomplete', p.refusals[0]?.message ?? 'the observation is incomplete');

    if (mode !== 'apply') {
      if (!hasChanges(p)) return finish('no-changes', null, 'the host matches the file');
      if (refusedBySafety) return finish('refused', 'safety-refused', `${p.steps.length} step(s) planned; ${p.refusals.length} refused or blocked`);
      return finish('changes', null, `${p.steps.length} step(s) planned${p.refusals.length ? `; ${p.refusals.length} blocked` : ''}`);
    }

    if (opts.expectedPlanHash && opts.expectedPlanHash !== p.planHash) {
      return finish('refused', 'plan-changed', `the plan changed since it was reviewed: reviewed ${opts.expectedPlanHash}, now ${p.planHash}; nothing was applied`);
    }
    let steps: StepResult[] = [];
    if (p.steps.length > 0) {
      const concurrency = opts.concurrency ?? cfg.host.concurrency;
      const jr = journal!;
      let journalFailure: HvcError | null = null;
      steps = await log.group('Apply', async () => {
        const runner = bindCreatedIds(await be.runner(concurrency));
        try {
          return await executePlan(p.steps, runner, {
            concurrency,
            operationTimeoutMs: cfg.host.operationTimeoutSec * 1000,
            journal: jr,
            planHash: p.planHash,
            onEvent: (e) => {
              if (e.type === 'end') log.info(`  ${e.result.outcome === 'succeeded' ? 'ok  ' : 'FAIL'} ${e.step.vm}: ${e.step.action} (${e.result.durationMs} ms)${e.result.error ? ` — ${e.result.error.message}` : ''}`);
            },
          });
        } catch (e) {
          // The journal could not be written: the executor stopped sending; keep what it did.
          const done = isHvcError(e) ? (e.detail as { results?: StepResult[] } | undefined)?.results : undefined;
          if (!done) throw e;
          journalFailure = e as HvcError;
          return done;
        } finally {
          await runner.close();
        }
      });
      if (journalFailure) return finish('failed', 'apply-failed', (journalFailure as HvcError).message, { steps });
    }
    const post = await log.group('Verify', observe);
    const postPlan = makePlan(cfg, post, be.kind);
    const converged = postPlan.actionable && !hasChanges(postPlan);
    const failed = steps.filter((s) => s.outcome === 'failed' || s.outcome === 'timed-out');
    if (failed.length === 0 && cfg.ssh && opts.guestEnv) {
      const env = opts.guestEnv;
      extra.guests = await log.group('Guest network', () => guestPhase(cfg, be, post, { env, dryRun: false, stateDir, hostKey, log }));
    }
    const more = { steps, postObservation: post, converged, remaining: postPlan.steps };
    if (failed.length > 0) return finish('failed', 'apply-failed', `${failed.length} of ${steps.length} step(s) failed: ${failed.map((s) => `${s.vm} ${s.action}`).join(', ')}`, more);
    if (refusedBySafety) return finish('refused', 'safety-refused', `${steps.length} step(s) applied; ${p.refusals.length} refused or blocked by policy`, more);
    if (!converged) return finish('failed', 'not-converged', `applied ${steps.length} step(s) but the host still differs: ${postPlan.steps.length} step(s), ${postPlan.refusals.length} blocked`, more);
    return finish('applied', null, steps.length ? `applied ${steps.length} step(s); the host matches the file` : 'the host already matched the file', more);
  } catch (e) {
    if (isHvcError(e)) {
      // Located problems go back to the front end, which shows them its own way (lines, annotations).
      problems = e.problems;
      return finish(e.reason === 'locked' || e.reason === 'usage' ? 'refused' : 'failed', e.reason, e.message);
    }
    log.error(`internal error: ${(e as Error).stack ?? String(e)}`);
    return finish('failed', 'internal', `internal error: ${(e as Error).message}`);
  } finally {
    await journal?.close();
    await lock?.release();
    await backend?.close();
  }
}

