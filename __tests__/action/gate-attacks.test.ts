// Attacks on the apply gate from a single writer (not an outsider), end to end on the bundle: each
// case is a way one person could change the host without a second person having seen the exact
// plan, or a way a reviewed plan could be forged. A refusal leaves the simulated host untouched.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReviewedData, renderReviewedData } from '../../src/action/reviewed-plan.js';
import { GATE_CONFIG, makeWorld, type World } from '../support/action-world.js';
import type { FakeUser } from '../support/github-api.js';
import { pullRequestFromFork, pullRequestOpened, pullRequestReviewApproved, pullRequestTarget, pushToDefaultBranch, type EventFixture } from '../support/payloads.js';
import { actionHarness } from '../support/run-action.js';

const harness = actionHarness();
const APPLY_WORKFLOW = '.github/workflows/gated-apply.yml';
const PLAN_WORKFLOW = '.github/workflows/pr-plan.yml';
const MALLORY: FakeUser = { login: 'mallory', type: 'User' };

let w: World | null = null;
afterEach(async () => {
  if (w) expect(w.gh.violations).toEqual([]);
  await w?.close();
  w = null;
});

async function world(event: EventFixture): Promise<World> {
  w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event });
  return w;
}

/** The PR as GitHub holds it: open, at the payload's head, pushed by its author Codertocat. */
function openPull(world: World, event: EventFixture, extra: Partial<Parameters<World['gh']['pulls']['set']>[1]> = {}) {
  const pr = event.payload.pull_request;
  world.gh.pulls.set(pr.number, {
    number: pr.number,
    headSha: pr.head.sha,
    headRepo: pr.head.repo?.full_name ?? null,
    headRef: pr.head.ref,
    author: pr.user.login,
    state: 'open',
    files: [{ filename: 'vms.yaml' }],
    reviews: [],
    pushes: [{ actor: pr.user.login, sha: pr.head.sha }],
    ...extra,
  });
  return world.gh.pulls.get(pr.number)!;
}

const later = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const snap = (world: World) => ({ host: world.host(), ops: world.operations() });

function expectRefused(r: { code: number; outputs: Record<string, string> }, reason: string, world: World, before: { host: string; ops: number }, ops = 0) {
  expect(r.code).toBe(1);
  expect(r.outputs['failure-reason']).toBe(reason);
  expect(r.outputs.status).toBe('refused');
  expect(world.host()).toBe(before.host);
  expect(world.operations() - before.ops).toBe(ops);
}

async function planned(world: World, event: EventFixture) {
  const r = await world.run(event, { mode: 'plan' });
  expect(r.code).toBe(0);
  return r;
}

const approve = (pr: { headSha: string; reviews: unknown[] }, user: string, extra: Record<string, unknown> = {}) =>
  (pr.reviews as object[]).push({ user, state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5), ...extra });

describe('the gate against a single writer', () => {
  it('a PR into another branch (a stacked PR) does not apply: only PRs whose base is an apply branch', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event, { baseRef: 'stack-base' });
    await planned(ww, event);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const before = snap(ww);
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain('base branch stack-base is not an apply branch (master)');
  });

  it('an approval from whoever pushed the head does not count (approval of the most recent reviewable push)', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    // alice pushes a commit onto Codertocat's PR, then approves it herself.
    pr.headSha = 'a1'.repeat(20);
    pr.pushes!.push({ actor: 'alice', sha: pr.headSha });
    const moved = pullRequestOpened();
    moved.payload.pull_request.head.sha = pr.headSha;
    moved.sha = pr.headSha;
    await planned(ww, moved);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const before = snap(ww);
    const r = await ww.run(moved, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain('alice: pushed the head a1a1a1a');
    // The log says what was checked.
    expect(r.stdout).toContain('pushed by alice');
    // Someone else's approval counts.
    ww.gh.permissions['bob'] = 'write';
    approve(pr, 'bob');
    const ok = await ww.run(moved, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(ok.code).toBe(0);
    expect(ok.outputs).toMatchObject({ status: 'applied', gate: 'pr-approval' });
  });

  it('when who pushed the head cannot be read, no approval counts (fail closed)', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event, { pushes: [] });
    await planned(ww, event);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const before = snap(ww);
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain('cannot tell who pushed');
  });

  it("respects the branch's ruleset: more required approvals, and code owners through GitHub's review decision", async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    await planned(ww, event);
    ww.gh.permissions['alice'] = 'write';
    ww.gh.permissions['bob'] = 'write';
    approve(pr, 'alice');
    ww.gh.rulesets['master'] = { requiredApprovals: 2, codeOwners: false, lastPushApproval: true };
    const before = snap(ww);
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain('1 of 2 required approvals');
    expect(r.stdout).toMatch(/ruleset.*2 approvals/);
    // Code owners required: GitHub's review decision must be APPROVED.
    approve(pr, 'bob');
    ww.gh.rulesets['master'] = { requiredApprovals: 1, codeOwners: true, lastPushApproval: false };
    pr.reviewDecision = 'REVIEW_REQUIRED';
    const owners = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(owners, 'not-approved', ww, before);
    expect(owners.summary).toContain('code owner');
    // Branch protection the token cannot read is said so in the log, not silently skipped.
    ww.gh.protection['master'] = { requiredApprovals: 3, codeOwners: false, lastPushApproval: false };
    pr.reviewDecision = 'APPROVED';
    const ok = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('branch protection of master: not readable with this token');
  });

  it('a reviewed record edited by anyone but the action does not count', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    // alice approved long before the plan was posted: her approval must not count for it.
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice', { submittedAt: new Date(Date.now() - 3600_000).toISOString() });
    await planned(ww, event);
    const c = ww.gh.comments.find((x) => x.user.login === 'github-actions[bot]')!;
    const real = parseReviewedData(c.body)!;
    // mallory (a writer) rewrites the comment: the real hash, a timestamp from before alice's approval.
    const forged = { ...real, since: new Date(Date.now() - 7200_000).toISOString() };
    ww.gh.editAs(c, MALLORY, `${c.body.split('<!-- hyperv-converge:reviewed-plan ')[0]}${renderReviewedData(forged)}\n`);
    const before = snap(ww);
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain('edited by mallory');
    // The next plan run does not build on the tainted comment: it posts a fresh record.
    await planned(ww, event);
    const mine = ww.gh.comments.filter((x) => x.user.login === 'github-actions[bot]');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.edits.every((e) => e.editor.login === 'github-actions[bot]')).toBe(true);
    expect(Date.parse(parseReviewedData(mine[0]!.body)!.since)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a PR that changes the plan workflow (or any workflow) cannot approve its own apply', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event, { files: [{ filename: 'vms.yaml' }, { filename: PLAN_WORKFLOW }] });
    const r0 = await ww.run(event, { mode: 'plan' }, { workflow: PLAN_WORKFLOW });
    expect(r0.code).toBe(0);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const before = snap(ww);
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain(`changes the workflow ${PLAN_WORKFLOW}`);
  });

  it('draft PRs do not apply, and reviews by bots do not count', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event, { draft: true });
    await planned(ww, event);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const before = snap(ww);
    const draft = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(draft, 'not-approved', ww, before);
    expect(draft.summary).toContain('is a draft');
    pr.draft = false;
    pr.reviews.splice(0);
    ww.gh.permissions['helper-app[bot]'] = 'write';
    approve(pr, 'helper-app[bot]', { bot: true });
    const bot = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefused(bot, 'not-approved', ww, before);
    expect(bot.summary).toContain('helper-app[bot]: is a bot');
  });

  it('allow-fork-prs: true still needs environment approval to apply a fork PR', async () => {
    const event = pullRequestFromFork();
    const ww = await world(event);
    const pr = openPull(ww, event);
    const plan = await ww.run(event, { mode: 'plan', 'allow-fork-prs': 'true' });
    expect(plan.code).toBe(0);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const before = snap(ww);
    const r = await ww.run(event, { mode: 'apply', 'allow-fork-prs': 'true' }, { workflow: APPLY_WORKFLOW });
    expectRefused(r, 'not-approved', ww, before);
    expect(r.summary).toContain('needs environment approval');
  });

  it('pull_request_target fails closed: no .git, or the merge ref checked out, refuses the plan', async () => {
    const event = pullRequestTarget();
    const ww = await world(event);
    openPull(ww, event);
    const before = snap(ww);
    const none = await ww.run(event, { mode: 'plan' });
    expectRefused(none, 'not-approved', ww, before);
    expect(none.summary).toContain('cannot tell which commit the workspace holds');
    mkdirSync(join(ww.workspace, '.git', 'refs', 'pull', '2'), { recursive: true });
    writeFileSync(join(ww.workspace, '.git', 'HEAD'), 'ref: refs/pull/2/merge\n');
    writeFileSync(join(ww.workspace, '.git', 'refs', 'pull', '2', 'merge'), `${'c'.repeat(40)}\n`);
    const merge = await ww.run(event, { mode: 'plan' });
    expectRefused(merge, 'not-approved', ww, before);
    expect(merge.summary).toContain('only the base branch may be planned here');
  });

  it('pull_request_review (its real payload) applies an approved, reviewed plan', async () => {
    const event = pullRequestReviewApproved('alice');
    const ww = await world(event);
    const pr = openPull(ww, event);
    await planned(ww, event);
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'applied', gate: 'pr-approval' });
  });
});

describe('push applies are bound to the plan reviewed on the merged PR', () => {
  it('main moved on: three creates where two were reviewed is refused with what changed; an explicit opt-out applies', async () => {
    const prEvent = pullRequestOpened();
    const ww = await world(prEvent);
    openPull(ww, prEvent);
    const reviewedHash = (await planned(ww, prEvent)).outputs['plan-hash'];
    // Merged, and by the time the push runs main holds a third VM.
    writeFileSync(join(ww.workspace, 'vms.yaml'), `${GATE_CONFIG}  - name: app-3\n`);
    const push = pushToDefaultBranch();
    ww.gh.commitPulls[push.sha] = [2];
    const before = snap(ww);
    const r = await ww.run(push, { mode: 'apply' });
    expectRefused(r, 'plan-changed', ww, before, 1);
    expect(r.outputs['plan-hash']).not.toBe(reviewedHash);
    expect(r.summary).toContain('#### What changed since the plan was reviewed');
    expect(r.summary).toMatch(/- `app-3`: \*\*app-3\/1 create/);
    expect(r.stdout).toMatch(/plan changed since review: app-3: \+ app-3\/1 create/);
    expect(r.stdout).toContain('plan changed since review: the configuration changed (configHash)');
    const c = ww.gh.comments.find((x) => x.issue === 2)!;
    expect(c.body).toContain('**⛔ Refused**');
    expect(c.body).not.toContain('**✅ Applied**');
    // A push without any reviewed plan is refused too.
    ww.gh.commitPulls[push.sha] = [];
    const none = await ww.run(push, { mode: 'apply' });
    expectRefused(none, 'not-approved', ww, before, 1);
    expect(none.summary).toContain('no plan reviewed on a merged pull request');
    // The workflow says so explicitly: a push applies what main holds.
    const optOut = await ww.run(push, { mode: 'apply', 'push-requires-reviewed-plan': 'false' });
    expect(optOut.code).toBe(0);
    expect(JSON.parse(ww.host()).vms).toHaveLength(3);
  });
});

describe('the plan hash binds what the plan depends on, nothing else', () => {
  it("another team's VM changing between review and apply does not refuse an apply with identical steps", async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    const reviewed = (await planned(ww, event)).outputs['plan-hash'];
    ww.gh.permissions['alice'] = 'write';
    approve(pr, 'alice');
    // Another team's VM appears on the same host (and would get a DHCP address, a checkpoint…).
    const { buildSimState, updateSimState } = await import('../../src/backends/sim/state.js');
    const other = buildSimState({ vms: [{ name: 'billing-db', state: 'Running', notes: 'hyperv-converge: project=billing' }] }).vms[0]!;
    await updateSimState(ww.stateFile, (s) => {
      s.vms.push(other);
    });
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'applied', 'plan-hash': reviewed });
  });
});
