// Runs a plan's steps against the host: one queue per VM (its steps strictly in plan order), VMs in
// parallel up to `concurrency`. A step that does not succeed stops the rest of its VM's steps (they are
// reported skipped) and nothing else. Each operation is journaled (begin before it is sent, end after)
// so an interrupted apply is detectable by the next run.
import { HvcError } from '../../core/errors.js';
import type { StepResult } from '../../core/model/result.js';
import type { AgentErrorCode, OperationOutcome, OperationRunner } from '../../core/ports.js';
import type { Step } from '../../core/plan/types.js';
import { DEFAULT_CANCEL_GRACE_MS } from '../cancellation.js';
import type { Journal } from './journal.js';

export type StepEvent =
  | { type: 'start'; step: Step }
  | { type: 'end'; step: Step; result: StepResult }
  /** A start sent to bring a VM back to Running after a change of its stop → change → start group failed. */
  | { type: 'restored'; step: Step; result: StepResult; after: Step };

/** The part of the journal the executor writes to. */
export type StepJournal = Pick<Journal, 'begin' | 'end'>;

export interface ExecuteOptions {
  /** VMs worked on at the same time (and so operations in flight); at least 1. */
  concurrency: number;
  /** Per-operation bound, enforced by the runner. */
  operationTimeoutMs: number;
  journal: StepJournal;
  planHash: string;
  /** Progress; an observer that throws cannot disturb the apply. */
  onEvent?: (e: StepEvent) => void;
  /**
   * Backstop for a runner that never answers: after operationTimeoutMs + this, the step is reported
   * timed-out and its VM stops (default 10 s).
   */
  runnerGraceMs?: number;
  /** Cancellation: no step is sent after it fires; in-flight ones get cancelGraceMs to answer. */
  signal?: AbortSignal;
  /** Default 5 s: GitHub sends SIGTERM 7.5 s after SIGINT, and result.json must be written first. */
  cancelGraceMs?: number;
  /** A second signal: the grace ends now (in-flight steps are reported interrupted). */
  cancelNow?: AbortSignal;
}

const DEFAULT_RUNNER_GRACE_MS = 10_000;
/** Failures after which the host is in a known state (the agent answered): a restart is safe. */
const DEFINITE = new Set(['invalid-state', 'invalid-argument', 'not-found', 'permission-denied', 'hyperv-error', 'unsupported', 'invalid-request']);

/** Results in plan order, one per step. Rejects only when the journal cannot be written. */
export async function executePlan(steps: Step[], runner: OperationRunner, opts: ExecuteOptions): Promise<StepResult[]> {
  validate(steps, opts);
  const t0 = performance.now();
  const elapsed = (): number => Math.round(performance.now() - t0);
  const grace = opts.runnerGraceMs ?? DEFAULT_RUNNER_GRACE_MS;
  const results: (StepResult | undefined)[] = new Array(steps.length);
  const emit = (e: StepEvent): void => {
    try {
      opts.onEvent?.(e);
    } catch {
      /* progress reporting must not change what apply does */
    }
  };

  // Per-VM queues of plan indices, VMs in order of first appearance.
  const queues = new Map<string, number[]>();
  steps.forEach((s, i) => {
    const q = queues.get(s.vm);
    if (q) q.push(i);
    else queues.set(s.vm, [i]);
  });
  // Host resources (virtual switches, keyed `switch:<name>`) are made before any VM that uses them.
  const hostQueues = [...queues.entries()].filter(([k]) => k.startsWith('switch:')).map(([, q]) => q);
  const vmQueues = [...queues.entries()].filter(([k]) => !k.startsWith('switch:')).map(([, q]) => q);
  let nextVm = 0;
  let journalFailure: { error: unknown } | null = null;

  const cancelGrace = opts.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
  const skip = (i: number, message: string, code: 'skipped-after-failure' | 'cancelled' = 'skipped-after-failure'): void => {
    const step = steps[i]!;
    const result: StepResult = {
      stepId: step.id,
      vm: step.vm,
      action: step.action,
      outcome: 'skipped',
      startedMs: elapsed(),
      durationMs: 0,
      error: { code, message },
    };
    results[i] = result;
    emit({ type: 'end', step, result });
  };

  /** Sends one step, journaled; null when the journal could not be written (nothing was sent). */
  const send = async (step: Step): Promise<StepResult | null> => {
    try {
      await opts.journal.begin(step, opts.planHash); // durable before the operation is sent
    } catch (error) {
      journalFailure ??= { error };
      return null;
    }
    const startedMs = elapsed();
    emit({ type: 'start', step });
    const outcome = await runOne(runner, step, opts.operationTimeoutMs, grace, opts.signal, cancelGrace, opts.cancelNow);
    if (outcome === 'interrupted') {
      // No `end`: the journal keeps it open, so the next run reports it and waits for its agent.
      return { stepId: step.id, vm: step.vm, action: step.action, outcome: 'interrupted', startedMs, durationMs: Math.max(0, elapsed() - startedMs), error: { code: 'cancelled', message: `the run was cancelled while ${step.operation.op} was in flight; its outcome is unknown` } };
    }
    const result = toResult(step, outcome, startedMs, Math.max(0, elapsed() - startedMs));
    try {
      await opts.journal.end(step, opts.planHash, result.outcome, result.error);
    } catch (error) {
      journalFailure ??= { error };
    }
    return result;
  };

  /** The start of a stop → change → start group whose stop ran and whose change failed definitely. */
  const restoreIndex = (indices: number[], at: number, result: StepResult): number | null => {
    const step = steps[indices[at]!]!;
    if (result.outcome !== 'failed' || !result.error || !DEFINITE.has(result.error.code) || opts.signal?.aborted) return null;
    const before = indices.slice(0, at).map((j) => steps[j]!);
    const stopped = before.some((s, k) => s.group === step.group && s.action === 'stop' && results[indices[k]!]?.outcome === 'succeeded');
    if (!stopped) return null;
    const start = indices.slice(at + 1).find((j) => steps[j]!.group === step.group && steps[j]!.action === 'start');
    return start ?? null;
  };

  const runVm = async (indices: number[]): Promise<void> => {
    let failed: Step | null = null;
    for (const [at, i] of indices.entries()) {
      const step = steps[i]!;
      if (results[i]) continue; // a restoring start already ran
      if (failed) {
        skip(i, `not run: earlier step ${failed.id} of VM '${step.vm}' did not succeed`);
        continue;
      }
      if (journalFailure) {
        skip(i, 'not run: the apply journal could not be written');
        continue;
      }
      if (opts.signal?.aborted) {
        skip(i, 'not run: the run was cancelled', 'cancelled');
        continue;
      }
      const result = await send(step);
      if (!result) {
        skip(i, 'not run: the apply journal could not be written');
        continue;
      }
      results[i] = result;
      emit({ type: 'end', step, result });
      if (result.outcome === 'succeeded') continue;
      failed = step;
      // Stopped for a change that then failed: bring the VM back to the state it was in.
      const r = restoreIndex(indices, at, result);
      if (r !== null && !journalFailure) {
        const restored = await send(steps[r]!);
        if (restored) {
          results[r] = restored;
          emit({ type: 'end', step: steps[r]!, result: restored });
          emit({ type: 'restored', step: steps[r]!, result: restored, after: step });
        }
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (nextVm < vmQueues.length) await runVm(vmQueues[nextVm++]!);
  };
  for (const q of hostQueues) await runVm(q);
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, vmQueues.length) }, worker));

  const done = results as StepResult[];
  if (journalFailure) {
    const cause = (journalFailure as { error: unknown }).error;
    throw new HvcError('apply-failed', `apply stopped: the apply journal could not be written (${(cause as Error)?.message ?? String(cause)})`, {
      detail: { results: done },
      cause,
    });
  }
  return done;
}

/** The runner's outcome, or a typed failure: a rejection or a missing answer is never success. */
async function runOne(
  runner: OperationRunner,
  step: Step,
  timeoutMs: number,
  graceMs: number,
  signal: AbortSignal | undefined,
  cancelGraceMs: number,
  cancelNow: AbortSignal | undefined,
): Promise<OperationOutcome | 'interrupted'> {
  const guardMs = timeoutMs + graceMs;
  let timer: NodeJS.Timeout | undefined;
  let cancelTimer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let onNow: (() => void) | undefined;
  const cancelled = new Promise<'interrupted'>((resolve) => {
    if (!signal) return;
    onAbort = () => {
      cancelTimer = setTimeout(() => resolve('interrupted'), cancelGraceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    onNow = () => resolve('interrupted');
    if (cancelNow?.aborted) onNow();
    else cancelNow?.addEventListener('abort', onNow, { once: true });
  });
  const guard = new Promise<OperationOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          error: { code: 'agent-timeout', message: `no answer from the host agent within ${guardMs} ms (operation bound ${timeoutMs} ms)` },
          durationMs: guardMs,
        }),
      guardMs,
    );
  });
  const started = performance.now();
  const call = (async (): Promise<OperationOutcome> => {
    try {
      const out = (await runner.run(step.operation, timeoutMs)) as OperationOutcome | null | undefined;
      if (out && out.ok === true) return out;
      if (out && out.ok === false && out.error && typeof out.error.code === 'string') return out;
      return failure('agent-protocol', `the runner returned no valid outcome for ${step.operation.op}`, started);
    } catch (e) {
      return failure('agent-crashed', `the runner failed: ${(e as Error)?.message ?? String(e)}`, started);
    }
  })();
  try {
    return await Promise.race([call, guard, cancelled]);
  } finally {
    clearTimeout(timer);
    clearTimeout(cancelTimer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    if (onNow) cancelNow?.removeEventListener('abort', onNow);
  }
}

function failure(code: AgentErrorCode, message: string, started: number): OperationOutcome {
  return { ok: false, error: { code, message }, durationMs: Math.round(performance.now() - started) };
}

function toResult(step: Step, outcome: OperationOutcome, startedMs: number, durationMs: number): StepResult {
  const base = { stepId: step.id, vm: step.vm, action: step.action, startedMs, durationMs };
  if (outcome.ok) return { ...base, outcome: 'succeeded', error: null };
  const { code, message } = outcome.error;
  const timedOut = code === 'agent-timeout' || code === 'timeout';
  return { ...base, outcome: timedOut ? 'timed-out' : 'failed', error: { code, message: String(message ?? '') } };
}

function validate(steps: Step[], opts: ExecuteOptions): void {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) {
    throw new HvcError('usage', `concurrency must be a whole number of at least 1, got ${String(opts.concurrency)}`);
  }
  if (typeof opts.operationTimeoutMs !== 'number' || !Number.isFinite(opts.operationTimeoutMs) || opts.operationTimeoutMs <= 0) {
    throw new HvcError('usage', `operationTimeoutMs must be a positive number, got ${String(opts.operationTimeoutMs)}`);
  }
  if (opts.runnerGraceMs !== undefined && (!Number.isFinite(opts.runnerGraceMs) || opts.runnerGraceMs < 0)) {
    throw new HvcError('usage', `runnerGraceMs must be a non-negative number, got ${String(opts.runnerGraceMs)}`);
  }
  const seen = new Set<string>();
  for (const s of steps) {
    if (seen.has(s.id)) throw new HvcError('internal', `plan holds step id ${s.id} twice`);
    seen.add(s.id);
  }
}
