// What a run of the engine hands back to its front end (CLI or action).
import type { Config } from '../core/config/types.js';
import type { Problem } from '../core/errors.js';
import type { Observation } from '../core/model/observed.js';
import type { RunResult } from '../core/model/result.js';
import type { Plan } from '../core/plan/types.js';
import { writeArtifact } from '../artifacts/write.js';
import type { Logger } from './log.js';

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

/**
 * Writes result.json; when that fails, the result goes to the log as JSON with the reason
 * 'output-failed' (a reason the run already had is kept), so the steps that ran are never lost.
 * Returns the file ('' when not written) and the result as finally reported.
 */
export function writeResult(outDir: string, result: RunResult, log: Logger): { file: string; result: RunResult } {
  try {
    return { file: writeArtifact(outDir, 'result.json', result), result };
  } catch (e) {
    const failed: RunResult = { ...result, status: result.status === 'refused' ? 'refused' : 'failed', failureReason: result.failureReason ?? 'output-failed', message: `${result.message}; ${(e as Error).message}` };
    log.error(`output-failed: ${(e as Error).message}; the run's result follows`);
    log.error(JSON.stringify({ status: failed.status, failureReason: failed.failureReason, message: failed.message, planHash: failed.planHash, steps: failed.steps }));
    return { file: '', result: failed };
  }
}
