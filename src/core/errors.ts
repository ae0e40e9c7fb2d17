// Every failure the tool reports carries one of these typed reasons. The action exposes it as the
// `failure-reason` output and the CLI maps it to an exit code, so callers branch on data, not text.

export type FailureReason =
  | 'invalid-config' // the YAML or its values are wrong; nothing was observed or changed
  | 'usage' // wrong CLI arguments / action inputs
  | 'backend-error' // the host or agent could not be reached, or answered badly
  | 'observation-incomplete' // observe ran but cannot vouch for what it saw: nothing is acted on
  | 'safety-refused' // the plan holds steps that policy refused
  | 'not-approved' // apply requested without the gate's approval
  | 'plan-changed' // the plan at apply differs from the reviewed plan
  | 'fork-refused' // PR from a fork on a self-hosted runner
  | 'locked' // another apply holds the host lock
  | 'apply-failed' // at least one step failed
  | 'not-converged' // apply ran but re-observation still differs from the config
  | 'agents-running' // agents of an interrupted apply are still at work on the host: nothing was observed
  | 'cancelled' // SIGINT/SIGTERM: no new step was sent after it; result.json says what ran
  | 'output-failed' // an artifact (result.json) could not be written; the result went to stderr
  | 'internal'; // a bug: reported as such, never as success

export interface Located {
  file?: string;
  line?: number; // 1-based
  column?: number; // 1-based
  path?: string; // JSON pointer-ish path in the document, e.g. /vms/2/memory/minimum
}

export interface Problem extends Located {
  message: string;
  expected?: string;
  hint?: string; // e.g. "did you mean 'memory'?"
}

export class HvcError extends Error {
  readonly reason: FailureReason;
  readonly problems: Problem[];
  readonly detail?: unknown;

  constructor(reason: FailureReason, message: string, opts: { problems?: Problem[]; detail?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HvcError';
    this.reason = reason;
    this.problems = opts.problems ?? [];
    this.detail = opts.detail;
  }
}

export function isHvcError(e: unknown): e is HvcError {
  return e instanceof HvcError;
}

/** Formats a located problem the way compilers do: `file:line:col: message (at /path)`. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const parts = [where ? `${where}: ` : '', p.message];
  // A path spells out the keys of the document, which may be megabytes long: cut for the reader.
  if (p.path) parts.push(` (at ${p.path.length > 200 ? `${p.path.slice(0, 197)}...` : p.path})`);
  if (p.expected) parts.push(`; expected ${p.expected}`);
  if (p.hint) parts.push(`; ${p.hint}`);
  return parts.join('');
}
