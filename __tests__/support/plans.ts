// Synthetic plans of any size for the renderer and the reviewed-plan record: shaped exactly like
// plan.json (the Plan contract), with create / change / refusal mixes.
import { sha256Of } from '../../src/core/canonical.js';
import type { Plan, Refusal, Step } from '../../src/core/plan/types.js';

const GB = 1024 ** 3;

export function vmName(i: number): string {
  return `web-${String(i).padStart(4, '0')}`;
}

function createStep(vm: string): Step {
  return {
    id: `${vm}/0`,
    vm,
    vmId: null,
    action: 'create',
    from: null,
    to: { cpus: 2, memory: '2GB' },
    reason: 'absent from the host',
    disruption: 'benign',
    group: `${vm}/0`,
    operation: {
      op: 'vm.create',
      args: {
        name: vm,
        generation: 2,
        cpus: 2,
        memory: { dynamic: false, startupBytes: 2 * GB, minimumBytes: 2 * GB, maximumBytes: 2 * GB },
        path: `D:\\Hyper-V\\lab\\${vm}`,
        switch: 'Default Switch',
        mac: null,
        secureBoot: true,
        notes: 'hyperv-converge:lab',
        disk: { strategy: 'differencing', image: 'D:\\images\\ubuntu.vhdx', path: `D:\\Hyper-V\\lab\\${vm}\\${vm}.vhdx`, sizeBytes: null },
      },
    },
  };
}

function cpuStep(vm: string, from: number, to: number): Step {
  const id = `${vm}/0`;
  return { id, vm, vmId: `0000-${vm}`, action: 'set-cpus', from, to, reason: `cpus ${from} → ${to}`, disruption: 'benign', group: id, operation: { op: 'vm.setCpus', args: { id: `0000-${vm}`, name: vm, count: to } } };
}

/** n VMs: every 10th is a CPU change, every 50th is refused as protected, the rest are creates. */
export function syntheticPlan(n: number, opts: { cpuTo?: number; project?: string } = {}): Plan {
  const steps: Step[] = [];
  const refusals: Refusal[] = [];
  for (let i = 0; i < n; i++) {
    const vm = vmName(i);
    if (i % 50 === 49) refusals.push({ vm, kind: 'refused', code: 'protected', message: `${vm} matches protected pattern web-*9`, steps: [cpuStep(vm, 2, 4)] });
    else if (i % 10 === 9) steps.push(cpuStep(vm, 2, opts.cpuTo ?? 4));
    else steps.push(createStep(vm));
  }
  const counts = { create: steps.filter((s) => s.action === 'create').length, change: steps.filter((s) => s.action !== 'create').length, destroy: 0, refused: refusals.length, unchanged: 0 };
  const body = { schemaVersion: 1 as const, project: opts.project ?? 'lab', backend: 'sim', actionable: true, steps, refusals, counts, unchanged: [], configHash: sha256Of({ n }), basisHash: sha256Of({ b: n }), observedHash: sha256Of({ o: n }) };
  return { ...body, planHash: sha256Of(body) };
}
