// The bundle with a 5,000-VM plan (the comment stays under GitHub's limit with its top intact, the
// summary under 1 MiB) and with an SSH key named by the config (masked in the log, never written).
import { afterAll, describe, expect, it } from '@jest/globals';
import { parseReviewedData } from '../../src/action/reviewed-plan.js';
import { GATE_SEED, makeWorld, type World } from '../support/action-world.js';
import { pullRequestOpened } from '../support/payloads.js';
import { actionHarness } from '../support/run-action.js';

const harness = actionHarness();

const header = `version: 1
project: big
defaults:
  cpus: 2
  memory: 2GB
  switch: lab-net
  image: D:\\images\\ubuntu-24.04.vhdx
  path: D:\\Hyper-V\\gate
`;

describe('a 5,000-VM plan on a pull request', () => {
  let w: World;
  afterAll(() => w?.close());

  it('keeps the sticky comment under 65,536 characters and the summary under 1 MiB, cutting detail only', async () => {
    const vms = Array.from({ length: 5000 }, (_, i) => `  - name: vm-${String(i).padStart(4, '0')}\n`).join('');
    const event = pullRequestOpened();
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event, config: `${header}vms:\n${vms}`, seed: GATE_SEED });
    const r = await w.run(event, { mode: 'plan' });
    if (r.code !== 0) throw new Error(r.stdout.split('\n').filter((l) => !l.startsWith('::debug')).slice(-15).join('\n'));
    expect(r.outputs['create-count']).toBe('5000');
    expect(w.gh.violations).toEqual([]);
    const body = w.gh.comments[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('**📋 Planned** — 10000 step(s) planned');
    expect(body).toContain('| 5000 | 0 | 0 | 0 | 0 |');
    expect(body).toContain(`Plan hash \`${r.outputs['plan-hash']}\``);
    expect(body).toContain(`[Artifact](${r.outputs['artifact-url']})`);
    expect(body).toMatch(/_… [\d,]+ more VMs not shown here: the full plan is in the artifact \(plan\.json\)\._/);
    expect(parseReviewedData(body)!.planHash).toBe(r.outputs['plan-hash']);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
    expect(r.summary).toContain(`Plan hash \`${r.outputs['plan-hash']}\``);
  });
});

describe('a config with 10,000 problems', () => {
  let w: World;
  afterAll(() => w?.close());

  it('annotates a bounded number of them, keeps the comment under the limit, and logs the rest', async () => {
    const vms = Array.from({ length: 5000 }, (_, i) => `  - name: vm-${i}\n    cpuz: 2\n`).join('');
    const event = pullRequestOpened();
    w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event, config: `version: 1\nproject: big\nvms:\n${vms}` });
    const r = await w.run(event, { mode: 'plan' });
    expect(r.code).toBe(1);
    expect(r.outputs['failure-reason']).toBe('invalid-config');
    const located = r.annotations.filter((a) => a.startsWith('::error') && a.includes('file=vms.yaml'));
    expect(located).toHaveLength(50);
    expect(located[0]).toMatch(/^::error title=.*,file=vms\.yaml,line=4,col=5::VM .vm-0. has no cpus/);
    expect(r.annotations.length).toBeLessThanOrEqual(51); // + the step's failure line
    const body = w.gh.comments[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('**❌ Failed**');
    expect(body).toMatch(/- … [\d,]+ more problems/);
  });
});

describe('secrets', () => {
  let w: World;
  afterAll(() => w?.close());

  it('masks the key the config names (every line) and writes it nowhere', async () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----';
    const event = pullRequestOpened();
    w = await makeWorld({
      bundle: harness.bundle,
      artifacts: harness.artifacts,
      event,
      config: `${header}ssh:\n  user: ubuntu\n  privateKeyEnv: LAB_SSH_KEY\nvms:\n  - name: vm-1\n`,
    });
    const r = await w.run(event, { mode: 'plan' }, { env: { LAB_SSH_KEY: key } });
    if (r.code !== 0) throw new Error(r.stdout.split('\n').filter((l) => !l.startsWith('::debug')).slice(-15).join('\n'));
    const masks = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    for (const line of key.split('\n')) expect(masks).toContain(`::add-mask::${line}`);
    const secretLine = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
    expect(r.stdout.split('\n').filter((l) => l.includes(secretLine) && !l.startsWith('::add-mask::'))).toEqual([]);
    expect(r.summary).not.toContain(secretLine);
    for (const c of w.gh.comments) expect(c.body).not.toContain(secretLine);
  });
});
