// Fault and cost knobs of the simulated host, seen through the real client over the process
// boundary: fail / crash / hang at the Nth operation (counted across processes), slow and failed
// launches.
import { describe, expect, it } from '@jest/globals';
import { readSimState } from '../../src/backends/sim/state.js';
import type { HostOperation } from '../../src/core/plan/operations.js';
import { simHost } from './sim-helpers.js';

const notes = (id: string, n: number): HostOperation => ({ op: 'vm.setNotes', args: { id, name: 'a', notes: `n${n}` } });

async function withSim<T>(seed: Parameters<typeof simHost>[0], fn: (sim: ReturnType<typeof simHost>, backend: ReturnType<ReturnType<typeof simHost>['backend']>) => Promise<T>, opts = {}) {
  const sim = simHost(seed);
  const backend = sim.backend(opts);
  try {
    return await fn(sim, backend);
  } finally {
    await backend.close();
    sim.cleanup();
  }
}

describe('sim knobs', () => {
  it('failAt: exactly the Nth operation fails with a typed error, the agent lives on', () =>
    withSim({ vms: [{ name: 'a' }], knobs: { failAt: 3 } }, async (_sim, backend) => {
      const id = (await backend.observe({ paths: [], neighbors: false })).vms[0]!.id; // op 1
      const r = await backend.runner(1);
      const outs = [await r.run(notes(id, 2), 5000), await r.run(notes(id, 3), 5000), await r.run(notes(id, 4), 5000)];
      expect(outs.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['ok', 'hyperv-error', 'ok']);
      expect(backend.stats().launches).toBe(1);
    }));

  it('crashAt: agent-crashed with the stderr tail; the next operation gets a fresh agent', () =>
    withSim({ vms: [{ name: 'a' }], knobs: { crashAt: 2 } }, async (sim, backend) => {
      const id = (await backend.observe({ paths: [], neighbors: false })).vms[0]!.id;
      const r = await backend.runner(1);
      const crashed = await r.run(notes(id, 2), 5000);
      expect(crashed.ok).toBe(false);
      if (!crashed.ok) {
        expect(crashed.error.code).toBe('agent-crashed');
        expect(crashed.error.stderr).toContain('injected crash at operation 2');
      }
      expect((await r.run(notes(id, 3), 5000)).ok).toBe(true);
      expect(readSimState(sim.stateFile).stats.launches).toBe(2);
    }));

  it('hangAt: agent-timeout, never success', () =>
    withSim({ vms: [{ name: 'a' }], knobs: { hangAt: 2 } }, async (_sim, backend) => {
      const id = (await backend.observe({ paths: [], neighbors: false })).vms[0]!.id;
      const r = await backend.runner(1);
      expect(await r.run(notes(id, 2), 500)).toMatchObject({ ok: false, error: { code: 'agent-timeout' } });
    }));

  it('hang during observe → incomplete observation (agent-failed), not an exception', () =>
    withSim(
      { vms: [{ name: 'a' }], knobs: { hangAt: 1 } },
      async (_sim, backend) => {
        const o = await backend.observe({ paths: [], neighbors: false });
        expect(o.complete).toBe(false);
        expect(o.incomplete[0]).toMatchObject({ code: 'agent-failed' });
        expect(o.incomplete[0]!.message).toMatch(/agent-timeout/);
      },
      { observeTimeoutMs: 500 },
    ));

  it('launchDelayMs beyond the launch bound → agent-launch-failed', () =>
    withSim(
      { knobs: { launchDelayMs: 3000 } },
      async (_sim, backend) => {
        const o = await backend.observe({ paths: [], neighbors: false });
        expect(o.complete).toBe(false);
        expect(o.incomplete[0]!.message).toMatch(/agent-launch-failed/);
      },
      { launchTimeoutMs: 300 },
    ));

  it('failLaunch → agent-launch-failed with the agent stderr', () =>
    withSim({ knobs: { failLaunch: true } }, async (_sim, backend) => {
      const out = await backend.query({ op: 'doctor', args: { paths: [], images: [], switches: [] } }, 5000);
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.error.code).toBe('agent-launch-failed');
        expect(out.error.stderr).toContain('injected launch failure');
      }
    }));

  it('opLatencyMs and observePerVmMs are honoured without changing results', () =>
    withSim({ vms: [{ name: 'a' }, { name: 'b' }], knobs: { opLatencyMs: { observe: 20, default: 10 }, observePerVmMs: 5 } }, async (_sim, backend) => {
      const o = await backend.observe({ paths: [], neighbors: false });
      expect(o.vms.map((v) => v.name)).toEqual(['a', 'b']);
    }));
});
