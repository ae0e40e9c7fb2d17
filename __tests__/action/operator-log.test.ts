// What an operator reads from the action (issue 13), on the bundle: the plan in the log before any
// step, a drift run saying so in the log, a destroy warning at the top of the PR comment, and the
// `comment: changes-only` mode that writes no comment for a plan without changes.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorld, type World } from '../support/action-world.js';
import { pullRequestOpened, pushToDefaultBranch, schedule } from '../support/payloads.js';
import { actionHarness, ROOT } from '../support/run-action.js';

const harness = actionHarness();
const worlds: World[] = [];
afterAll(async () => {
  for (const w of worlds) await w.close();
});
const labWorld = async (event: ReturnType<typeof pullRequestOpened>) => {
  const w = await makeWorld({
    bundle: harness.bundle,
    artifacts: harness.artifacts,
    event,
    config: readFileSync(join(ROOT, 'examples', 'lab', 'vms.yaml'), 'utf8'),
    seed: JSON.parse(readFileSync(join(ROOT, 'examples', 'lab', 'host.json'), 'utf8')),
  });
  worlds.push(w);
  return w;
};

describe('the action log and the PR comment', () => {
  it('plan: the plan is in the log; the comment warns at the top that a VM is destroyed', async () => {
    const event = pullRequestOpened();
    const w = await labWorld(event);
    const r = await w.run(event, { mode: 'plan', 'upload-artifact': 'false' });
    const group = /::group::Planned changes\n([\s\S]*?)::endgroup::/.exec(r.stdout)?.[1] ?? '';
    expect(group).toContain("Plan for project 'lab' on HV-LAB01 (sim)");
    expect(group).toMatch(/ - old-1\n +stop/);
    expect(group).toContain('Plan: 1 to create, 2 to change, 1 to destroy, 3 refused/blocked; 0 unchanged.');
    expect(group).toContain(`plan hash ${r.outputs['plan-hash']}`);
    const body = w.gh.comments[0]!.body;
    const warning = body.indexOf('> **This plan destroys 1 VM:** `old-1`.');
    expect(warning).toBeGreaterThan(0);
    expect(body.lastIndexOf('> [!WARNING]', warning)).toBeGreaterThan(0);
    expect(warning).toBeLessThan(body.indexOf('| Create | Change | Destroy |'));
  });

  it('a plan without a removal has no destroy warning', async () => {
    const event = pullRequestOpened();
    const w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event });
    worlds.push(w);
    await w.run(event, { mode: 'plan', 'upload-artifact': 'false' });
    expect(w.gh.comments[0]!.body).not.toContain('[!WARNING]');
  });

  it('drift: the log says that drift was found, and later that there is none', async () => {
    const w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event: schedule() });
    worlds.push(w);
    const drifted = await w.run(schedule(), { mode: 'drift', 'upload-artifact': 'false' });
    expect(drifted.outputs.drift).toBe('true');
    expect(drifted.stdout).toMatch(/::warning[^:]*::drift: the host differs from vms\.yaml: 4 step\(s\) to converge, 0 refused or blocked/);
    expect(drifted.stdout).toContain('::group::Planned changes');
    const push = pushToDefaultBranch();
    // No merged PR carries a reviewed plan here: this workflow lets a push apply what the branch holds.
    expect((await w.run(push, { mode: 'apply', 'upload-artifact': 'false', 'push-requires-reviewed-plan': 'false' })).outputs.status).toBe('applied');
    const clean = await w.run(schedule(), { mode: 'drift', 'upload-artifact': 'false' });
    expect(clean.outputs.drift).toBe('false');
    expect(clean.stdout).toContain('drift: none — the host matches vms.yaml');
  });

  it('comment: changes-only writes no comment for a plan without changes, but one for a plan with changes', async () => {
    const event = pullRequestOpened();
    const w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event });
    worlds.push(w);
    const changes = await w.run(event, { mode: 'plan', comment: 'changes-only', 'upload-artifact': 'false' });
    expect(changes.outputs['has-changes']).toBe('true');
    expect(w.gh.comments).toHaveLength(1);
    // Once the host matches: no new comment, and the log says why; an existing comment is still kept current.
    await w.run(pushToDefaultBranch(), { mode: 'apply', 'upload-artifact': 'false', comment: 'false', 'push-requires-reviewed-plan': 'false' });
    const w2 = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event, seed: JSON.parse(w.host()) });
    worlds.push(w2);
    const quiet = await w2.run(event, { mode: 'plan', comment: 'changes-only', 'upload-artifact': 'false' });
    expect(quiet.outputs['has-changes']).toBe('false');
    expect(quiet.stdout).toContain('no pull request comment: the plan has no changes (comment: changes-only)');
    expect(w2.gh.comments).toHaveLength(0);
    const updated = await w.run(event, { mode: 'plan', comment: 'changes-only', 'upload-artifact': 'false' });
    expect(updated.outputs['has-changes']).toBe('false');
    expect(w.gh.comments).toHaveLength(1);
    expect(w.gh.comments[0]!.body).toContain('0 | 0 | 0 | 0 | 2 |');
    const bad = await w.run(event, { mode: 'plan', comment: 'sometimes' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("input 'comment' must be true, false or changes-only");
  });
});
