// The contract every agent keeps (sim here; the real PowerShell agent on a Hyper-V host through
// .github/workflows/hyperv-integration.yml). Self-contained: it makes its own uniquely named VMs
// and removes them, so it can run on a real (disposable) host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { buildSeed } from '../../src/core/seed/nocloud.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import type { CreateVmArgs, HostOperation } from '../../src/core/plan/operations.js';
import type { Backend, OperationOutcome, OperationRunner } from '../../src/core/ports.js';

export interface ContractHost {
  backend: Backend;
  /** A switch that exists on the host. */
  switch: string;
  /** An existing folder for the contract's VMs and disks (Windows path). */
  folder: string;
  /** An existing base VHDX; null skips the disk cases. */
  image: string | null;
  cleanup: () => Promise<void>;
}

const MiB = 1024 ** 2;
const OP_TIMEOUT_MS = 120_000;

export function agentContract(label: string, makeHost: () => Promise<ContractHost>): void {
  describe(`agent contract: ${label}`, () => {
    let host: ContractHost;
    let runner: OperationRunner;
    const tag = `hvc-contract-${randomUUID().slice(0, 8)}`;
    const made: string[] = [];

    const run = async (op: HostOperation): Promise<OperationOutcome> => runner.run(op, OP_TIMEOUT_MS);
    const ok = async (op: HostOperation): Promise<unknown> => {
      const out = await run(op);
      if (!out.ok) throw new Error(`${op.op} failed: ${out.error.code}: ${out.error.message}`);
      return out.result;
    };
    const observe = (paths: string[] = []): Promise<Observation> => host.backend.observe({ paths, neighbors: false });
    const find = async (id: string): Promise<ObservedVm | undefined> => (await observe()).vms.find((v) => v.id === id);
    const create = async (name: string, over: Partial<CreateVmArgs> = {}): Promise<{ id: string; name: string }> => {
      const args: CreateVmArgs = {
        name,
        generation: 2,
        cpus: 1,
        memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB },
        path: host.folder,
        switch: host.switch,
        mac: null,
        secureBoot: true,
        notes: `managed-by: hyperv-converge/${tag}\nünïcødé "quoted" 'single' $(not-run)`,
        disk: null,
        ...over,
      };
      const r = (await ok({ op: 'vm.create', args })) as { id: string; name: string };
      made.push(r.id);
      return r;
    };
    const join = (...p: string[]) => p.join('\\');
    beforeAll(async () => {
      host = await makeHost();
      runner = await host.backend.runner(2);
    });
    afterAll(async () => {
      // Best effort: turn off and remove whatever the contract made.
      for (const id of made) {
        await run({ op: 'vm.stop', args: { id, name: id, timeoutSec: 5, turnOffAfterTimeout: true } });
        await run({ op: 'vm.remove', args: { id, name: id, deleteDisks: true } });
      }
      await runner?.close();
      await host?.cleanup();
    });

    it('observe: a complete observation with host facts and path existence', async () => {
      const missing = join(host.folder, `${tag}-does-not-exist`);
      const o = await observe([host.folder, missing]);
      expect(o.complete).toBe(true);
      expect(o.host.computerName.length).toBeGreaterThan(0);
      expect(o.host.switches.map((s) => s.name)).toContain(host.switch);
      expect(o.host.paths).toEqual([
        { path: host.folder, exists: true },
        { path: missing, exists: false },
      ]);
      for (const vm of o.vms) expect(vm.state).not.toMatch(/^\d+$/);
    });

    it('create: the VM appears with exactly what was asked, Off, owned by its notes', async () => {
      const r = await create(`${tag}-a`);
      expect(r.name).toBe(`${tag}-a`);
      const vm = await find(r.id);
      expect(vm).toBeDefined();
      expect(vm).toMatchObject({ name: `${tag}-a`, state: 'Off', generation: 2, cpus: 1, secureBoot: true, memory: { dynamic: false, startupBytes: 512 * MiB } });
      expect(vm!.notes).toBe(`managed-by: hyperv-converge/${tag}\nünïcødé "quoted" 'single' $(not-run)`);
      expect(vm!.adapters[0]!.switch).toBe(host.switch);
      expect(vm!.adapters[0]!.mac).toMatch(/^[0-9A-F]{12}$/);
    });

    it('changes that need the VM off succeed while Off', async () => {
      const id = made[0]!;
      const name = `${tag}-a`;
      await ok({ op: 'vm.setCpus', args: { id, name, count: 2 } });
      await ok({ op: 'vm.setMemory', args: { id, name, dynamic: true, startupBytes: 1024 * MiB, minimumBytes: 512 * MiB, maximumBytes: 2048 * MiB } });
      await ok({ op: 'vm.setSecureBoot', args: { id, name, enabled: false } });
      await ok({ op: 'vm.setMac', args: { id, name, adapter: null, mac: '00155DABCDEF' } });
      await ok({ op: 'vm.setNotes', args: { id, name, notes: `managed-by: hyperv-converge/${tag}\nchanged` } });
      const vm = (await find(id))!;
      expect(vm).toMatchObject({ cpus: 2, secureBoot: false, memory: { dynamic: true, startupBytes: 1024 * MiB, minimumBytes: 512 * MiB, maximumBytes: 2048 * MiB } });
      expect(vm.adapters[0]).toMatchObject({ mac: '00155DABCDEF', dynamicMac: false });
      expect(vm.notes).toBe(`managed-by: hyperv-converge/${tag}\nchanged`);
    });

    it('dynamic memory bounds are enforced (invalid-argument)', async () => {
      const out = await run({ op: 'vm.setMemory', args: { id: made[0]!, name: `${tag}-a`, dynamic: true, startupBytes: 4096 * MiB, minimumBytes: 512 * MiB, maximumBytes: 2048 * MiB } });
      expect(out).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    });

    it('checkpoint: appears by name', async () => {
      const r = (await ok({ op: 'vm.checkpoint', args: { id: made[0]!, name: `${tag}-a`, checkpointName: `${tag}-cp` } })) as { id: string; name: string };
      expect(r.name).toBe(`${tag}-cp`);
      expect((await find(made[0]!))!.checkpoints.map((c) => c.name)).toContain(`${tag}-cp`);
    });

    it('switch: disconnect and reconnect', async () => {
      const id = made[0]!;
      await ok({ op: 'vm.connectSwitch', args: { id, name: `${tag}-a`, adapter: null, switch: null } });
      expect((await find(id))!.adapters[0]!.switch).toBeNull();
      await ok({ op: 'vm.connectSwitch', args: { id, name: `${tag}-a`, adapter: null, switch: host.switch } });
      expect((await find(id))!.adapters[0]!.switch).toBe(host.switch);
      const missing = await run({ op: 'vm.connectSwitch', args: { id, name: `${tag}-a`, adapter: null, switch: `${tag}-no-such-switch` } });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });

    it('start; then CPU, startup memory and secure boot changes are refused while Running (invalid-state)', async () => {
      const id = made[0]!;
      const name = `${tag}-a`;
      await ok({ op: 'vm.start', args: { id, name } });
      expect((await find(id))!.state).toBe('Running');
      expect(await run({ op: 'vm.setCpus', args: { id, name, count: 3 } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      expect(await run({ op: 'vm.setSecureBoot', args: { id, name, enabled: true } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      expect(await run({ op: 'vm.setMemory', args: { id, name, dynamic: false, startupBytes: 1024 * MiB, minimumBytes: 1024 * MiB, maximumBytes: 1024 * MiB } })).toMatchObject({
        ok: false,
        error: { code: 'invalid-state' },
      });
      expect(await run({ op: 'vm.remove', args: { id, name, deleteDisks: false } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      // Notes change online.
      await ok({ op: 'vm.setNotes', args: { id, name, notes: `managed-by: hyperv-converge/${tag}\nonline` } });
    });

    it('guest.addresses: per VM, adapters by MAC, KVP service found by GUID', async () => {
      const out = await host.backend.query({ op: 'guest.addresses', args: { ids: [made[0]!], neighbors: true } }, OP_TIMEOUT_MS);
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const r = out.result as { vms: { id: string; adapters: { mac: string }[]; kvp: unknown }[]; neighbors: unknown[] };
      expect(r.vms).toHaveLength(1);
      expect(r.vms[0]!.id).toBe(made[0]);
      expect(r.vms[0]!.adapters[0]!.mac).toBe('00155DABCDEF');
      expect(r.vms[0]!.kvp).not.toBeNull();
      expect(Array.isArray(r.neighbors)).toBe(true);
    });

    it('stop (bounded, turn off allowed) → Off; then remove → gone', async () => {
      const id = made[0]!;
      const name = `${tag}-a`;
      const r = (await ok({ op: 'vm.stop', args: { id, name, timeoutSec: 20, turnOffAfterTimeout: true } })) as { state: string };
      expect(r.state).toBe('Off');
      expect((await find(id))!.state).toBe('Off');
      await ok({ op: 'vm.remove', args: { id, name, deleteDisks: true } });
      expect(await find(id)).toBeUndefined();
      made.splice(made.indexOf(id), 1);
    });

    it('unknown VM id → not-found; unknown op → unsupported', async () => {
      const ghost = randomUUID();
      expect(await run({ op: 'vm.start', args: { id: ghost, name: 'ghost' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await run({ op: 'vm.explode', args: {} } as unknown as HostOperation)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    });

    it('disks: differencing from the image, grow only upward, remove keeps the disk unless asked', async () => {
      if (!host.image) {
        console.warn('SKIPPING disk contract cases: no base image configured (HVC_CONTRACT_IMAGE)');
        return;
      }
      const diskA = join(host.folder, `${tag}-b.vhdx`);
      const b = await create(`${tag}-b`, { generation: 1, secureBoot: null, disk: { strategy: 'differencing', image: host.image, path: diskA, sizeBytes: null } });
      let vm = (await find(b.id))!;
      expect(vm.secureBoot).toBeNull();
      expect(vm.disks).toHaveLength(1);
      expect(vm.disks[0]!).toMatchObject({ path: diskA, parentPath: host.image });
      const size = vm.disks[0]!.sizeBytes;
      expect(await run({ op: 'disk.grow', args: { id: b.id, name: b.name, path: diskA, sizeBytes: size - 1024 * MiB } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      await ok({ op: 'disk.grow', args: { id: b.id, name: b.name, path: diskA, sizeBytes: size + 1024 * MiB } });
      vm = (await find(b.id))!;
      expect(vm.disks[0]!.sizeBytes).toBe(size + 1024 * MiB);
      await ok({ op: 'vm.remove', args: { id: b.id, name: b.name, deleteDisks: false } });
      made.splice(made.indexOf(b.id), 1);
      expect((await observe([diskA])).host.paths).toEqual([{ path: diskA, exists: true, sizeBytes: expect.any(Number) }]); // a kept disk reports its virtual size

      const diskC = join(host.folder, `${tag}-c.vhdx`);
      const c = await create(`${tag}-c`, { disk: { strategy: 'copy', image: host.image, path: diskC, sizeBytes: null } });
      expect((await find(c.id))!.disks[0]!).toMatchObject({ path: diskC, parentPath: null });
      await ok({ op: 'vm.remove', args: { id: c.id, name: c.name, deleteDisks: true } });
      made.splice(made.indexOf(c.id), 1);
      expect((await observe([diskC])).host.paths).toEqual([{ path: diskC, exists: false }]);

      const missing = await run({
        op: 'vm.create',
        args: { name: `${tag}-d`, generation: 2, cpus: 1, memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB }, path: host.folder, switch: null, mac: null, secureBoot: null, notes: '', disk: { strategy: 'differencing', image: join(host.folder, `${tag}-no-image.vhdx`), path: join(host.folder, `${tag}-d.vhdx`), sizeBytes: null } },
      });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect((await observe()).vms.some((v) => v.name === `${tag}-d`)).toBe(false);
    });

    it('VM surface: adapters with VLAN and guards, data disk, DVD and seed, settings — at create and observed back', async () => {
      const seedPath = join(host.folder, `${tag}-s-cidata.iso`);
      const seed = buildSeed({ userData: '#cloud-config\nhostname: s\n', metaData: 'instance-id: s\n', networkConfig: null }, {});
      if (!seed.ok) throw new Error('unreachable');
      // The seed image: its bytes only in the request; written where the create inserts it.
      const w = (await ok({ op: 'seed.write', args: { id: '', name: `${tag}-s`, path: seedPath, sha256: seed.sha256, sizeBytes: seed.sizeBytes, contentBase64: Buffer.from(seed.bytes).toString('base64') } } as unknown as HostOperation)) as { sizeBytes: number };
      expect(w.sizeBytes).toBe(seed.sizeBytes);
      const wrong = await run({ op: 'seed.write', args: { id: '', name: `${tag}-s`, path: seedPath, sha256: createHash('sha256').update('x').digest('hex'), sizeBytes: 1, contentBase64: Buffer.from('y').toString('base64') } } as unknown as HostOperation);
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      const dataDisk = join(host.folder, `${tag}-s-data1.vhdx`);
      const r = await create(`${tag}-s`, {
        switch: null,
        adapters: [
          { name: 'lan', switch: host.switch, mac: null, vlan: null },
          { name: 'storage', switch: host.switch, mac: '00155D0A0B0C', vlan: 20, macSpoofing: true, dhcpGuard: true, routerGuard: true },
        ],
        dataDisks: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: dataDisk, sizeBytes: 1024 * MiB }],
        dvdDrives: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: seedPath }],
        settings: { secureBootTemplate: 'MicrosoftUEFICertificateAuthority', tpm: true, nestedVirtualization: true, checkpointType: 'Standard', automaticStartAction: 'Nothing', automaticStartDelaySec: 30, automaticStopAction: 'ShutDown' },
      });
      const o = await observe([seedPath]);
      const vm = o.vms.find((v) => v.id === r.id)!;
      expect(vm.adapters.map((a) => ({ name: a.name, switch: a.switch, vlan: a.vlan, macSpoofing: a.macSpoofing, dhcpGuard: a.dhcpGuard, routerGuard: a.routerGuard }))).toEqual([
        { name: 'lan', switch: host.switch, vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false },
        { name: 'storage', switch: host.switch, vlan: 20, macSpoofing: true, dhcpGuard: true, routerGuard: true },
      ]);
      expect(vm.adapters[1]).toMatchObject({ mac: '00155D0A0B0C', dynamicMac: false });
      expect(vm.disks).toContainEqual(expect.objectContaining({ path: dataDisk, sizeBytes: 1024 * MiB, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1 }));
      expect(vm.dvdDrives).toEqual([{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: seedPath }]);
      expect(vm).toMatchObject({ tpm: true, secureBootTemplate: 'MicrosoftUEFICertificateAuthority', nestedVirtualization: true, checkpointType: 'Standard', automaticStartAction: 'Nothing', automaticStartDelaySec: 30, automaticStopAction: 'ShutDown' });
      const hashed = await host.backend.observe({ paths: [seedPath], neighbors: false, hashes: [seedPath] });
      expect(hashed.host.paths).toEqual([{ path: seedPath, exists: true, sha256: seed.sha256 }]);
    });

    it('VM surface while Running: adapters, VLAN, guards, SCSI disks, DVD media and checkpoint type change online; TPM, template, nesting, automatic actions, DVD drives do not', async () => {
      const vm = (await observe()).vms.find((v) => v.name === `${tag}-s`)!;
      const id = vm.id;
      const name = vm.name;
      const seedPath = vm.dvdDrives![0]!.path!;
      await ok({ op: 'vm.start', args: { id, name } });
      await ok({ op: 'vm.setAdapter', args: { id, name, adapter: 'storage', vlan: 30, macSpoofing: false } });
      await ok({ op: 'vm.addAdapter', args: { id, name, adapter: { name: 'extra', switch: null, mac: null } } });
      await ok({ op: 'vm.removeAdapter', args: { id, name, adapter: 'extra' } });
      const disk2 = join(host.folder, `${tag}-s-data2.vhdx`);
      await ok({ op: 'disk.add', args: { id, name, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: disk2, sizeBytes: 512 * MiB } });
      await ok({ op: 'disk.detach', args: { id, name, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: disk2 } });
      expect((await observe([disk2])).host.paths).toEqual([{ path: disk2, exists: true, sizeBytes: expect.any(Number) }]); // detached, file kept
      await ok({ op: 'vm.setSettings', args: { id, name, settings: { checkpointType: 'Production' } } });
      // The inserted seed is in use: it is ejected before a rewrite.
      const seed = buildSeed({ userData: '#cloud-config\nhostname: s2\n', metaData: 'instance-id: s\n', networkConfig: null }, {});
      if (!seed.ok) throw new Error('unreachable');
      const write = { op: 'seed.write', args: { id, name, path: seedPath, sha256: seed.sha256, sizeBytes: seed.sizeBytes, contentBase64: Buffer.from(seed.bytes).toString('base64') } } as unknown as HostOperation;
      expect(await run(write)).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      await ok({ op: 'dvd.set', args: { id, name, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: null } });
      await ok(write);
      await ok({ op: 'dvd.set', args: { id, name, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: seedPath } });
      for (const settings of [{ tpm: false }, { secureBootTemplate: 'MicrosoftWindows' }, { nestedVirtualization: false }, { automaticStartAction: 'Start' }, { automaticStopAction: 'Save' }]) {
        expect(await run({ op: 'vm.setSettings', args: { id, name, settings } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      }
      expect(await run({ op: 'dvd.add', args: { id, name, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 33, path: null } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      const after = (await find(id))!;
      expect(after.adapters.find((a) => a.name === 'storage')).toMatchObject({ vlan: 30, macSpoofing: false, dhcpGuard: true });
      expect(after.adapters.map((a) => a.name)).toEqual(['lan', 'storage']);
      expect(after.checkpointType).toBe('Production');
      expect(after.tpm).toBe(true);
      await ok({ op: 'vm.stop', args: { id, name, timeoutSec: 20, turnOffAfterTimeout: true } });
      await ok({ op: 'vm.setSettings', args: { id, name, settings: { tpm: false, automaticStartAction: 'Start' } } });
      expect((await find(id))!).toMatchObject({ tpm: false, automaticStartAction: 'Start' });
    });

    it('VM surface: a generation 1 VM adds adapters only when Off, and has no TPM or secure boot template', async () => {
      const g1 = await create(`${tag}-g1`, { generation: 1, secureBoot: null });
      await ok({ op: 'vm.start', args: g1 });
      expect(await run({ op: 'vm.addAdapter', args: { ...g1, adapter: { name: 'second', switch: null, mac: null } } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      await ok({ op: 'vm.stop', args: { ...g1, timeoutSec: 20, turnOffAfterTimeout: true } });
      await ok({ op: 'vm.addAdapter', args: { ...g1, adapter: { name: 'second', switch: null, mac: null } } });
      expect(await run({ op: 'vm.setSettings', args: { ...g1, settings: { tpm: true } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect((await find(g1.id))!.adapters.map((a) => a.name)).toContain('second');
    });

    it('switches: a Private switch is created with its notes, refused removal while a VM uses it, removed once free; External is never created', async () => {
      const sw = `${tag}-priv`;
      await ok({ op: 'switch.create', args: { name: sw, type: 'Private', notes: `managed-by: ${tag}`, nat: null } });
      expect((await observe()).host.switches.find((w) => w.name === sw)).toMatchObject({ name: sw, type: 'Private', notes: `managed-by: ${tag}` });
      expect(await run({ op: 'switch.create', args: { name: sw, type: 'Private', notes: '', nat: null } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      const user = await create(`${tag}-sw`, { switch: sw });
      expect(await run({ op: 'switch.remove', args: { name: sw } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      await ok({ op: 'vm.remove', args: { ...user, deleteDisks: true } });
      made.splice(made.indexOf(user.id), 1);
      await ok({ op: 'switch.remove', args: { name: sw } });
      expect((await observe()).host.switches.some((w) => w.name === sw)).toBe(false);
      expect(await run({ op: 'switch.create', args: { name: `${tag}-ext`, type: 'External', notes: '', nat: null } } as unknown as HostOperation)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    });

    it('VM surface: integration services by id (online), memory weight/buffer online on dynamic memory, processor compatibility and first boot device only when Off', async () => {
      const v = await create(`${tag}-m`, { memory: { dynamic: true, startupBytes: 1024 * MiB, minimumBytes: 512 * MiB, maximumBytes: 2048 * MiB } });
      const kvp = (await find(v.id))!.integrationServices.find((x) => x.id.toUpperCase() === '2A34B1C2-FD73-4043-8A5B-DD2159BC743F');
      expect(kvp).toBeDefined(); // the Key-Value Pair Exchange service, by its id on every host language
      await ok({ op: 'vm.start', args: v });
      await ok({ op: 'vm.setIntegrationServices', args: { ...v, services: [{ id: kvp!.id, enabled: false }] } });
      expect((await find(v.id))!.integrationServices.find((x) => x.id === kvp!.id)!.enabled).toBe(false);
      await ok({ op: 'vm.setIntegrationServices', args: { ...v, services: [{ id: kvp!.id, enabled: true }] } });
      expect(await run({ op: 'vm.setIntegrationServices', args: { ...v, services: [{ id: randomUUID().toUpperCase(), enabled: true }] } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      await ok({ op: 'vm.setSettings', args: { ...v, settings: { memoryWeight: 8000, memoryBuffer: 30 } } });
      expect(await run({ op: 'vm.setSettings', args: { ...v, settings: { compatibilityForMigration: true } } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      // DvdDrive, not NetworkAdapter: a generation 2 VM without disks already boots from its network
      // adapter on a real host (its firmware boot order lists only the devices it has), so that is no change.
      expect(await run({ op: 'vm.setSettings', args: { ...v, settings: { firstBootDevice: 'DvdDrive' } } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
      await ok({ op: 'vm.stop', args: { ...v, timeoutSec: 20, turnOffAfterTimeout: true } });
      await ok({ op: 'vm.setSettings', args: { ...v, settings: { compatibilityForMigration: true, firstBootDevice: 'NetworkAdapter' } } });
      expect((await find(v.id))!).toMatchObject({ memoryWeight: 8000, memoryBuffer: 30, compatibilityForMigration: true, firstBootDevice: 'NetworkAdapter' });
      const s = await create(`${tag}-st`);
      expect(await run({ op: 'vm.setSettings', args: { ...s, settings: { memoryBuffer: 30 } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    });

    it('doctor: typed checks for the switch and the folder', async () => {
      const out = await host.backend.query({ op: 'doctor', args: { paths: [host.folder], images: host.image ? [host.image] : [], switches: [host.switch, `${tag}-nope`] } }, OP_TIMEOUT_MS);
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const checks = (out.result as { checks: { id: string; ok: boolean; fix: string | null }[] }).checks;
      expect(checks.find((c) => c.id === `switch:${host.switch}`)).toMatchObject({ ok: true, fix: null });
      expect(checks.find((c) => c.id === `switch:${tag}-nope`)).toMatchObject({ ok: false });
      expect(checks.find((c) => c.id === `switch:${tag}-nope`)!.fix).toMatch(/New-VMSwitch/);
      expect(checks.find((c) => c.id === `path:${host.folder}`)).toMatchObject({ ok: true });
    });

    it('the whole contract ran on at most `concurrency` agent launches', () => {
      expect(host.backend.stats().launches).toBeLessThanOrEqual(2);
      expect(host.backend.stats().operations).toBeGreaterThan(20);
    });
  });
}
