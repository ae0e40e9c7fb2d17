// The CLI drives the REAL agent end to end: `plan` and `apply` of the lab example with
// `--backend hyperv --powershell <pwsh>`, the agent started by the real launcher, over the Hyper-V
// double seeded with the lab's recorded host (examples/lab/host.json). The same runs on the simulator
// must decide the same steps: where they differ, the simulator or the double is wrong.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimSeed } from '../../src/backends/sim/state.js';
import { doubleHost, type DoubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';
import { readJson, ROOT, runCli, tempDir } from '../support/run-cli.js';

type Plan = { steps: { vm: string; action: string }[]; refusals: { vm: string; reason: string }[]; counts: Record<string, number> };
const steps = (p: Plan) => p.steps.map((s) => `${s.vm}:${s.action}`);
const refusals = (p: Plan) => p.refusals.map((r) => `${r.vm}:${r.reason}`).sort();

describePwsh('CLI over the real agent in pwsh and the Hyper-V double', (pwsh) => {
  let dbl: DoubleHost;
  let dir: string;
  const seed = JSON.parse(readFileSync(join(ROOT, 'examples', 'lab', 'host.json'), 'utf8')) as SimSeed;
  // apply asks for confirmation on a terminal; these runs have none.
  const approve = (cmd: string) => (cmd === 'apply' ? ['--auto-approve'] : []);
  const hv = (cmd: string, extra: string[] = []) =>
    runCli([cmd, ...approve(cmd), '--config', 'lab/vms.yaml', '--backend', 'hyperv', '--powershell', pwsh, '--out', `out-hv-${cmd}`, ...extra], { cwd: dir, env: dbl.env });
  const sim = (cmd: string) => runCli([cmd, ...approve(cmd), '--config', 'lab/vms.yaml', '--backend', 'sim', '--out', `out-sim-${cmd}`], { cwd: dir });

  beforeAll(() => {
    dir = tempDir();
    cpSync(join(ROOT, 'examples', 'lab'), join(dir, 'lab'), { recursive: true });
    dbl = doubleHost(pwsh, seed);
  });
  afterAll(() => dbl.cleanup());

  it('plan: the same steps and refusals as on the simulated copy of the host', async () => {
    const h = await hv('plan');
    expect(h.stderr).not.toMatch(/observation-incomplete/);
    const s = await sim('plan');
    expect(h.code).toBe(s.code);
    const hp = readJson<Plan>(join(dir, 'out-hv-plan', 'plan.json'));
    const sp = readJson<Plan>(join(dir, 'out-sim-plan', 'plan.json'));
    expect(steps(hp)).toEqual(steps(sp));
    expect(refusals(hp)).toEqual(refusals(sp));
    expect(hp.steps.length).toBeGreaterThan(3);
    const cur = readJson<{ complete: boolean; vms: { name: string; state: string }[] }>(join(dir, 'out-hv-plan', 'current.json'));
    expect(cur.complete).toBe(true);
    expect(cur.vms.map((v) => v.name).sort()).toEqual(seed.vms!.map((v) => v.name).sort());
  });

  it('apply: the real agent changes the double as planned, re-observes and converges', async () => {
    type Result = { converged: boolean; remaining: unknown[]; message: string; steps: { vm: string; action: string; outcome: string; error?: unknown }[] };
    const h = await hv('apply');
    const result = readJson<Result>(join(dir, 'out-hv-apply', 'result.json'));
    expect(result.steps.filter((s) => s.outcome !== 'succeeded')).toEqual([]);
    expect(result.remaining).toEqual([]);
    // The simulator, applying the same plan to its copy of the host, ends the same way.
    const s = await sim('apply');
    const simResult = readJson<Result>(join(dir, 'out-sim-apply', 'result.json'));
    expect(h.code).toBe(s.code);
    expect({ converged: result.converged, message: result.message }).toEqual({ converged: simResult.converged, message: simResult.message });
    expect(result.steps.map((x) => `${x.vm}:${x.action}`)).toEqual(simResult.steps.map((x) => `${x.vm}:${x.action}`));
    const web2 = dbl.state().vms.find((v) => v.name === 'web-2')!;
    expect(web2).toMatchObject({ state: 'Running', path: 'D:\\Hyper-V\\lab\\web-2' });
    expect(web2.notes).toMatch(/hyperv-converge/);
    expect(dbl.state().vms.find((v) => v.name === 'old-1')).toBeUndefined();
    // Its differencing disk really exists, under the VM's folder, with the image as parent.
    const disk = JSON.parse(readFileSync(dbl.local('D:\\Hyper-V\\lab\\web-2\\Virtual Hard Disks\\web-2.vhdx'), 'utf8').split('\n')[0]!);
    expect(disk).toMatchObject({ format: 'VHDX', type: 'Differencing', parentPath: 'D:\\images\\ubuntu-24.04.vhdx' });
  });

  it('plan after apply: nothing left to do but the refusals', async () => {
    const h = await hv('plan');
    const p = readJson<Plan>(join(dir, 'out-hv-plan', 'plan.json'));
    expect(steps(p)).toEqual([]);
    expect(h.code).toBe(3);
  });

  it('finding 6: a .vhd base image: a generation 1 VM gets a .vhd disk and is applied; generation 2 is refused by validation', async () => {
    const cfg = (gen: number) => `version: 1
project: old
defaults: { generation: ${gen}, cpus: 1, memory: 1GB, switch: lab-net, image: 'D:\\images\\legacy.vhd', path: 'D:\\Hyper-V\\old' }
policy: { allowRestart: false }
vms:
  - name: legacy-${gen}
`;
    const d = doubleHost(pwsh, { switches: [{ name: 'lab-net', type: 'External' }], folders: ['D:\\Hyper-V\\old'], files: { 'D:\\images\\legacy.vhd': { sizeBytes: 10 * 1024 ** 3 } } });
    try {
      writeFileSync(join(dir, 'old1.yaml'), cfg(1));
      const a = await runCli(['apply', '--config', 'old1.yaml', '--backend', 'hyperv', '--powershell', pwsh, '--out', 'out-vhd', '--auto-approve'], { cwd: dir, env: d.env });
      const r = readJson<{ steps: { outcome: string; error?: { message: string } }[] }>(join(dir, 'out-vhd', 'result.json'));
      expect(r.steps.map((x) => x.error?.message ?? x.outcome)).toEqual(['succeeded', 'succeeded']);
      expect(a.code).toBe(0);
      expect(d.state().vms[0]!.disks[0]!.path).toBe('D:\\Hyper-V\\old\\legacy-1\\Virtual Hard Disks\\legacy-1.vhd');
      writeFileSync(join(dir, 'old2.yaml'), cfg(2));
      const v = await runCli(['validate', '--config', 'old2.yaml'], { cwd: dir });
      expect(v.code).toBe(1);
      expect(v.stderr).toMatch(/generation 2, which cannot boot from a \.vhd image/);
    } finally {
      d.cleanup();
    }
  });
});
