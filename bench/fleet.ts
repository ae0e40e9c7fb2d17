// Synthetic fleets for the benchmarks: a resolved Config and an Observation of the same host, built
// in memory (no YAML, no agent), with a fixed, realistic mix of what a large plan meets. Also the
// same kind of fleet as YAML text, to time config loading, and the sim seed of an observed fleet.
import type { Config, DesiredVm } from '../src/core/config/types.js';
import type { Observation, ObservedVm } from '../src/core/model/observed.js';
import { withMarker } from '../src/core/model/ownership.js';
import { diskPathFor } from '../src/core/plan/plan.js';

const GiB = 1024 ** 3;
export const PROJECT = 'bench';
export const IMAGE = 'D:\\images\\base.vhdx';
export const VM_PATH = 'D:\\Hyper-V\\bench';
export const SWITCH = 'lab-net';

/** What happens to VM i: its kind is fixed by i mod 100, so every fleet of ≥100 VMs has the same mix. */
export type VmCase =
  | 'unchanged' // 70 %: host matches the file
  | 'create' // 10 %: not on the host: create + start
  | 'cpus-restart' // 5 %: more CPUs while running: stop → set-cpus → start (disruptive, counted by maxDisruptive)
  | 'memory-online' // 5 %: dynamic memory maximum changes online
  | 'notes' // 3 %: notes change online
  | 'stop' // 2 %: the file wants it stopped (disruptive)
  | 'remove' // 2 %: state: absent (destructive)
  | 'unmanaged' // 1 %: exists without our ownership marker: refused
  | 'protected' // 1 %: protected name (prod-*) to be stopped: refused by safety
  | 'switch'; // 1 %: adapter not connected: connect-switch online

export function caseOf(i: number): VmCase {
  const k = i % 100;
  if (k < 70) return 'unchanged';
  if (k < 80) return 'create';
  if (k < 85) return 'cpus-restart';
  if (k < 90) return 'memory-online';
  if (k < 93) return 'notes';
  if (k < 95) return 'stop';
  if (k < 97) return 'remove';
  if (k === 97) return 'unmanaged';
  if (k === 98) return 'protected';
  return 'switch';
}

export const MIX_DESCRIPTION =
  '70 % unchanged, 10 % to create and start, 5 % CPU change needing a restart, 5 % dynamic-memory bound change (online), 3 % notes, 2 % to stop, 2 % to remove, 1 % unmanaged (refused), 1 % protected by name (refused), 1 % switch to connect; plus 5 % hand-made VMs the file does not name; policy: allowRestart, maxDisruptive 50';

const pad = (i: number) => String(i).padStart(5, '0');
export const vmName = (i: number): string => (caseOf(i) === 'protected' ? `prod-${pad(i)}` : `vm-${pad(i)}`);
const uuid = (n: number, tag: number) => `00000000-0000-4000-${String(8000 + tag)}-${String(n).padStart(12, '0')}`;

function desiredVm(i: number): DesiredVm {
  const c = caseOf(i);
  const dynamic = c === 'memory-online';
  return {
    name: vmName(i),
    state: c === 'stop' || c === 'protected' ? 'stopped' : c === 'remove' ? 'absent' : 'running',
    generation: 2,
    cpus: c === 'cpus-restart' || c === 'unmanaged' ? 4 : 2,
    memory: dynamic ? { dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 8 * GiB } : { dynamic: false, startupBytes: 2 * GiB },
    secureBoot: true,
    switch: SWITCH,
    mac: null,
    disk: { strategy: 'differencing', image: IMAGE, sizeBytes: null, deleteOnDestroy: false },
    path: VM_PATH,
    notes: c === 'notes' ? `rebuilt ${i % 7} times` : '',
    ssh: null,
    // What resolve fills in when the file uses none of the wider VM surface.
    adapters: [{ name: null, switch: SWITCH, mac: null }],
    adaptersListed: false,
    dataDisks: [],
    dvdDrives: [],
    cloudInit: null,
    integrationServices: {},
    settings: { tpm: null, secureBootTemplate: null, nestedVirtualization: null, checkpointType: null, automaticStartAction: null, automaticStartDelaySec: null, automaticStopAction: null, compatibilityForMigration: null, memoryWeight: null, memoryBuffer: null, firstBootDevice: null },
  };
}

function observedVm(i: number, d: DesiredVm): ObservedVm {
  const c = caseOf(i);
  const dynamic = c === 'memory-online';
  return {
    id: uuid(i, 0),
    name: d.name,
    state: 'Running',
    generation: 2,
    cpus: 2,
    memory: dynamic ? { dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 4 * GiB } : { dynamic: false, startupBytes: 2 * GiB, minimumBytes: 2 * GiB, maximumBytes: 2 * GiB },
    secureBoot: true,
    notes: c === 'unmanaged' ? 'made by hand' : withMarker('', PROJECT),
    path: VM_PATH,
    adapters: [{ name: 'Network Adapter', switch: c === 'switch' ? null : SWITCH, mac: '00155D' + (i & 0xffffff).toString(16).toUpperCase().padStart(6, '0'), dynamicMac: true, ips: [] }],
    disks: [{ path: diskPathFor(d), sizeBytes: 64 * GiB, parentPath: IMAGE }],
    checkpoints: [],
    integrationServices: [],
  };
}

/** A hand-made VM the file does not name (the tool must leave it alone). */
function strayVm(j: number): ObservedVm {
  return {
    id: uuid(j, 1),
    name: `handmade-${pad(j)}`,
    state: j % 2 ? 'Off' : 'Running',
    generation: 2,
    cpus: 2,
    memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
    secureBoot: true,
    notes: '',
    path: 'D:\\Hyper-V\\other',
    adapters: [],
    disks: [],
    checkpoints: [],
    integrationServices: [],
  };
}

export function fleetConfig(n: number): Config {
  const vms: DesiredVm[] = [];
  for (let i = 0; i < n; i++) vms.push(desiredVm(i));
  return {
    version: 1,
    project: PROJECT,
    host: { computerName: null, concurrency: 4, operationTimeoutSec: 600 },
    policy: { protect: ['prod-*'], allowRestart: true, allowTurnOff: false, maxDisruptive: 50, prune: false, checkpointBeforeDisruptive: false, stopTimeoutSec: 120 },
    ssh: null,
    vms,
    switches: [],
  };
}

/** The host as observe reports it (sorted by name, as the contract says). */
export function fleetObservation(config: Config): Observation {
  const vms: ObservedVm[] = [];
  config.vms.forEach((d, i) => {
    if (caseOf(i) !== 'create') vms.push(observedVm(i, d));
  });
  const strays = Math.floor(config.vms.length / 20);
  for (let j = 0; j < strays; j++) vms.push(strayVm(j));
  vms.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return {
    schemaVersion: 1,
    backend: 'sim',
    host: {
      computerName: 'BENCH-HV01',
      switches: [{ name: SWITCH, type: 'External' }, { name: 'Default Switch', type: 'Internal' }],
      paths: [{ path: IMAGE, exists: true }, { path: VM_PATH, exists: true }],
      neighbors: [],
    },
    complete: true,
    incomplete: [],
    vms,
  };
}

/** The same mix as a vms.yaml a user would write (defaults block, one entry per VM). */
export function fleetYaml(n: number): string {
  const lines = [
    'version: 1',
    `project: ${PROJECT}`,
    'host: { concurrency: 4 }',
    'defaults:',
    '  generation: 2',
    '  cpus: 2',
    '  memory: 2GB',
    `  switch: ${SWITCH}`,
    `  image: '${IMAGE}'`,
    '  disk: { strategy: differencing }',
    `  path: '${VM_PATH}'`,
    'policy:',
    '  protect: ["prod-*"]',
    '  allowRestart: true',
    '  maxDisruptive: 50',
    'vms:',
  ];
  for (let i = 0; i < n; i++) {
    const d = desiredVm(i);
    lines.push(`  - name: ${d.name}`);
    if (d.state !== 'running') lines.push(`    state: ${d.state}`);
    if (d.cpus !== 2) lines.push(`    cpus: ${d.cpus}`);
    if (d.memory.dynamic) lines.push('    memory: { startup: 2GB, minimum: 1GB, maximum: 8GB }');
    if (d.notes) lines.push(`    notes: ${d.notes}`);
  }
  return lines.join('\n') + '\n';
}

/** `count` VMs of this project to create and start (the apply benchmark's plan), as vms.yaml. */
export function createFleetYaml(count: number): string {
  const lines = [
    'version: 1',
    `project: ${PROJECT}`,
    'host: { concurrency: 1 }',
    'defaults:',
    '  cpus: 2',
    '  memory: 1GB',
    `  switch: ${SWITCH}`,
    `  image: '${IMAGE}'`,
    `  path: '${VM_PATH}'`,
    'vms:',
  ];
  for (let i = 0; i < count; i++) lines.push(`  - name: new-${pad(i)}`);
  return lines.join('\n') + '\n';
}
