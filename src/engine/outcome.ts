// What a run of the engine hands back to its front end (CLI or action).
import type { Config } from '../core/config/types.js';
import type { Problem } from '../core/errors.js';
import type { Observation } from '../core/model/observed.js';
import type { RunResult } from '../core/model/result.js';
import type { Plan } from '../core/plan/types.js';

export interface PipelineOutcome {
  config: Config | null;
  observation: Observation | null;
  plan: Plan | null;
  result: RunResult;
  files: { current: string | null; plan: string | null; result: string };
  /** Config problems, located (file/line/column): annotations in the action, lines in the CLI. */
  problems: Problem[];
  /** Agent launches and operations of this run. */
  stats: { launches: number; operations: number };
}

/** A result.json body: what the run says, with nothing executed unless the fields say otherwise. */
export function runResult(fields: Pick<RunResult, 'mode' | 'status' | 'failureReason' | 'message'> & Partial<RunResult>): RunResult {
  return { schemaVersion: 1, planHash: null, steps: [], postObservation: null, converged: null, remaining: [], extra: {}, ...fields };
}
