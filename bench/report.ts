// What one benchmark run measured, the targets it is judged against, and its rendering as the
// Markdown page docs/benchmarks.md (also printed to stdout). Pure: no clock, no I/O.
import type { Machine } from './machine.js';
import type { IdealSchedule, LaneAccount } from './schedule.js';
import { scheduleRatio } from './schedule.js';

export interface ObserveRow {
  vms: number;
  /** Agent launches the backend counted. */
  launches: number;
  /** Agent processes the simulated host saw start (its state file's counter). */
  agentStarts: number;
  wallMs: number;
  /** What the simulator was told to cost: one launch + per-VM query cost × VMs. */
  simulatedMs: number;
  terraformLaunches: number;
  terraformSeconds: number;
}

export interface ObserveResult {
  launchDelayMs: number;
  observePerVmMs: number;
  terraform: { scriptsPerVm: number; launchesPerScript: number; launchSeconds: number };
  rows: ObserveRow[];
}

export interface PlanRow {
  vms: number;
  observedVms: number;
  steps: number;
  refusals: number;
  unchanged: number;
  /** assess + plan + safety + hashes, first call in a fresh process (what a run pays). */
  firstMs: number;
  /** The same, median of later calls in that process. */
  warmMs: number;
  /** Peak resident set of the whole process through the first plan (Node, config, observation, plan), bytes. */
  peakRssBytes: number;
  /** Resident set before the fixtures were built: Node's own share. */
  baselineRssBytes: number;
  /** V8 heap in use right after the first plan, bytes. */
  heapUsedBytes: number;
}

export interface PlanResult {
  mix: string;
  rows: PlanRow[];
  yaml: { vms: number; bytes: number; ms: number } | null;
}

export interface ApplyRow {
  concurrency: number;
  steps: number;
  ideal: IdealSchedule;
  /** Slowest of the first step on each lane, which waits for its lane's agent to start, ms. */
  firstWaveMs: number;
  /** Mean duration of every later step as the executor saw it (latency + overhead), ms. */
  laterStepMs: number;
  /** The lane that finished last, rebuilt from the step timings. */
  lane: LaneAccount | null;
  /** How many runs the row is the median of, and the spread of their Apply times. */
  runs: { count: number; minApplyMs: number; maxApplyMs: number };
  /** The pipeline's Apply phase: pool launch + every step. */
  applyMs: number;
  /** The whole `apply` run: load, lock, observe, plan, apply, verify, artifacts. */
  totalMs: number;
  /** Wall time of each pipeline phase, ms, in order. */
  phases: Record<string, number>;
  launches: number;
  status: string;
}

/** The simulator's own per-request cost with `agents` agents sharing one state file, no latency. */
export interface SimCostRow {
  agents: number;
  requests: number;
  meanMs: number;
  p90Ms: number;
  maxMs: number;
}

export interface ApplyResult {
  vms: number;
  stepsPerVm: number;
  latencyMs: number;
  rows: ApplyRow[];
  simCost: SimCostRow[];
}

export interface ColdRow {
  label: string;
  command: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Judged against the cold-start target (Node's own start-up floor is not). */
  target: boolean;
  exitCodes: number[];
}

export interface ColdResult {
  runs: number;
  rows: ColdRow[];
  bundles: { file: string; bytes: number | null; note?: string }[];
  notes: string[];
}

export interface BenchReport {
  machine: Machine;
  /** Wall time of the whole benchmark, ms. */
  totalMs: number;
  observe: ObserveResult;
  plan: PlanResult;
  apply: ApplyResult;
  cold: ColdResult;
}

export const TARGETS = {
  observeLaunchesPerHost: 1,
  planVms: 10_000,
  planMs: 1000,
  planPeakBytes: 300 * 1024 ** 2,
  applyRatio: 1.25,
  coldStartMs: 500,
};

export interface Verdict {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

const MiB = 1024 ** 2;
const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mib = (b: number): string => `${(b / MiB).toFixed(b < 10 * MiB ? 1 : 0)} MiB`;
const int = (n: number): string => n.toLocaleString('en-US');
const mark = (met: boolean | null): string => (met === null ? '⚠️ not measured' : met ? '✅ met' : '❌ **missed**');

/** Seconds as the largest sensible unit: 108 s, 30.0 h. */
export function humanSeconds(s: number): string {
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} days`;
}

/** Every target with what was measured and whether it was met, in the page's order. */
export function verdicts(r: BenchReport): Verdict[] {
  const out: Verdict[] = [];
  const worst = r.observe.rows.reduce((m, row) => Math.max(m, row.launches, row.agentStarts), 0);
  out.push({
    target: `Observe: exactly ${TARGETS.observeLaunchesPerHost} launch per host at any VM count`,
    measured: r.observe.rows.map((row) => `${int(row.vms)} VM${row.vms === 1 ? '' : 's'}: ${row.launches}`).join(', '),
    met: r.observe.rows.length > 0 && r.observe.rows.every((row) => row.launches === 1 && row.agentStarts === 1) && worst === 1,
  });
  const big = r.plan.rows.find((row) => row.vms === TARGETS.planVms);
  out.push({
    target: `Plan + safety: ${int(TARGETS.planVms)} VMs in under ${ms(TARGETS.planMs)}`,
    measured: big ? ms(big.firstMs) : 'not measured',
    met: !!big && big.firstMs < TARGETS.planMs,
  });
  out.push({
    target: `Plan + safety: ${int(TARGETS.planVms)} VMs under ${mib(TARGETS.planPeakBytes)} peak`,
    measured: big ? `${mib(big.peakRssBytes)} peak RSS` : 'not measured',
    met: !!big && big.peakRssBytes < TARGETS.planPeakBytes,
  });
  for (const row of r.apply.rows) {
    const ratio = scheduleRatio(row.applyMs, row.ideal.idealMs);
    out.push({
      target: `Apply at concurrency ${row.concurrency}: within ${TARGETS.applyRatio}× of the ideal schedule`,
      measured: `${ratio.toFixed(2)}× (${ms(row.applyMs)} vs ${ms(row.ideal.idealMs)})`,
      met: row.status === 'applied' && ratio <= TARGETS.applyRatio,
    });
  }
  if (!r.cold.rows.some((x) => x.target && x.label.startsWith('the action'))) {
    out.push({ target: `Cold start of the action (dist/index.js): under ${ms(TARGETS.coldStartMs)}`, measured: 'not built in this checkout', met: null });
  }
  for (const row of r.cold.rows.filter((x) => x.target)) {
    out.push({
      target: `Cold start of ${row.label}: under ${ms(TARGETS.coldStartMs)}`,
      measured: `${ms(row.medianMs)} median`,
      met: row.exitCodes.every((c) => c === 0) && row.medianMs < TARGETS.coldStartMs,
    });
  }
  return out;
}

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = head.map((_, i) => ((align?.[i] ?? 'r') === 'l' ? '---' : '---:'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(sep), ...rows.map(line)].join('\n');
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const v = verdicts(r);
  const missed = v.filter((x) => x.met === false);
  const unmeasured = v.filter((x) => x.met === null);
  const out: string[] = [];
  out.push('# Benchmarks');
  out.push('');
  out.push('<!-- Generated by `npm run bench` (bench/main.ts). Do not edit by hand: run it again. -->');
  out.push('');
  out.push(
    'Reproduce with `npm run bench` on a clone (it builds `dist/` first if it is missing, bundles `bench/` into `build/bench/` and runs it on the Node 24 the action runs on). ' +
      'Everything runs against the simulated host (`sim` backend: real agent processes over the real JSON-lines protocol, with the launch and per-operation costs below injected), on one machine, in one run. ' +
      '**The Terraform figures are computed from that provider’s documented pattern, not run.**',
  );
  out.push('');
  out.push(`**Machine:** ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM · ${m.os} · Node ${m.node} · ${m.date.slice(0, 16).replace('T', ' ')} UTC · whole benchmark ${ms(r.totalMs)}`);
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(table(['Target', 'Measured', 'Result'], v.map((x) => [x.target, x.measured, mark(x.met)]), ['l', 'l', 'l']));
  out.push('');
  out.push(
    (missed.length === 0 ? (unmeasured.length ? 'Every measured target met.' : 'All targets met.') : `${missed.length} target(s) missed: see the sections below.`) +
      (unmeasured.length ? ` ${unmeasured.length} not measured in this run: see its section.` : ''),
  );
  out.push('');

  const o = r.observe;
  out.push('## Observe: process launches');
  out.push('');
  out.push(
    `One \`observe\` of a host with N VMs through the real \`AgentBackend\`. Simulated costs: **${ms(o.launchDelayMs)} per agent launch** (the \`powershell.exe\` start measured on real hosts) and **${o.observePerVmMs} ms per VM** queried. ` +
      `“Launches” is the backend’s count; “agent starts” is what the simulated host saw. ` +
      `Terraform column: ${o.terraform.scriptsPerVm} scripts × ${o.terraform.launchesPerScript} launches per VM (its documented refresh pattern) at ${o.terraform.launchSeconds} s each — **computed, not run**.`,
  );
  out.push('');
  out.push(
    table(
      ['VMs', 'Launches', 'Agent starts', 'Wall time', 'Simulated cost', 'Terraform pattern: launches', 'Terraform pattern: launch time (computed)'],
      o.rows.map((row) => [int(row.vms), int(row.launches), int(row.agentStarts), ms(row.wallMs), ms(row.simulatedMs), int(row.terraformLaunches), humanSeconds(row.terraformSeconds)]),
    ),
  );
  out.push('');

  const p = r.plan;
  out.push('## Plan + safety: time and memory');
  out.push('');
  out.push(
    'Assess the observation, plan, apply the safety policy and hash (config, observation, plan) for a resolved config and observation built in memory, ' +
      'each size in a fresh Node process. “First call” is what a run pays (cold JIT); “warm” is the median of three more calls. ' +
      'Peak RSS is the whole process up to the end of the first call (Node itself, the config, the observation and the plan), the figure judged against the target; heap is V8’s in use right after that call. ' +
      `Mix: ${p.mix}.`,
  );
  out.push('');
  out.push(
    table(
      ['VMs', 'Observed VMs', 'Steps', 'Refusals', 'Unchanged', 'First call', 'Warm', 'Peak RSS', 'Node baseline RSS', 'Heap used'],
      p.rows.map((row) => [int(row.vms), int(row.observedVms), int(row.steps), int(row.refusals), int(row.unchanged), ms(row.firstMs), ms(row.warmMs), mib(row.peakRssBytes), mib(row.baselineRssBytes), mib(row.heapUsedBytes)]),
    ),
  );
  out.push('');
  if (p.yaml) out.push(`Informational: loading and validating a ${int(p.yaml.vms)}-VM \`vms.yaml\` (${(p.yaml.bytes / 1024).toFixed(0)} KiB; YAML parse, schema, rules, resolve) takes **${ms(p.yaml.ms)}**.`);
  out.push('');

  const a = r.apply;
  out.push('## Apply: against the ideal schedule');
  out.push('');
  out.push(
    `\`runPipeline\` in apply mode on a simulated host: a plan creating and starting ${a.vms} VMs (${a.vms * a.stepsPerVm} steps, ${a.stepsPerVm} per VM), every operation taking **${a.latencyMs} ms** (agent launch cost 0 here; observe 0). ` +
      `**Ideal schedule:** the steps of one VM run in order, one after another; VMs are spread whole over \`concurrency\` lanes, a free lane taking the next VM in plan order; ` +
      `so the busiest lane holds ceil(${a.vms} / concurrency) VMs and ideal = ceil(${a.vms} / concurrency) × ${a.stepsPerVm} × ${a.latencyMs} ms. ` +
      '“Apply” is the pipeline’s Apply phase (launching the pool’s agents, then every step); the target is judged on it. “Whole run” adds loading, the host lock, observe, plan, verify and the artifacts.',
  );
  out.push('');
  out.push(
    table(
      ['Concurrency', 'Steps', 'Busiest lane (steps)', 'Ideal', `Apply (median of ${a.rows[0]?.runs.count ?? 0})`, 'Spread', 'Apply / ideal', 'Target', 'First step per lane (agent start)', 'Later steps (mean)', 'Agent launches'],
      a.rows.map((row) => {
        const ratio = scheduleRatio(row.applyMs, row.ideal.idealMs);
        return [
          String(row.concurrency),
          String(row.steps),
          String(row.ideal.criticalSteps),
          ms(row.ideal.idealMs),
          ms(row.applyMs),
          `${ms(row.runs.minApplyMs)} – ${ms(row.runs.maxApplyMs)}`,
          `${ratio.toFixed(2)}×`,
          mark(row.status === 'applied' && ratio <= TARGETS.applyRatio) + (row.status === 'applied' ? '' : ` (run ${row.status})`),
          ms(row.firstWaveMs),
          `${row.laterStepMs.toFixed(1)} ms`,
          String(row.launches),
        ];
      }),
    ),
  );
  out.push('');
  out.push(
    'Where the time above the ideal goes (median run), on the lane that finished last, rebuilt from the step timings the executor records: ' +
      '**agent start** — the pool starts its agents on demand, so the lane’s first step waits for its agent process (lanes start theirs in parallel; on a real host this is the `powershell.exe` start, once per lane); ' +
      '**in steps** — step time beyond the latency: the request and answer over the agent’s pipes and the simulator’s state-file updates, which every agent of the pool makes under one lock file (measured apart below); ' +
      '**between steps** — the journal’s fsync’d end and begin records between two steps and the executor’s scheduling; ' +
      '**around** — before the lane’s first step and after its last (opening the runner and the journal, the first begin record, closing).',
  );
  out.push('');
  for (const row of a.rows) {
    const over = row.applyMs - row.ideal.idealMs;
    const l = row.lane;
    if (!l) {
      out.push(`- concurrency ${row.concurrency}: ${ms(over)} over the ideal (no step timings).`);
      continue;
    }
    const laterMean = l.steps > 1 ? (l.inStepsMs - l.firstStepMs) / (l.steps - 1) : a.latencyMs;
    const start = l.firstStepMs - laterMean;
    const inSteps = l.inStepsMs - start - l.steps * a.latencyMs;
    const between = l.spanMs - l.inStepsMs;
    const around = row.applyMs - l.spanMs;
    const extra = l.steps * a.latencyMs - row.ideal.idealMs;
    out.push(
      `- concurrency ${row.concurrency}: ${ms(over)} over the ideal = agent start ${ms(start)} + in steps ${ms(inSteps)} + between steps ${ms(between)} + around ${ms(around)}` +
        (extra !== 0 ? ` + ${ms(extra)} because this lane held ${l.steps} steps, not ${row.ideal.criticalSteps}` : '') +
        ` (lane of ${l.vms.length} VMs, ${l.steps} steps).`,
    );
  }
  out.push('');
  if (a.simCost.length) {
    out.push(
      'The simulator’s own cost per request, measured apart: no injected latency and each agent sending its next request as soon as the last is answered — the worst case of contention, far denser than the apply rows, where a request comes every 100 ms per agent; all agents share one state file and its lock, as in the apply rows. ' +
        'With one agent it is the pipes plus two locked read-modify-writes of the state file (every request counts itself, then applies its change) — most of the ≈3 ms per step that “in steps” shows; with more agents a request that finds the lock taken retries every 5–10 ms, which is where the tail comes from. A real Hyper-V agent shares no such file.',
    );
    out.push('');
    out.push(table(['Agents', 'Requests', 'Mean', 'p90', 'Max'], a.simCost.map((x) => [String(x.agents), String(x.requests), `${x.meanMs.toFixed(1)} ms`, `${x.p90Ms.toFixed(1)} ms`, ms(x.maxMs)])));
    out.push('');
  }
  const phaseNames = [...new Set(a.rows.flatMap((row) => Object.keys(row.phases)))];
  out.push('The whole `apply` run, phase by phase (same median run):');
  out.push('');
  out.push(
    table(
      ['Concurrency', ...phaseNames, 'Whole run', 'Whole run / ideal'],
      a.rows.map((row) => [String(row.concurrency), ...phaseNames.map((n) => (row.phases[n] === undefined ? '—' : ms(row.phases[n]!))), ms(row.totalMs), `${scheduleRatio(row.totalMs, row.ideal.idealMs).toFixed(2)}×`]),
    ),
  );
  out.push('');

  const c = r.cold;
  out.push('## The action itself: bundle size and cold start');
  out.push('');
  out.push(`Median of ${c.runs} runs each, a new process every time. \`node -e 0\` is Node’s own start-up, the floor under every figure.`);
  out.push('');
  out.push(table(['Bundle', 'Size'], c.bundles.map((b) => [`\`${b.file}\``, b.bytes === null ? (b.note ?? 'missing') : `${(b.bytes / 1024).toFixed(0)} KiB${b.note ? ` (${b.note})` : ''}`]), ['l', 'r']));
  out.push('');
  out.push(
    table(
      ['What', 'Command', 'Median', 'Min', 'Max', 'Target'],
      c.rows.map((row) => [
        row.label,
        `\`${row.command}\``,
        ms(row.medianMs),
        ms(row.minMs),
        ms(row.maxMs),
        row.target ? mark(row.exitCodes.every((x) => x === 0) && row.medianMs < TARGETS.coldStartMs) + (row.exitCodes.every((x) => x === 0) ? '' : ` (exit ${[...new Set(row.exitCodes)].join(', ')})`) : 'floor',
      ]),
      ['l', 'l', 'r', 'r', 'r', 'l'],
    ),
  );
  out.push('');
  for (const n of c.notes) out.push(`- ${n}`);
  if (c.notes.length) out.push('');
  return out.join('\n');
}
