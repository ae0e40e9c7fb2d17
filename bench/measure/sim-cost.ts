// The simulator's own cost per request: k sim agents, each sending requests back to back on its own
// VM, all sharing one state file (every request takes that file's lock to count itself and again
// to apply its change). No injected latency: what is measured is pipes + the shared file. A real
// Hyper-V agent has no such shared file; this is what the apply rows pay on top of the latency.
import { join } from 'node:path';
import { AgentProcess } from '../../src/agent/client.js';
import { simAgentCommand } from '../../src/backends/sim/locate.js';
import { createSimState } from '../../src/backends/sim/state.js';
import type { SimCostRow } from '../report.js';

export async function measureSimCost(dir: string, agents: number, requests: number, vms = 50): Promise<SimCostRow> {
  const stateFile = join(dir, `sim-cost-${agents}.json`);
  const state = createSimState(stateFile, { vms: Array.from({ length: vms }, (_, i) => ({ name: `vm-${i}` })) });
  const procs = await Promise.all(Array.from({ length: agents }, () => AgentProcess.start(simAgentCommand(stateFile))));
  const latencies: number[] = [];
  try {
    await Promise.all(
      procs.map(async (p, a) => {
        const vm = state.vms[a % vms]!;
        for (let i = 0; i < requests; i++) {
          const t = performance.now();
          const out = await p.request({ op: 'vm.setNotes', args: { id: vm.id, name: vm.name, notes: `request ${i}` } }, 30_000);
          latencies.push(performance.now() - t);
          if (!out.ok) throw new Error(`sim request failed: ${out.error.code} ${out.error.message}`);
        }
      }),
    );
  } finally {
    await Promise.all(procs.map((p) => p.close()));
  }
  latencies.sort((x, y) => x - y);
  return {
    agents,
    requests: latencies.length,
    meanMs: latencies.reduce((x, y) => x + y, 0) / latencies.length,
    p90Ms: latencies[Math.floor(latencies.length * 0.9)]!,
    maxMs: latencies[latencies.length - 1]!,
  };
}
