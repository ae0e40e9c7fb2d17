// Builders for resolved configs and observations, so core tests state only what matters to them.
import type { Config, DesiredVm } from '../../src/core/config/types.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import { markerLine } from '../../src/core/model/ownership.js';

export const GiB = 1024 ** 3;

export function desired(name: string, over: Partial<DesiredVm> = {}): DesiredVm {
  return {
    name,
    state: 'running',
    generation: 2,
    cpus: 2,
    memory: { dynamic: false, startupBytes: 2 * GiB },
    secureBoot: true,
    switch: 'lab-net',
    mac: null,
    disk: { strategy: 'differencing', image: 'D:\\images\\base.vhdx', sizeBytes: null, deleteOnDestroy: false },
    path: 'D:\\Hyper-V\\lab',
    notes: '',
    ssh: null,
    ...over,
  };
}

export function config(vms: DesiredVm[], policy: Partial<Config['policy']> = {}): Config {
  return {
    version: 1,
    project: 'lab',
    host: { computerName: null, concurrency: 2, operationTimeoutSec: 600 },
    policy: { protect: ['prod-*'], allowRestart: false, allowTurnOff: false, maxDisruptive: 5, prune: false, checkpointBeforeDisruptive: false, stopTimeoutSec: 120, ...policy },
    ssh: null,
    vms,
  };
}

let n = 0;
export function observed(name: string, over: Partial<ObservedVm> = {}): ObservedVm {
  n++;
  return {
    id: over.id ?? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name,
    state: 'Running',
    generation: 2,
    cpus: 2,
    memory: { dynamic: false, startupBytes: 2 * GiB, minimumBytes: 2 * GiB, maximumBytes: 2 * GiB },
    secureBoot: true,
    notes: markerLine('lab'),
    path: 'D:\\Hyper-V\\lab',
    adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: '00155D000001', dynamicMac: true, ips: [] }],
    disks: [{ path: `D:\\Hyper-V\\lab\\${name}\\Virtual Hard Disks\\${name}.vhdx`, sizeBytes: 64 * GiB, parentPath: 'D:\\images\\base.vhdx' }],
    checkpoints: [],
    integrationServices: [],
    ...over,
  };
}

export function observation(vms: ObservedVm[], over: Partial<Observation> = {}): Observation {
  return {
    schemaVersion: 1,
    backend: 'sim',
    host: {
      computerName: 'HV01',
      switches: [{ name: 'lab-net', type: 'External' }, { name: 'Default Switch', type: 'Internal' }],
      paths: [{ path: 'D:\\images\\base.vhdx', exists: true }, { path: 'D:\\Hyper-V\\lab', exists: true }],
      neighbors: [],
    },
    complete: true,
    incomplete: [],
    vms,
    ...over,
  };
}
