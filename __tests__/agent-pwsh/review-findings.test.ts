// The review findings of issue 10, each attacked by running the REAL agent script in pwsh over the
// Hyper-V double (through the real launcher). Every test here failed on the agent before its fix.
import { expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { SimSeed, SimVmSeed } from '../../src/backends/sim/state.js';
import type { HostOperation } from '../../src/core/plan/operations.js';
import type { OperationOutcome } from '../../src/core/ports.js';
import { AgentBackend } from '../../src/backends/agent-backend.js';
import { hypervAgentCommand } from '../../src/backends/hyperv/launch.js';
import { doubleHost, doubleHostPerTest, type DoubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const ID = '0b3c5a10-0000-4000-8000-00000000000';
const SHUTDOWN = '9F8233AC-BE49-4C79-8EE3-E7E1985B2077';
const services = (over: Record<string, { enabled?: boolean; status?: string }> = {}) =>
  [
    ['84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', 'Heartbeat'],
    ['2A34B1C2-FD73-4043-8A5B-DD2159BC743F', 'Key-Value Pair Exchange'],
    [SHUTDOWN, 'Arrêt'], // localized: the agent must match by GUID
  ].map(([id, name]) => ({ id: id!, name: name!, enabled: over[id!]?.enabled ?? true, status: over[id!]?.status ?? 'OK' }));

const base = (seed: SimSeed): SimSeed => ({ switches: [{ name: 'lab-net', type: 'External' }], folders: ['D:\\vms'], files: { 'D:\\images\\base.vhdx': { sizeBytes: 20 * GiB }, 'D:\\images\\old.vhd': { sizeBytes: 10 * GiB } }, ...seed });
const vm = (n: number, over: Partial<SimVmSeed> = {}): SimVmSeed => ({ id: `${ID}${n}`, name: `vm-${n}`, notes: 'hyperv-converge: project=t', path: `D:\\vms\\vm-${n}`, ...over });

describePwsh('review findings of issue 10, against the real agent over the double', (pwsh) => {
  const { fresh, track } = doubleHostPerTest(pwsh);
  const host = (seed: SimSeed) => {
    const { dbl, b } = fresh(base(seed));
    return { dbl, b };
  };
  const run = async (b: ReturnType<DoubleHost['backend']>, op: HostOperation, timeoutMs = 60_000): Promise<OperationOutcome> => (await b.runner(1)).run(op, timeoutMs);

  it('1: a bounded graceful stop that times out does not crash the agent (no Stop-VM -AsJob / Remove-Job)', async () => {
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running', integrationServices: services(), guest: { ignoreShutdown: true } })] });
    const out = await run(b, { op: 'vm.stop', args: { id: `${ID}1`, name: 'vm-1', timeoutSec: 2, turnOffAfterTimeout: true } });
    expect(out).toMatchObject({ ok: true, result: { state: 'Off', turnedOff: true } });
    // The same agent process keeps answering.
    const again = await run(b, { op: 'vm.start', args: { id: `${ID}1`, name: 'vm-1' } });
    expect(again).toMatchObject({ ok: true });
    expect(b.stats().launches).toBe(1);
    expect(dbl.state().vms[0]!.state).toBe('Running');
  });

  it('2: no shutdown service (matched by GUID, not name) and turning off not allowed → refused, the VM keeps running', async () => {
    const { dbl, b } = host({ vms: [vm(2, { state: 'Running', integrationServices: services({ [SHUTDOWN]: { status: 'No Contact' } }) })] });
    const out = await run(b, { op: 'vm.stop', args: { id: `${ID}2`, name: 'vm-2', timeoutSec: 3, turnOffAfterTimeout: false } });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(dbl.state().vms[0]!.state).toBe('Running');
    expect(dbl.state().host.double?.events ?? []).toEqual([]);
    // Allowed: turned off, and said so.
    const off = await run(b, { op: 'vm.stop', args: { id: `${ID}2`, name: 'vm-2', timeoutSec: 3, turnOffAfterTimeout: true } });
    expect(off).toMatchObject({ ok: true, result: { state: 'Off', turnedOff: true } });
    // A healthy shutdown service under a localized name: a graceful stop.
    const { b: b2, dbl: d2 } = host({ vms: [vm(3, { state: 'Running', integrationServices: services() })] });
    expect(await run(b2, { op: 'vm.stop', args: { id: `${ID}3`, name: 'vm-3', timeoutSec: 10, turnOffAfterTimeout: false } })).toMatchObject({ ok: true, result: { state: 'Off', turnedOff: false } });
    expect(d2.state().host.double?.events).toEqual(['shutdown:vm-3']);
  });

  it('5: after a checkpoint the disk is the .vhdx, not the .avhdx: observe, grow and remove resolve the chain', async () => {
    const { dbl, b } = host({});
    const disk = 'D:\\vms\\c-1\\Virtual Hard Disks\\c-1.vhdx';
    const made = await run(b, { op: 'vm.create', args: { name: 'c-1', generation: 2, cpus: 1, memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB }, path: 'D:\\vms', switch: 'lab-net', mac: null, secureBoot: true, notes: 'hyperv-converge: project=t', disk: { strategy: 'differencing', image: 'D:\\images\\base.vhdx', path: disk, sizeBytes: null } } });
    expect(made.ok).toBe(true);
    const id = (made as { result: { id: string } }).result.id;
    expect(await run(b, { op: 'vm.checkpoint', args: { id, name: 'c-1', checkpointName: 'before' } })).toMatchObject({ ok: true });
    const o = await b.observe({ paths: [], neighbors: false });
    expect(o.vms.find((v) => v.id === id)!.disks).toEqual([{ path: disk, sizeBytes: 20 * GiB, parentPath: 'D:\\images\\base.vhdx', controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 }]);
    // Grow: Hyper-V cannot resize a disk under checkpoints; said as such, not "no such disk".
    expect(await run(b, { op: 'disk.grow', args: { id, name: 'c-1', path: disk, sizeBytes: 30 * GiB } })).toMatchObject({ ok: false, error: { code: 'invalid-state', message: expect.stringMatching(/checkpoint/) } });
    const avhdx = dbl.state().vms.find((v) => v.id === id)!.disks[0] as { drivePath?: string };
    expect(avhdx.drivePath).toMatch(/\.avhdx$/);
    expect(await run(b, { op: 'vm.remove', args: { id, name: 'c-1', deleteDisks: true } })).toMatchObject({ ok: true, result: { deletedDisks: expect.arrayContaining([disk, avhdx.drivePath]) } });
    expect(existsSync(dbl.local(disk))).toBe(false);
    expect(existsSync(dbl.local(avhdx.drivePath!))).toBe(false);
    expect(existsSync(dbl.local('D:\\images\\base.vhdx'))).toBe(true);
  });

  it('6 (agent side): Hyper-V\'s own refusals for a .vhd image come back typed: generation 2, and a .vhdx child of a .vhd', async () => {
    const { b } = host({});
    const args = (gen: 1 | 2, path: string) => ({ name: `v-${gen}`, generation: gen, cpus: 1, memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB }, path: 'D:\\vms', switch: null, mac: null, secureBoot: null, notes: 'n', disk: { strategy: 'differencing' as const, image: 'D:\\images\\old.vhd', path, sizeBytes: null } });
    expect(await run(b, { op: 'vm.create', args: args(2, 'D:\\vms\\v-2\\Virtual Hard Disks\\v-2.vhd') })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/generation 2.*VHD|VHD.*generation 2/i) } });
    expect(await run(b, { op: 'vm.create', args: args(1, 'D:\\vms\\v-1\\Virtual Hard Disks\\v-1.vhdx') })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/\.vhd/) } });
    expect(await run(b, { op: 'vm.create', args: args(1, 'D:\\vms\\v-1\\Virtual Hard Disks\\v-1.vhd') })).toMatchObject({ ok: true });
  });

  it('8: one broken foreign disk does not fail the observation; all disks are read in one Get-VHD call', async () => {
    const disks = (n: number) => [{ path: `D:\\vms\\vm-${n}\\d.vhdx`, sizeBytes: 8 * GiB, parentPath: null }];
    const { dbl, b } = host({ vms: [vm(1, { disks: disks(1) }), vm(2, { disks: disks(2) }), vm(3, { name: 'foreign', notes: '', disks: [{ path: 'D:\\elsewhere\\gone.vhdx', sizeBytes: 1, parentPath: null }] })] });
    // The foreign VM's disk file is gone (files are materialised at the first agent start; remove it after).
    await b.observe({ paths: [], neighbors: false });
    require_rm(dbl.local('D:\\elsewhere\\gone.vhdx'));
    const before = dbl.calls()['Get-VHD'] ?? 0;
    const o = await b.observe({ paths: [], neighbors: false });
    expect(o.vms.map((v) => v.name).sort()).toEqual(['foreign', 'vm-1', 'vm-2']);
    expect(o.vms.find((v) => v.name === 'vm-1')!.disks[0]!.sizeBytes).toBe(8 * GiB);
    expect(o.incomplete).toEqual([expect.objectContaining({ code: 'query-failed', vm: 'foreign' })]);
    expect((dbl.calls()['Get-VHD'] ?? 0) - before).toBe(1);
  });

  it('9: a failing neighbor query (NetTCPIP, CDXML) fails the request instead of answering with no neighbors', async () => {
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running' })] });
    dbl.knobs({ failCmdlets: { 'Get-NetNeighbor': 'Access denied' } });
    const out = await b.query({ op: 'guest.addresses', args: { ids: [`${ID}1`], neighbors: true } }, 60_000);
    expect(out).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Access denied/) } });
  });

  it('10: the ownership marker is on the VM from its creation: an agent killed mid-create leaves an owned VM', async () => {
    const { dbl, b } = host({});
    dbl.knobs({ hangCmdlets: ['Set-VMProcessor'] });
    const out = await run(b, { op: 'vm.create', args: { name: 'k-1', generation: 2, cpus: 2, memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB }, path: 'D:\\vms', switch: 'lab-net', mac: null, secureBoot: true, notes: 'hyperv-converge: project=t', disk: null } }, 8_000);
    expect(out.ok).toBe(false);
    const left = dbl.state().vms.find((v) => v.name === 'k-1');
    expect(left).toBeDefined();
    expect(left!.notes).toBe('hyperv-converge: project=t');
  });

  it('11: errors are typed by Hyper-V\'s error ids, not English text; a missing Hyper-V module is not "not-found"', async () => {
    // Without the Hyper-V module (the double off PSModulePath).
    const { dbl, b: _b } = host({ vms: [vm(1)] });
    void _b;
    const nomod = doubleHost(pwsh, base({}));
    nomod.env.PSModulePath = '/nonexistent';
    const b = nomod.backend();
    track(b);
    const out = await run(b, { op: 'vm.start', args: { id: `${ID}1`, name: 'vm-1' } });
    expect(out.ok).toBe(false);
    expect((out as { error: { code: string } }).error.code).not.toBe('not-found');
    expect((out as { error: { message: string } }).error.message).toMatch(/Hyper-V PowerShell module/);
    nomod.cleanup();
    // A localized host: Hyper-V's refusal (narrowing a running VM's dynamic range) is still invalid-state.
    dbl.knobs({ localized: true });
    const b2 = dbl.backend();
    track(b2);
    await run(b2, { op: 'vm.start', args: { id: `${ID}1`, name: 'vm-1' } });
    const narrowed = await run(b2, { op: 'vm.setMemory', args: { id: `${ID}1`, name: 'vm-1', dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 2 * GiB } });
    expect(narrowed).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });

  it('12: a Saved or Paused VM is not treated as running for memory changes: refused, Hyper-V never asked', async () => {
    const { dbl, b } = host({ vms: [vm(4, { state: 'Saved', memory: { dynamic: true, startupBytes: 1 * GiB, minimumBytes: 512 * MiB, maximumBytes: 2 * GiB } })] });
    await b.observe({ paths: [], neighbors: false });
    const before = dbl.calls()['Set-VMMemory'] ?? 0;
    const out = await run(b, { op: 'vm.setMemory', args: { id: `${ID}4`, name: 'vm-4', dynamic: true, startupBytes: 1 * GiB, minimumBytes: 512 * MiB, maximumBytes: 4 * GiB } });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid-state', message: expect.stringMatching(/is Saved/) } });
    expect((dbl.calls()['Set-VMMemory'] ?? 0) - before).toBe(0);
  });

  it('3: the secure boot template: observed on generation 2, set at create before the first start, changed by vm.setSettings only when Off', async () => {
    const UEFI = 'MicrosoftUEFICertificateAuthority';
    const { dbl, b } = host({ vms: [vm(5), vm(6, { state: 'Running' }), vm(7, { generation: 1, secureBoot: false })] });
    const seen = (await b.observe({ paths: [], neighbors: false })).vms;
    expect(seen.find((v) => v.name === 'vm-5')!.secureBootTemplate).toBe('MicrosoftWindows'); // Hyper-V's default
    expect(seen.find((v) => v.name === 'vm-7')!.secureBootTemplate).toBeNull(); // generation 1: no UEFI firmware
    // Create: the template is in place when the VM first starts, and observe reports it.
    const made = await run(b, { op: 'vm.create', args: { name: 'u-1', generation: 2, cpus: 1, memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB }, path: 'D:\\vms', switch: null, mac: null, secureBoot: true, notes: 'hyperv-converge: project=t', disk: null, settings: { secureBootTemplate: UEFI } } });
    expect(made).toMatchObject({ ok: true });
    expect(dbl.state().vms.find((v) => v.name === 'u-1')!.secureBootTemplate).toBe(UEFI);
    expect((await b.observe({ paths: [], neighbors: false })).vms.find((v) => v.name === 'u-1')!.secureBootTemplate).toBe(UEFI);
    // setSettings: Off → changed, then already so; Running → invalid-state, nothing changed.
    expect(await run(b, { op: 'vm.setSettings', args: { id: `${ID}5`, name: 'vm-5', settings: { secureBootTemplate: UEFI } } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await run(b, { op: 'vm.setSettings', args: { id: `${ID}5`, name: 'vm-5', settings: { secureBootTemplate: UEFI } } })).toMatchObject({ ok: true, result: { changed: false } });
    expect(dbl.state().vms.find((v) => v.name === 'vm-5')!.secureBootTemplate).toBe(UEFI);
    const before = dbl.calls()['Set-VMFirmware'] ?? 0;
    expect(await run(b, { op: 'vm.setSettings', args: { id: `${ID}6`, name: 'vm-6', settings: { secureBootTemplate: UEFI } } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(dbl.state().vms.find((v) => v.name === 'vm-6')!.secureBootTemplate ?? 'MicrosoftWindows').toBe('MicrosoftWindows');
    // A setting no agent knows, or a bad template: refused by name, before anything changes.
    expect(await run(b, { op: 'vm.setSettings', args: { id: `${ID}5`, name: 'vm-5', settings: { secureBootTemplate: 'MicrosoftWindows', colour: 'blue' } as never } })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/colour/) } });
    expect(await run(b, { op: 'vm.create', args: { name: 'u-2', generation: 2, cpus: 1, memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB }, path: 'D:\\vms', switch: null, mac: null, secureBoot: true, notes: 'hyperv-converge: project=t', disk: null, settings: { secureBootTemplate: 'NoSuchTemplate' } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/secureBootTemplate/) } });
    expect(dbl.state().vms.find((v) => v.name === 'u-2')).toBeUndefined();
    expect(dbl.state().vms.find((v) => v.name === 'vm-5')!.secureBootTemplate).toBe(UEFI);
    expect((dbl.calls()['Set-VMFirmware'] ?? 0) - before).toBe(0);
  });

  it("13: doctor's fix texts quote user values: a hostile switch name stays one argument of one command", async () => {
    const evil = "lab'; Remove-VM -Name * -Force; '";
    const { b } = host({});
    const out = await b.query({ op: 'doctor', args: { paths: [], images: [], switches: [evil] } }, 60_000);
    expect(out.ok).toBe(true);
    const fix = (out as { result: { checks: { id: string; fix: string | null }[] } }).result.checks.find((c) => c.id === `switch:${evil}`)!.fix!;
    const command = fix.split(' (or use one of')[0]!;
    // PowerShell's own parser: exactly one command, New-VMSwitch, whose -Name is the whole hostile name.
    const parsed = execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', '$t=$null;$e=$null;$a=[System.Management.Automation.Language.Parser]::ParseInput($env:FIX,[ref]$t,[ref]$e);$c=@($a.FindAll({$args[0] -is [System.Management.Automation.Language.CommandAst]},$true));ConvertTo-Json -Compress @{n=$c.Count;name=$c[0].GetCommandName();arg=$c[0].CommandElements[2].Value;errors=$e.Count}'], { encoding: 'utf8', env: { ...process.env, FIX: command } });
    expect(JSON.parse(parsed)).toEqual({ n: 1, name: 'New-VMSwitch', arg: evil, errors: 0 });
  });

  it('7: without Hyper-V rights Get-VM lists nothing and no error: observe says permission-denied, never "complete, 0 VMs"', async () => {
    const { dbl, b } = host({ vms: [vm(7)] });
    dbl.knobs({ access: 'empty' });
    const o = await b.observe({ paths: [], neighbors: false });
    expect(o).toMatchObject({ complete: false, vms: [], incomplete: [{ code: 'permission-denied', message: expect.stringMatching(/Hyper-V Administrators \(S-1-5-32-578\)/) }] });
    expect(o.incomplete[0]!.message).toMatch(/Administrators \(S-1-5-32-544\)/);
    // With rights, a host that really has no VMs is a complete observation of none.
    const { b: b2 } = host({});
    expect(await b2.observe({ paths: [], neighbors: false })).toMatchObject({ complete: true, vms: [], incomplete: [] });
  });

  it('13b: a remote host\'s CIM session that broke is renewed once and the neighbor query retried, not failed for the agent\'s lifetime', async () => {
    const { dbl } = host({ neighbors: [{ ip: '10.0.0.9', mac: '00155D000009', state: 'Reachable' }] });
    dbl.knobs({ brokenCimSessions: [1] });
    const launch = hypervAgentCommand('HV-REMOTE', { powershell: pwsh, env: { ...process.env, ...dbl.env } });
    const b = new AgentBackend({ kind: 'hyperv', computerName: 'HV-REMOTE', launch });
    track(b);
    const o = await b.observe({ paths: [], neighbors: true });
    expect(o).toMatchObject({ complete: true, incomplete: [], host: { computerName: 'HV-REMOTE', neighbors: [{ ip: '10.0.0.9', mac: '00155D000009' }] } });
    expect(dbl.calls()['New-CimSession']).toBe(2);
    expect(dbl.calls()['Get-NetNeighbor']).toBe(2);
    // The renewed session is kept: the next observe makes no new one.
    expect(await b.observe({ paths: [], neighbors: true })).toMatchObject({ complete: true });
    expect(dbl.calls()['New-CimSession']).toBe(2);
  });
});

function require_rm(p: string): void {
  rmSync(p);
}
