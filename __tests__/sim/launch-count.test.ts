// Launch economics, by count (never by time): observe of 1, 10, 100 and 1,000 VMs costs exactly one
// agent launch per host; N operations through a pool of size c cost at most c launches. Counted
// twice: by the backend and by the sim agents themselves in the shared state file.
import { describe, expect, it } from '@jest/globals';
import { readSimState, type SimVmSeed } from '../../src/backends/sim/state.js';
import type { HostOperation } from '../../src/core/plan/operations.js';
import { simHost } from './sim-helpers.js';

const vms = (n: number): SimVmSeed[] =>
  Array.from({ length: n }, (_, i) => ({ name: `vm-${String(i).padStart(4, '0')}`, state: i % 3 === 0 ? 'Running' : 'Off', notes: 'managed-by: hyperv-converge/lab' }));

describe('observe costs one launch per host, whatever the VM count', () => {
  for (const n of [1, 10, 100, 1000]) {
    it(`${n} VM${n === 1 ? '' : 's'} → 1 launch, 1 operation`, async () => {
      const sim = simHost({ vms: vms(n) });
      const backend = sim.backend();
      try {
        const o = await backend.observe({ paths: ['D:\\x'], neighbors: true });
        expect(o.complete).toBe(true);
        expect(o.vms).toHaveLength(n);
        expect(backend.stats()).toEqual({ launches: 1, operations: 1 });
        expect(readSimState(sim.stateFile).stats).toEqual({ launches: 1, operations: 1 });
      } finally {
        await backend.close();
        sim.cleanup();
      }
    });
  }
});

describe('apply through a pool of size c costs at most c launches', () => {
  for (const [n, c] of [
    [30, 1],
    [50, 4],
    [60, 8],
  ] as const) {
    it(`observe + ${n} operations at concurrency ${c}`, async () => {
      const sim = simHost({ vms: vms(n), knobs: { opLatencyMs: { default: 5 } } });
      const backend = sim.backend();
      try {
        const o = await backend.observe({ paths: [], neighbors: false });
        const runner = await backend.runner(c);
        const ops: HostOperation[] = o.vms.map((v) => ({ op: 'vm.setNotes', args: { id: v.id, name: v.name, notes: `changed ${v.name}` } }));
        const outs = await Promise.all(ops.map((op) => runner.run(op, 30_000)));
        await runner.close();
        expect(outs.filter((x) => !x.ok)).toEqual([]);
        const after = await backend.observe({ paths: [], neighbors: false });
        // No lost update across the pool's processes sharing the state file.
        expect(after.vms.every((v) => v.notes === `changed ${v.name}`)).toBe(true);
        const fileStats = readSimState(sim.stateFile).stats;
        expect(fileStats.launches).toBeLessThanOrEqual(c);
        expect(fileStats.operations).toBe(n + 2);
        expect(backend.stats()).toEqual(fileStats);
      } finally {
        await backend.close();
        sim.cleanup();
      }
    });
  }
});

describe('prestarted pool agents', () => {
  it('start together, serve observe and the pool, and cost no more than the pool', async () => {
    const sim = simHost({ vms: vms(6), knobs: { opLatencyMs: { default: 5 } } });
    const backend = sim.backend();
    try {
      backend.prestart(3);
      const o = await backend.observe({ paths: [], neighbors: false });
      expect(o.complete).toBe(true);
      const runner = await backend.runner(3);
      const outs = await Promise.all(o.vms.map((v) => runner.run({ op: 'vm.setNotes', args: { id: v.id, name: v.name, notes: 'x' } }, 10_000)));
      await runner.close();
      expect(outs.every((x) => x.ok)).toBe(true);
      expect(backend.stats()).toEqual({ launches: 3, operations: 7 });
      expect(readSimState(sim.stateFile).stats.launches).toBe(3);
    } finally {
      await backend.close();
      sim.cleanup();
    }
  });

  it('unused ones still starting when the backend closes are killed, not waited for', async () => {
    // A 60 s launch: close() waiting for it would outlast the test's timeout.
    const sim = simHost({ knobs: { launchDelayMs: 60_000 } });
    const backend = sim.backend();
    try {
      backend.prestart(4);
      await new Promise((r) => setTimeout(r, 500)); // let them start (each counts itself in the state)
      await backend.close();
      expect(backend.liveAgents()).toBe(0);
      expect(backend.stats().launches).toBe(4);
    } finally {
      sim.cleanup();
    }
  }, 30_000);
});
