// `hyperv-converge plan` of N VMs, the whole command: the shipped CLI bundle in a new process per
// run, on the simulated host (a real sim agent process answering the real protocol, its state file
// holding the N VMs) and on replay (a recorded current.json of the same host). Fixtures are written
// once per size; every run writes its artifacts as a user's run does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSimState } from '../../src/backends/sim/state.js';
import { writeFleetFiles, type FleetFiles } from '../fixtures.js';
import { median, medianRun, phasesOf, runCommand, type CommandRun } from './run.js';

export type PlanBackend = 'sim' | 'replay';

export interface PlanCommandRow {
  vms: number;
  backend: PlanBackend;
  runs: number;
  /** Median of the runs' wall times, ms. */
  wallMs: number;
  minMs: number;
  maxMs: number;
  cpuMs: number | null;
  /** Median peak RSS, bytes (null without GNU time). */
  peakRssBytes: number | null;
  /** Phases of the median run (`-v`), ms. */
  phases: Record<string, number>;
  /** Agent processes the simulated host saw start, per run (sim only). */
  agentStarts: number | null;
  status: string;
  steps: number;
  completed: boolean;
  error?: string;
}

export function fixturesFor(dir: string, n: number): FleetFiles {
  return writeFleetFiles(join(dir, `fleet-${n}`), n);
}

export function measurePlanCommand(root: string, f: FleetFiles, n: number, backend: PlanBackend, runs: number): PlanCommandRow {
  const cli = join(root, 'dist', 'cli', 'index.js');
  const backendArgs = backend === 'sim' ? ['--backend', 'sim', '--sim-state', f.simState] : ['--backend', 'replay', '--replay', f.replay];
  const env = { PATH: process.env.PATH, HOME: f.dir, HVC_STATE_DIR: join(f.dir, '.state') };
  const all: (CommandRun & { status: string; steps: number; starts: number | null })[] = [];
  let error: string | undefined;
  for (let i = 0; i < runs; i++) {
    const before = backend === 'sim' ? readSimState(f.simState).stats.launches : 0;
    const r = runCommand(process.execPath, [cli, 'plan', '--config', f.config, ...backendArgs, '--out', join(f.dir, `out-${backend}`), '--json', '-v'], { cwd: f.dir, env, timeoutMs: 120_000 });
    let status = 'no answer';
    let steps = 0;
    try {
      const j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { status: string; counts: { create: number } | null; files: { plan: string | null } };
      status = j.status;
      if (j.files.plan) steps = (JSON.parse(readFileSync(j.files.plan, 'utf8')) as { steps: unknown[] }).steps.length;
    } catch {
      error = `plan of ${n} VMs (${backend}) exited ${r.exitCode}: ${r.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`;
    }
    const starts = backend === 'sim' ? readSimState(f.simState).stats.launches - before : null;
    all.push({ ...r, status, steps, starts });
    if (error) break;
  }
  const mid = medianRun(all);
  const rss = all.map((r) => r.peakRssBytes).filter((x): x is number => x !== null);
  const cpu = all.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  return {
    vms: n,
    backend,
    runs: all.length,
    wallMs: median(all.map((r) => r.wallMs)),
    minMs: Math.min(...all.map((r) => r.wallMs)),
    maxMs: Math.max(...all.map((r) => r.wallMs)),
    cpuMs: cpu.length ? median(cpu) : null,
    peakRssBytes: rss.length ? median(rss) : null,
    phases: phasesOf(mid.stderr),
    agentStarts: mid.starts,
    status: mid.status,
    steps: mid.steps,
    // The fleet's plan has steps and refusals: 'refused' (exit 3) is a completed plan here.
    completed: !error && (mid.status === 'changes' || mid.status === 'refused' || mid.status === 'no-changes'),
    ...(error ? { error } : {}),
  };
}
