// Observe: one AgentBackend.observe against a simulated host of N VMs whose agent start costs what a
// powershell.exe start costs on a real host, counting the agent launches two ways (the backend's own
// counter and the sim state file's, which every agent process increments).
import { join } from 'node:path';
import { createBackend } from '../../src/backends/index.js';
import { createSimState, readSimState, type SimVmSeed } from '../../src/backends/sim/state.js';
import { markerLine } from '../../src/core/model/ownership.js';
import { IMAGE, PROJECT, SWITCH, VM_PATH } from '../fleet.js';
import type { ObserveRow } from '../report.js';

export const OBSERVE_SETTINGS = { launchDelayMs: 2000, observePerVmMs: 2 };
/** The Terraform Hyper-V provider's documented refresh pattern: ≈9 scripts per VM, ≈6 launches each. */
export const TERRAFORM = { scriptsPerVm: 9, launchesPerScript: 6, launchSeconds: 2 };

function seedVms(n: number): SimVmSeed[] {
  const vms: SimVmSeed[] = [];
  for (let i = 0; i < n; i++) {
    vms.push({
      name: `vm-${String(i).padStart(5, '0')}`,
      state: i % 3 === 0 ? 'Off' : 'Running',
      notes: markerLine(PROJECT),
      path: VM_PATH,
      adapters: [{ name: 'Network Adapter', switch: SWITCH, mac: '00155D' + i.toString(16).toUpperCase().padStart(6, '0'), dynamicMac: true, ips: [] }],
      disks: [{ path: `${VM_PATH}\\vm-${i}\\Virtual Hard Disks\\vm-${i}.vhdx`, sizeBytes: 64 * 1024 ** 3, parentPath: IMAGE }],
    });
  }
  return vms;
}

export async function measureObserve(dir: string, n: number): Promise<ObserveRow> {
  const stateFile = join(dir, `observe-${n}.json`);
  createSimState(stateFile, {
    computerName: 'BENCH-HV01',
    switches: [{ name: SWITCH, type: 'External' }],
    folders: [VM_PATH],
    files: { [IMAGE]: { sizeBytes: 20 * 1024 ** 3 } },
    vms: seedVms(n),
    knobs: { launchDelayMs: OBSERVE_SETTINGS.launchDelayMs, observePerVmMs: OBSERVE_SETTINGS.observePerVmMs },
  });
  const backend = createBackend({ kind: 'sim', stateFile });
  const t0 = performance.now();
  let observed = -1;
  let wallMs = 0;
  let stats = { launches: 0, operations: 0 };
  try {
    const obs = await backend.observe({ paths: [IMAGE, VM_PATH], neighbors: false });
    wallMs = performance.now() - t0;
    stats = backend.stats();
    if (!obs.complete) throw new Error(`observe of ${n} VMs was incomplete: ${obs.incomplete.map((r) => r.message).join('; ')}`);
    observed = obs.vms.length;
  } finally {
    await backend.close();
  }
  if (observed !== n) throw new Error(`observe saw ${observed} VMs, the host holds ${n}`);
  const fileStats = readSimState(stateFile).stats;
  const tfLaunches = n * TERRAFORM.scriptsPerVm * TERRAFORM.launchesPerScript;
  return {
    vms: n,
    launches: stats.launches,
    agentStarts: fileStats.launches,
    wallMs,
    simulatedMs: OBSERVE_SETTINGS.launchDelayMs + OBSERVE_SETTINGS.observePerVmMs * n,
    terraformLaunches: tfLaunches,
    terraformSeconds: tfLaunches * TERRAFORM.launchSeconds,
  };
}
