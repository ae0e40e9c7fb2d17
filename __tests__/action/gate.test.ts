// The apply gate, end to end on the bundle: every case checks the outputs AND the host. A refused
// apply must leave the simulated host byte-identical with no operation at all (or only the
// observation, when the refusal comes from comparing the recomputed plan).
import { afterEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateSimState } from '../../src/backends/sim/state.js';
import { parseReviewedData } from '../../src/action/reviewed-plan.js';
import { stickyMarker } from '../../src/action/sticky-comment.js';
import { ACTIONS_BOT } from '../support/github-api.js';
import { GATE_CONFIG, makeWorld, type World } from '../support/action-world.js';
import { pullRequestFromFork, pullRequestOpened, pullRequestTarget, pushToDefaultBranch, pushToOtherBranch, workflowDispatch, type EventFixture } from '../support/payloads.js';
import { actionHarness } from '../support/run-action.js';

const harness = actionHarness();

const APPLY_WORKFLOW = '.github/workflows/gated-apply.yml';
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

/** The PR as GitHub holds it: open, at the payload's head, touching only vms.yaml. */
function openPull(world: World, event: EventFixture, files = [{ filename: 'vms.yaml' }]) {
  const pr = event.payload.pull_request;
  world.gh.pulls.set(pr.number, {
    number: pr.number,
    headSha: pr.head.sha,
    headRepo: pr.head.repo?.full_name ?? null,
    headRef: pr.head.ref,
    author: pr.user.login,
    state: 'open',
    files,
    reviews: [],
    pushes: [{ actor: pr.user.login, sha: pr.head.sha }],
  });
  return world.gh.pulls.get(pr.number)!;
}

const later = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** Plan on the PR (records the reviewed plan in the comment), as the PR workflow does. */
async function planOnPr(world: World, event: EventFixture) {
  const r = await world.run(event, { mode: 'plan' });
  expect(r.code).toBe(0);
  return r.outputs['plan-hash']!;
}

function expectRefusedUntouched(r: { code: number; outputs: Record<string, string> }, reason: string, world: World, before: { host: string; ops: number }, ops = 0) {
  expect(r.code).toBe(1);
  expect(r.outputs['failure-reason']).toBe(reason);
  expect(r.outputs.status).toBe('refused');
  // The gate itself refused (empty), or it passed and the recomputed plan was refused.
  if (ops === 0) expect(r.outputs.gate).toBe('');
  expect(world.host()).toBe(before.host);
  expect(world.operations() - before.ops).toBe(ops);
}
const snap = (world: World) => ({ host: world.host(), ops: world.operations() });

describe('apply gate', () => {
  it('push to the default branch applies, and marks the merged PR\'s comment', async () => {
    const event = pushToDefaultBranch();
    const world_ = await world(event);
    // The merged PR #2 carries the action's comment from its plan run.
    world_.gh.commitPulls[event.sha] = [2];
    const planned = world_.gh.addComment(2, `${stickyMarker('vms.yaml')}\n<!-- hvc:status -->**📋 Planned**<!-- /hvc:status -->`, ACTIONS_BOT);
    // That comment holds no reviewed plan: this workflow lets a push apply what the branch holds.
    const r = await world_.run(event, { mode: 'apply', 'push-requires-reviewed-plan': 'false' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'applied', 'failure-reason': '', gate: 'branch', 'create-count': '2' });
    expect(JSON.parse(world_.host()).vms.map((v: { name: string; state: string }) => `${v.name}:${v.state}`).sort()).toEqual(['app-1:Running', 'app-2:Running']);
    expect(r.summary).toContain('**✅ Applied**');
    // The plan, then each step once as it ends, with its timing, in the log.
    expect(r.stdout.indexOf('::group::Planned changes')).toBeLessThan(r.stdout.indexOf('::group::Apply'));
    expect(r.stdout.match(/\[\d\/4\] app-1: create done \(\d+ ms\)/g)).toHaveLength(1);
    expect(planned.body).toContain('**✅ Applied**');
    expect(r.outputs['comment-url']).toContain(`issuecomment-${planned.id}`);
  });

  it('push to another branch is refused and changes nothing', async () => {
    const event = pushToOtherBranch();
    const world_ = await world(event);
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain('push of refs/heads/feature is not an apply branch (master)');
  });

  it('workflow_dispatch of the default branch (main) applies; environment approval opens another branch', async () => {
    const event = workflowDispatch();
    const world_ = await world(event);
    const r = await world_.run(event, { mode: 'apply' });
    expect(r.outputs).toMatchObject({ status: 'applied', gate: 'branch' });
    const other = { ...event, ref: 'refs/heads/release' };
    const before = snap(world_);
    const refused = await world_.run(other, { mode: 'apply', 'apply-branches': 'main' });
    expectRefusedUntouched(refused, 'not-approved', world_, before);
    const env = await world_.run(other, { mode: 'apply', 'apply-branches': 'main', 'environment-approved': 'true' });
    expect(env.outputs).toMatchObject({ status: 'applied', gate: 'environment' });
  });

  it('a PR approved on its head commit by a writer, after the plan, applies the reviewed plan', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    const hash = await planOnPr(world_, event);
    world_.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'applied', gate: 'pr-approval', 'plan-hash': hash });
    expect(JSON.parse(world_.host()).vms).toHaveLength(2);
    const c = world_.gh.comments.find((x) => x.user.login === 'github-actions[bot]')!;
    expect(c.body).toContain('**✅ Applied**');
    expect(c.body).toMatch(/\| succeeded \(\d+\.\d s\) \|/);
    expect(parseReviewedData(c.body)!.planHash).toBe(hash);
    // The comment went Planned → Applying → Applied, edited in place; after each upload (which runs
    // after the report) the artifact's link is added.
    const edits = world_.gh.requests.filter((q) => q.route === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}');
    expect(edits.map((q) => /\*\*(\S+) (\w+)\*\*/.exec((q.body as { body: string }).body)![2])).toEqual(['Planned', 'Applying', 'Applied', 'Applied']);
    expect((edits[3]!.body as { body: string }).body).toContain(`[Artifact](${r.outputs['artifact-url']})`);
  });

  it('a PR without approval is refused and changes nothing', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    await planOnPr(world_, event);
    world_.gh.permissions['bob'] = 'read';
    pr.reviews.push({ user: 'bob', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) }); // no write access
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain('0 of 1 required approvals');
    expect(r.summary).toContain('bob: has read access, not write');
    const c = world_.gh.comments.find((x) => x.user.login === 'github-actions[bot]')!;
    expect(c.body).toContain('**⛔ Refused** — not-approved: pull request #2 has 0 of 1 required approvals');
    expect(c.body).toContain('<details><summary>`app-1`'); // the plan stays on show
  });

  it('an approval of an older commit does not count', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    await planOnPr(world_, event);
    world_.gh.permissions['alice'] = 'admin';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: '0123456789abcdef0123456789abcdef01234567', submittedAt: later(5) });
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain(`alice: approved commit 0123456, not the head ${pr.headSha.slice(0, 7)}`);
  });

  it('an approval given before the current plan was posted does not count', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    world_.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: new Date(Date.now() - 3600_000).toISOString() });
    await planOnPr(world_, event);
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain('alice: approved before the current plan was posted');
  });

  it('a plan that changed since review is refused, with what changed in the comment', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    const reviewedHash = await planOnPr(world_, event);
    world_.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    // The host drifts after the review: someone made app-1 by hand.
    const { buildSimState } = await import('../../src/backends/sim/state.js');
    const handMade = buildSimState({ vms: [{ name: 'app-1', state: 'Off', notes: 'made by hand' }] }).vms[0]!;
    await updateSimState(world_.stateFile, (s) => {
      s.vms.push(handMade);
    });
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    // The pipeline observed (1 operation) and refused before any mutation.
    expectRefusedUntouched(r, 'plan-changed', world_, before, 1);
    expect(r.outputs['plan-hash']).not.toBe(reviewedHash);
    const c = world_.gh.comments.find((x) => x.user.login === 'github-actions[bot]')!;
    expect(c.body).toContain('**⛔ Refused**');
    expect(c.body).toContain(`Reviewed plan hash \`${reviewedHash}\``);
    expect(c.body).toContain('#### What changed since the plan was reviewed');
    expect(c.body).toMatch(/- `app-1`: ~~app-1\/\d create [0-9a-f]{6}~~, ~~app-1\/\d start [0-9a-f]{6}~~, \*\*refused:unmanaged [0-9a-f]{6}\*\*/);
    expect(c.body).not.toContain('- `app-2`');
    // The reviewed record is kept: re-running apply cannot sneak the new plan through.
    expect(parseReviewedData(c.body)!.planHash).toBe(reviewedHash);
  });

  it('a PR from a fork is refused before anything runs (plan and apply), and nothing is written to GitHub', async () => {
    const event = pullRequestFromFork();
    const world_ = await world(event);
    openPull(world_, event);
    const before = snap(world_);
    for (const mode of ['plan', 'apply']) {
      const r = await world_.run(event, { mode }, { workflow: APPLY_WORKFLOW });
      expect(r.code).toBe(1);
      expect(r.outputs['failure-reason']).toBe('fork-refused');
      expect(r.summary).toContain('comes from a fork (forker/Hello-World)');
    }
    expect(world_.host()).toBe(before.host);
    expect(world_.operations()).toBe(before.ops);
    expect(world_.gh.writes()).toEqual([]);
  });

  it('pull_request_target never applies, and does not plan the PR head', async () => {
    const event = pullRequestTarget();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    world_.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply', 'environment-approved': 'true' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain('pull_request_target never applies');
    // A workspace holding the PR head (actions/checkout with the head sha) is refused for plan too.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(world_.workspace, '.git'), { recursive: true });
    writeFileSync(join(world_.workspace, '.git', 'HEAD'), `${pr.headSha}\n`);
    const head = await world_.run(event, { mode: 'plan' });
    expectRefusedUntouched(head, 'not-approved', world_, before);
    expect(head.summary).toContain('only the base branch may be planned here');
    // The base branch checked out: plan runs (read-only).
    writeFileSync(join(world_.workspace, '.git', 'HEAD'), `${event.payload.pull_request.base.sha}\n`);
    const base = await world_.run(event, { mode: 'plan' });
    expect(base.code).toBe(0);
    expect(base.outputs['has-changes']).toBe('true');
    expect(world_.host()).toBe(before.host);
  });

  it('a PR that changes the running workflow cannot approve its own apply', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event, [{ filename: 'vms.yaml' }, { filename: APPLY_WORKFLOW }]);
    await planOnPr(world_, event);
    world_.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain(`changes the workflow ${APPLY_WORKFLOW}`);
    // Renaming the workflow away counts as changing it too.
    pr.files.splice(0, pr.files.length, { filename: '.github/workflows/other.yml', previousFilename: APPLY_WORKFLOW });
    const renamed = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(renamed, 'not-approved', world_, before);
  });

  it('a PR whose head moved on since the run started is refused', async () => {
    const event = pullRequestOpened();
    const world_ = await world(event);
    const pr = openPull(world_, event);
    await planOnPr(world_, event);
    world_.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    pr.headSha = 'abcdef0123456789abcdef0123456789abcdef01';
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expectRefusedUntouched(r, 'not-approved', world_, before);
    expect(r.summary).toContain('moved on');
  });

  it('an apply while another holds the host lock fails with locked and changes nothing', async () => {
    const event = pushToDefaultBranch();
    const world_ = await world(event);
    const { acquireHostLock } = await import('../../src/engine/apply/lock.js');
    const { hostKeyOf } = await import('../../src/engine/pipeline.js');
    const { hostname } = await import('node:os');
    const lock = await acquireHostLock(join(world_.workspace, '.hvc-home'), hostKeyOf({ kind: 'sim', stateFile: world_.stateFile }), {
      holder: { runId: 'other-run-1', pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() },
      waitMs: 0,
    });
    try {
      const before = snap(world_);
      const r = await world_.run(event, { mode: 'apply', 'lock-wait': '0', 'push-requires-reviewed-plan': 'false' });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ 'failure-reason': 'locked', gate: 'branch' });
      expect(world_.host()).toBe(before.host);
      expect(world_.operations()).toBe(before.ops);
      expect(r.summary).toContain('other-run-1');
    } finally {
      await lock.release();
    }
  });

  it('a reconcile (mode reconcile, writes guests) while another holds the host lock fails with locked and touches nothing', async () => {
    const event = pushToDefaultBranch();
    // reconcile needs an ssh section; the lock is taken before anything is observed or any guest
    // contacted, so its key need not exist.
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event, config: GATE_CONFIG.replace('vms:\n', 'ssh:\n  user: ubuntu\n  privateKeyEnv: GATE_SSH_KEY\nvms:\n') });
    const world_ = w;
    const { acquireHostLock } = await import('../../src/engine/apply/lock.js');
    const { hostKeyOf } = await import('../../src/engine/pipeline.js');
    const { hostname } = await import('node:os');
    const lock = await acquireHostLock(join(world_.workspace, '.hvc-home'), hostKeyOf({ kind: 'sim', stateFile: world_.stateFile }), {
      holder: { runId: 'other-run-2', pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() },
      waitMs: 0,
    });
    try {
      const before = snap(world_);
      const r = await world_.run(event, { mode: 'reconcile', 'lock-wait': '0', 'push-requires-reviewed-plan': 'false' });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ 'failure-reason': 'locked', status: 'refused' });
      expect(world_.host()).toBe(before.host);
      expect(world_.operations()).toBe(before.ops);
      expect(r.summary).toContain('other-run-2');
    } finally {
      await lock.release();
    }
  });

  it('input plan-hash binds a branch apply to a reviewed hash', async () => {
    const event = pushToDefaultBranch();
    const world_ = await world(event);
    const before = snap(world_);
    const r = await world_.run(event, { mode: 'apply', 'plan-hash': `sha256:${'0'.repeat(64)}`, 'push-requires-reviewed-plan': 'false' });
    expectRefusedUntouched(r, 'plan-changed', world_, before, 1);
  });
});
