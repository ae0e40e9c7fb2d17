// The network side of issue 14 end to end through the built CLI: `plan` and `apply` with
// `--backend hyperv --powershell <pwsh>` drive the REAL agent over the Hyper-V double, for a file that
// declares switches (internal with NAT, private) and VMs with several adapters, VLANs and guards.
// The simulated copy of the same host must decide the same steps; after apply nothing is left to do;
// a change of VLAN, guards, adapters and NAT subnet converges online; removing a switch a VM still
// uses is blocked, and once free it goes with its NAT.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, type SimSeed } from '../../src/backends/sim/state.js';
import { doubleHost, type DoubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';

type Plan = { steps: { vm: string; action: string }[]; refusals: { vm: string; code: string; message: string }[] };
type Result = { converged: boolean; postObservation: Current | null; steps: { vm: string; action: string; outcome: string; error?: { message: string } }[] };
type Current = { complete: boolean; host: { switches: { name: string; type: string; notes?: string; nat?: string | null }[] }; vms: { name: string; state: string; adapters: { name: string; switch: string | null; vlan?: number | null; macSpoofing?: boolean; dhcpGuard?: boolean; routerGuard?: boolean }[] }[] };

const seed: SimSeed = { computerName: 'NET-HV', switches: [{ name: 'uplink', type: 'External' }], folders: ['D:\\Hyper-V\\net'] };

const config = (o: { subnet: string; vlan: number; guard: boolean; second: boolean; privAbsent?: boolean }) => `version: 1
project: net
policy: { allowRestart: false }
switches:
  - name: net-nat
    type: Internal
    nat: { subnet: ${o.subnet} }
  - name: net-priv
    type: Private${o.privAbsent ? '\n    state: absent' : ''}
  - name: uplink
    type: External
defaults: { generation: 2, cpus: 1, memory: 1GB, path: 'D:\\Hyper-V\\net' }
vms:
  - name: gw-1
    networkAdapters:
      - { name: lan, switch: net-nat, vlan: ${o.vlan}, dhcpGuard: ${o.guard}, routerGuard: ${o.guard} }
      - { name: wan, switch: uplink, mac: '00-15-5D-00-AA-01', macSpoofing: true }${o.second ? '\n      - { name: backend, switch: net-priv }' : ''}
`;

describePwsh('CLI over the real agent and the Hyper-V double: switches, NAT, adapters and VLANs', (pwsh) => {
  let dbl: DoubleHost;
  let dir: string;
  const approve = (cmd: string) => (cmd === 'apply' ? ['--auto-approve'] : []);
  const hv = (cmd: string, out: string) => runCli([cmd, ...approve(cmd), '--config', 'net.yaml', '--backend', 'hyperv', '--powershell', pwsh, '--out', out], { cwd: dir, env: dbl.env });
  const sim = (cmd: string, out: string) => runCli([cmd, ...approve(cmd), '--config', 'net.yaml', '--backend', 'sim', '--sim-state', 'sim-host.json', '--out', out], { cwd: dir });
  const steps = (out: string) => readJson<Plan>(join(dir, out, 'plan.json')).steps.map((s) => `${s.vm}:${s.action}`);

  beforeAll(() => {
    dir = tempDir();
    dbl = doubleHost(pwsh, seed);
    createSimState(join(dir, 'sim-host.json'), seed);
  });
  afterAll(() => dbl.cleanup());

  it('plan and apply: the same steps as the simulator; switches, NAT and adapters end as declared; then nothing is left to do', async () => {
    writeFileSync(join(dir, 'net.yaml'), config({ subnet: '192.168.77.0/24', vlan: 20, guard: true, second: true }));
    const hp = await hv('plan', 'hv-plan-1');
    const sp = await sim('plan', 'sim-plan-1');
    expect(hp.code).toBe(sp.code);
    expect(steps('hv-plan-1')).toEqual(steps('sim-plan-1'));
    expect(steps('hv-plan-1')).toEqual(expect.arrayContaining(['switch:net-nat:create-switch', 'switch:net-priv:create-switch', 'gw-1:create']));
    const ha = await hv('apply', 'hv-apply-1');
    const r = readJson<Result>(join(dir, 'hv-apply-1', 'result.json'));
    expect(r.steps.filter((s) => s.outcome !== 'succeeded')).toEqual([]);
    expect(r.converged).toBe(true);
    expect(ha.code).toBe(0);
    const cur = readJson<Result>(join(dir, 'hv-apply-1', 'result.json')).postObservation!;
    expect(cur.host.switches.find((w) => w.name === 'net-nat')).toMatchObject({ type: 'Internal', nat: '192.168.77.0/24', notes: expect.stringMatching(/hyperv-converge: project=net/) });
    expect(cur.host.switches.find((w) => w.name === 'net-priv')).toMatchObject({ type: 'Private', nat: null });
    const gw = cur.vms.find((v) => v.name === 'gw-1')!;
    expect(gw.state).toBe('Running');
    expect(gw.adapters.map((a) => [a.name, a.switch, a.vlan, a.macSpoofing, a.dhcpGuard, a.routerGuard])).toEqual([
      ['lan', 'net-nat', 20, false, true, true],
      ['wan', 'uplink', null, true, false, false],
      ['backend', 'net-priv', null, false, false, false],
    ]);
    // The simulator, applying the same file to its copy of the host, ends the same way.
    await sim('apply', 'sim-apply-1');
    const sr = readJson<Result>(join(dir, 'sim-apply-1', 'result.json'));
    expect(sr.steps.map((s) => `${s.vm}:${s.action}:${s.outcome}`)).toEqual(r.steps.map((s) => `${s.vm}:${s.action}:${s.outcome}`));
    expect(sr.converged).toBe(true);
    const again = await hv('plan', 'hv-plan-2');
    expect(steps('hv-plan-2')).toEqual([]);
    expect(again.code).toBe(0);
  }, 300_000);

  it('online changes: VLAN, guards, an adapter removed and the NAT subnet changed while the VM runs; a switch still in use is not removed', async () => {
    writeFileSync(join(dir, 'net.yaml'), config({ subnet: '10.77.0.0/16', vlan: 30, guard: false, second: false, privAbsent: true }));
    await sim('plan', 'sim-plan-2');
    await hv('apply', 'hv-apply-2');
    const p = readJson<Plan>(join(dir, 'hv-apply-2', 'plan.json'));
    expect(p.steps.map((s) => `${s.vm}:${s.action}`)).toEqual(steps('sim-plan-2'));
    // net-priv is observed in use by gw-1's backend adapter (removed by this very apply): blocked, never removed.
    expect(p.refusals.map((x) => `${x.vm}:${x.code}:${x.message}`)).toEqual([expect.stringMatching(/^switch:net-priv:switch-in-use:.*gw-1/)]);
    const r = readJson<Result>(join(dir, 'hv-apply-2', 'result.json'));
    expect(r.steps.map((s) => `${s.vm}:${s.action}:${s.outcome}`).sort()).toEqual(['gw-1:remove-adapter:succeeded', 'gw-1:set-adapter:succeeded', 'switch:net-nat:set-switch-nat:succeeded']);
    const cur = readJson<Result>(join(dir, 'hv-apply-2', 'result.json')).postObservation!;
    expect(cur.host.switches.find((w) => w.name === 'net-nat')!.nat).toBe('10.77.0.0/16');
    expect(cur.host.switches.some((w) => w.name === 'net-priv')).toBe(true);
    expect(cur.vms[0]!.state).toBe('Running'); // no restart for any of it
    expect(cur.vms[0]!.adapters.map((a) => [a.name, a.vlan, a.dhcpGuard])).toEqual([
      ['lan', 30, false],
      ['wan', null, false],
    ]);
  }, 300_000);

  it('once free, the switch is removed; the NAT of the other stays', async () => {
    await hv('apply', 'hv-apply-3');
    const p = readJson<Plan>(join(dir, 'hv-apply-3', 'plan.json'));
    expect(p.steps.map((s) => `${s.vm}:${s.action}`)).toEqual(['switch:net-priv:remove-switch']);
    expect(readJson<Result>(join(dir, 'hv-apply-3', 'result.json')).steps.map((s) => s.outcome)).toEqual(['succeeded']);
    const cur = readJson<Result>(join(dir, 'hv-apply-3', 'result.json')).postObservation!;
    expect(cur.host.switches.map((w) => w.name).sort()).toEqual(['net-nat', 'uplink']);
    expect((dbl.state().host.double as { net: { nats: { prefix: string }[] } }).net.nats.map((n) => n.prefix)).toEqual(['10.77.0.0/16']);
  }, 300_000);
});
