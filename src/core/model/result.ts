// result.json: what a run did, step by step, and whether the host converged.
import type { Sha256 } from '../canonical.js';
import type { FailureReason } from '../errors.js';
import type { AgentErrorCode } from '../ports.js';
import type { Step, StepAction } from '../plan/types.js';
import type { Observation } from './observed.js';

export type RunMode = 'validate' | 'plan' | 'apply' | 'drift' | 'reconcile';

/** interrupted: sent, but the run was cancelled before its answer came (the journal keeps it open). */
export type StepOutcome = 'succeeded' | 'failed' | 'timed-out' | 'skipped' | 'interrupted';

export interface StepResult {
  stepId: string;
  vm: string;
  action: StepAction;
  outcome: StepOutcome;
  /** ms since the apply began; outside of hashes anyway. */
  startedMs: number;
  durationMs: number;
  error: { code: AgentErrorCode | 'skipped-after-failure' | 'cancelled'; message: string } | null;
}

export type RunStatus =
  | 'no-changes' // plan/drift: nothing to do
  | 'changes' // plan/drift: steps pending
  | 'applied' // apply: steps ran and the host converged
  | 'failed' // something failed: see failureReason
  | 'refused' // safety/gate refused
  | 'cancelled'; // a signal stopped the run: see steps for what ran

export interface RunResult {
  schemaVersion: 1;
  mode: RunMode;
  status: RunStatus;
  failureReason: FailureReason | null;
  message: string;
  planHash: Sha256 | null;
  steps: StepResult[];
  /** Re-observation after apply; null for plan/drift. */
  postObservation: Observation | null;
  /** After apply: true when a fresh plan holds no steps and no blocked changes. */
  converged: boolean | null;
  /** Steps a fresh plan still holds after apply (what still differs). */
  remaining: Step[];
  /** Extensions written by later phases (guest network, checkpoints, journal recovery). */
  extra: Record<string, unknown>;
  startedAt?: string;
  finishedAt?: string;
}
