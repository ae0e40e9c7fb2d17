// Fault injection through the real pipeline and the real sim agent processes: the agent crashes,
// fails or hangs at every operation index of a multi-VM apply. Invariants checked after every run:
// no VM the plan does not remove disappears, the unowned VM is untouched, no create or checkpoint
// runs twice; and the next run (without the fault) converges to the same host a clean run gives.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StepResult } from '../../src/core/model/result.js';
import { ensureSimAgentBundle, hostShape, invariantViolations, makeLab } from './scenario.js';
import type { Lab } from './scenario.js';

const figures: Record<string, unknown> = {};
beforeAll(() => ensureSimAgentBundle());
afterAll(() => {
  // Figures for docs/reliability.md.
  process.stdout.write(`reliability figures: ${JSON.stringify(figures)}\n`);
});

interface Baseline {
  shape: Record<string, unknown>;
  removable: Set<string>;
  operations: number;
  steps: number;
}

async function baseline(checkpoints: boolean, concurrency: number): Promise<Baseline> {
  const lab = makeLab({ checkpoints, concurrency });
  try {
    const out = await lab.run('clean');
    expect(out.result.steps.every((s) => s.outcome === 'succeeded')).toBe(true);
    const again = await lab.run('again');
    expect(again.plan!.steps).toHaveLength(0); // a clean run converges
    return {
      shape: hostShape(lab.host()),
      removable: new Set(out.plan!.steps.filter((s) => s.action === 'remove').map((s) => s.vm)),
      operations: out.stats.operations,
      steps: out.plan!.steps.length,
    };
  } finally {
    lab.cleanup();
  }
}

/** Runs the recovery run and checks it converged to the clean host. */
async function recover(lab: Lab, base: Baseline, label: string): Promise<string[]> {
  const problems: string[] = [];
  const next = await lab.run(`${label}-next`);
  problems.push(...invariantViolations(lab.initial, lab.host(), base.removable).map((p) => `${label} after next run: ${p}`));
  const failed = next.result.steps.filter((s) => s.outcome !== 'succeeded');
  if (failed.length > 0) problems.push(`${label}: next run had failing steps ${failed.map((s) => `${s.stepId}:${s.error?.message}`).join(', ')}`);
  const settled = await lab.run(`${label}-check`);
  if (settled.plan?.steps.length !== 0) problems.push(`${label}: not converged after the next run, still ${settled.plan?.steps.map((s) => s.id).join(', ')}`);
  problems.push(...shapeDiff(hostShape(lab.host()), base.shape).map((d) => `${label}: host differs from a clean run's at ${d}`));
  return problems;
}

function shapeDiff(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const vm of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a[vm] ?? {}) as Record<string, unknown>;
    const y = (b[vm] ?? {}) as Record<string, unknown>;
    if (!(vm in a) || !(vm in b)) out.push(`${vm} (present in only one)`);
    else for (const k of Object.keys(y)) if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) out.push(`${vm}.${k}`);
  }
  return out;
}


// Concurrency 1 makes the operation order the plan order, so every step is hit exactly once;
// concurrency 3 adds the interleavings of parallel VMs.
describe.each([
  [false, 1],
  [false, 3],
  [true, 1],
  [true, 3],
])('agent faults at every operation (checkpointBeforeDisruptive=%s, concurrency %i)', (checkpoints, concurrency) => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(checkpoints, concurrency);
  });

  it('crash (agent process exits) at every index: reported, nothing replayed, the next run converges', async () => {
    const problems: string[] = [];
    for (let k = 1; k <= base.operations; k++) {
      const lab = makeLab({ checkpoints, concurrency });
      try {
        await lab.setKnobs({ crashAt: k });
        const out = await lab.run(`crash-${k}`);
        await lab.setKnobs({ crashAt: null });
        expect(out.result.status).not.toBe('applied');
        if (k === 1) expect(out.result.failureReason).toBe('observation-incomplete');
        else if (k <= base.steps + 1) {
          const crashed = out.result.steps.filter((s) => s.error?.code === 'agent-crashed');
          expect(crashed).toHaveLength(1);
          expect(crashed[0]!.outcome).toBe('failed');
          expect(out.result.failureReason).toBe('apply-failed');
        }
        problems.push(...invariantViolations(lab.initial, lab.host(), base.removable).map((p) => `c${concurrency} crash@${k}: ${p}`));
        problems.push(...(await recover(lab, base, `c${concurrency} crash@${k}`)));
      } finally {
        lab.cleanup();
      }
    }
    figures[`crash-indices-checkpoints-${checkpoints}-c${concurrency}`] = base.operations;
    figures[`crash-runs-checkpoints-${checkpoints}-c${concurrency}`] = base.operations * 3;
    expect(problems).toEqual([]);
  });

  it('failure at every index: that step fails, the rest of its VM is skipped, other VMs continue', async () => {
    const problems: string[] = [];
    for (let k = 2; k <= base.steps + 1; k++) {
      const lab = makeLab({ checkpoints, concurrency });
      try {
        await lab.setKnobs({ failAt: k });
        const out = await lab.run(`fail-${k}`);
        await lab.setKnobs({ failAt: null });
        const steps = out.result.steps;
        const failed = steps.filter((s) => s.outcome === 'failed');
        expect(failed).toHaveLength(1);
        expect(failed[0]!.error!.message).toContain(`injected failure at operation ${k}`);
        expect(out.result.failureReason).toBe('apply-failed');
        const vm = failed[0]!.vm;
        const ofVm = steps.filter((s) => s.vm === vm);
        const at = ofVm.indexOf(failed[0]!);
        expect(ofVm.slice(0, at).every((s) => s.outcome === 'succeeded')).toBe(true);
        // ... except the start of a stop → change → start group whose change failed: it brings the VM back.
        const restored = new Set(((out.result.extra.restored ?? []) as { stepId: string }[]).map((r) => r.stepId));
        expect(ofVm.slice(at + 1).every((s: StepResult) => (restored.has(s.stepId) ? s.outcome === 'succeeded' && s.action === 'start' : s.outcome === 'skipped' && s.error?.code === 'skipped-after-failure'))).toBe(true);
        expect(steps.filter((s) => s.vm !== vm).every((s) => s.outcome === 'succeeded')).toBe(true);
        problems.push(...invariantViolations(lab.initial, lab.host(), base.removable).map((p) => `c${concurrency} fail@${k}: ${p}`));
        problems.push(...(await recover(lab, base, `c${concurrency} fail@${k}`)));
      } finally {
        lab.cleanup();
      }
    }
    figures[`fail-indices-checkpoints-${checkpoints}-c${concurrency}`] = base.steps;
    figures[`fail-runs-checkpoints-${checkpoints}-c${concurrency}`] = base.steps * 3;
    expect(problems).toEqual([]);
  });
});

describe('checkpoint before a disruptive change (found by these fault tests, fixed in the plan)', () => {
  it('an apply interrupted right after its checkpoint does not take a second one on the next run', async () => {
    const lab = makeLab({ checkpoints: true, concurrency: 1 }); // one at a time: operation order = plan order
    try {
      const plan = (await (async () => {
        const probe = makeLab({ checkpoints: true, concurrency: 1 });
        try {
          return (await probe.run('probe')).plan!;
        } finally {
          probe.cleanup();
        }
      })())!;
      const stopIndex = plan.steps.findIndex((s) => s.vm === 'db-1' && s.action === 'stop');
      expect(plan.steps[stopIndex - 1]!.action).toBe('checkpoint');
      await lab.setKnobs({ failAt: 1 + stopIndex + 1 }); // observe is operation 1
      const out = await lab.run('interrupted');
      expect(out.result.steps[stopIndex]!.outcome).toBe('failed');
      await lab.setKnobs({ failAt: null });
      await lab.run('next');
      expect(lab.host().vms.find((v) => v.name === 'db-1')!.checkpoints).toHaveLength(1);
    } finally {
      lab.cleanup();
    }
  });
});
