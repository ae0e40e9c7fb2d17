// The simulated host behaves as Hyper-V does where the plan depends on it. Exercised through the
// real sim agent process (the same stdio boundary as the PowerShell agent).
import { describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../src/backends/index.js';
import { readSimState, type SimSeed } from '../../src/backends/sim/state.js';
import type { GuestAddressReport } from '../../src/core/model/guest.js';
import type { Observation } from '../../src/core/model/observed.js';
import type { HostOperation } from '../../src/core/plan/operations.js';
import type { OperationOutcome } from '../../src/core/ports.js';
import { simHost } from './sim-helpers.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

async function session(seed: SimSeed, fn: (s: { observe: (neighbors?: boolean) => Promise<Observation>; run: (op: HostOperation) => Promise<OperationOutcome>; id: (name: string) => Promise<string>; query: (ids: string[]) => Promise<GuestAddressReport>; stateFile: string }) => Promise<void>) {
  const sim = simHost(seed);
  const backend = sim.backend();
  const runner = await backend.runner(1);
  const observe = (neighbors = false) => backend.observe({ paths: [], neighbors });
  try {
    await fn({
      observe,
      run: (op) => runner.run(op, 10_000),
      id: async (name) => (await observe()).vms.find((v) => v.name === name)!.id,
      query: async (ids) => {
        const out = await backend.query({ op: 'guest.addresses', args: { ids, neighbors: true } }, 10_000);
        if (!out.ok) throw new Error(out.error.message);
        return out.result as GuestAddressReport;
      },
      stateFile: sim.stateFile,
    });
  } finally {
    await runner.close();
    await backend.close();
    sim.cleanup();
  }
}
const code = (o: OperationOutcome) => (o.ok ? 'ok' : o.error.code);

describe('power-state rules', () => {
  it('CPU, static memory, static↔dynamic and secure boot changes are refused while Running; notes and switch are not', () =>
    session({ vms: [{ name: 'web', state: 'Running', cpus: 2 }], switches: [{ name: 'Default Switch' }, { name: 'lab' }] }, async ({ run, id, observe }) => {
      const vm = await id('web');
      const mem = { id: vm, name: 'web', dynamic: false, startupBytes: 4 * GiB, minimumBytes: 4 * GiB, maximumBytes: 4 * GiB };
      const setCpus = await run({ op: 'vm.setCpus', args: { id: vm, name: 'web', count: 4 } });
      expect(code(setCpus)).toBe('invalid-state');
      if (!setCpus.ok) expect(setCpus.error.message).toMatch(/cannot be performed while the virtual machine is in its current state \(Running\)/);
      expect(code(await run({ op: 'vm.setMemory', args: mem }))).toBe('invalid-state');
      expect(code(await run({ op: 'vm.setMemory', args: { ...mem, dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB } }))).toBe('invalid-state');
      expect(code(await run({ op: 'vm.setSecureBoot', args: { id: vm, name: 'web', enabled: false } }))).toBe('invalid-state');
      expect(code(await run({ op: 'vm.setNotes', args: { id: vm, name: 'web', notes: 'x' } }))).toBe('ok');
      expect(code(await run({ op: 'vm.connectSwitch', args: { id: vm, name: 'web', adapter: null, switch: 'lab' } }))).toBe('ok');
      const after = (await observe()).vms[0]!;
      expect(after).toMatchObject({ cpus: 2, secureBoot: true, notes: 'x', state: 'Running' });
      expect(after.adapters[0]!.switch).toBe('lab');
    }));

  it('dynamic memory: bounds enforced; a running VM may only widen its range', () =>
    session({ vms: [{ name: 'db', state: 'Running', memory: { dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 4 * GiB } }] }, async ({ run, id, observe }) => {
      const vm = await id('db');
      const m = (over: object) => ({ op: 'vm.setMemory' as const, args: { id: vm, name: 'db', dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 4 * GiB, ...over } });
      expect(code(await run(m({ minimumBytes: 3 * GiB })))).toBe('invalid-argument'); // min > startup
      expect(code(await run(m({ maximumBytes: 1 * GiB })))).toBe('invalid-argument'); // max < startup
      expect(code(await run(m({ startupBytes: 2 * GiB + 1 })))).toBe('invalid-argument'); // not a 2 MB multiple
      expect(code(await run(m({ maximumBytes: 3 * GiB })))).toBe('invalid-state'); // narrowing online
      expect(code(await run(m({ minimumBytes: 512 * MiB, maximumBytes: 8 * GiB })))).toBe('ok'); // widening online
      expect((await observe()).vms[0]!.memory).toEqual({ dynamic: true, startupBytes: 2 * GiB, minimumBytes: 512 * MiB, maximumBytes: 8 * GiB });
    }));

  it('stop: a guest ignoring shutdown → timeout unless turning off is allowed', () =>
    session({ vms: [{ name: 'stubborn', state: 'Running', guest: { ignoreShutdown: true } }, { name: 'nice', state: 'Running' }] }, async ({ run, id, observe }) => {
      const s = await id('stubborn');
      const stop = (vmId: string, name: string, turnOff: boolean) => run({ op: 'vm.stop', args: { id: vmId, name, timeoutSec: 30, turnOffAfterTimeout: turnOff } });
      expect(code(await stop(s, 'stubborn', false))).toBe('timeout');
      expect((await observe()).vms.find((v) => v.name === 'stubborn')!.state).toBe('Running');
      expect(await stop(s, 'stubborn', true)).toMatchObject({ ok: true, result: { state: 'Off', turnedOff: true } });
      expect(await stop(await id('nice'), 'nice', false)).toMatchObject({ ok: true, result: { state: 'Off', turnedOff: false } });
    }));

  it('transitional states stay until their time has passed; duplicate names are reported as seen', () =>
    session(
      {
        vms: [
          { name: 'booting', state: 'Starting', settleAfterMs: 3_600_000 },
          { name: 'settled', state: 'Stopping', settleAfterMs: 0 },
          { name: 'twin', state: 'Off' },
          { name: 'twin', state: 'Running' },
        ],
      },
      async ({ observe }) => {
        const o = await observe();
        expect(o.complete).toBe(true); // the core, not the client, judges states and duplicates
        expect(o.vms.find((v) => v.name === 'booting')!.state).toBe('Starting');
        expect(o.vms.find((v) => v.name === 'settled')!.state).toBe('Off');
        expect(o.vms.filter((v) => v.name === 'twin')).toHaveLength(2);
      },
    ));

  it('stop of a Saved or Paused VM discards its memory state only when turning off is allowed', () =>
    session({ vms: [{ name: 'saved', state: 'Saved' }, { name: 'paused', state: 'Paused' }] }, async ({ run, id, observe }) => {
      for (const name of ['saved', 'paused']) {
        const vm = await id(name);
        expect(code(await run({ op: 'vm.stop', args: { id: vm, name, timeoutSec: 5, turnOffAfterTimeout: false } }))).toBe('invalid-state');
        expect(await run({ op: 'vm.stop', args: { id: vm, name, timeoutSec: 5, turnOffAfterTimeout: true } })).toMatchObject({ ok: true, result: { state: 'Off', turnedOff: true } });
      }
      expect((await observe()).vms.map((v) => v.state)).toEqual(['Off', 'Off']);
    }));

  it('unchanged settings are no-ops even while Running', () =>
    session({ vms: [{ name: 'r', state: 'Running', cpus: 2, memory: { dynamic: false, startupBytes: 2 * GiB } }] }, async ({ run, id }) => {
      const vm = await id('r');
      expect(await run({ op: 'vm.setCpus', args: { id: vm, name: 'r', count: 2 } })).toMatchObject({ ok: true, result: { changed: false } });
      expect(await run({ op: 'vm.setSecureBoot', args: { id: vm, name: 'r', enabled: true } })).toMatchObject({ ok: true, result: { changed: false } });
      expect(await run({ op: 'vm.setMemory', args: { id: vm, name: 'r', dynamic: false, startupBytes: 2 * GiB, minimumBytes: 0, maximumBytes: 0 } })).toMatchObject({ ok: true, result: { changed: false } });
    }));

  it('start from Saved or Off; start of a Running VM changes nothing', () =>
    session({ vms: [{ name: 's', state: 'Saved' }, { name: 'r', state: 'Running' }] }, async ({ run, id, observe }) => {
      expect(await run({ op: 'vm.start', args: { id: await id('s'), name: 's' } })).toMatchObject({ ok: true, result: { changed: true } });
      expect(await run({ op: 'vm.start', args: { id: await id('r'), name: 'r' } })).toMatchObject({ ok: true, result: { changed: false } });
      expect((await observe()).vms.map((v) => v.state)).toEqual(['Running', 'Running']);
    }));
});

describe('guest IP discovery', () => {
  const seed: SimSeed = {
    vms: [
      { name: 'kvp', state: 'Running', guest: { ips: ['10.0.0.11'], via: 'kvp' } },
      { name: 'arp', state: 'Running', guest: { ips: ['10.0.0.12'], via: 'arp' } },
      { name: 'late', state: 'Running', startedAt: Date.now(), guest: { ips: ['10.0.0.13'], via: 'kvp', ipDelayMs: 3_600_000 } },
      { name: 'noisy', state: 'Running', guest: { ips: ['10.0.0.14'], via: 'kvp', noise: true } },
      { name: 'off', state: 'Off', guest: { ips: ['10.0.0.15'], via: 'kvp' } },
    ],
  };
  it('KVP addresses on the adapter, ARP-only addresses in the host neighbor table, delays and noise', () =>
    session(seed, async ({ observe, query }) => {
      const o = await observe(true);
      const by = (n: string) => o.vms.find((v) => v.name === n)!;
      expect(by('kvp').adapters[0]!.ips).toEqual(['10.0.0.11']);
      expect(by('arp').adapters[0]!.ips).toEqual([]);
      expect(o.host.neighbors).toContainEqual({ ip: '10.0.0.12', mac: by('arp').adapters[0]!.mac, state: 'Reachable' });
      expect(by('late').adapters[0]!.ips).toEqual([]);
      expect(o.host.neighbors.some((n) => n.ip === '10.0.0.13')).toBe(false);
      expect(by('noisy').adapters[0]!.ips).toEqual(expect.arrayContaining(['0.0.0.0', '10.0.0.14', '169.254.12.34', 'fe80::215:5dff:fe00:1']));
      expect(by('off').adapters[0]!.ips).toEqual([]);

      const r = await query([by('kvp').id, by('arp').id]);
      expect(r.vms.map((v) => v.name)).toEqual(['arp', 'kvp']);
      expect(r.vms.find((v) => v.name === 'kvp')!.kvp).toEqual({ enabled: true, status: 'OK' });
      expect(r.vms.find((v) => v.name === 'arp')!.kvp).toEqual({ enabled: true, status: 'No Contact' });
      expect(r.neighbors.some((n) => n.ip === '10.0.0.12')).toBe(true);
    }));

  it('a VM started through the agent gets its addresses only after the guest delay', () =>
    session({ vms: [{ name: 'fresh', state: 'Off', guest: { ips: ['10.0.0.20'], via: 'kvp', ipDelayMs: 3_600_000 } }, { name: 'quick', state: 'Off', guest: { ips: ['10.0.0.21'], via: 'kvp', ipDelayMs: 0 } }] }, async ({ run, id, observe }) => {
      await run({ op: 'vm.start', args: { id: await id('fresh'), name: 'fresh' } });
      await run({ op: 'vm.start', args: { id: await id('quick'), name: 'quick' } });
      const o = await observe();
      expect(o.vms.find((v) => v.name === 'fresh')!.adapters[0]!.ips).toEqual([]);
      expect(o.vms.find((v) => v.name === 'quick')!.adapters[0]!.ips).toEqual(['10.0.0.21']);
    }));
});

describe('disks and removal', () => {
  const image = 'D:\\images\\base.vhdx';
  const create = (name: string, strategy: 'differencing' | 'copy', img = image, sizeBytes: number | null = null): HostOperation => ({
    op: 'vm.create',
    args: { name, generation: 2, cpus: 2, memory: { dynamic: false, startupBytes: 2 * GiB, minimumBytes: 0, maximumBytes: 0 }, path: 'D:\\vms', switch: 'Default Switch', mac: '00-15-5D-AA-BB-CC', secureBoot: true, notes: 'owned', disk: { strategy, image: img, path: `D:\\vms\\${name}.vhdx`, sizeBytes } },
  });

  it('differencing has the image as parent, copy has none; a missing image → not-found; grow only upward', () =>
    session({ files: { [image]: { sizeBytes: 20 * GiB } } }, async ({ run, observe, stateFile }) => {
      expect(code(await run(create('d', 'differencing')))).toBe('ok');
      expect(code(await run(create('c', 'copy', image, 40 * GiB)))).toBe('ok');
      expect(code(await run(create('x', 'copy', 'D:\\images\\missing.vhdx')))).toBe('not-found');
      expect(code(await run(create('y', 'copy', image, 10 * GiB)))).toBe('invalid-argument');
      const o = await observe();
      expect(o.vms.map((v) => v.name)).toEqual(['c', 'd']);
      const d = o.vms.find((v) => v.name === 'd')!;
      // The boot disk of a generation 2 VM sits at SCSI 0:0 (New-VM -VHDPath).
      expect(d.disks).toEqual([{ path: 'D:\\vms\\d.vhdx', sizeBytes: 20 * GiB, parentPath: image, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 }]);
      expect(d.adapters[0]).toMatchObject({ mac: '00155DAABBCC', dynamicMac: false, switch: 'Default Switch' });
      expect(o.vms.find((v) => v.name === 'c')!.disks).toEqual([{ path: 'D:\\vms\\c.vhdx', sizeBytes: 40 * GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 }]);
      expect(code(await run({ op: 'disk.grow', args: { id: d.id, name: 'd', path: 'D:\\vms\\d.vhdx', sizeBytes: 10 * GiB } }))).toBe('invalid-argument');
      expect(code(await run({ op: 'disk.grow', args: { id: d.id, name: 'd', path: 'D:\\vms\\d.vhdx', sizeBytes: 30 * GiB } }))).toBe('ok');
      expect(readSimState(stateFile).host.files['D:\\vms\\d.vhdx']!.sizeBytes).toBe(30 * GiB);
    }));

  it('remove keeps disks unless deleteDisks; a Running VM is not removed', () =>
    session({ files: { [image]: { sizeBytes: 20 * GiB } } }, async ({ run, id, stateFile }) => {
      await run(create('keep', 'differencing'));
      await run(create('drop', 'differencing'));
      const keep = await id('keep');
      await run({ op: 'vm.start', args: { id: keep, name: 'keep' } });
      expect(code(await run({ op: 'vm.remove', args: { id: keep, name: 'keep', deleteDisks: false } }))).toBe('invalid-state');
      await run({ op: 'vm.stop', args: { id: keep, name: 'keep', timeoutSec: 10, turnOffAfterTimeout: false } });
      expect(await run({ op: 'vm.remove', args: { id: keep, name: 'keep', deleteDisks: false } })).toMatchObject({ ok: true, result: { keptDisks: ['D:\\vms\\keep.vhdx'] } });
      expect(await run({ op: 'vm.remove', args: { id: await id('drop'), name: 'drop', deleteDisks: true } })).toMatchObject({ ok: true, result: { deletedDisks: ['D:\\vms\\drop.vhdx'] } });
      const files = readSimState(stateFile).host.files;
      expect(Object.keys(files).sort()).toEqual([image, 'D:\\vms\\keep.vhdx']);
      expect(readSimState(stateFile).vms).toEqual([]);
    }));
});

describe('state file and factory', () => {
  it('createBackend({kind: sim}) on a missing state file starts the lab host of examples/lab/host.json', async () => {
    const sim = simHost();
    const file = join(sim.dir, 'fresh.json');
    expect(existsSync(file)).toBe(false);
    const backend = createBackend({ kind: 'sim', stateFile: file });
    try {
      const o = await backend.observe({ paths: ['D:\\images\\ubuntu-24.04.vhdx', 'D:\\Hyper-V\\lab'], neighbors: false });
      expect(o.backend).toBe('sim');
      expect(o.host.computerName).toBe('HV-LAB01');
      expect(o.host.paths.every((p) => p.exists)).toBe(true);
      expect(o.vms.map((v) => v.name)).toEqual(['cache-1', 'db-1', 'dev-sandbox', 'legacy-app', 'old-1', 'prod-db-1', 'web-1']);
    } finally {
      await backend.close();
      sim.cleanup();
    }
  });

  it('readSimState refuses a file of another format', () => {
    const sim = simHost();
    try {
      const bad = join(sim.dir, 'bad.json');
      writeFileSync(bad, '{"format":"other","version":1}');
      expect(() => readSimState(bad)).toThrow(/not a hyperv-converge-sim v1 state file/);
    } finally {
      sim.cleanup();
    }
  });
});
