// `hyperv-converge apply` of a plan creating and starting 50 VMs, the whole command (the CLI bundle
// in a new process) on a simulated host whose agent takes 2 s to start (what powershell.exe costs on
// a real host) and whose every operation takes 20 ms. The ideal: one agent launch, then the busiest
// lane's operations back to back (lanes start their agents in parallel, while observe runs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import type { RunResult } from '../../src/core/model/result.js';
import { createFleetYaml, IMAGE, SWITCH, VM_PATH } from '../fleet.js';
import { idealSchedule, type IdealSchedule } from '../schedule.js';
import { median, medianRun, phasesOf, runCommand } from './run.js';

export const APPLY = { vms: 50, launchDelayMs: 2000, opLatencyMs: 20, concurrency: [1, 4, 8], runs: 3 };

export interface ApplyCommandRow {
  concurrency: number;
  runs: number;
  steps: number;
  ideal: IdealSchedule & { launchMs: number; totalMs: number };
  wallMs: number;
  minMs: number;
  maxMs: number;
  peakRssBytes: number | null;
  /** Phases of the median run (-v), ms. */
  phases: Record<string, number>;
  /** Mean step duration minus the operation's latency: our own cost per step (pipes, sim, journal), ms. */
  stepOverheadMs: number;
  /** Agent processes the simulated host saw start. */
  agentStarts: number;
  status: string;
  converged: boolean | null;
}

export interface EmptyApplyRow {
  concurrency: number;
  /** `apply` on a host that already matches: the prestarted agents are ended unused. */
  applyMs: number;
  applyAgentStarts: number;
  /** `plan` of the same host, for comparison. */
  planMs: number;
  planAgentStarts: number;
  status: string;
}

function host(dir: string): { configPath: string; stateFile: string } {
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, 'vms.yaml');
  writeFileSync(configPath, createFleetYaml(APPLY.vms));
  const stateFile = join(dir, 'host.json');
  createSimState(stateFile, {
    computerName: 'BENCH-HV01',
    switches: [{ name: SWITCH, type: 'External' }],
    folders: [VM_PATH],
    files: { [IMAGE]: { sizeBytes: 20 * 1024 ** 3 } },
    knobs: { launchDelayMs: APPLY.launchDelayMs, opLatencyMs: { default: APPLY.opLatencyMs } },
  });
  return { configPath, stateFile };
}

function cli(root: string, dir: string, command: 'apply' | 'plan', configPath: string, stateFile: string, concurrency: number) {
  const env = { PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state') };
  const before = readSimState(stateFile).stats.launches;
  const r = runCommand(process.execPath, [join(root, 'dist', 'cli', 'index.js'), command, ...(command === 'apply' ? ['--auto-approve'] : []), '--config', configPath, '--backend', 'sim', '--sim-state', stateFile, ...(command === 'apply' ? ['--concurrency', String(concurrency)] : []), '--out', join(dir, `out-${command}`), '--json', '-v'], { cwd: dir, env, timeoutMs: 300_000 });
  const starts = readSimState(stateFile).stats.launches - before;
  const last = r.stdout.trim().split('\n').pop() ?? '';
  // A command that printed no JSON summary failed before its run: say how, instead of crashing the bench.
  if (!last.startsWith('{')) throw new Error(`${command} exited ${r.exitCode} without a summary: ${r.stderr.trim().slice(-500)}`);
  const j = JSON.parse(last) as { status?: string; files?: { result: string } };
  const result = j.files?.result ? (JSON.parse(readFileSync(j.files.result, 'utf8')) as RunResult) : null;
  return { ...r, starts, status: j.status ?? `exit ${r.exitCode}`, result };
}

export function measureApplyCommand(root: string, dir: string, concurrency: number, runs = APPLY.runs): { row: ApplyCommandRow; empty: EmptyApplyRow | null } {
  const all = [];
  let last: { configPath: string; stateFile: string; dir: string } | null = null;
  for (let i = 0; i < runs; i++) {
    const d = join(dir, `apply-c${concurrency}-${i}`);
    const h = host(d);
    all.push(cli(root, d, 'apply', h.configPath, h.stateFile, concurrency));
    last = { ...h, dir: d };
  }
  const mid = medianRun(all);
  const steps = mid.result?.steps ?? [];
  const perVm = new Map<string, number>();
  for (const s of steps) perVm.set(s.vm, (perVm.get(s.vm) ?? 0) + 1);
  const ideal = idealSchedule([...perVm.values()], concurrency, APPLY.opLatencyMs);
  const rss = all.map((r) => r.peakRssBytes).filter((x): x is number => x !== null);
  const done = steps.filter((s) => s.outcome === 'succeeded');
  const row: ApplyCommandRow = {
    concurrency,
    runs,
    steps: steps.length,
    ideal: { ...ideal, launchMs: APPLY.launchDelayMs, totalMs: APPLY.launchDelayMs + ideal.idealMs },
    wallMs: median(all.map((r) => r.wallMs)),
    minMs: Math.min(...all.map((r) => r.wallMs)),
    maxMs: Math.max(...all.map((r) => r.wallMs)),
    peakRssBytes: rss.length ? median(rss) : null,
    phases: phasesOf(mid.stderr),
    stepOverheadMs: done.length ? done.reduce((t, s) => t + s.durationMs, 0) / done.length - APPLY.opLatencyMs : 0,
    agentStarts: mid.starts,
    status: mid.status,
    converged: mid.result?.converged ?? null,
  };
  // The host of the last run now matches the file: apply again (nothing to do) and plan, to show
  // what prestarting the pool costs when the plan is empty.
  let empty: EmptyApplyRow | null = null;
  if (last && mid.status === 'applied') {
    const a = cli(root, last.dir, 'apply', last.configPath, last.stateFile, concurrency);
    const p = cli(root, last.dir, 'plan', last.configPath, last.stateFile, concurrency);
    empty = { concurrency, applyMs: a.wallMs, applyAgentStarts: a.starts, planMs: p.wallMs, planAgentStarts: p.starts, status: a.status };
  }
  return { row, empty };
}
