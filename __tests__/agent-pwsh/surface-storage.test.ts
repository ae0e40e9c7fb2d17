// Issue 14, storage and settings side, attacked through the REAL agent script in pwsh over the Hyper-V
// double (real launcher, real protocol): data disks at controller slots, DVD drives, the seed image
// write, VM settings and integration services by id — each refusal checked to change nothing.
import { expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { MAX_SEED_IMAGE_BYTES } from '../../src/agent/protocol.js';
import type { SimSeed, SimVmSeed } from '../../src/backends/sim/state.js';
import type { CreateVmArgs, HostOperation } from '../../src/core/plan/operations.js';
import type { OperationOutcome } from '../../src/core/ports.js';
import { doubleHostPerTest, type DoubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const ID = '5e0a7c20-0000-4000-8000-00000000000';
const KVP = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';
const HEARTBEAT = '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47';
// The old script (before this work) runs the same attacks when HVC_STORAGE_SCRIPT names it.
const script = process.env.HVC_STORAGE_SCRIPT || undefined;

const base = (seed: SimSeed): SimSeed => ({
  switches: [{ name: 'lab-net', type: 'Internal' }],
  folders: ['D:\\vms', 'D:\\seeds'],
  files: { 'D:\\images\\base.vhdx': { sizeBytes: 20 * GiB }, 'D:\\vms\\shared.vhdx': { sizeBytes: 4 * GiB } },
  ...seed,
});
const vm = (n: number, over: Partial<SimVmSeed> = {}): SimVmSeed => ({
  id: `${ID}${n}`,
  name: `vm-${n}`,
  notes: 'hyperv-converge: project=t',
  path: `D:\\vms\\vm-${n}`,
  disks: [{ path: `D:\\vms\\vm-${n}\\vm-${n}.vhdx`, sizeBytes: 20 * GiB, parentPath: null }],
  ...over,
});
const ref = (n: number) => ({ id: `${ID}${n}`, name: `vm-${n}` });
const seedArgs = (path: string, bytes: Buffer, over: Record<string, unknown> = {}) =>
  ({ op: 'seed.write', args: { id: '', name: 'vm-1', path, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, contentBase64: bytes.toString('base64'), ...over } }) as unknown as HostOperation;

describePwsh('issue 14 storage and settings surface, against the real agent over the double', (pwsh) => {
  const { fresh } = doubleHostPerTest(pwsh, script ? { script } : {});
  const host = (seed: SimSeed) => {
    const { dbl, b } = fresh(base(seed));
    return { dbl, b };
  };
  const run = async (b: ReturnType<DoubleHost['backend']>, op: HostOperation): Promise<OperationOutcome> => (await b.runner(1)).run(op, 60_000);
  const observed = async (b: ReturnType<DoubleHost['backend']>, id: string) => (await b.observe({ paths: [], neighbors: false })).vms.find((v) => v.id === id)!;
  /** The double's VM record with the run-time fields left out: what a refusal must not change. */
  const record = (d: DoubleHost, n: number) => {
    const v = d.state().vms.find((x) => x.id === `${ID}${n}`)! as unknown as Record<string, unknown>;
    const { startedAt: _s, ...rest } = v;
    void _s;
    return JSON.stringify(rest);
  };

  it('seed.write: checked length and sha256, written whole, hashed back by observe; a mismatch, an oversize image or an image a running VM holds writes nothing', async () => {
    const seedPath = 'D:\\seeds\\vm-1\\cidata.iso';
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running', dvdDrives: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: 'D:\\seeds\\busy.iso' }] })] });
    const image = Buffer.from('CD001 seed image bytes '.repeat(100));
    const out = await run(b, seedArgs(seedPath, image));
    expect(out).toMatchObject({ ok: true, result: { sizeBytes: image.length } });
    expect(readFileSync(dbl.local(seedPath)).equals(image)).toBe(true);
    expect(existsSync(`${dbl.local(seedPath)}.hvc-partial`)).toBe(false);
    const sha = createHash('sha256').update(image).digest('hex');
    const o = await b.observe({ paths: [seedPath, 'D:\\seeds\\none.iso'], neighbors: false, hashes: [seedPath, 'D:\\seeds\\none.iso'] });
    expect(o.host.paths).toEqual([
      { path: seedPath, exists: true, sha256: sha },
      { path: 'D:\\seeds\\none.iso', exists: false, sha256: null },
    ]);

    // Wrong hash, wrong length, not base64, over the bound: invalid-argument, the file is untouched.
    const other = Buffer.from('another image');
    expect(await run(b, seedArgs(seedPath, other, { sha256: sha }))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, seedArgs(seedPath, other, { sizeBytes: other.length + 1 }))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, seedArgs(seedPath, other, { contentBase64: '%%%not base64%%%' }))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, seedArgs(seedPath, other, { sizeBytes: MAX_SEED_IMAGE_BYTES + 1 }))).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/at most/) } });
    expect(await run(b, seedArgs('D:\\seeds\\..\\escape.iso', other))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(readFileSync(dbl.local(seedPath)).equals(image)).toBe(true);

    // An image inserted in a running VM is in use (any case of its path): invalid-state, not written.
    const busy = 'D:\\seeds\\busy.iso';
    expect(await run(b, seedArgs('D:\\SEEDS\\Busy.iso', other))).toMatchObject({ ok: false, error: { code: 'invalid-state', message: expect.stringMatching(/vm-1/) } });
    expect(existsSync(dbl.local(busy))).toBe(false);
    // Ejected, it is written; re-inserted, the drive holds it again.
    expect(await run(b, { op: 'dvd.set', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: null } })).toMatchObject({ ok: true });
    expect(await run(b, seedArgs(busy, other))).toMatchObject({ ok: true });
    expect(await run(b, { op: 'dvd.set', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: busy } })).toMatchObject({ ok: true });
    expect((await observed(b, `${ID}1`)).dvdDrives).toEqual([{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: busy }]);
    // Replacing an existing image (not inserted anywhere running) goes through the rename.
    const third = Buffer.from('third image');
    expect(await run(b, seedArgs(seedPath, third))).toMatchObject({ ok: true });
    expect(readFileSync(dbl.local(seedPath)).equals(third)).toBe(true);
  }, 120_000);

  it('disk.add / disk.detach: a new dynamic VHDX hot-added on SCSI, an existing file attached, detach keeps the file; wrong controller, taken slot, IDE while running and a missing file are refused with nothing made', async () => {
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running' }), vm(2, { generation: 1, state: 'Running', secureBoot: null })] });
    const data = 'D:\\vms\\vm-1\\data1.vhdx';
    expect(await run(b, { op: 'disk.add', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: data, sizeBytes: 2 * GiB } })).toMatchObject({ ok: true });
    expect(await run(b, { op: 'disk.add', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: 'D:\\vms\\shared.vhdx', sizeBytes: null } })).toMatchObject({ ok: true });
    let v = await observed(b, `${ID}1`);
    expect(v.disks).toEqual([
      { path: 'D:\\vms\\vm-1\\vm-1.vhdx', sizeBytes: 20 * GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 },
      { path: data, sizeBytes: 2 * GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1 },
      { path: 'D:\\vms\\shared.vhdx', sizeBytes: 4 * GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2 },
    ]);

    const before = record(dbl, 1);
    const refusals: [Record<string, unknown>, string][] = [
      [{ controllerType: 'IDE', controllerNumber: 0, controllerLocation: 1, path: 'D:\\vms\\vm-1\\x1.vhdx', sizeBytes: GiB }, 'invalid-argument'], // generation 2 has no IDE
      [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: 'D:\\vms\\vm-1\\x2.vhdx', sizeBytes: GiB }, 'invalid-argument'], // slot taken
      [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 64, path: 'D:\\vms\\vm-1\\x3.vhdx', sizeBytes: GiB }, 'invalid-argument'], // no such location
      [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 3, path: data, sizeBytes: GiB }, 'invalid-argument'], // file exists already
      [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 3, path: 'D:\\vms\\vm-1\\missing.vhdx', sizeBytes: null }, 'not-found'],
      [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 3, path: 'D:\\vms\\vm-1\\x4.vhdx', sizeBytes: -5 }, 'invalid-argument'],
    ];
    for (const [args, code] of refusals) expect(await run(b, { op: 'disk.add', args: { ...ref(1), ...args } } as HostOperation)).toMatchObject({ ok: false, error: { code } });
    expect(record(dbl, 1)).toBe(before);
    for (const f of ['x1', 'x2', 'x3', 'x4']) expect(existsSync(dbl.local(`D:\\vms\\vm-1\\${f}.vhdx`))).toBe(false);

    // Generation 1: IDE only while Off, and no file is left behind by the refusal.
    const ide = 'D:\\vms\\vm-2\\ide1.vhdx';
    expect(await run(b, { op: 'disk.add', args: { ...ref(2), controllerType: 'IDE', controllerNumber: 0, controllerLocation: 1, path: ide, sizeBytes: GiB } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(existsSync(dbl.local(ide))).toBe(false);

    // Detach: the slot's disk is detached, its file stays; a slot holding another file is not touched.
    expect(await run(b, { op: 'disk.detach', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: data } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await run(b, { op: 'disk.detach', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 9, path: data } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await run(b, { op: 'disk.detach', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: data } })).toMatchObject({ ok: true, result: { keptFile: data } });
    v = await observed(b, `${ID}1`);
    expect(v.disks.map((d) => [d.path, d.controllerLocation])).toEqual([
      ['D:\\vms\\vm-1\\vm-1.vhdx', 0],
      ['D:\\vms\\shared.vhdx', 2],
    ]);
    expect((await b.observe({ paths: [data], neighbors: false })).host.paths).toEqual([{ path: data, exists: true, sizeBytes: 2 * GiB }]);
  }, 120_000);

  it('dvd.add only when Off (IDE on generation 1, SCSI on generation 2); dvd.set inserts and ejects online; unknown slot or image → not-found', async () => {
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running' }), vm(2, { generation: 1, secureBoot: null })] });
    const iso = 'D:\\seeds\\tools.iso';
    expect(await run(b, seedArgs(iso, Buffer.from('iso')))).toMatchObject({ ok: true });
    const before = record(dbl, 1);
    expect(await run(b, { op: 'dvd.add', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: iso } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(record(dbl, 1)).toBe(before);
    expect(await run(b, { op: 'vm.stop', args: { ...ref(1), timeoutSec: 5, turnOffAfterTimeout: true } })).toMatchObject({ ok: true });
    expect(await run(b, { op: 'dvd.add', args: { ...ref(1), controllerType: 'IDE', controllerNumber: 1, controllerLocation: 0, path: null } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, { op: 'dvd.add', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: 'D:\\seeds\\nope.iso' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await run(b, { op: 'dvd.add', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0, path: null } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } }); // the boot disk's slot
    expect(await run(b, { op: 'dvd.add', args: { ...ref(1), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: iso } })).toMatchObject({ ok: true });
    expect(await run(b, { op: 'dvd.add', args: { ...ref(2), controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0, path: null } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, { op: 'dvd.add', args: { ...ref(2), controllerType: 'IDE', controllerNumber: 1, controllerLocation: 0, path: null } })).toMatchObject({ ok: true });
    expect((await observed(b, `${ID}2`)).dvdDrives).toEqual([{ controllerType: 'IDE', controllerNumber: 1, controllerLocation: 0, path: null }]);

    expect(await run(b, { op: 'vm.start', args: ref(1) })).toMatchObject({ ok: true });
    const slot = { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32 } as const;
    expect(await run(b, { op: 'dvd.set', args: { ...ref(1), ...slot, path: null } })).toMatchObject({ ok: true });
    expect((await observed(b, `${ID}1`)).dvdDrives).toEqual([{ ...slot, path: null }]);
    expect(await run(b, { op: 'dvd.set', args: { ...ref(1), ...slot, path: 'D:\\seeds\\nope.iso' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await run(b, { op: 'dvd.set', args: { ...ref(1), ...slot, controllerLocation: 33, path: iso } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await run(b, { op: 'dvd.set', args: { ...ref(1), ...slot, path: iso } })).toMatchObject({ ok: true });
    expect((await observed(b, `${ID}1`)).dvdDrives).toEqual([{ ...slot, path: iso }]);
  }, 120_000);

  it('vm.create with data disks, DVD drives, every setting and integration services: observed back as asked; generation 1 data disks get their SCSI controller', async () => {
    const { dbl, b } = host({});
    const seedPath = 'D:\\seeds\\n1\\cidata.iso';
    expect(await run(b, seedArgs(seedPath, Buffer.from('seed')))).toMatchObject({ ok: true });
    const args: CreateVmArgs = {
      name: 'n1',
      generation: 2,
      cpus: 2,
      memory: { dynamic: true, startupBytes: 1024 * MiB, minimumBytes: 512 * MiB, maximumBytes: 2048 * MiB },
      path: 'D:\\vms',
      switch: 'lab-net',
      mac: null,
      secureBoot: true,
      notes: 'hyperv-converge: project=t',
      disk: { strategy: 'differencing', image: 'D:\\images\\base.vhdx', path: 'D:\\vms\\n1\\n1.vhdx', sizeBytes: null },
      dataDisks: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: 'D:\\vms\\n1\\data1.vhdx', sizeBytes: 8 * GiB }],
      dvdDrives: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: seedPath }],
      settings: {
        tpm: true,
        secureBootTemplate: 'MicrosoftUEFICertificateAuthority',
        nestedVirtualization: true,
        checkpointType: 'Standard',
        automaticStartAction: 'Nothing',
        automaticStartDelaySec: 30,
        automaticStopAction: 'ShutDown',
        compatibilityForMigration: true,
        memoryWeight: 8000,
        memoryBuffer: 35,
        firstBootDevice: 'DvdDrive',
      },
      integrationServices: [{ id: KVP, enabled: false }],
    };
    const made = await run(b, { op: 'vm.create', args });
    expect(made).toMatchObject({ ok: true });
    const id = (made as { result: { id: string } }).result.id;
    const v = await observed(b, id);
    expect(v).toMatchObject({ ...args.settings, secureBoot: true, state: 'Off' });
    expect(v.disks).toContainEqual({ path: 'D:\\vms\\n1\\data1.vhdx', sizeBytes: 8 * GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1 });
    expect(v.dvdDrives).toEqual([{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: seedPath }]);
    expect(v.integrationServices.find((x) => x.id === KVP)!.enabled).toBe(false);
    // TPM: the key protector was set before Enable-VMTPM (the double refuses the other order).
    expect(dbl.calls()['Set-VMKeyProtector']).toBe(1);

    // Generation 1: data disk on SCSI 0 (the config's slot) needs a SCSI controller, added while Off.
    const g1 = await run(b, { op: 'vm.create', args: { ...args, name: 'g1', generation: 1, secureBoot: null, disk: null, dataDisks: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0, path: 'D:\\vms\\g1\\data.vhdx', sizeBytes: GiB }], dvdDrives: [{ controllerType: 'IDE', controllerNumber: 1, controllerLocation: 0, path: null }], settings: { firstBootDevice: 'HardDisk', checkpointType: 'Disabled' }, integrationServices: undefined } });
    expect(g1).toMatchObject({ ok: true });
    const g = await observed(b, (g1 as { result: { id: string } }).result.id);
    expect(g).toMatchObject({ tpm: null, secureBootTemplate: null, firstBootDevice: 'HardDisk', checkpointType: 'Disabled' });
    expect(g.disks).toEqual([{ path: 'D:\\vms\\g1\\data.vhdx', sizeBytes: GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 }]);
    expect(g.dvdDrives).toEqual([{ controllerType: 'IDE', controllerNumber: 1, controllerLocation: 0, path: null }]);
  }, 120_000);

  it('a generation 2 VM with nothing to boot from (no disk, DVD drive or adapter) is observed complete, its first boot device unknown', async () => {
    const { b } = host({ vms: [vm(1, { disks: [], adapters: [] })] });
    const o = await b.observe({ paths: [], neighbors: false });
    expect(o.incomplete).toEqual([]);
    const v = o.vms.find((x) => x.id === `${ID}1`)!;
    expect(v.firstBootDevice).toBeUndefined();
    expect(v).toMatchObject({ tpm: false, checkpointType: 'Production', dvdDrives: [] });
  }, 120_000);

  it('vm.create refuses bad settings before anything is made, and a failing data disk leaves neither the VM nor its files', async () => {
    const { dbl, b } = host({});
    const args: CreateVmArgs = {
      name: 'bad',
      generation: 1,
      cpus: 1,
      memory: { dynamic: false, startupBytes: 512 * MiB, minimumBytes: 512 * MiB, maximumBytes: 512 * MiB },
      path: 'D:\\vms',
      switch: null,
      mac: null,
      secureBoot: null,
      notes: 'hyperv-converge: project=t',
      disk: null,
    };
    for (const settings of [{ tpm: true }, { secureBootTemplate: 'MicrosoftWindows' }, { memoryBuffer: 30 }, { checkpointType: 'Sometimes' }, { memoryWeight: 20000 }, { memoryWeight: 8050 }, { automaticStartDelaySec: -1 }])
      expect(await run(b, { op: 'vm.create', args: { ...args, settings } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, { op: 'vm.create', args: { ...args, settings: { colour: 'blue' } as never } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(dbl.calls()['New-VM'] ?? 0).toBe(0);
    // The second data disk's slot is taken by the first: the VM and the first disk's file are gone again.
    const out = await run(b, {
      op: 'vm.create',
      args: {
        ...args,
        generation: 2,
        dataDisks: [
          { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: 'D:\\vms\\bad\\d1.vhdx', sizeBytes: GiB },
          { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: 'D:\\vms\\bad\\d2.vhdx', sizeBytes: GiB },
        ],
      },
    });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(dbl.state().vms).toEqual([]);
    expect(existsSync(dbl.local('D:\\vms\\bad\\d1.vhdx'))).toBe(false);
    expect(existsSync(dbl.local('D:\\vms\\bad\\d2.vhdx'))).toBe(false);
  }, 120_000);

  it('vm.setSettings: online keys change while Running, offline keys are refused (invalid-state) with nothing changed, generation 1 TPM and a static-memory buffer are invalid-argument', async () => {
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running', memory: { dynamic: true, startupBytes: GiB, minimumBytes: 512 * MiB, maximumBytes: 2 * GiB } }), vm(2, { generation: 1, secureBoot: null })] });
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings: { checkpointType: 'Standard', memoryWeight: 7000, memoryBuffer: 40 } } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await observed(b, `${ID}1`)).toMatchObject({ checkpointType: 'Standard', memoryWeight: 7000, memoryBuffer: 40 });
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings: { checkpointType: 'Standard' } } })).toMatchObject({ ok: true, result: { changed: false } });
    const before = record(dbl, 1);
    for (const settings of [{ tpm: true }, { secureBootTemplate: 'MicrosoftUEFICertificateAuthority' }, { nestedVirtualization: true }, { automaticStartAction: 'Start' }, { automaticStartDelaySec: 10 }, { automaticStopAction: 'TurnOff' }, { compatibilityForMigration: true }, { firstBootDevice: 'NetworkAdapter' }, { checkpointType: 'Disabled', tpm: true }]) {
      expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings } })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    }
    // An offline key that already has its value is no change, so it passes while Running.
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings: { tpm: false, automaticStopAction: 'Save' } } })).toMatchObject({ ok: true, result: { changed: false } });
    expect(record(dbl, 1)).toBe(before);
    // Off: they apply; the TPM gets its key protector first.
    expect(await run(b, { op: 'vm.stop', args: { ...ref(1), timeoutSec: 5, turnOffAfterTimeout: true } })).toMatchObject({ ok: true });
    const all = { tpm: true, secureBootTemplate: 'MicrosoftUEFICertificateAuthority', nestedVirtualization: true, automaticStartAction: 'Start', automaticStartDelaySec: 10, automaticStopAction: 'TurnOff', compatibilityForMigration: true, firstBootDevice: 'NetworkAdapter' };
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings: all } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await observed(b, `${ID}1`)).toMatchObject(all);
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings: { tpm: false } } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(1), settings: { tpm: true } } })).toMatchObject({ ok: true });
    expect(dbl.calls()['Set-VMKeyProtector']).toBe(1); // an existing key protector is kept

    // Generation 1 and static memory.
    const before2 = record(dbl, 2);
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(2), settings: { tpm: true } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(2), settings: { secureBootTemplate: 'MicrosoftWindows' } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(2), settings: { memoryBuffer: 30 } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(record(dbl, 2)).toBe(before2);
    expect(await run(b, { op: 'vm.setSettings', args: { ...ref(2), settings: { firstBootDevice: 'HardDisk' } } })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await observed(b, `${ID}2`)).toMatchObject({ firstBootDevice: 'HardDisk', tpm: null });
    expect(await run(b, { op: 'vm.setSettings', args: { id: '5e0a7c20-0000-4000-8000-000000000404', name: 'ghost', settings: {} } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 120_000);

  it('vm.setIntegrationServices: by id (names are localized), online; an unknown id is not-found and changes none of the others', async () => {
    const localized = [
      { id: HEARTBEAT, name: 'Takt', enabled: true, status: 'OK' },
      { id: KVP, name: 'Austausch von Schlüssel-Wert-Paaren', enabled: true, status: 'OK' },
    ];
    const { dbl, b } = host({ vms: [vm(1, { state: 'Running', integrationServices: localized })] });
    expect(await run(b, { op: 'vm.setIntegrationServices', args: { ...ref(1), services: [{ id: KVP.toLowerCase(), enabled: false }] } })).toMatchObject({ ok: true, result: { changed: true } });
    expect((await observed(b, `${ID}1`)).integrationServices.map((x) => [x.id, x.enabled])).toEqual([
      [HEARTBEAT, true],
      [KVP, false],
    ]);
    expect(await run(b, { op: 'vm.setIntegrationServices', args: { ...ref(1), services: [{ id: KVP, enabled: false }] } })).toMatchObject({ ok: true, result: { changed: false } });
    const before = record(dbl, 1);
    expect(await run(b, { op: 'vm.setIntegrationServices', args: { ...ref(1), services: [{ id: HEARTBEAT, enabled: false }, { id: '00000000-0000-0000-0000-000000000000', enabled: true }] } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await run(b, { op: 'vm.setIntegrationServices', args: { ...ref(1), services: [{ id: 'Heartbeat', enabled: false }] } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(record(dbl, 1)).toBe(before);
  }, 120_000);
});
