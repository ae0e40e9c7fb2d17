// Drift detection on a schedule, end to end on the bundle: drift is an output apart from errors, and
// one issue per config is opened, left alone while the drift is the same, edited in place (no new
// notification) when it changes, and closed with a comment when it clears.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftMarker, fingerprintIn } from '../../src/action/drift-issue.js';
import { GATE_CONFIG, makeWorld, type World } from '../support/action-world.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service.js';
import { pushToDefaultBranch, schedule } from '../support/payloads.js';
import { actionBundle } from '../support/run-action.js';

let bundle: { file: string; dir: string | null };
let artifacts: ArtifactService;
let w: World;
beforeAll(async () => {
  [bundle, artifacts] = await Promise.all([actionBundle(), startArtifactService()]);
  w = await makeWorld({ bundle: bundle.file, artifacts, event: schedule() });
}, 180_000);
afterAll(async () => {
  await w?.close();
  await artifacts?.close();
  if (bundle?.dir) rmSync(bundle.dir, { recursive: true, force: true });
});

const DRIFT = { mode: 'drift', 'drift-issue': 'true', 'drift-issue-label': 'drift' };
const issueWrites = () => w.gh.writes().filter((q) => q.route.includes('/issues'));

describe('mode drift on a schedule', () => {
  let fingerprint: string;

  it('opens one issue when the host drifts; drift is not an error', async () => {
    const before = w.host();
    const r = await w.run(schedule(), DRIFT);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ drift: 'true', 'failure-reason': '', status: 'changes', 'has-changes': 'true' });
    expect(w.host()).toBe(before);
    expect(w.gh.issues).toHaveLength(1);
    const issue = w.gh.issues[0]!;
    expect(issue).toMatchObject({ state: 'open', labels: ['drift'], title: 'Drift: the Hyper-V host differs from vms.yaml' });
    expect(issue.body.startsWith(driftMarker('vms.yaml'))).toBe(true);
    expect(issue.body).toContain('**⚠️ Drift**');
    expect(issue.body).toContain('<details><summary>`app-1` — 2 steps (create, start)</summary>');
    expect(r.outputs['drift-issue-url']).toBe(`https://github.com/Codertocat/Hello-World/issues/${issue.number}`);
    fingerprint = fingerprintIn(issue.body)!;
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.summary).toContain('**⚠️ Drift**');
    expect(w.gh.violations).toEqual([]);
  });

  it('leaves the issue alone while the drift is the same (no edit, no comment)', async () => {
    const writes = issueWrites().length;
    const r = await w.run(schedule(), DRIFT);
    expect(r.outputs.drift).toBe('true');
    expect(issueWrites()).toHaveLength(writes);
    expect(w.gh.issues).toHaveLength(1);
    expect(r.stdout).toContain('drift issue: unchanged');
  });

  it('edits the body in place when the drift changes, without a new issue or comment', async () => {
    writeFileSync(join(w.workspace, 'vms.yaml'), GATE_CONFIG.replace('cpus: 4', 'cpus: 6'));
    const writes = issueWrites().length;
    const r = await w.run(schedule(), DRIFT);
    expect(r.outputs.drift).toBe('true');
    const added = issueWrites().slice(writes);
    expect(added.map((q) => q.route)).toEqual(['PATCH /repos/{owner}/{repo}/issues/{issue_number}']);
    expect(Object.keys(added[0]!.body as object)).toEqual(['body']);
    expect(w.gh.issues).toHaveLength(1);
    const fp = fingerprintIn(w.gh.issues[0]!.body)!;
    expect(fp).not.toBe(fingerprint);
    expect(w.gh.comments).toHaveLength(0);
  });

  it('fails the job on drift only when fail-on-drift is set, still without a failure reason', async () => {
    const r = await w.run(schedule(), { ...DRIFT, 'fail-on-drift': 'true' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ drift: 'true', 'failure-reason': '' });
  });

  it('keeps errors apart from drift: a broken config is a failure with drift unknown, and the issue is untouched', async () => {
    const good = readFileSync(join(w.workspace, 'vms.yaml'), 'utf8');
    writeFileSync(join(w.workspace, 'vms.yaml'), 'version: 1\nproject: gate\nvms: 7\n');
    const writes = issueWrites().length;
    const r = await w.run(schedule(), DRIFT);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ drift: '', 'failure-reason': 'invalid-config' });
    expect(issueWrites()).toHaveLength(writes);
    writeFileSync(join(w.workspace, 'vms.yaml'), good);
  });

  it('closes the issue with a comment once the host matches again', async () => {
    const applied = await w.run(pushToDefaultBranch(), { mode: 'apply', 'push-requires-reviewed-plan': 'false' });
    expect(applied.outputs.status).toBe('applied');
    const r = await w.run(schedule(), DRIFT);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ drift: 'false', 'has-changes': 'false', status: 'no-changes' });
    const issue = w.gh.issues[0]!;
    expect(issue.state).toBe('closed');
    expect(w.gh.comments).toHaveLength(1);
    expect(w.gh.comments[0]!.body).toMatch(/^Drift cleared: the host matches `vms.yaml` again \(\[run\]\(https:\/\/github.com\/Codertocat\/Hello-World\/actions\/runs\/\d+\)\)\. Closing\.$/);
    expect(r.summary).toContain('**✅ No drift**');
    // And with no drift and no open issue, nothing is written.
    const writes = w.gh.writes().length;
    await w.run(schedule(), DRIFT);
    expect(w.gh.writes()).toHaveLength(writes);
    expect(w.gh.violations).toEqual([]);
  });
});
