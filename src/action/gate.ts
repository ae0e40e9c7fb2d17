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
 * self-hosted runner), and pull_request_target unless the workspace provably holds the base commit.
 */
export function preflight(ctx: RunContext, inputs: ActionInputs): GateDecision | null {
  if (ctx.pullRequest && isFork(ctx) && !inputs.allowForkPrs) {
    const from = ctx.pullRequest.headRepo ?? 'a deleted repository';
    return refuse('fork-refused', `pull request #${ctx.pullRequest.number} comes from a fork (${from}); fork pull requests are refused unless allow-fork-prs is true`);
  }
  if (ctx.eventName === 'pull_request_target') {
    if (inputs.mode === 'apply') return refuse('not-approved', 'pull_request_target never applies: it runs with a write token on behalf of the pull request author');
    // Fail closed: only the commit the runner named for this event (the base branch's) may be planned
    // here. No .git, a detached unknown commit, the PR head or the merge ref all refuse.
    const held = workspaceHead(ctx.workspace);
    if (held === null)
      return refuse('not-approved', 'pull_request_target: cannot tell which commit the workspace holds (no readable .git); only the base branch may be planned here — check it out with actions/checkout first');
    if (!ctx.sha || held !== ctx.sha)
      return refuse('not-approved', `pull_request_target: the workspace holds ${held.slice(0, 7)}, not the base commit ${ctx.sha.slice(0, 7) || '(unknown)'}; only the base branch may be planned here`);
  }
  return null;
}

export interface ApprovalCount {
  counted: string[];
  discounted: { user: string; why: string }[];
}

/**
 * The latest decisive review per reviewer; approvals count on the head commit, after the plan, with
 * write access, from a person (not a bot) other than whoever pushed the head: GitHub's "approval of
 * the most recent reviewable push" (the ruleset rule require_last_push_approval: "the most recent
 * reviewable push must be approved by someone other than the person who pushed it").
 */
export async function countApprovals(
  reviews: GhReview[],
  headSha: string,
  since: string,
  permission: (login: string) => Promise<string>,
  pusher: string | null = null,
): Promise<ApprovalCount> {
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
    if (r.userType === 'Bot' || user.endsWith('[bot]')) out.discounted.push({ user, why: 'is a bot' });
    else if (r.commitId !== headSha) out.discounted.push({ user, why: `approved commit ${(r.commitId ?? '?').slice(0, 7)}, not the head ${headSha.slice(0, 7)}` });
    else if (pusher !== null && user.toLowerCase() === pusher.toLowerCase()) out.discounted.push({ user, why: `pushed the head ${headSha.slice(0, 7)}` });
    else if (!(Date.parse(r.submittedAt ?? '') > sinceMs)) out.discounted.push({ user, why: 'approved before the current plan was posted' });
    else {
      const p = await permission(user).catch(() => 'none');
      if (WRITE.has(p)) out.counted.push(user);
      else out.discounted.push({ user, why: `has ${p === 'none' ? 'no' : p} access, not write` });
    }
  }
  return out;
}

/** Files a pull request may not touch and still approve its own apply: workflows and local actions run with the repository's token. */
function touchesWorkflows(files: { filename: string; previousFilename: string | null }[], named: (string | null)[]): string | null {
  const watched = (f: string) => f.startsWith('.github/workflows/') || f.startsWith('.github/actions/') || named.includes(f);
  for (const f of files) {
    if (watched(f.filename)) return f.filename;
    if (f.previousFilename && watched(f.previousFilename)) return f.previousFilename;
  }
  return null;
}

export interface GateOptions {
  /** Why the PR's reviewed record cannot be trusted (edited by someone else), if so. */
  untrustedRecord?: string | null;
  /** Reviewed records of the pull requests a pushed commit belongs to (push applies are bound to them). */
  reviewedForCommit?: (sha: string) => Promise<{ pr: number; reviewed: ReviewedPlan }[]>;
  /** Says what was checked. */
  log?: (line: string) => void;
}

export async function decideApply(
  ctx: RunContext,
  inputs: ActionInputs,
  api: GitHubApi,
  findReviewed: (pr: number) => Promise<ReviewedPlan | null>,
  o: GateOptions = {},
): Promise<GateDecision> {
  const log = o.log ?? (() => undefined);
  const pre = preflight(ctx, inputs);
  if (pre) return pre;
  const prFacts = ctx.pullRequest;

  if (prFacts && PR_EVENTS.has(ctx.eventName)) {
    if (!ctx.workflowPath) return refuse('not-approved', 'cannot tell which workflow file is running (GITHUB_WORKFLOW_REF is unset), so a pull request apply is refused');
    const live = await api.pull(prFacts.number);
    if (live.state !== 'open') return refuse('not-approved', `pull request #${prFacts.number} is ${live.state}`);
    if (live.draft) return refuse('not-approved', `pull request #${prFacts.number} is a draft: mark it ready for review first`);
    if (live.headSha !== prFacts.headSha)
      return refuse('not-approved', `pull request #${prFacts.number} moved on: this run is for ${prFacts.headSha.slice(0, 7)}, the head is now ${live.headSha.slice(0, 7)}`);
    const applyBranches = inputs.applyBranches.length ? inputs.applyBranches : [ctx.defaultBranch ?? (await api.defaultBranch())];
    if (!applyBranches.includes(live.baseRef))
      return refuse('not-approved', `pull request #${prFacts.number}: its base branch ${live.baseRef} is not an apply branch (${applyBranches.join(', ')}); merge into an apply branch to apply`);
    log(`pull request #${prFacts.number}: open, not a draft, head ${live.headSha.slice(0, 7)}, base ${live.baseRef} (an apply branch)`);
    if (o.untrustedRecord) return refuse('not-approved', `the reviewed plan on pull request #${prFacts.number} does not count: ${o.untrustedRecord}; run the plan workflow again`);
    const reviewed = await findReviewed(prFacts.number);
    const files = await api.pullFiles(prFacts.number);
    const touched = touchesWorkflows(files, [ctx.workflowPath, reviewed?.workflow ?? null]);
    if (touched)
      return refuse('not-approved', `pull request #${prFacts.number} changes the workflow ${touched}; a pull request that changes workflows cannot approve its own apply — merge it first`, reviewed);
    log(`pull request #${prFacts.number}: changes no workflow (.github/workflows, .github/actions, ${ctx.workflowPath}${reviewed?.workflow ? `, ${reviewed.workflow}` : ''})`);
    if (!reviewed) return refuse('not-approved', `no reviewed plan for ${inputs.config} on pull request #${prFacts.number}: run the plan workflow first`);
    if (reviewed.headSha !== live.headSha)
      return refuse('not-approved', `the plan on pull request #${prFacts.number} was made for ${String(reviewed.headSha).slice(0, 7)}, not the head ${live.headSha.slice(0, 7)}: plan again`, reviewed);
    if (inputs.planHash && inputs.planHash !== reviewed.planHash)
      return refuse('plan-changed', `input plan-hash ${inputs.planHash} differs from the reviewed plan ${reviewed.planHash}`, reviewed);
    if (isFork(ctx)) {
      // allow-fork-prs lets a fork's PR be planned; applying it takes a person's environment approval.
      if (!inputs.environmentApproved)
        return refuse('not-approved', `pull request #${prFacts.number} comes from a fork: applying it needs environment approval (environment-approved: true in a job with required reviewers), not a review alone`, reviewed);
      return { allowed: true, basis: 'environment', expectedPlanHash: reviewed.planHash, reviewed, message: 'fork pull request approved through the job environment' };
    }
    if (inputs.environmentApproved)
      return { allowed: true, basis: 'environment', expectedPlanHash: reviewed.planHash, reviewed, message: 'approved through the job environment' };

    const rules = await api.branchRules(live.baseRef);
    for (const n of rules.notes) log(n);
    const required = Math.max(inputs.requiredApprovals, rules.requiredApprovals);
    log(`required approvals: ${required} (input required-approvals ${inputs.requiredApprovals}${rules.requiredApprovals ? `, branch rules ${rules.requiredApprovals}` : ''})`);
    const pusher = live.headRepo ? await api.pusherOf(`refs/heads/${live.headRef}`, live.headSha) : null;
    if (pusher === null)
      return refuse('not-approved', `cannot tell who pushed the head ${live.headSha.slice(0, 7)} of pull request #${prFacts.number} (no push of it in the repository activity), so no approval can be told apart from the pusher's`, reviewed);
    log(`head ${live.headSha.slice(0, 7)} was pushed by ${pusher}: their approval does not count`);
    const count = await countApprovals(await api.reviews(prFacts.number), live.headSha, reviewed.since, (l) => api.permission(l), pusher);
    const why = count.discounted.map((d) => `${d.user}: ${d.why}`).join('; ');
    if (count.counted.length < required)
      return refuse(
        'not-approved',
        `pull request #${prFacts.number} has ${count.counted.length} of ${required} required approvals on ${live.headSha.slice(0, 7)} by reviewers with write access${why ? ` (not counted: ${why})` : ''}`,
        reviewed,
      );
    if (rules.codeOwners) {
      const decision = await api.reviewDecision(prFacts.number);
      log(`code owner review required: GitHub's review decision is ${decision ?? 'none'}`);
      if (decision !== 'APPROVED')
        return refuse('not-approved', `pull request #${prFacts.number} needs a code owner's approval (branch rules); GitHub's review decision is ${decision ?? 'none'}`, reviewed);
    }
    return { allowed: true, basis: 'pr-approval', expectedPlanHash: reviewed.planHash, reviewed, message: `approved by ${count.counted.join(', ')} on ${live.headSha.slice(0, 7)}` };
  }

  if (BRANCH_EVENTS.has(ctx.eventName)) {
    const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : null;
    const allowed = inputs.applyBranches.length ? inputs.applyBranches : [ctx.defaultBranch ?? (await api.defaultBranch())];
    if (branch && allowed.includes(branch)) {
      if (ctx.eventName === 'push' && inputs.pushRequiresReviewedPlan) {
        // A push applies the plan reviewed on the pull request it merged, or nothing.
        const found = (await o.reviewedForCommit?.(ctx.sha)) ?? [];
        const hit = found[0];
        if (!hit)
          return refuse(
            'not-approved',
            `push of apply branch ${branch}: no plan reviewed on a merged pull request for ${ctx.sha.slice(0, 7)}; a push applies only a reviewed plan (set push-requires-reviewed-plan: false to apply what the branch holds)`,
          );
        if (inputs.planHash && inputs.planHash !== hit.reviewed.planHash)
          return refuse('plan-changed', `input plan-hash ${inputs.planHash} differs from the plan reviewed on pull request #${hit.pr} (${hit.reviewed.planHash})`, hit.reviewed);
        log(`push of ${branch}: bound to the plan reviewed on pull request #${hit.pr} (${hit.reviewed.planHash})`);
        return { allowed: true, basis: 'branch', expectedPlanHash: hit.reviewed.planHash, reviewed: hit.reviewed, message: `${ctx.eventName} of apply branch ${branch}, the plan reviewed on pull request #${hit.pr}` };
      }
      return { allowed: true, basis: 'branch', expectedPlanHash: inputs.planHash, reviewed: null, message: `${ctx.eventName} of apply branch ${branch}` };
    }
    if (inputs.environmentApproved)
      return { allowed: true, basis: 'environment', expectedPlanHash: inputs.planHash, reviewed: null, message: 'approved through the job environment' };
    return refuse('not-approved', `${ctx.eventName} of ${ctx.ref || 'an unknown ref'} is not an apply branch (${allowed.join(', ')})`);
  }

  if (inputs.environmentApproved)
    return { allowed: true, basis: 'environment', expectedPlanHash: inputs.planHash, reviewed: null, message: 'approved through the job environment' };
  return refuse('not-approved', `apply is not allowed on a ${ctx.eventName || 'unknown'} event without environment approval`);
}
