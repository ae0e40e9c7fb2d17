// What the runner tells the action about the run: the event and its payload, the repository, the
// workflow file that is running. Read from the environment once; everything else takes this value.
import { readFileSync } from 'node:fs';

export interface PullRequestFacts {
  number: number;
  headSha: string;
  /** null when the head repository is gone (deleted fork): treated as a fork. */
  headRepo: string | null;
  baseRepo: string;
  headRef: string;
  baseRef: string;
}

export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  /** `refs/heads/main`, `refs/pull/2/merge`, … */
  ref: string;
  sha: string;
  runId: string;
  runAttempt: string;
  serverUrl: string;
  workspace: string;
  /** Repository-relative path of the running workflow file (from GITHUB_WORKFLOW_REF), if known. */
  workflowPath: string | null;
  defaultBranch: string | null;
  pullRequest: PullRequestFacts | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null);

export function pullRequestOf(payload: Record<string, unknown>): PullRequestFacts | null {
  const pr = obj(payload.pull_request);
  if (!pr) return null;
  const head = obj(pr.head);
  const base = obj(pr.base);
  const headRepo = obj(head?.repo);
  const baseRepo = obj(base?.repo);
  return {
    number: Number(pr.number),
    headSha: str(head?.sha) ?? '',
    headRepo: str(headRepo?.full_name),
    baseRepo: str(baseRepo?.full_name) ?? '',
    headRef: str(head?.ref) ?? '',
    baseRef: str(base?.ref) ?? '',
  };
}

/** `octo/repo/.github/workflows/apply.yml@refs/heads/main` → `.github/workflows/apply.yml`. */
export function workflowPathOf(workflowRef: string | undefined, repository: string): string | null {
  if (!workflowRef) return null;
  const at = workflowRef.lastIndexOf('@');
  const path = at >= 0 ? workflowRef.slice(0, at) : workflowRef;
  const prefix = `${repository}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^[^/]+\/[^/]+\//, '');
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      // Only an object is a payload: null, arrays and scalars read as an empty one.
      payload = obj(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))) ?? {};
    } catch {
      payload = {};
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? str(obj(payload.repository)?.full_name) ?? '/';
  const [owner = '', repo = ''] = repository.split('/');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    ref: env.GITHUB_REF ?? str(payload.ref) ?? '',
    sha: env.GITHUB_SHA ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    workflowPath: workflowPathOf(env.GITHUB_WORKFLOW_REF, repository),
    defaultBranch: str(obj(payload.repository)?.default_branch),
    pullRequest: pullRequestOf(payload),
  };
}

export const runUrl = (c: RunContext): string => `${c.serverUrl}/${c.owner}/${c.repo}/actions/runs/${c.runId}`;
export const artifactUrl = (c: RunContext, id: number): string => `${runUrl(c)}/artifacts/${id}`;
