// Real webhook payloads from @octokit/webhooks-examples, adjusted minimally where a case needs it
// (each adjustment is named). The runner hands the action exactly such a file (GITHUB_EVENT_PATH).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface ExampleSet {
  name: string;
  examples: Json[];
}

let cache: ExampleSet[] | null = null;
function examples(event: string): Json[] {
  if (!cache) {
    const file = createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json');
    cache = JSON.parse(readFileSync(file, 'utf8')) as ExampleSet[];
  }
  const set = cache.find((e) => e.name === event);
  if (!set) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return set.examples.map((e) => JSON.parse(JSON.stringify(e)) as Json);
}

export interface EventFixture {
  name: string;
  payload: Json;
  /** GITHUB_REF and GITHUB_SHA as the runner sets them for this event. */
  ref: string;
  sha: string;
  repository: string;
}

/** push of the default branch (`master` in the example repository Codertocat/Hello-World). Unchanged. */
export function pushToDefaultBranch(): EventFixture {
  const p = examples('push').find((e) => e.ref === 'refs/heads/master')!;
  return { name: 'push', payload: p, ref: p.ref, sha: p.after, repository: p.repository.full_name };
}

/** push of another branch: only `ref` changed. */
export function pushToOtherBranch(): EventFixture {
  const f = pushToDefaultBranch();
  f.payload.ref = 'refs/heads/feature';
  f.ref = 'refs/heads/feature';
  return f;
}

/** pull_request opened from a branch of the same repository (Codertocat/Hello-World #2). Unchanged. */
export function pullRequestOpened(): EventFixture {
  const p = examples('pull_request').find((e) => e.action === 'opened')!;
  return { name: 'pull_request', payload: p, ref: `refs/pull/${p.number}/merge`, sha: p.pull_request.head.sha, repository: p.repository.full_name };
}

/** The same PR from a fork: head.repo is another owner's copy (full_name, owner.login, fork). */
export function pullRequestFromFork(): EventFixture {
  const f = pullRequestOpened();
  const head = f.payload.pull_request.head;
  head.repo.full_name = 'forker/Hello-World';
  head.repo.owner.login = 'forker';
  head.repo.fork = true;
  head.label = 'forker:changes';
  return f;
}

/** pull_request_target for the same PR: only the event name differs; GITHUB_SHA is the base's. */
export function pullRequestTarget(): EventFixture {
  const f = pullRequestOpened();
  return { ...f, name: 'pull_request_target', ref: `refs/heads/${f.payload.pull_request.base.ref}`, sha: f.payload.pull_request.base.sha };
}

/** workflow_dispatch of main in octo-org/octo-repo. Unchanged. */
export function workflowDispatch(): EventFixture {
  const p = examples('workflow_dispatch')[0]!;
  return { name: 'workflow_dispatch', payload: p, ref: p.ref, sha: 'f'.repeat(40), repository: p.repository.full_name };
}

/**
 * schedule: the examples package has none. The runner's payload for a schedule carries the cron
 * string and the workflow path; the repository object is taken from the push example.
 */
export function schedule(): EventFixture {
  const push = pushToDefaultBranch();
  return {
    name: 'schedule',
    payload: { schedule: '17 6 * * *', workflow: '.github/workflows/drift.yml', repository: push.payload.repository, sender: push.payload.sender },
    ref: 'refs/heads/master',
    sha: push.sha,
    repository: push.repository,
  };
}

/**
 * pull_request_review `submitted` for PR #2 (the example's review is a comment): the review's state
 * is `approved` and its author `alice` — the two fields an approval differs in.
 */
export function pullRequestReviewApproved(reviewer = 'alice'): EventFixture {
  const p = examples('pull_request_review').find((e) => e.action === 'submitted')!;
  p.review.state = 'approved';
  p.review.user.login = reviewer;
  return { name: 'pull_request_review', payload: p, ref: `refs/pull/${p.pull_request.number}/merge`, sha: p.pull_request.head.sha, repository: p.repository.full_name };
}
