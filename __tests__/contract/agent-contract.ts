// The contract every agent keeps (sim here; the real PowerShell agent on a Hyper-V host through
// .github/workflows/hyperv-integration.yml). Self-contained: it makes its own uniquely named VMs
// and removes them, so it can run on a real (disposable) host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
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
