// The action in the setups teams really run, end to end on the bundle: a GitHub App token, a matrix
// over hosts (or two steps in one job), GHES, a stuck artifact upload, overlapping runs, a flaky or
// rate-limiting API, and the drift issue when labels change or the token cannot create issues.
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { stickyMarker } from '../../src/action/sticky-comment.js';
import { makeWorld, type World } from '../support/action-world.js';
import { runtimeJwt } from '../support/artifact-service.js';
import { appBot, type FakeUser } from '../support/github-api.js';
import { pullRequestOpened, schedule, type EventFixture } from '../support/payloads.js';
import { actionHarness } from '../support/run-action.js';

const harness = actionHarness();
const APPLY_WORKFLOW = '.github/workflows/gated-apply.yml';

let w: World | null = null;
afterEach(async () => {
  harness.artifacts.hang(false);
  if (w) expect(w.gh.violations).toEqual([]);
  await w?.close();
  w = null;
});

async function world(event: EventFixture, identity?: 'actions-bot' | FakeUser): Promise<World> {
  w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event, ...(identity ? { identity } : {}) });
  return w;
}

function openPull(world: World, event: EventFixture) {
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
  });
  return world.gh.pulls.get(pr.number)!;
}
const later = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const stickies = (world: World, login: string) => world.gh.comments.filter((c) => c.user.login === login && c.body.includes('hyperv-converge:sticky:'));

describe('GitHub App tokens', () => {
  it('three plan runs keep one comment, and the apply finds the reviewed plan', async () => {
    const event = pullRequestOpened();
    const ww = await world(event, appBot('hvc-app'));
    const pr = openPull(ww, event);
    for (let i = 0; i < 3; i++) expect((await ww.run(event, { mode: 'plan' })).code).toBe(0);
    expect(stickies(ww, 'hvc-app[bot]')).toHaveLength(1);
    ww.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('applied');
  });
});

describe('a matrix over hosts, or two steps in one job', () => {
  it('a target key keeps comment, artifact and drift issue apart, and the comment names the host', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    openPull(ww, event);
    // Two steps of one job: the same run and job backend ids.
    const token = runtimeJwt(randomUUID(), randomUUID());
    const a = await ww.run(event, { mode: 'plan', target: 'hv-a' }, { env: { ACTIONS_RUNTIME_TOKEN: token } });
    const b = await ww.run(event, { mode: 'plan', target: 'hv-b' }, { env: { ACTIONS_RUNTIME_TOKEN: token } });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.outputs['artifact-id']).not.toBe(b.outputs['artifact-id']);
    const mine = stickies(ww, 'github-actions[bot]');
    expect(mine).toHaveLength(2);
    expect(mine[0]!.body).toContain('host `hv-a`');
    expect(mine[1]!.body).toContain('host `hv-b`');
    expect(mine[0]!.body).not.toBe(stickyMarker('vms.yaml'));
    expect(a.outputs['comment-url']).not.toBe(b.outputs['comment-url']);
  });

  it('two hosts drifting keep two drift issues, each naming its host', async () => {
    const ww = await world(schedule());
    const drift = { mode: 'drift', 'drift-issue': 'true' };
    expect((await ww.run(schedule(), { ...drift, target: 'hv-a' })).code).toBe(0);
    expect((await ww.run(schedule(), { ...drift, target: 'hv-b' })).code).toBe(0);
    expect((await ww.run(schedule(), { ...drift, target: 'hv-a' })).code).toBe(0);
    const open = ww.gh.issues.filter((i) => i.state === 'open');
    expect(open.map((i) => i.title).sort()).toEqual(['Drift: the Hyper-V host hv-a differs from vms.yaml', 'Drift: the Hyper-V host hv-b differs from vms.yaml']);
  });
});

describe('artifacts', () => {
  it('GHES: @actions/artifact refuses it; the run warns and keeps the files instead of failing', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    openPull(ww, event);
    const r = await ww.run(event, { mode: 'plan' }, { env: { GITHUB_SERVER_URL: 'https://ghes.example.com' } });
    expect(r.code).toBe(0);
    expect(r.annotations.some((l) => l.startsWith('::warning') && l.includes('GitHub Enterprise Server'))).toBe(true);
    expect(r.outputs['plan-path']).not.toBe('');
  });

  it('a stuck upload: the comment and summary are written first, and the upload is bounded', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    expect((await ww.run(event, { mode: 'plan' })).code).toBe(0);
    ww.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    harness.artifacts.hang(true);
    const r = await ww.run(event, { mode: 'apply', 'upload-timeout': '2' }, { workflow: APPLY_WORKFLOW });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('applied');
    expect(r.summary).toContain('**✅ Applied**');
    expect(r.stdout).toContain('artifact upload did not finish within 2 s');
    expect(stickies(ww, 'github-actions[bot]')[0]!.body).toContain('**✅ Applied**');
  });
});

describe('overlapping runs and odd text', () => {
  it('two overlapping first plan runs leave one sticky comment', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    openPull(ww, event);
    ww.gh.latencyMs = 150;
    // Overlapping runs are separate jobs, on separate runners: each has its own output folder.
    const [a, b] = await Promise.all([ww.run(event, { mode: 'plan', 'output-dir': 'out-a' }), ww.run(event, { mode: 'plan', 'output-dir': 'out-b' })]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(stickies(ww, 'github-actions[bot]')).toHaveLength(1);
  });

  it("a status message holding $' or $& is written as it is", async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    const odd = ".github/workflows/apply-$'-$&.yml";
    pr.files.push({ filename: odd });
    expect((await ww.run(event, { mode: 'plan' })).code).toBe(0);
    const r = await ww.run(event, { mode: 'apply' }, { workflow: odd });
    expect(r.code).toBe(1);
    const c = stickies(ww, 'github-actions[bot]')[0]!;
    expect(c.body).toContain(`changes the workflow ${odd}`);
    expect(c.body.match(/hyperv-converge:sticky:/g)).toHaveLength(1);
  });
});

describe('a flaky GitHub API', () => {
  it('retries 5xx answers and secondary rate limits', async () => {
    const event = pullRequestOpened();
    const ww = await world(event);
    const pr = openPull(ww, event);
    expect((await ww.run(event, { mode: 'plan' })).code).toBe(0);
    ww.gh.permissions['alice'] = 'write';
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha, submittedAt: later(5) });
    ww.gh.faults.push({ route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', status: 502, times: 1, body: { message: 'Server Error' } });
    ww.gh.faults.push({
      route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      status: 403,
      times: 1,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
    });
    const r = await ww.run(event, { mode: 'apply' }, { workflow: APPLY_WORKFLOW });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('applied');
    expect(ww.gh.faults.every((f) => f.times === 0)).toBe(true);
  });
});

describe('the drift issue', () => {
  const DRIFT = { mode: 'drift', 'drift-issue': 'true', 'drift-issue-label': 'drift' };

  it('is found by its marker when its label was removed, and overlapping runs open one issue', async () => {
    const ww = await world(schedule());
    ww.gh.latencyMs = 100;
    // Overlapping runs are separate jobs, on separate runners: each has its own output folder.
    const [a, b] = await Promise.all([ww.run(schedule(), { ...DRIFT, 'output-dir': 'out-a' }), ww.run(schedule(), { ...DRIFT, 'output-dir': 'out-b' })]);
    const errors = (x: typeof a) => x.annotations.filter((l) => l.startsWith('::error'));
    expect([a.code, errors(a)]).toEqual([0, []]);
    expect([b.code, errors(b)]).toEqual([0, []]);
    expect(ww.gh.issues.filter((i) => i.state === 'open')).toHaveLength(1);
    ww.gh.latencyMs = 0;
    ww.gh.issues.find((i) => i.state === 'open')!.labels = [];
    const again = await ww.run(schedule(), DRIFT);
    expect(again.code).toBe(0);
    expect(ww.gh.issues.filter((i) => i.state === 'open')).toHaveLength(1);
  });

  it('fails the job when the team cannot be told (403 creating the issue)', async () => {
    const ww = await world(schedule());
    ww.gh.denyIssueCreate = true;
    const r = await ww.run(schedule(), DRIFT);
    expect(r.code).toBe(1);
    expect(r.outputs.drift).toBe('true');
    expect(r.annotations.some((l) => l.startsWith('::error') && l.includes('drift issue'))).toBe(true);
  });
});
