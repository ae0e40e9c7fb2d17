// The apply gate: decides from the event, the live pull request and its reviews whether this run may
// change a host, and which plan hash the change must match. It only reads; a refusal means the
// pipeline never runs in apply mode, so nothing is mutated.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailureReason } from '../core/errors.js';
import type { RunContext } from './event.js';
import type { GitHubApi, GhReview } from './github.js';
import type { ActionInputs } from './inputs.js';
import type { ReviewedPlan } from './reviewed-plan.js';

export type GateBasis = 'branch' | 'pr-approval' | 'environment';

export type GateDecision =
  | { allowed: true; basis: GateBasis; expectedPlanHash: string | null; reviewed: ReviewedPlan | null; message: string }
  | { allowed: false; reason: FailureReason; message: string; reviewed: ReviewedPlan | null };

const refuse = (reason: FailureReason, message: string, reviewed: ReviewedPlan | null = null): GateDecision => ({ allowed: false, reason, message, reviewed });

const PR_EVENTS = new Set(['pull_request', 'pull_request_review']);
const BRANCH_EVENTS = new Set(['push', 'workflow_dispatch', 'schedule']);
const WRITE = new Set(['admin', 'maintain', 'write']);

export function isFork(ctx: RunContext): boolean {
  const pr = ctx.pullRequest;
  return pr !== null && (pr.headRepo === null || pr.headRepo.toLowerCase() !== pr.baseRepo.toLowerCase());
}

/** The commit checked out in the workspace, read from .git without running git; null if unknown. */
export function workspaceHead(workspace: string): string | null {
  const git = join(workspace, '.git');
  try {
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const m = /^ref: (.+)$/.exec(head);
    if (!m) return null;
    const loose = join(git, m[1]!);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = readFileSync(join(git, 'packed-refs'), 'utf8');
    return packed.split('\n').find((l) => l.endsWith(` ${m[1]}`))?.split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Checks every mode must pass before anything reads a host: fork PRs (their code must not run on a
 * self-hosted runner), and pull_request_target with the PR head checked out.
 */
export function preflight(ctx: RunContext, inputs: ActionInputs): GateDecision | null {
  if (ctx.pullRequest && isFork(ctx) && !inputs.allowForkPrs) {
    const from = ctx.pullRequest.headRepo ?? 'a deleted repository';
    return refuse('fork-refused', `pull request #${ctx.pullRequest.number} comes from a fork (${from}); fork pull requests are refused unless allow-fork-prs is true`);
  }
  if (ctx.eventName === 'pull_request_target') {
    if (inputs.mode === 'apply') return refuse('not-approved', 'pull_request_target never applies: it runs with a write token on behalf of the pull request author');
    const pr = ctx.pullRequest;
    if (pr && workspaceHead(ctx.workspace) === pr.headSha)
      return refuse('not-approved', `pull_request_target: the workspace holds the pull request head ${pr.headSha.slice(0, 7)}; only the base branch may be planned here`);
  }
  return null;
}

export interface ApprovalCount {
  counted: string[];
  discounted: { user: string; why: string }[];
}

/** The latest decisive review per reviewer; approvals count on the head commit, after the plan, with write access. */
export async function countApprovals(reviews: GhReview[], headSha: string, since: string, permission: (login: string) => Promise<string>): Promise<ApprovalCount> {
  const latest = new Map<string, GhReview>();
  for (const r of reviews) {
    if (!r.user || !['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(r.state)) continue;
    const prev = latest.get(r.user);
    if (!prev || (r.submittedAt ?? '') >= (prev.submittedAt ?? '')) latest.set(r.user, r);
  }
  const out: ApprovalCount = { counted: [], discounted: [] };
  const sinceMs = Date.parse(since);
  for (const [user, r] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    if (r.state !== 'APPROVED') continue;
    if (r.commitId !== headSha) out.discounted.push({ user, why: `approved commit ${(r.commitId ?? '?').slice(0, 7)}, not the head ${headSha.slice(0, 7)}` });
    else if (!(Date.parse(r.submittedAt ?? '') > sinceMs)) out.discounted.push({ user, why: 'approved before the current plan was posted' });
    else {
      const p = await permission(user).catch(() => 'none');
      if (WRITE.has(p)) out.counted.push(user);
      else out.discounted.push({ user, why: `has ${p === 'none' ? 'no' : p} access, not write` });
    }
  }
  return out;
}

export async function decideApply(ctx: RunContext, inputs: ActionInputs, api: GitHubApi, findReviewed: (pr: number) => Promise<ReviewedPlan | null>): Promise<GateDecision> {
  const pre = preflight(ctx, inputs);
  if (pre) return pre;
  const prFacts = ctx.pullRequest;

  if (prFacts && PR_EVENTS.has(ctx.eventName)) {
    if (!ctx.workflowPath) return refuse('not-approved', 'cannot tell which workflow file is running (GITHUB_WORKFLOW_REF is unset), so a pull request apply is refused');
    const files = await api.pullFiles(prFacts.number);
    const touching = files.find((f) => f.filename === ctx.workflowPath || f.previousFilename === ctx.workflowPath);
    if (touching) return refuse('not-approved', `pull request #${prFacts.number} changes the running workflow ${ctx.workflowPath}; it cannot approve its own apply — merge it first`);
    const live = await api.pull(prFacts.number);
    if (live.state !== 'open') return refuse('not-approved', `pull request #${prFacts.number} is ${live.state}`);
    if (live.headSha !== prFacts.headSha)
      return refuse('not-approved', `pull request #${prFacts.number} moved on: this run is for ${prFacts.headSha.slice(0, 7)}, the head is now ${live.headSha.slice(0, 7)}`);
    const reviewed = await findReviewed(prFacts.number);
    if (!reviewed) return refuse('not-approved', `no reviewed plan for ${inputs.config} on pull request #${prFacts.number}: run the plan workflow first`);
    if (reviewed.headSha !== live.headSha)
      return refuse('not-approved', `the plan on pull request #${prFacts.number} was made for ${String(reviewed.headSha).slice(0, 7)}, not the head ${live.headSha.slice(0, 7)}: plan again`, reviewed);
    if (inputs.planHash && inputs.planHash !== reviewed.planHash)
      return refuse('plan-changed', `input plan-hash ${inputs.planHash} differs from the reviewed plan ${reviewed.planHash}`, reviewed);
    if (inputs.environmentApproved)
      return { allowed: true, basis: 'environment', expectedPlanHash: reviewed.planHash, reviewed, message: 'approved through the job environment' };
    const count = await countApprovals(await api.reviews(prFacts.number), live.headSha, reviewed.since, (l) => api.permission(l));
    const why = count.discounted.map((d) => `${d.user}: ${d.why}`).join('; ');
    if (count.counted.length < inputs.requiredApprovals)
      return refuse(
        'not-approved',
        `pull request #${prFacts.number} has ${count.counted.length} of ${inputs.requiredApprovals} required approvals on ${live.headSha.slice(0, 7)} by reviewers with write access${why ? ` (not counted: ${why})` : ''}`,
        reviewed,
      );
    return { allowed: true, basis: 'pr-approval', expectedPlanHash: reviewed.planHash, reviewed, message: `approved by ${count.counted.join(', ')} on ${live.headSha.slice(0, 7)}` };
  }

  if (BRANCH_EVENTS.has(ctx.eventName)) {
    const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : null;
    const allowed = inputs.applyBranches.length ? inputs.applyBranches : [ctx.defaultBranch ?? (await api.defaultBranch())];
    if (branch && allowed.includes(branch))
      return { allowed: true, basis: 'branch', expectedPlanHash: inputs.planHash, reviewed: null, message: `${ctx.eventName} of apply branch ${branch}` };
    if (inputs.environmentApproved)
      return { allowed: true, basis: 'environment', expectedPlanHash: inputs.planHash, reviewed: null, message: 'approved through the job environment' };
    return refuse('not-approved', `${ctx.eventName} of ${ctx.ref || 'an unknown ref'} is not an apply branch (${allowed.join(', ')})`);
  }

  if (inputs.environmentApproved)
    return { allowed: true, basis: 'environment', expectedPlanHash: inputs.planHash, reviewed: null, message: 'approved through the job environment' };
  return refuse('not-approved', `apply is not allowed on a ${ctx.eventName || 'unknown'} event without environment approval`);
}
