// runDoctor over the sim agent: each failing check names the exact fix.
import { describe, expect, it } from '@jest/globals';
import { doctorArgs, runDoctor } from '../../src/backends/doctor.js';
import type { Config, DesiredVm } from '../../src/core/config/types.js';
import { simHost } from './sim-helpers.js';

const vm = (name: string, over: Partial<DesiredVm> = {}): DesiredVm => ({
  name,
  state: 'running',
  generation: 2,
  cpus: 2,
  memory: { dynamic: false, startupBytes: 2 * 1024 ** 3 },
  secureBoot: true,
  switch: 'Default Switch',
  mac: null,
  disk: { strategy: 'differencing', image: 'D:\\images\\base.vhdx', sizeBytes: null, deleteOnDestroy: false },
  path: 'D:\\lab',
  notes: '',
  ssh: null,
  ...over,
});
const config = (vms: DesiredVm[]): Config => ({
  version: 1,
  project: 'lab',
  host: { computerName: null, concurrency: 2, operationTimeoutSec: 60 },
  policy: { protect: [], allowRestart: false, allowTurnOff: false, maxDisruptive: 5, prune: false, checkpointBeforeDisruptive: false, stopTimeoutSec: 60 },
  ssh: null,
  vms,
});

describe('doctor', () => {
  it('asks for what the config needs (absent VMs need nothing)', () => {
    expect(doctorArgs(config([vm('a'), vm('b', { switch: 'lab', path: 'E:\\x' }), vm('gone', { state: 'absent', switch: 'old' })]))).toEqual({
      paths: ['D:\\lab', 'E:\\x'],
      images: ['D:\\images\\base.vhdx'],
      switches: ['Default Switch', 'lab'],
    });
  });

  it('all green on a host that has everything', async () => {
    const sim = simHost({ folders: ['D:\\lab'], files: { 'D:\\images\\base.vhdx': { sizeBytes: 1 } } });
    const backend = sim.backend();
    try {
      const r = await runDoctor(backend, config([vm('a')]));
      expect(r.ok).toBe(true);
      expect(r.checks.map((c) => c.id)).toEqual(['hyperv-module', 'vmms', 'permission', 'switch:Default Switch', 'image:D:\\images\\base.vhdx', 'path:D:\\lab']);
    } finally {
      await backend.close();
      sim.cleanup();
    }
  });

  it('each failure carries its fix', async () => {
    const sim = simHost({ userIsHyperVAdmin: false, switches: [{ name: 'Other' }] });
    const backend = sim.backend();
    try {
      const r = await runDoctor(backend, config([vm('a')]));
      expect(r.ok).toBe(false);
      const failed = Object.fromEntries(r.checks.filter((c) => !c.ok).map((c) => [c.id, c.fix]));
      expect(failed['permission']).toMatch(/S-1-5-32-578/);
      expect(failed['switch:Default Switch']).toMatch(/New-VMSwitch -Name 'Default Switch'/);
      expect(failed['image:D:\\images\\base.vhdx']).toMatch(/base image/);
      expect(failed['path:D:\\lab']).toMatch(/New-Item -ItemType Directory -Path 'D:\\lab'/);
    } finally {
      await backend.close();
      sim.cleanup();
    }
  });

  it('an agent that cannot start is one failed check with a fix, not a throw', async () => {
    const sim = simHost({ knobs: { failLaunch: true } });
    const backend = sim.backend();
    try {
      const r = await runDoctor(backend, config([vm('a')]));
      expect(r.ok).toBe(false);
      expect(r.checks).toHaveLength(1);
      expect(r.checks[0]).toMatchObject({ id: 'agent', ok: false });
      expect(r.checks[0]!.fix).toMatch(/PowerShell/);
    } finally {
      await backend.close();
      sim.cleanup();
    }
  });
});
