// The network side of the VM surface (issue 14), attacked through the REAL agent script in pwsh over
// the Hyper-V double: adapters (add, remove, set, at create), VLANs and guards, switches and their NAT.
// Every refusal is checked to leave the host as it was. Each case failed on the agent before it
// answered these operations ('unsupported', or the observation lacked the fields).
import { expect, it } from '@jest/globals';
import type { SimSeed, SimVmSeed } from '../../src/backends/sim/state.js';
import type { CreateVmArgs, HostOperation } from '../../src/core/plan/operations.js';
import type { OperationOutcome } from '../../src/core/ports.js';
import { AgentBackend } from '../../src/backends/agent-backend.js';
import { hypervAgentCommand } from '../../src/backends/hyperv/launch.js';
import { doubleHostPerTest, type DoubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';

const MiB = 1024 ** 2;
const ID = '5e7a0c1d-0000-4000-8000-00000000000';

const base = (seed: SimSeed): SimSeed => ({
  switches: [
    { name: 'lab-net', type: 'External' },
    { name: 'lab1', type: 'Internal' },
  ],
  folders: ['D:\\vms'],
  ...seed,
});
const nic = (name: string, over: Record<string, unknown> = {}) => ({ name, switch: 'lab-net', mac: '00155D000001', dynamicMac: true, ips: [], vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false, ...over });
const vm = (n: number, over: Partial<SimVmSeed> = {}): SimVmSeed => ({ id: `${ID}${n}`, name: `vm-${n}`, notes: 'hyperv-converge: project=t', path: `D:\\vms\\vm-${n}`, adapters: [nic('lan')] as SimVmSeed['adapters'], ...over });
const createArgs = (name: string, over: Partial<CreateVmArgs> = {}): CreateVmArgs => ({
  name,
  generation: 2,
  cpus: 1,
  memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB },
  path: 'D:\\vms',
  switch: null,
  mac: null,
  secureBoot: true,
  notes: 'hyperv-converge: project=t',
  disk: null,
  ...over,
});

describePwsh('network surface of the real agent over the Hyper-V double', (pwsh) => {
  const { fresh, track } = doubleHostPerTest(pwsh);
  const host = (seed: SimSeed) => {
    const { dbl, b } = fresh(base(seed));
    const run = async (op: HostOperation): Promise<OperationOutcome> => (await b.runner(1)).run(op, 60_000);
    const observe = () => b.observe({ paths: [], neighbors: false });
    return { dbl, b, run, observe };
  };
  /** The double's host state without what a refused request may legitimately touch (nothing). */
  const snapshot = (d: DoubleHost) => JSON.stringify({ vms: d.state().vms, switches: d.state().host.switches, net: (d.state().host.double as { net?: unknown } | undefined)?.net ?? null });

  it('create with adapters: the first is New-VM\'s adapter renamed, the rest are added; VLAN, guards and static MAC observed back', async () => {
    const { dbl, run, observe } = host({});
    const made = await run({
      op: 'vm.create',
      args: createArgs('multi', {
        adapters: [
          { name: 'lan', switch: 'lab-net', mac: null, vlan: null },
          { name: 'storage', switch: 'lab1', mac: '00-15-5D-0A-0B-0C', vlan: 20, macSpoofing: true, dhcpGuard: true, routerGuard: true },
          { name: 'spare', switch: null, mac: null },
        ],
      }),
    });
    expect(made).toMatchObject({ ok: true });
    const before = dbl.calls();
    const o = await observe();
    const got = o.vms.find((v) => v.name === 'multi')!;
    expect(got.adapters.map(({ ips: _ips, mac: _mac, ...a }) => a)).toEqual([
      { name: 'lan', switch: 'lab-net', dynamicMac: true, vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false },
      { name: 'storage', switch: 'lab1', dynamicMac: false, vlan: 20, macSpoofing: true, dhcpGuard: true, routerGuard: true },
      { name: 'spare', switch: null, dynamicMac: true, vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false },
    ]);
    expect(got.adapters[1]!.mac).toBe('00155D0A0B0C');
    // VLANs come from ONE host-wide Get-VMNetworkAdapterVlan call, not one per VM or adapter.
    const after = dbl.calls();
    expect((after['Get-VMNetworkAdapterVlan'] ?? 0) - (before['Get-VMNetworkAdapterVlan'] ?? 0)).toBe(1);
  });

  it('create with an empty adapter list leaves the VM without adapters; a bad adapter refuses the create and leaves nothing behind', async () => {
    const { dbl, run, observe } = host({});
    expect(await run({ op: 'vm.create', args: createArgs('none', { adapters: [] }) })).toMatchObject({ ok: true });
    expect((await observe()).vms.find((v) => v.name === 'none')!.adapters).toEqual([]);
    const snap = snapshot(dbl);
    for (const [adapters, code] of [
      [[{ name: 'a', switch: 'no-such-switch', mac: null }], 'not-found'],
      [[{ name: 'a', switch: 'lab[1]', mac: null }], 'not-found'], // a wildcard pattern never selects 'lab1'
      [[{ name: 'a', switch: null, mac: null }, { name: 'A', switch: null, mac: null }], 'invalid-argument'], // names are unique in a VM
      [[{ name: 'a', switch: null, mac: null, vlan: 4095 }], 'invalid-argument'],
      [[{ name: 'a', switch: null, mac: 'not-a-mac' }], 'invalid-argument'],
      [[{ name: 'a', switch: null, mac: null }, { name: 'b', switch: 'lab-net', mac: null, vlan: 0 }], 'invalid-argument'],
    ] as const) {
      const out = await run({ op: 'vm.create', args: createArgs('bad', { adapters: adapters as unknown as CreateVmArgs['adapters'] }) });
      expect(out).toMatchObject({ ok: false, error: { code } });
      expect(snapshot(dbl)).toBe(snap);
    }
  });

  it('the single switch/mac form still works', async () => {
    const { run, observe } = host({});
    expect(await run({ op: 'vm.create', args: createArgs('single', { switch: 'lab1', mac: '00155D112233' }) })).toMatchObject({ ok: true });
    expect((await observe()).vms.find((v) => v.name === 'single')!.adapters).toEqual([
      { name: 'Network Adapter', switch: 'lab1', mac: '00155D112233', dynamicMac: false, ips: [], vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false },
    ]);
  });

  it('generation 2, Running: adapters are added and removed, VLAN and guards change online; a static MAC does not', async () => {
    const { dbl, run, observe } = host({ vms: [vm(1, { state: 'Running' })] });
    const ref = { id: `${ID}1`, name: 'vm-1' };
    expect(await run({ op: 'vm.addAdapter', args: { ...ref, adapter: { name: 'extra', switch: 'lab1', mac: null, vlan: 7, routerGuard: true } } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await run({ op: 'vm.setAdapter', args: { ...ref, adapter: 'lan', vlan: 30, macSpoofing: true, dhcpGuard: true } })).toMatchObject({ ok: true, result: { changed: true } });
    // The same values again: nothing to change, and said so.
    expect(await run({ op: 'vm.setAdapter', args: { ...ref, adapter: 'lan', vlan: 30, macSpoofing: true } })).toMatchObject({ ok: true, result: { changed: false } });
    let got = (await observe()).vms[0]!;
    expect(got.adapters.map((a) => [a.name, a.switch, a.vlan, a.macSpoofing, a.dhcpGuard, a.routerGuard])).toEqual([
      ['lan', 'lab-net', 30, true, true, false],
      ['extra', 'lab1', 7, false, false, true],
    ]);
    // Back to untagged.
    expect(await run({ op: 'vm.setAdapter', args: { ...ref, adapter: 'lan', vlan: null } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await run({ op: 'vm.removeAdapter', args: { ...ref, adapter: 'extra' } })).toMatchObject({ ok: true, result: { changed: true } });
    got = (await observe()).vms[0]!;
    expect(got.adapters.map((a) => [a.name, a.vlan])).toEqual([['lan', null]]);
    expect(got.state).toBe('Running');
    // A static MAC needs the VM off (unchanged rule of vm.setMac).
    const snap = snapshot(dbl);
    expect(await run({ op: 'vm.setMac', args: { ...ref, adapter: 'lan', mac: '00155D445566' } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(snapshot(dbl)).toBe(snap);
  });

  it('refusals change nothing: generation 1 while Running, duplicate name, unknown switch or adapter, VLAN out of range, wrong types', async () => {
    const { dbl, run } = host({ vms: [vm(1, { state: 'Running', generation: 1, secureBoot: null }), vm(2, { state: 'Running' })] });
    const g1 = { id: `${ID}1`, name: 'vm-1' };
    const g2 = { id: `${ID}2`, name: 'vm-2' };
    const snap = snapshot(dbl);
    const refused: [HostOperation, string][] = [
      [{ op: 'vm.addAdapter', args: { ...g1, adapter: { name: 'second', switch: null, mac: null } } }, 'invalid-state'],
      [{ op: 'vm.removeAdapter', args: { ...g1, adapter: 'lan' } }, 'invalid-state'],
      [{ op: 'vm.addAdapter', args: { ...g2, adapter: { name: 'LAN', switch: null, mac: null } } }, 'invalid-argument'],
      [{ op: 'vm.addAdapter', args: { ...g2, adapter: { name: 'x', switch: 'nope', mac: null } } }, 'not-found'],
      [{ op: 'vm.addAdapter', args: { ...g2, adapter: { name: 'x', switch: 'lab-net', mac: null, vlan: 4095 } } }, 'invalid-argument'],
      [{ op: 'vm.removeAdapter', args: { ...g2, adapter: 'nope' } }, 'not-found'],
      [{ op: 'vm.setAdapter', args: { ...g2, adapter: 'nope', vlan: 5 } }, 'not-found'],
      [{ op: 'vm.setAdapter', args: { ...g2, adapter: 'lan', vlan: 0 } }, 'invalid-argument'],
      [{ op: 'vm.setAdapter', args: { ...g2, adapter: 'lan', vlan: 5, dhcpGuard: 'yes' } } as unknown as HostOperation, 'invalid-request'],
      [{ op: 'vm.setAdapter', args: { id: `${ID}9`, name: 'gone', adapter: 'lan', vlan: 5 } }, 'not-found'],
    ];
    for (const [op, code] of refused) {
      const out = await run(op);
      expect({ op: op.op, out }).toMatchObject({ op: op.op, out: { ok: false, error: { code } } });
      expect(snapshot(dbl)).toBe(snap);
    }
    // VLAN and guards do change online on generation 1 too.
    expect(await run({ op: 'vm.setAdapter', args: { ...g1, adapter: null, vlan: 12, dhcpGuard: true } })).toMatchObject({ ok: true });
    expect(dbl.state().vms[0]!.adapters[0]).toMatchObject({ vlan: 12, dhcpGuard: true });
    // Off, generation 1 adds and removes adapters.
    expect(await run({ op: 'vm.stop', args: { ...g1, timeoutSec: 5, turnOffAfterTimeout: true } })).toMatchObject({ ok: true });
    expect(await run({ op: 'vm.addAdapter', args: { ...g1, adapter: { name: 'second', switch: 'lab1', mac: null } } })).toMatchObject({ ok: true });
    expect(await run({ op: 'vm.removeAdapter', args: { ...g1, adapter: 'lan' } })).toMatchObject({ ok: true });
    expect(dbl.state().vms[0]!.adapters.map((a) => `${a.name}:${a.switch}`)).toEqual(['second:lab1']);
  });

  it('switches: Private and Internal created with notes (no NAT unless asked); External, duplicates and bad NAT refused; removal refused while in use', async () => {
    const { dbl, run, observe } = host({ vms: [vm(1)] });
    expect(await run({ op: 'switch.create', args: { name: 'priv', type: 'Private', notes: 'hyperv-converge: project=t', nat: null } })).toMatchObject({ ok: true });
    expect(await run({ op: 'switch.create', args: { name: 'int', type: 'Internal', notes: 'hyperv-converge: project=t', nat: null } })).toMatchObject({ ok: true });
    const sw = (await observe()).host.switches;
    expect(sw.find((w) => w.name === 'priv')).toEqual({ name: 'priv', type: 'Private', notes: 'hyperv-converge: project=t', nat: null });
    expect(sw.find((w) => w.name === 'int')).toEqual({ name: 'int', type: 'Internal', notes: 'hyperv-converge: project=t', nat: null });
    expect(sw.find((w) => w.name === 'lab-net')).toMatchObject({ type: 'External', nat: null });
    const snap = snapshot(dbl);
    const nat = { subnet: '192.168.77.0/24', gateway: '192.168.77.1', prefixLength: 24 };
    const refused: [HostOperation, string][] = [
      [{ op: 'switch.create', args: { name: 'ext', type: 'External', notes: '', nat: null } } as unknown as HostOperation, 'invalid-argument'],
      [{ op: 'switch.create', args: { name: 'PRIV', type: 'Private', notes: '', nat: null } }, 'invalid-argument'],
      [{ op: 'switch.create', args: { name: 'p2', type: 'Private', notes: '', nat } }, 'invalid-argument'],
      [{ op: 'switch.create', args: { name: 'n2', type: 'Internal', notes: '', nat: { subnet: '192.168.77.5/24', gateway: '192.168.77.1', prefixLength: 24 } } }, 'invalid-argument'],
      [{ op: 'switch.create', args: { name: 'n3', type: 'Internal', notes: '', nat: { subnet: '10.9.0.0/16', gateway: '10.8.0.1', prefixLength: 16 } } }, 'invalid-argument'],
      [{ op: 'switch.setNat', args: { name: 'priv', nat } }, 'invalid-argument'],
      [{ op: 'switch.setNat', args: { name: 'nope', nat } }, 'not-found'],
      [{ op: 'switch.remove', args: { name: 'lab-net' } }, 'invalid-argument'],
      [{ op: 'switch.remove', args: { name: 'nope' } }, 'not-found'],
      [{ op: 'switch.remove', args: { name: 'lab-net[' } }, 'not-found'],
    ];
    for (const [op, code] of refused) {
      const out = await run(op);
      expect({ op: op.op, args: op.args, out }).toMatchObject({ op: op.op, out: { ok: false, error: { code } } });
      expect(snapshot(dbl)).toBe(snap);
    }
    // In use: refused, nothing changed; once free, removed.
    expect(await run({ op: 'vm.connectSwitch', args: { id: `${ID}1`, name: 'vm-1', adapter: 'lan', switch: 'priv' } })).toMatchObject({ ok: true });
    const inUse = snapshot(dbl);
    expect(await run({ op: 'switch.remove', args: { name: 'priv' } })).toMatchObject({ ok: false, error: { code: 'invalid-state', message: expect.stringMatching(/vm-1/) } });
    expect(snapshot(dbl)).toBe(inUse);
    expect(await run({ op: 'vm.connectSwitch', args: { id: `${ID}1`, name: 'vm-1', adapter: 'lan', switch: null } })).toMatchObject({ ok: true });
    expect(await run({ op: 'switch.remove', args: { name: 'priv' } })).toMatchObject({ ok: true });
    expect((await observe()).host.switches.map((w) => w.name).sort()).toEqual(['int', 'lab-net', 'lab1']);
  });

  it('NAT: an internal switch with NAT gets its host address and NetNat; the subnet is observed, changed, and goes with the switch', async () => {
    const { dbl, run, observe } = host({});
    const nat = { subnet: '192.168.77.0/24', gateway: '192.168.77.1', prefixLength: 24 };
    expect(await run({ op: 'switch.create', args: { name: 'k3s', type: 'Internal', notes: 'hyperv-converge: project=t', nat } })).toMatchObject({ ok: true });
    expect((await observe()).host.switches.find((w) => w.name === 'k3s')).toEqual({ name: 'k3s', type: 'Internal', notes: 'hyperv-converge: project=t', nat: '192.168.77.0/24' });
    // Another switch may not take an overlapping subnet (WinNAT refuses overlapping internal prefixes).
    const snap = snapshot(dbl);
    expect(await run({ op: 'switch.create', args: { name: 'k3s-2', type: 'Internal', notes: '', nat: { subnet: '192.168.0.0/16', gateway: '192.168.0.1', prefixLength: 16 } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(snapshot(dbl)).toBe(snap);
    // The same NAT again: nothing to do.
    expect(await run({ op: 'switch.setNat', args: { name: 'k3s', nat } })).toMatchObject({ ok: true, result: { changed: false } });
    // A new subnet replaces the old one: address and NetNat.
    expect(await run({ op: 'switch.setNat', args: { name: 'k3s', nat: { subnet: '10.77.0.0/16', gateway: '10.77.0.1', prefixLength: 16 } } })).toMatchObject({ ok: true, result: { changed: true } });
    expect((await observe()).host.switches.find((w) => w.name === 'k3s')!.nat).toBe('10.77.0.0/16');
    const net = (dbl.state().host.double as { net: { nats: { prefix: string }[]; addresses: { alias: string; ip: string }[] } }).net;
    expect(net.nats.map((n) => n.prefix)).toEqual(['10.77.0.0/16']);
    expect(net.addresses.filter((a) => a.alias === 'vEthernet (k3s)').map((a) => a.ip)).toEqual(['10.77.0.1']);
    // Removing the switch removes its NAT too (a NetNat outlives its switch and would block the subnet).
    expect(await run({ op: 'switch.remove', args: { name: 'k3s' } })).toMatchObject({ ok: true });
    const gone = (dbl.state().host.double as { net: { nats: unknown[]; addresses: unknown[] } }).net;
    expect(gone.nats).toEqual([]);
    expect((await observe()).host.switches.some((w) => w.name === 'k3s')).toBe(false);
    // …so the subnet can be used again.
    expect(await run({ op: 'switch.create', args: { name: 'k3s', type: 'Internal', notes: '', nat: { subnet: '10.77.0.0/16', gateway: '10.77.0.1', prefixLength: 16 } } })).toMatchObject({ ok: true });
  });

  it('a seeded internal switch with NAT (simulator seed format) is observed with its subnet', async () => {
    const { observe } = host({ switches: [{ name: 'lab-net', type: 'External' }, { name: 'natted', type: 'Internal', notes: 'hyperv-converge: project=t', nat: '172.30.0.0/24' }] });
    expect((await observe()).host.switches.find((w) => w.name === 'natted')).toEqual({ name: 'natted', type: 'Internal', notes: 'hyperv-converge: project=t', nat: '172.30.0.0/24' });
  });

  it('a NAT that cannot be read is unknown (left out), never "none"; a switch whose NAT cannot be set is not left behind', async () => {
    const { dbl, run, observe } = host({ switches: [{ name: 'natted', type: 'Internal', notes: 'hyperv-converge: project=t', nat: '172.30.0.0/24' }] });
    dbl.knobs({ failCmdlets: { 'Get-NetNat': 'Access is denied' } });
    const o = await observe();
    expect(o.complete).toBe(true);
    expect(o.host.switches).toEqual([{ name: 'natted', type: 'Internal', notes: 'hyperv-converge: project=t' }]);
    dbl.knobs({ failCmdlets: { 'New-NetNat': 'Access is denied' } });
    const before = JSON.stringify({ vms: dbl.state().vms, switches: dbl.state().host.switches });
    const out = await run({ op: 'switch.create', args: { name: 'k3s', type: 'Internal', notes: '', nat: { subnet: '192.168.77.0/24', gateway: '192.168.77.1', prefixLength: 24 } } });
    expect(out).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Access is denied/) } });
    expect(JSON.stringify({ vms: dbl.state().vms, switches: dbl.state().host.switches })).toBe(before);
    // The gateway address it had added went again; the seeded NAT is as it was.
    expect((dbl.state().host.double as { net: unknown }).net).toEqual({ nats: [{ name: 'natted', prefix: '172.30.0.0/24' }], addresses: [{ alias: 'vEthernet (natted)', ip: '172.30.0.1', prefixLength: 24 }] });
  });

  it('an adapter whose VLAN cannot be set is taken out again', async () => {
    const { dbl, run } = host({ vms: [vm(1, { state: 'Running' })] });
    dbl.knobs({ failCmdlets: { 'Set-VMNetworkAdapterVlan': 'the switch port refused the VLAN' } });
    const snap = snapshot(dbl);
    expect(await run({ op: 'vm.addAdapter', args: { id: `${ID}1`, name: 'vm-1', adapter: { name: 'tagged', switch: 'lab1', mac: null, vlan: 40 } } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused the VLAN/) } });
    expect(snapshot(dbl)).toBe(snap);
    expect(dbl.calls()['Remove-VMNetworkAdapter']).toBe(1);
  });

  it('remote host: the NAT is read through the CIM session, renewed once when it broke', async () => {
    const { dbl } = host({ switches: [{ name: 'natted', type: 'Internal', notes: '', nat: '172.30.0.0/24' }] });
    dbl.knobs({ brokenCimSessions: [1] });
    const b = new AgentBackend({ kind: 'hyperv', computerName: 'HV-REMOTE', launch: hypervAgentCommand('HV-REMOTE', { powershell: pwsh, env: { ...process.env, ...dbl.env } }) });
    track(b);
    const o = await b.observe({ paths: [], neighbors: false });
    expect(o.host.switches).toEqual([{ name: 'natted', type: 'Internal', notes: '', nat: '172.30.0.0/24' }]);
    expect(dbl.calls()['New-CimSession']).toBe(2);
  });
});
