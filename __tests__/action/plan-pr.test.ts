// PR plan as it really runs: the bundled action on a real pull_request payload, against a simulated
// host, a loopback GitHub API validated by the OpenAPI description and a loopback artifact service.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReviewedData } from '../../src/action/reviewed-plan.js';
import { stickyMarker } from '../../src/action/sticky-comment.js';
import { makeWorld, type World } from '../support/action-world.js';
import { unzipEntries } from '../support/artifact-service.js';
import { pullRequestOpened } from '../support/payloads.js';
import { actionHarness, ROOT } from '../support/run-action.js';

const harness = actionHarness();

describe('mode plan on a pull request', () => {
  let w: World;
  afterAll(() => w?.close());

  it('plans, uploads the three files, writes one sticky comment and a summary, and changes nothing', async () => {
    const event = pullRequestOpened();
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event });
    const before = w.host();
    const r = await w.run(event, { mode: 'plan', 'artifact-name': '' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(join(w.workspace, '.hvc/out/vms.yaml/plan.json'), 'utf8')) as { planHash: string; steps: unknown[] };
    expect(r.outputs).toMatchObject({
      status: 'changes',
      'failure-reason': '',
      'plan-hash': plan.planHash,
      'has-changes': 'true',
      'create-count': '2',
      'change-count': '0',
      'destroy-count': '0',
      'refused-count': '0',
      drift: '',
      'current-path': join(w.workspace, '.hvc/out/vms.yaml/current.json'),
      'plan-path': join(w.workspace, '.hvc/out/vms.yaml/plan.json'),
      'result-path': join(w.workspace, '.hvc/out/vms.yaml/result.json'),
    });
    // Nothing on the host changed: the one operation was the observation.
    expect(w.host()).toBe(before);
    expect(w.operations()).toBe(1);

    // The artifact: what was uploaded is exactly what is on disk.
    const art = harness.artifacts.artifacts.find((a) => String(a.id) === r.outputs['artifact-id'])!;
    expect(art.name).toBe('hyperv-converge-vms.yaml');
    expect(harness.artifacts.violations).toEqual([]);
    const files = unzipEntries(art.zip!);
    expect([...files.keys()].sort()).toEqual(['current.json', 'plan.json', 'result.json']);
    for (const [name, data] of files) expect(data.toString('utf8')).toBe(readFileSync(join(w.workspace, '.hvc/out/vms.yaml', name), 'utf8'));
    expect(r.outputs['artifact-url']).toBe(`https://github.com/Codertocat/Hello-World/actions/runs/${r.runId}/artifacts/${art.id}`);

    // One comment, by the token's identity, with the plan and its hash.
    expect(w.gh.violations).toEqual([]);
    expect(w.gh.comments).toHaveLength(1);
    const c = w.gh.comments[0]!;
    expect(c.user.login).toBe('github-actions[bot]');
    expect(c.body.startsWith(stickyMarker('vms.yaml'))).toBe(true);
    expect(c.body).toContain('**📋 Planned** — 4 step(s) planned'); // create + start per VM
    expect(c.body).toContain('| 2 | 0 | 0 | 0 | 0 |');
    expect(c.body).toContain(`Plan hash \`${plan.planHash}\``);
    expect(c.body).toContain(`[Run](https://github.com/Codertocat/Hello-World/actions/runs/${r.runId})`);
    expect(c.body).toContain(`[Artifact](${r.outputs['artifact-url']})`);
    expect(c.body).toContain('<details><summary>`app-1` — ');
    const rec = parseReviewedData(c.body)!;
    expect(rec).toMatchObject({ planHash: plan.planHash, config: 'vms.yaml', headSha: event.sha });
    expect(Object.keys(rec.vms!).sort()).toEqual(['app-1', 'app-2']);
    expect(r.outputs['comment-url']).toBe(`https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${c.id}`);
    // The token never reaches what the action writes.
    expect(c.body).not.toContain('ghs_loopback');
    // In the log only as the runner's mask command (the runner then masks it everywhere).
    expect(r.stdout.split('\n').filter((l) => l.includes('ghs_loopback'))).toEqual(['::add-mask::ghs_loopbackTokenForTests0123456789']);

    // The job summary: the same report.
    expect(r.summary).toContain('**📋 Planned**');
    expect(r.summary).toContain(plan.planHash);
    // Progress grouped by phase.
    for (const g of ['Gate', 'Load config', 'Observe', 'Plan', 'Upload artifact', 'Pull request comment']) expect(r.stdout).toContain(`::group::${g}`);
  });

  it('edits the same comment in place on the next run, and ignores look-alikes by others', async () => {
    const event = pullRequestOpened();
    // Someone pastes the marker into their own comment: it must not be taken over.
    w.gh.addComment(2, `${stickyMarker('vms.yaml')}\nfake`, { login: 'mallory', type: 'User' });
    const first = w.gh.comments[0]!;
    const r = await w.run(event, { mode: 'plan' });
    expect(r.code).toBe(0);
    expect(w.gh.comments).toHaveLength(2);
    expect(w.gh.comments.find((c) => c.user.login === 'mallory')!.body).toContain('fake');
    expect(w.gh.writes().filter((q) => q.method === 'post' && q.route.endsWith('/comments'))).toHaveLength(1); // the first run only
    expect(r.outputs['comment-url']).toContain(`issuecomment-${first.id}`);
    expect(w.gh.violations).toEqual([]);
  });

  it('reports config errors as annotations at the file and line, and fails with invalid-config', async () => {
    const event = pullRequestOpened();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(w.workspace, 'vms.yaml'), 'version: 1\nproject: gate\nvms:\n  - name: app-1\n    cpuz: 4\n');
    const before = w.host();
    const r = await w.run(event, { mode: 'plan' });
    expect(r.code).toBe(1);
    expect(r.outputs['failure-reason']).toBe('invalid-config');
    expect(r.annotations.some((a) => /^::error file=vms\.yaml,line=5,col=5/.test(a) || /^::error .*file=vms\.yaml.*line=5/.test(a))).toBe(true);
    expect(w.host()).toBe(before);
    const c = w.gh.comments.find((x) => x.user.login === 'github-actions[bot]')!;
    expect(c.body).toContain('**❌ Failed**');
    expect(c.body).toContain('#### Config problems');
  });
});

describe('with a personal token (GraphQL viewer names the user)', () => {
  let w: World;
  afterAll(() => w?.close());

  it('keeps its comment under its own login and ignores github-actions[bot] comments with the marker', async () => {
    const event = pullRequestOpened();
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event, identity: { login: 'hvc-bot', type: 'User' } });
    w.gh.addComment(2, `${stickyMarker('vms.yaml')}\nfrom another workflow`, { login: 'github-actions[bot]', type: 'Bot' });
    const r = await w.run(event, { mode: 'plan' });
    expect(r.code).toBe(0);
    expect(w.gh.requests.some((q) => q.route === 'POST /graphql' && /viewer/.test(String((q.body as { query?: string }).query)))).toBe(true);
    const mine = w.gh.comments.filter((c) => c.user.login === 'hvc-bot');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain('**📋 Planned**');
    expect(w.gh.comments.find((c) => c.user.type === 'Bot')!.body).toContain('from another workflow');
    expect(w.gh.violations).toEqual([]);
  });
});

describe('wrong inputs', () => {
  let w: World;
  afterAll(() => w?.close());

  it('are a usage failure before anything observes the host or writes to GitHub', async () => {
    const event = pullRequestOpened();
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event });
    const before = w.host();
    const ops = w.operations();
    const cases: [Record<string, string>, string][] = [
      [{ mode: 'destroy' }, "input 'mode' must be plan, apply, drift or reconcile, got 'destroy'"],
      [{ mode: 'PLAN' }, "input 'mode' must be plan, apply, drift or reconcile, got 'PLAN'"],
      [{ backend: 'vmware' }, "input 'backend' must be hyperv"],
      [{ 'fail-on-drift': 'maybe' }, "input 'fail-on-drift' must be true or false"],
      [{ 'required-approvals': '0' }, "input 'required-approvals' must be a whole number from 1 to 100"],
      [{ 'plan-hash': 'abc' }, "input 'plan-hash' must look like sha256:<64 hex>"],
    ];
    for (const [inputs, message] of cases) {
      const r = await w.run(event, inputs);
      expect([inputs, r.code, r.outputs['failure-reason'], r.outputs.status]).toEqual([inputs, 1, 'usage', 'refused']);
      expect(r.summary).toContain(message);
      expect(r.annotations.join('\n')).toContain(message);
    }
    expect(w.host()).toBe(before);
    expect(w.operations()).toBe(ops);
    expect(w.gh.requests).toEqual([]);
  });
});

describe('mode reconcile', () => {
  let w: World;
  afterAll(() => w?.close());

  it('is held to the apply gate on an unapproved pull request; a dry run is not, and needs an ssh section', async () => {
    const event = pullRequestOpened();
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event });
    const before = w.host();
    const ops = w.operations();
    const gated = await w.run(event, { mode: 'reconcile' });
    expect([gated.code, gated.outputs.status, gated.outputs['failure-reason']]).toEqual([1, 'refused', 'not-approved']);
    expect(w.operations()).toBe(ops);
    const dry = await w.run(event, { mode: 'reconcile', 'dry-run': 'true', comment: 'false' });
    expect([dry.code, dry.outputs['failure-reason']]).toEqual([1, 'usage']);
    expect(dry.summary).toContain('has no ssh section');
    expect(w.host()).toBe(before);
  });
});

describe('the lab example (examples/lab) on a pull request', () => {
  let w: World;
  afterAll(() => w?.close());

  it('shows the plan with its safety findings, fails the check with safety-refused, and changes nothing', async () => {
    const event = pullRequestOpened();
    w = await makeWorld({
      bundle: harness.bundle,
      artifacts: harness.artifacts,
      event,
      config: readFileSync(join(ROOT, 'examples', 'lab', 'vms.yaml'), 'utf8'),
      seed: JSON.parse(readFileSync(join(ROOT, 'examples', 'lab', 'host.json'), 'utf8')),
    });
    const before = w.host();
    const r = await w.run(event, { mode: 'plan' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ 'failure-reason': 'safety-refused', 'has-changes': 'true', 'create-count': '1', 'destroy-count': '1' });
    expect(Number(r.outputs['refused-count'])).toBeGreaterThan(0);
    expect(w.host()).toBe(before);
    const body = w.gh.comments[0]!.body;
    expect(body).toMatch(/\*\*📋 Planned\*\* — \d+ step\(s\) planned; \d+ refused or blocked/);
    expect(body).toContain('> **Failure reason:** `safety-refused`');
    expect(body).toContain('`prod-db-1` **refused** (`protected`)');
    expect(body).toContain('`legacy-app` **refused** (`unmanaged`)');
    expect(body).toContain('<details><summary>`old-1` — 2 steps (stop, remove)</summary>');
    // The reviewed record is kept for an apply to match.
    expect(parseReviewedData(body)!.planHash).toBe(r.outputs['plan-hash']);
  });
});
