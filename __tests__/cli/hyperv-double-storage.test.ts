// The storage and settings surface end to end through the built CLI and the REAL agent in pwsh over the
// Hyper-V double (`--backend hyperv --powershell`), beside the simulator on a copy of the same host:
// a created VM with a data disk, a cloud-init seed and settings, then a running VM whose seed changes
// (eject → write → insert) and which gains a data disk online. Both must plan the same steps, apply
// them all, converge, and plan nothing afterwards.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimSeed } from '../../src/backends/sim/state.js';
import { doubleHost, type DoubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';

type Plan = { steps: { vm: string; action: string }[]; refusals: { vm: string; reason: string }[] };
type Result = { converged: boolean; remaining: unknown[]; steps: { vm: string; action: string; outcome: string; error?: unknown }[] };
const steps = (p: Plan) => p.steps.map((s) => `${s.vm}:${s.action}`);
const GiB = 1024 ** 3;

const seed: SimSeed = {
  switches: [{ name: 'lab-net', type: 'Internal' }],
  folders: ['D:\\Hyper-V\\st'],
  files: { 'D:\\images\\base.vhdx': { sizeBytes: 10 * GiB } },
};
const config = (hostname: string, extraDisk: boolean) => `version: 1
project: st
defaults:
  generation: 2
  cpus: 2
  memory: 2GB
  switch: lab-net
  image: D:\\images\\base.vhdx
  disk: { strategy: differencing }
  path: D:\\Hyper-V\\st
policy:
  allowRestart: false
vms:
  - name: store-1
    memory: { startup: 2GB, minimum: 1GB, maximum: 4GB }
    dataDisks:
      - size: 4GB
${extraDisk ? '      - size: 2GB\n' : ''}    cloudInit:
      userData: |
        #cloud-config
        hostname: ${hostname}
    secureBootTemplate: MicrosoftUEFICertificateAuthority
    tpm: true
    checkpointType: Standard
    automaticStopAction: ShutDown
    memoryWeight: 7000
    memoryBuffer: 30
    integrationServices: { 2A34B1C2-FD73-4043-8A5B-DD2159BC743F: false }
`;

describePwsh('CLI over the real agent and the Hyper-V double: data disks, cloud-init seed, settings', (pwsh) => {
  let dbl: DoubleHost;
  let dir: string;
  const hv = (cmd: string, out: string) => runCli([cmd, ...(cmd === 'apply' ? ['--auto-approve'] : []), '--config', 'st/vms.yaml', '--backend', 'hyperv', '--powershell', pwsh, '--out', out], { cwd: dir, env: dbl.env });
  const sim = (cmd: string, out: string) => runCli([cmd, ...(cmd === 'apply' ? ['--auto-approve'] : []), '--config', 'st/vms.yaml', '--backend', 'sim', '--out', out], { cwd: dir });
  const write = (text: string) => writeFileSync(join(dir, 'st', 'vms.yaml'), text);

  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'st'), { recursive: true });
    writeFileSync(join(dir, 'st', 'host.json'), JSON.stringify(seed));
    write(config('store-1', false));
    dbl = doubleHost(pwsh, seed);
  });
  afterAll(() => dbl.cleanup());

  const round = async (tag: string) => {
    const hp = await hv('plan', `hv-plan-${tag}`);
    const sp = await sim('plan', `sim-plan-${tag}`);
    expect(hp.stderr).not.toMatch(/observation-incomplete/);
    const hPlan = readJson<Plan>(join(dir, `hv-plan-${tag}`, 'plan.json'));
    expect(steps(hPlan)).toEqual(steps(readJson<Plan>(join(dir, `sim-plan-${tag}`, 'plan.json'))));
    expect(hp.code).toBe(sp.code);
    const ha = await hv('apply', `hv-apply-${tag}`);
    const sa = await sim('apply', `sim-apply-${tag}`);
    const hr = readJson<Result>(join(dir, `hv-apply-${tag}`, 'result.json'));
    const sr = readJson<Result>(join(dir, `sim-apply-${tag}`, 'result.json'));
    expect(hr.steps.filter((s) => s.outcome !== 'succeeded')).toEqual([]);
    expect(hr.steps.map((s) => `${s.vm}:${s.action}`)).toEqual(sr.steps.map((s) => `${s.vm}:${s.action}`));
    expect({ converged: hr.converged, remaining: hr.remaining }).toEqual({ converged: true, remaining: [] });
    expect(ha.code).toBe(sa.code);
    const again = await hv('plan', `hv-replan-${tag}`);
    expect(steps(readJson<Plan>(join(dir, `hv-replan-${tag}`, 'plan.json')))).toEqual([]);
    expect(again.code).toBe(0);
    return steps(hPlan);
  };

  it('create: the seed image is written, the VM made with its data disk, seed DVD, settings and services, started; nothing left to plan', async () => {
    const planned = await round('create');
    expect(planned).toEqual(expect.arrayContaining(['store-1:write-seed', 'store-1:create', 'store-1:start']));
    const vm = dbl.state().vms.find((v) => v.name === 'store-1')! as unknown as Record<string, unknown> & { disks: { path: string; controllerLocation?: number }[]; dvdDrives: { path: string | null }[] };
    expect(vm).toMatchObject({ state: 'Running', tpm: true, secureBootTemplate: 'MicrosoftUEFICertificateAuthority', checkpointType: 'Standard', automaticStopAction: 'ShutDown', memoryWeight: 7000, memoryBuffer: 30 });
    expect(vm.disks.map((d) => d.controllerLocation ?? 0)).toEqual([0, 1]);
    const iso = vm.dvdDrives[0]!.path!;
    expect(iso).toMatch(/cidata\.iso$/i);
    // The image the agent wrote is the one the plan named (its sha256 in plan.json).
    const plan = readFileSync(join(dir, 'hv-plan-create', 'plan.json'), 'utf8');
    expect(plan).toContain(createHash('sha256').update(readFileSync(dbl.local(iso))).digest('hex'));
  }, 300_000);

  it('change while running: a new seed (eject, write, insert) and a second data disk hot-added, no restart', async () => {
    write(config('store-one', true));
    const before = readFileSync(dbl.local((dbl.state().vms.find((v) => v.name === 'store-1')!.dvdDrives ?? [])[0]!.path!));
    const planned = await round('change');
    expect(planned).not.toContain('store-1:stop');
    expect(planned).toEqual(expect.arrayContaining(['store-1:write-seed', 'store-1:add-disk']));
    const vm = dbl.state().vms.find((v) => v.name === 'store-1')!;
    expect(vm.state).toBe('Running');
    expect(vm.disks).toHaveLength(3);
    const after = readFileSync(dbl.local(vm.dvdDrives![0]!.path!));
    expect(after.equals(before)).toBe(false);
    expect(after.includes(Buffer.from('store-one'))).toBe(true);
  }, 300_000);
});
