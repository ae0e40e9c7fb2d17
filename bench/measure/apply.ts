// Apply: the real pipeline (lock, journal, observe, plan, apply, verify) against a simulated host
// whose every operation takes a fixed latency, timing each pipeline phase through the logger.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import type { Logger } from '../../src/engine/log.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import { createFleetYaml, IMAGE, SWITCH, VM_PATH } from '../fleet.js';
import type { ApplyRow } from '../report.js';
import { idealSchedule, lastLane } from '../schedule.js';

/** A logger that only records how long each group (pipeline phase) took, ms. */
export function phaseTimer(): { log: Logger; phases: Record<string, number> } {
  const phases: Record<string, number> = {};
  const log: Logger = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    async group(name, fn) {
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        phases[name] = (phases[name] ?? 0) + (performance.now() - t0);
      }
    },
  };
  return { log, phases };
}

/** One apply run; `runs` is filled in by measureApply. */
export async function applyOnce(dir: string, vms: number, concurrency: number, latencyMs: number): Promise<ApplyRow> {
  const work = mkdtempSync(join(dir, `apply-c${concurrency}-`));
  const configPath = join(work, 'vms.yaml');
  writeFileSync(configPath, createFleetYaml(vms));
  const stateFile = join(work, 'host.json');
  createSimState(stateFile, {
    computerName: 'BENCH-HV01',
    switches: [{ name: SWITCH, type: 'External' }],
    folders: [VM_PATH],
    files: { [IMAGE]: { sizeBytes: 20 * 1024 ** 3 } },
    // Every host operation costs the same; observe is measured on its own, so it costs nothing here.
    knobs: { opLatencyMs: { default: latencyMs, observe: 0 } },
  });
  const { log, phases } = phaseTimer();
  const t0 = performance.now();
  const outcome = await runPipeline({
    mode: 'apply',
    configPath,
    backend: { kind: 'sim', stateFile },
    outDir: join(work, 'out'),
    stateDir: join(work, 'state'),
    concurrency,
    lockWaitMs: 5000,
    log,
  });
  const totalMs = performance.now() - t0;
  const perVm = new Map<string, number>();
  for (const s of outcome.plan?.steps ?? []) perVm.set(s.vm, (perVm.get(s.vm) ?? 0) + 1);
  // The pool starts its agents on demand: the first step of each lane waits for one. Those steps
  // (the first `concurrency` to start) are the first wave; the rest show the steady per-step cost.
  const byStart = [...outcome.result.steps].sort((a, b) => a.startedMs - b.startedMs);
  const wave = byStart.slice(0, concurrency).map((s) => s.durationMs);
  const later = byStart.slice(concurrency).map((s) => s.durationMs);
  return {
    concurrency,
    steps: outcome.result.steps.length,
    firstWaveMs: Math.max(0, ...wave),
    lane: lastLane(outcome.result.steps, concurrency),
    laterStepMs: later.length ? later.reduce((a, b) => a + b, 0) / later.length : 0,
    runs: { count: 1, minApplyMs: phases.Apply ?? 0, maxApplyMs: phases.Apply ?? 0 },
    ideal: idealSchedule([...perVm.values()], concurrency, latencyMs),
    applyMs: phases.Apply ?? 0,
    totalMs,
    phases,
    launches: outcome.stats.launches,
    status: outcome.result.status,
  };
}

/**
 * `runs` applies at one concurrency, each on a fresh simulated host; the row of the median Apply
 * time, with the spread. A shared machine's noise moves single runs, rarely the median.
 */
export async function measureApply(dir: string, vms: number, concurrency: number, latencyMs: number, runs: number): Promise<ApplyRow> {
  const rows: ApplyRow[] = [];
  for (let i = 0; i < runs; i++) rows.push(await applyOnce(dir, vms, concurrency, latencyMs));
  const sorted = [...rows].sort((a, b) => a.applyMs - b.applyMs);
  const mid = sorted[(sorted.length - 1) >> 1]!;
  return { ...mid, runs: { count: runs, minApplyMs: sorted[0]!.applyMs, maxApplyMs: sorted[sorted.length - 1]!.applyMs } };
}
