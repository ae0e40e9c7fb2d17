// The spine, end to end: load+validate → observe → plan → safety → [audit | apply → re-observe →
// verify]. The CLI and the action both run exactly this. Expected failures never throw: they end as a
// RunResult with a typed failureReason, and result.json is written (or, when even that fails, the
// result goes to the log with the reason 'output-failed'). The output folder holds one run's artifacts:
// an earlier run's are removed first, and a second run into the same folder is refused meanwhile.
import { clearArtifacts, OUT_LOCK, writeArtifactTree } from '../artifacts/write.js';
import { CanonicalTexts, canonicalTree } from '../core/canonical.js';
import { configHash, observedHashOfTree, type KnownDigests } from '../core/plan/hashes.js';
import { createBackend, createBackendEarly, type BackendSpec } from '../backends/index.js';
import { loadConfig } from '../core/config/load.js';
import type { Config, LoadedConfig } from '../core/config/types.js';
import { hashesToCheck, makePlan, pathsToCheck } from '../core/converge.js';
import { HvcError, isHvcError, type FailureReason, type Problem } from '../core/errors.js';
import { assessAgainst, assessObservation } from '../core/model/assess.js';
import type { GuestReconcileReport } from '../guest/reconcile.js';
import type { Observation } from '../core/model/observed.js';
import type { RunMode, RunResult, RunStatus, StepResult } from '../core/model/result.js';
import { hasChanges } from '../core/plan/finalize.js';
import type { Plan } from '../core/plan/types.js';
import type { Backend } from '../core/ports.js';
import { executePlan } from './apply/executor.js';
import { Journal } from './apply/journal.js';
import { AgentRecords } from './apply/agents.js';
import { acquireDirLock, type HostLock, type LockHolder } from './apply/lock.js';
import { stepProgress } from './progress.js';
import { DEFAULT_LOCK_WAIT_MS, runHolder, takeLock } from './take-lock.js';
import { Cancelled, unlessCancelled as cut } from './cancellation.js';
import { bindCreatedIds } from './created-ids.js';
import { silentLogger, type Logger } from './log.js';
import { runResult, writeResult, type PipelineOutcome } from './outcome.js';
import { printable } from './printable.js';
import { renderSeeds, withSeedImages, type RenderedSeeds } from './seeds.js';
import { defaultStateDir, hostKeyOf } from './state-location.js';

export interface PipelineOptions {
  mode: 'plan' | 'apply' | 'drift';
  configPath: string;
  /** The config of configPath when the caller has already loaded it (to find its host): not read again. */
  config?: Config;
  /** How configPath is read, inside the 'Load config' phase (default: from the file). The action
   *  hands in the outcome of the one read it made to mask secrets and find its host. */
  readConfig?: (path: string) => LoadedConfig;
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
  /** SIGINT/SIGTERM: no new step after it; result.json says `cancelled`; the locks are released. */
  signal?: AbortSignal;
  /** How long in-flight operations get to answer after cancellation (default 5 s). */
  cancelGraceMs?: number;
  /** plan/apply: only these VMs (like terraform's -target); recorded in the plan and its hash. */
  targets?: string[];
  /** Makes the plan instead of the converging planner (adopt: one step writing the marker). */
  planner?: (config: Config, observation: Observation, backend: string, known?: KnownDigests) => Plan;
  /** apply: asked with the plan before anything changes; false ends the run as not approved. */
  approve?: (plan: Plan, observation: Observation) => Promise<boolean>;
  /** apply: a 'still running' line for each step running longer than this (default 15 s). */
  heartbeatMs?: number;
  /** A second signal: stop waiting for in-flight operations at once (still write result.json). */
  cancelNow?: AbortSignal;
  /** Where cloud-init seed references (`${{ env.NAME }}`) are read; default process.env. */
  seedEnv?: NodeJS.ProcessEnv;
  /** Called with the secret values put into seed images, before anything is logged (masking). */
  onSeedSecrets?: (values: string[]) => void;
}

export type { PipelineOutcome };
export { defaultStateDir, hostKeyOf };

export { OUT_LOCK };

export async function runPipeline(opts: PipelineOptions): Promise<PipelineOutcome> {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? silentLogger;
  const mode: RunMode = opts.mode;
  const startedAt = clock().toISOString();
  const files: PipelineOutcome['files'] = { current: null, plan: null, result: '' };
  const holder: LockHolder = runHolder(startedAt);
  const runId = holder.runId;
  let config: Config | null = null;
  let observation: Observation | null = null;
  let plan: Plan | null = null;
  let problems: Problem[] = [];
  let backend: Backend | null = null;
  let lock: HostLock | null = null;
  let outLock: HostLock | null = null;
  let journal: Journal | null = null;
  let agents: AgentRecords | null = null;
  // Kept outside the phases so that whatever ends the run, the steps that ran reach result.json.
  let steps: StepResult[] = [];
  const extra: Record<string, unknown> = {};
  const cancelled = (): boolean => opts.signal?.aborted === true;

  const finish = (status: RunStatus, failureReason: FailureReason | null, message: string, more: Partial<RunResult> = {}): PipelineOutcome => {
    // Last resort inside writeResult: the result on stderr, typed, so the steps that ran are never lost.
    const written = writeResult(opts.outDir, runResult({ mode, status, failureReason, message, planHash: plan?.planHash ?? null, steps, extra, startedAt, finishedAt: clock().toISOString(), ...more }), log);
    files.result = written.file;
    const result = written.result;
    return { config, observation, plan, result, files, problems, stats: backend?.stats() ?? { launches: 0, operations: 0 } };
  };
  /** A phase that a signal cuts short (its agent is left to finish; the result says cancelled). */
  const unlessCancelled = <T>(p: Promise<T>): Promise<T> => cut(p, opts.signal);

  // One run per output folder: a second one is refused before it writes anything there.
  try {
    outLock = await acquireDirLock(opts.outDir, OUT_LOCK, `output folder ${opts.outDir}`, { holder, waitMs: 0, warn: (m) => log.warn(m) });
  } catch (e) {
    const message = isHvcError(e) ? e.message : String(e);
    const reason: FailureReason = isHvcError(e) && e.reason === 'locked' ? 'locked' : 'output-failed';
    log.error(`${reason}: ${message}`);
    const result = runResult({ mode, status: reason === 'locked' ? 'refused' : 'failed', failureReason: reason, message, startedAt, finishedAt: clock().toISOString() });
    return { config, observation, plan, result, files, problems, stats: { launches: 0, operations: 0 } };
  }

  try {
    clearArtifacts(opts.outDir);
    // plan and drift on the simulator start the observe agent now, while the config loads (an apply
    // starts its agents under the host lock, below).
    if (mode !== 'apply' && !opts.config) backend = createBackendEarly(opts.backend);
    const cfg: Config = opts.config ?? (await log.group('Load config', async () => (opts.readConfig ?? loadConfig)(opts.configPath).config));
    config = cfg;
    log.info(`config ${opts.configPath}: project '${cfg.project}', ${cfg.vms.length} VM(s)`);
    if (mode === 'apply' && opts.backend.kind === 'replay') {
      throw new HvcError('usage', `apply refuses the replay backend: a recording cannot be changed (use --backend sim or hyperv)`);
    }
    const stateDir = opts.stateDir ?? defaultStateDir();
    const hostKey = hostKeyOf(opts.backend);
    const records = mode === 'apply' ? new AgentRecords(stateDir, hostKey, runId) : null;
    agents = records;
    const be: Backend = backend ?? createBackend(opts.backend, records ? { onLaunch: (pid) => records.add(pid) } : {});
    backend = be;
    if (mode === 'apply') {
      // Take the host lock before observing, so the plan is made from a host no other apply is changing.
      // Waiting for it (and for an interrupted run's agents) ends at a signal: nothing is held or sent.
      lock = await log.group('Host lock', () => takeLock(stateDir, hostKey, holder, opts.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, log, opts.signal));
      // Held open until result.json is written: closing marks earlier unfinished entries resolved,
      // which must not happen before this run has reported them.
      journal = await Journal.open(stateDir, hostKey, { runId });
      await recoverFromInterruption(journal, records!, cfg, log, extra, opts.signal);
      if (cancelled()) throw new Cancelled();
    }

    if (mode === 'apply') {
      // The apply pool starts now, while observe and plan run: one agent launch time in all, not
      // one for observe and another for the pool. An empty or refused plan ends them unused.
      // No more than the file has VMs: a VM's steps run in one lane.
      be.prestart?.(Math.min(opts.concurrency ?? cfg.host.concurrency, Math.max(1, cfg.vms.length)));
    }

    const seeds = renderSeeds(cfg, opts.seedEnv ?? process.env);
    if (seeds.secrets.length) opts.onSeedSecrets?.(seeds.secrets);
    const hashes = hashesToCheck(cfg);
    const observe = async () => {
      const raw = await be.observe({ paths: pathsToCheck(cfg), neighbors: false, expectedVms: cfg.vms.length, ...(hashes.length ? { hashes } : {}) });
      const a = assessObservation(raw);
      // observedAt in its sorted place whether or not the backend gave one (a recording's is dropped):
      // current.json and observedHash are printed from this object, and canonicalizing it is then a
      // walk, not a copy that walks all its VMs a second time.
      const { backend, complete, host, incomplete, observedAt: _given, ...rest } = a;
      return { backend, complete, host, incomplete, observedAt: clock().toISOString(), ...rest };
    };
    // The request goes now (to the agent started while the config loaded, or to one launched now); the
    // config's hash, taken when it was read, is only looked up. The Observe phase is the wait for the
    // host. (A recording is read here, in turn.)
    if (cancelled()) throw new Cancelled();
    const observing = be.kind === 'replay' ? null : observe();
    observing?.catch(() => undefined); // its failure is handled where it is awaited, below
    const cfgHash = configHash(cfg);
    const seen = await log.group('Observe', () => unlessCancelled(observing ?? observe()));
    observation = seen;
    // The observation is canonicalized once: current.json is printed from that tree and
    // observedHash taken over it.
    // Each member is printed once (texts): for observedHash, then composed into current.json, and the
    // plan body likewise for planHash and plan.json.
    const seenTree = canonicalTree(seen);
    const texts = new CanonicalTexts();
    const seenHash = observedHashOfTree(seenTree, texts);
    files.current = writeArtifactTree(opts.outDir, 'current.json', seenTree, texts);
    log.info(`observed ${seen.vms.length} VM(s) on ${seen.host.computerName}${seen.complete ? '' : ` — incomplete: ${seen.incomplete.map((r) => r.message).join('; ')}`}`);

    // The converging planner gets the hashes this run already has (config once, observation from its
    // tree) and the tree itself, which the basis hash is taken over.
    const planner = opts.planner ?? ((c: Config, o: Observation, k: string, known?: KnownDigests) => makePlan(c, o, k, opts.targets, seeds.digests, known));
    const p: Plan = await log.group('Plan', async () => ({ ...planner(cfg, seen, be.kind, { configHash: cfgHash, observedHash: seenHash, observedTree: seenTree, texts }), generatedAt: clock().toISOString() }));
    plan = p;
    files.plan = writeArtifactTree(opts.outDir, 'plan.json', canonicalTree(p), texts);
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
    if (p.steps.length > 0 && opts.approve && !(await opts.approve(p, seen))) {
      return finish('refused', 'not-approved', 'apply cancelled: the plan was not confirmed; nothing was changed');
    }
    if (cancelled()) throw new Cancelled();
    let journalFailure: HvcError | null = null;
    if (p.steps.length > 0) {
      const applied = await log.group('Apply', () => applySteps(p, be, seeds, journal!, opts.concurrency ?? cfg.host.concurrency, cfg.host.operationTimeoutSec * 1000, opts, log, extra));
      steps = applied.steps;
      journalFailure = applied.journalFailure;
    }
    if (cancelled()) throw new Cancelled();
    if (journalFailure) return finish('failed', 'apply-failed', journalFailure.message);
    // A VM that kept its name but changed its id since the first observe (not by this run's create
    // or remove) was replaced behind the run's back: the verify cannot vouch for it.
    const replaced = p.steps.filter((s) => s.action === 'create' || s.action === 'remove').map((s) => s.vm);
    const post = assessAgainst(seen, await log.group('Verify', () => unlessCancelled(observe())), replaced);
    const postPlan = planner(cfg, post, be.kind, { configHash: cfgHash });
    const converged = postPlan.actionable && !hasChanges(postPlan);
    // What still differs includes what policy keeps blocked or refused, not only unplanned steps.
    if (postPlan.refusals.length) extra.remainingRefusals = postPlan.refusals.map((r) => ({ vm: r.vm, kind: r.kind, code: r.code, message: r.message }));
    const failed = steps.filter((s) => s.outcome === 'failed' || s.outcome === 'timed-out');
    if (failed.length === 0 && cfg.ssh && opts.guestEnv) {
      const env = opts.guestEnv;
      // Loaded only here: the guest phase brings the SSH client, which no plan needs. Discovery can
      // wait minutes for guests to boot: a signal stops it at once; a guest write in flight gets the
      // grace, and nothing is written after the run ends (it throws Cancelled, with the steps kept).
      const { guestPhase } = await import('./reconcile.js');
      extra.guests = await log.group('Guest network', () =>
        guestPhase(cfg, be, post, {
          env, dryRun: false, stateDir, hostKey, log,
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(opts.cancelNow ? { cancelNow: opts.cancelNow } : {}),
          ...(opts.cancelGraceMs !== undefined ? { cancelGraceMs: opts.cancelGraceMs } : {}),
        }),
      );
      if (cancelled()) throw new Cancelled();
    }
    const more = { postObservation: post, converged, remaining: postPlan.steps };
    if (failed.length > 0) return finish('failed', 'apply-failed', `${failed.length} of ${steps.length} step(s) failed: ${failed.map((s) => `${s.vm} ${s.action}`).join(', ')}`, more);
    if (refusedBySafety) return finish('refused', 'safety-refused', `${steps.length} step(s) applied; ${p.refusals.length} refused or blocked by policy`, more);
    if (!converged) return finish('failed', 'not-converged', `applied ${steps.length} step(s) but the host still differs: ${postPlan.steps.length} step(s), ${postPlan.refusals.length} blocked`, more);
    // The VMs converged but the guest network did not: the run fails (apply-failed, exit 1) and says
    // which guests and why; result.json's extra.guests holds every guest's report.
    const guests = extra.guests as GuestReconcileReport | undefined;
    if (guests && !guests.ok) return finish('failed', 'apply-failed', `applied ${steps.length} step(s); the host matches the file, but the guest network failed: ${guestFailures(guests)}`, more);
    return finish('applied', null, steps.length ? `applied ${steps.length} step(s); the host matches the file` : 'the host already matched the file', more);
  } catch (e) {
    if (e instanceof Cancelled || (isHvcError(e) && e.reason === 'cancelled')) {
      const sent = steps.filter((s) => s.outcome !== 'skipped').length;
      log.warn(`cancelled: no step was sent after the signal; ${sent} step(s) had been sent`);
      return finish('cancelled', 'cancelled', `cancelled by a signal; ${sent} of ${steps.length || plan?.steps.length || 0} step(s) had been sent${steps.some((s) => s.outcome === 'interrupted') ? ', some still in flight (the next apply waits for them)' : ''}`);
    }
    if (isHvcError(e)) {
      // Located problems go back to the front end, which shows them its own way (lines, annotations).
      problems = e.problems;
      return finish(e.reason === 'locked' || e.reason === 'usage' || e.reason === 'agents-running' ? 'refused' : 'failed', e.reason, e.message);
    }
    log.error(`internal error: ${(e as Error).message}`);
    return finish('failed', 'internal', `internal error: ${(e as Error).message}`);
  } finally {
    // Each of these is attempted whatever the others do; a failure is a warning, never lost silently.
    const attempt = async (what: string, fn: () => unknown): Promise<void> => {
      try {
        await fn();
      } catch (e) {
        log.warn(`${what} failed: ${(e as Error).message}`);
      }
    };
    await attempt('closing the apply journal', () => journal?.close());
    await attempt('closing the host agents', () => backend?.close({ leaveBusy: cancelled() }));
    await attempt('updating the agent records', () => agents?.forgetExited());
    await attempt('releasing the host lock', () => lock?.release());
    await attempt('releasing the output folder', () => outLock?.release());
  }
}

/**
 * Before observing: wait for every agent an interrupted run left inside an operation, then report
 * what it was doing. Never replay: the plan is made from what the host holds once they are done.
 */
async function recoverFromInterruption(journal: Journal, agents: AgentRecords, cfg: Config, log: Logger, extra: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
  const boundMs = cfg.host.operationTimeoutSec * 1000 + 10_000;
  const left = await agents.waitForEarlier(boundMs, (l) => log.warn(`waiting up to ${Math.round(boundMs / 1000)} s for ${l.length} agent(s) of an interrupted apply to finish (pid ${l.map((a) => a.pid).join(', ')})`), 100, signal);
  if (signal?.aborted) return; // the caller ends the run as cancelled before anything is observed
  if (left.length > 0) {
    throw new HvcError(
      'agents-running',
      `${left.length} agent(s) of an interrupted apply are still running after ${Math.round(boundMs / 1000)} s (pid ${left.map((a) => `${a.pid} on ${printable(a.hostname)}`).join(', ')}); ` +
        `nothing was observed or changed. Rerun once they have ended; if none of these processes is a hyperv-converge agent, delete ${agents.path}.`,
      { detail: { agents: left } },
    );
  }
  const unfinished = await journal.unfinished();
  // A journal rotated at open: its damaged lines (if any) are reported once more, at their new place.
  const damaged = journal.corruptLines > 0 ? { path: journal.path, damagedLines: journal.corruptLines, lines: journal.corruptAt } : journal.rotated?.damagedLines ? { path: journal.rotated.previous, damagedLines: journal.rotated.damagedLines, lines: journal.rotated.lines } : null;
  if (damaged) {
    extra.journal = damaged;
    log.warn(`the apply journal ${damaged.path} holds ${damaged.damagedLines} damaged line(s) (line ${damaged.lines.join(', ')}); they were skipped: an operation recorded only there cannot be reported`);
  }
  if (unfinished.length > 0) {
    extra.recovery = { unfinished: unfinished.map((e) => ({ stepId: e.stepId, vm: e.vm, action: e.action, planHash: e.planHash, at: e.at })) };
    log.warn(`an earlier apply was interrupted during ${unfinished.map((e) => `${e.action} of ${printable(e.vm)}`).join(', ')}; planning from what the host really holds now`);
  }
}

/** The executor over the backend's pool; keeps what ran when the journal fails. */
async function applySteps(p: Plan, be: Backend, seeds: RenderedSeeds, journal: Journal, concurrency: number, operationTimeoutMs: number, opts: PipelineOptions, log: Logger, extra: Record<string, unknown>): Promise<{ steps: StepResult[]; journalFailure: HvcError | null }> {
  const runner = withSeedImages(bindCreatedIds(await be.runner(concurrency)), seeds);
  const restored: { vm: string; stepId: string; after: string; outcome: string }[] = [];
  const progress = stepProgress(p.steps.length, log, opts.heartbeatMs ?? 15_000);
  try {
    const steps = await executePlan(p.steps, runner, {
      concurrency,
      operationTimeoutMs,
      journal,
      planHash: p.planHash,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.cancelGraceMs !== undefined ? { cancelGraceMs: opts.cancelGraceMs } : {}),
      ...(opts.cancelNow ? { cancelNow: opts.cancelNow } : {}),
      onEvent: (e) => {
        progress.onEvent(e);
        if (e.type === 'restored') {
          restored.push({ vm: e.step.vm, stepId: e.step.id, after: e.after.id, outcome: e.result.outcome });
          log.warn(`${e.step.vm}: ${e.after.action} failed after the VM was stopped for it; ${e.result.outcome === 'succeeded' ? 'started it again' : 'starting it again failed too'}`);
        }
      },
    });
    return { steps, journalFailure: null };
  } catch (e) {
    // The journal could not be written: the executor stopped sending; keep what it did.
    const done = isHvcError(e) ? (e.detail as { results?: StepResult[] } | undefined)?.results : undefined;
    if (!done) throw e;
    return { steps: done, journalFailure: e as HvcError };
  } finally {
    progress.stop();
    if (restored.length) extra.restored = restored;
    // A cancelled run does not wait for operations still in flight (the next apply does).
    if (opts.signal?.aborted) void runner.close();
    else await runner.close();
  }
}

/** One line naming what failed in the guest phase: hosts sync per guest, addresses not found, duplicates. */
export function guestFailures(r: GuestReconcileReport): string {
  const parts: string[] = [];
  const failed = r.hosts.guests.filter((g) => g.status === 'failed');
  if (failed.length) parts.push(`hosts sync failed on ${failed.length} guest(s): ${failed.map((g) => `${g.vm} (${g.reason})`).join(', ')}`);
  const lost = r.addresses.filter((a) => a.address === null);
  if (lost.length) parts.push(`no address for ${lost.map((a) => a.vm).join(', ')}`);
  if (r.duplicates.length) parts.push(`${r.duplicates.length} address(es) claimed by more than one VM`);
  return parts.join('; ') || 'see extra.guests in result.json';
}
