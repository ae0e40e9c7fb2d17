// What one benchmark run measured, the targets it is judged against, and its rendering as the
// Markdown page docs/benchmarks.md (also printed to stdout). Pure: no clock, no I/O.
import type { Machine } from './machine.js';
import type { ApplyCommandRow, EmptyApplyRow } from './measure/apply-command.js';
import type { ColdResult } from './measure/cold.js';
import type { DoubleResult } from './measure/double.js';
import type { EngineRow } from './measure/engine.js';
import type { PlanCommandRow } from './measure/plan-command.js';
import { fitLine } from './measure/run.js';
import { computedProvider, TF_PATTERN, type TerraformResult } from './measure/terraform.js';

export interface StructuralResult {
  /** Counters of one `plan` run of `vms` VMs on the sim (HVC_COUNTERS). */
  vms: number;
  counters: { canonicalizations: number; agentLaunches: number; agentRequests: number; printedChars?: number; canonicalCopies?: number } | null;
  /** Characters in the run's current.json, plan.json and result.json together. */
  artifactChars?: number;
  /** The sim agent's observe answer, bytes per VM. */
  simWireBytesPerVm: number;
  /** Observe through the real agent script in pwsh over the Hyper-V double. */
  double: DoubleResult | null;
}

export interface BenchReport {
  machine: Machine;
  /** Load averages (1 min) when the run started and ended. */
  load: { start: number; end: number };
  /** The share of CPU time the hypervisor gave elsewhere during the run (null: not known). */
  steal: number | null;
  totalMs: number;
  gnuTime: boolean;
  plan: PlanCommandRow[];
  cold: ColdResult;
  apply: { launchDelayMs: number; opLatencyMs: number; vms: number; rows: ApplyCommandRow[]; empty: EmptyApplyRow[] };
  engine: EngineRow[];
  terraform: TerraformResult;
  structural: StructuralResult;
}

export const TARGETS = {
  plan10k: { vms: 10_000, ms: 600, bytes: 250 * 1024 ** 2 },
  plan100k: { vms: 100_000, ms: 6000, bytes: 1.5 * 1024 ** 3 },
  /** The per-VM cost from 10k to 100k may be at most this times the per-VM cost from 1k to 10k. */
  linearity: 1.5,
  coldAboveNodeMs: 80,
  actionPlanMs: 200,
  applyRatio: 1.25,
  engineRatio: 2,
};

export interface Verdict {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

const MiB = 1024 ** 2;
export const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
export const mib = (b: number | null): string => (b === null ? 'n/a' : b >= 1024 * MiB ? `${(b / 1024 / MiB).toFixed(2)} GiB` : `${(b / MiB).toFixed(b < 10 * MiB ? 1 : 0)} MiB`);
const int = (n: number): string => n.toLocaleString('en-US');
const mark = (met: boolean | null): string => (met === null ? '⚠️ not measured' : met ? '✅ met' : '❌ **MISSED**');

/** Seconds as the largest sensible unit: 108 s, 30.0 h. */
export function humanSeconds(s: number): string {
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} days`;
}

const planRow = (r: BenchReport, vms: number, backend: 'sim' | 'replay') => r.plan.find((p) => p.vms === vms && p.backend === backend);

/** Marginal cost per VM between two sizes, ms. */
function perVm(a: PlanCommandRow, b: PlanCommandRow): number {
  return (b.wallMs - a.wallMs) / (b.vms - a.vms);
}

export function linearity(rows: PlanCommandRow[]): { small: number; large: number; ratio: number; fit: ReturnType<typeof fitLine> } | null {
  const [a, b, c] = [1000, 10_000, 100_000].map((n) => rows.find((x) => x.vms === n && x.completed));
  if (!a || !b || !c) return null;
  const small = perVm(a, b);
  const large = perVm(b, c);
  return { small, large, ratio: small > 0 ? large / small : Infinity, fit: fitLine(rows.filter((x) => x.completed).map((x) => ({ x: x.vms, y: x.wallMs }))) };
}

/** Every target with what was measured and whether it was met, in the page's order. */
export function verdicts(r: BenchReport): Verdict[] {
  const out: Verdict[] = [];
  for (const backend of ['sim', 'replay'] as const) {
    for (const t of [TARGETS.plan10k, TARGETS.plan100k]) {
      const row = planRow(r, t.vms, backend);
      const name = `\`plan\` of ${int(t.vms)} VMs, whole command, ${backend}`;
      if (!row) {
        out.push({ target: `${name}: completes, under ${ms(t.ms)} and ${mib(t.bytes)}`, measured: 'not measured', met: null });
        continue;
      }
      out.push({ target: `${name}: completes, under ${ms(t.ms)}`, measured: row.completed ? `${ms(row.wallMs)} median of ${row.runs}` : `did not complete: ${row.error ?? row.status}`, met: row.completed && row.wallMs < t.ms });
      out.push({ target: `${name}: under ${mib(t.bytes)} peak RSS`, measured: row.peakRssBytes === null ? 'no GNU time: not measured' : mib(row.peakRssBytes), met: row.peakRssBytes === null ? null : row.completed && row.peakRssBytes < t.bytes });
    }
    const lin = linearity(r.plan.filter((x) => x.backend === backend));
    out.push({
      target: `\`plan\` cost linear in N (${backend}): per-VM cost 10,000→100,000 within ${TARGETS.linearity}× of 1,000→10,000`,
      measured: lin ? `${(lin.large * 1000).toFixed(1)} µs vs ${(lin.small * 1000).toFixed(1)} µs per VM (${lin.ratio.toFixed(2)}×); fit ${(lin.fit.slope * 1000).toFixed(1)} µs/VM + ${ms(lin.fit.intercept)}, R² ${lin.fit.r2.toFixed(3)}` : 'not measured',
      met: lin ? lin.ratio <= TARGETS.linearity : null,
    });
  }
  const c = r.cold;
  for (const row of [c.help, c.validate]) {
    const above = row.medianMs - c.floor.medianMs;
    out.push({ target: `Cold start, ${row.label}: under ${TARGETS.coldAboveNodeMs} ms above \`node -e 0\``, measured: `${ms(above)} above (${ms(row.medianMs)} vs ${ms(c.floor.medianMs)})`, met: row.exitCodes.every((x) => x === 0) && above < TARGETS.coldAboveNodeMs });
  }
  out.push(
    c.action
      ? { target: `Cold start, ${c.action.label}: under ${ms(TARGETS.actionPlanMs)}`, measured: `${ms(c.action.medianMs)} median`, met: c.action.exitCodes.every((x) => x === 0) && c.action.medianMs < TARGETS.actionPlanMs }
      : { target: `Cold start, the action's plan of 10 VMs (replay): under ${ms(TARGETS.actionPlanMs)}`, measured: 'not built in this checkout', met: null },
  );
  for (const row of r.apply.rows) {
    const ratio = row.wallMs / row.ideal.totalMs;
    out.push({
      target: `\`apply\` of ${r.apply.vms} VMs at concurrency ${row.concurrency}, whole command: within ${TARGETS.applyRatio}× of the ideal`,
      measured: `${ratio.toFixed(2)}× (${ms(row.wallMs)} vs ${ms(row.ideal.totalMs)})`,
      met: row.status === 'applied' && ratio <= TARGETS.applyRatio,
    });
  }
  const e = r.engine.find((x) => x.which === 'engine');
  const b = r.engine.find((x) => x.which === 'baseline');
  if (e && b) {
    const t = e.warmMs / b.warmMs;
    const m = b.allocatedBytes > 0 ? e.allocatedBytes / b.allocatedBytes : Infinity;
    out.push({ target: `Plan engine vs a minimal diff, ${int(e.vms)} VMs: within ${TARGETS.engineRatio}× per VM in time`, measured: `${t.toFixed(1)}× (${ms(e.warmMs)} vs ${ms(b.warmMs)})`, met: t <= TARGETS.engineRatio });
    out.push({ target: `Plan engine vs a minimal diff, ${int(e.vms)} VMs: within ${TARGETS.engineRatio}× per VM in memory`, measured: `${Number.isFinite(m) ? m.toFixed(1) : '∞'}× (${mib(e.allocatedBytes)} vs ${mib(b.allocatedBytes)} allocated per call)`, met: m <= TARGETS.engineRatio });
  }
  const s = r.structural;
  const d = s.double;
  if (d && d.rows.length >= 2 && !d.note) {
    const counts = d.rows.map((x) => x.cmdletCalls);
    out.push({
      target: 'Observe through the real agent (pwsh) and the Hyper-V double: cmdlet calls per observe constant in the VM count (wire size per VM reported)',
      measured: `${d.rows.map((x) => `${int(x.vms)} VMs: ${x.cmdletCalls} calls, ${int(Math.round(x.bytesPerVm))} B/VM`).join('; ')}`,
      met: counts.every((c) => c === counts[0]),
    });
  } else {
    out.push({ target: 'Observe through the real agent (pwsh) and the Hyper-V double: cmdlet calls per observe constant in the VM count (wire size per VM reported)', measured: d?.note ?? 'not measured', met: null });
  }
  return out;
}

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = head.map((_, i) => ((align?.[i] ?? 'r') === 'l' ? '---' : '---:'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(sep), ...rows.map(line)].join('\n');
}

const phaseText = (p: Record<string, number>): string => Object.entries(p).map(([k, v]) => `${k} ${Math.round(v)}`).join(' · ') || '—';

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const v = verdicts(r);
  const missed = v.filter((x) => x.met === false);
  const unmeasured = v.filter((x) => x.met === null);
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push('<!-- Generated by `npm run bench` (bench/main.ts). Do not edit by hand: run it again. -->', '');
  out.push(
    'Reproduce with `npm run bench` on a clone (it builds `dist/` first if it is missing, bundles `bench/` into `build/bench/` and runs it on the Node 24 the action runs on). ' +
      'Every timed figure is a **whole command as a user runs it**: the shipped bundle (`dist/cli/index.js`, `dist/index.js`) started as a new process, timed from outside, several runs, the median shown. ' +
      `Peak RSS comes from the OS (${r.gnuTime ? 'GNU time’s maxrss: the largest single process of the command, the CLI or an agent it started' : 'GNU time is not installed here: peak RSS is not measured'}). ` +
      'The simulated host (`sim` backend) is a real agent process answering the real JSON-lines protocol; the costs it is told to add are stated per table. **The Terraform Hyper-V provider column is computed from that provider’s launch pattern, not run**; `terraform plan` over `terraform_data` is run when `terraform` is installed.',
    '',
  );
  out.push(`**Machine:** ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM · ${m.os} · Node ${m.node} · ${m.date.slice(0, 16).replace('T', ' ')} UTC · load average ${r.load.start.toFixed(1)} at the start, ${r.load.end.toFixed(1)} at the end (above ${m.cores} means other work shared the cores and inflated the times)${r.steal === null ? '' : ` · CPU time stolen by the hypervisor during the run ${(r.steal * 100).toFixed(1)} % (time the virtual machine waited for a core another guest held)`} · whole benchmark ${(r.totalMs / 1000).toFixed(0)} s`, '');

  out.push('## Targets', '');
  out.push(table(['Target', 'Measured', 'Result'], v.map((x) => [x.target, x.measured, mark(x.met)]), ['l', 'l', 'l']), '');
  out.push(missed.length === 0 ? (unmeasured.length ? `No target missed; ${unmeasured.length} not measured in this run (see the row).` : 'All targets met.') : `**${missed.length} target(s) missed**${unmeasured.length ? `, ${unmeasured.length} not measured` : ''}: the rows marked ❌ above.`, '');

  out.push('## `plan`, whole command', '');
  out.push(
    '`node dist/cli/index.js plan --config vms.yaml --backend sim|replay --json -v`, a new process per run. **What it measures:** Node’s start, loading and validating the N-VM `vms.yaml`, observe (sim: the sim agent process, started before the config is read so that its start overlaps the config’s loading; it parses its N-VM state file and prints its answer’s VM part as soon as it starts — a real host’s agent cannot prepare its answer, and the CLI starts a Hyper-V agent only once the config has named the host — then answers one observe line; the Observe phase is the wait for the host that is left; replay: reading and schema-checking `current.json`, a recording as a run writes it: the same observation, canonical, on one line past 1 MiB), plan + safety + hashes, writing `current.json`, `plan.json`, `result.json` (past 1 MiB each is the one-line text printed for its hash), rendering the plan to stderr. **Left out:** a real host’s cmdlet time (the sim answers at once; no injected latency here), the GitHub side of the action. ' +
      'Fleet mix: 70 % unchanged, 10 % to create and start, 5 % CPU change needing a restart, 5 % dynamic-memory bound change, 3 % notes, 2 % to stop, 2 % to remove, 1 % unmanaged, 1 % protected, 1 % switch to connect, plus 5 % hand-made VMs on the host. Phases are the CLI’s own `-v` timings of the median run.',
    '',
  );
  out.push(
    table(
      ['VMs', 'Backend', 'Runs', 'Wall (median)', 'Spread', 'CPU', 'Peak RSS', 'Agent starts', 'Steps', 'Status', 'Phases (ms)'],
      r.plan.map((p) => [int(p.vms), p.backend, String(p.runs), ms(p.wallMs), `${ms(p.minMs)} – ${ms(p.maxMs)}`, p.cpuMs === null ? 'n/a' : ms(p.cpuMs), mib(p.peakRssBytes), p.agentStarts === null ? '—' : String(p.agentStarts), int(p.steps), p.completed ? p.status : `**failed**: ${p.error ?? p.status}`, phaseText(p.phases)]),
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
    '',
  );
  for (const backend of ['sim', 'replay'] as const) {
    const lin = linearity(r.plan.filter((x) => x.backend === backend));
    if (lin) out.push(`- ${backend}: least-squares fit over the completed sizes: ${(lin.fit.slope * 1000).toFixed(1)} µs per VM + ${ms(lin.fit.intercept)} fixed (R² ${lin.fit.r2.toFixed(3)}); per-VM cost 1,000→10,000: ${(lin.small * 1000).toFixed(1)} µs, 10,000→100,000: ${(lin.large * 1000).toFixed(1)} µs.`);
  }
  out.push('');

  out.push('## Cold start', '');
  const c = r.cold;
  out.push(`Median of ${c.runs} runs each, a new process every time. \`node -e 0\` is Node’s own start-up, the floor under every figure; the CLI targets are judged on the time above it, the action’s on its whole time. **Left out:** the runner’s own start of the step (outside our process).`, '');
  out.push(
    table(
      ['What', 'Command', 'Median', 'Above `node -e 0`', 'Min', 'Max', 'Peak RSS'],
      [c.floor, c.help, c.validate, ...(c.action ? [c.action] : [])].map((x) => [x.label, `\`${x.command}\``, ms(x.medianMs), x === c.floor ? '—' : ms(x.medianMs - c.floor.medianMs), ms(x.minMs), ms(x.maxMs), mib(x.peakRssBytes)]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  );
  out.push(table(['Bundle', 'Size', 'Note'], c.bundles.map((b) => [`\`${b.file}\``, b.bytes === null ? '—' : `${Math.round(b.bytes / 1024)} KiB`, b.note ?? '']), ['l', 'r', 'l']), '');
  for (const n of c.notes) out.push(`- ${n}`);
  out.push('');

  out.push('## `apply`, whole command', '');
  const a = r.apply;
  out.push(
    `\`node dist/cli/index.js apply --concurrency C --backend sim\` on a fresh simulated host per run: a plan creating and starting ${a.vms} VMs (2 steps each). The simulated agent takes **${a.launchDelayMs} ms to start** (what \`powershell.exe\` costs on a real host) and **${a.opLatencyMs} ms per operation** (observe included). ` +
      `**Ideal** = one agent launch + the busiest lane’s operations: the steps of one VM run in order in one lane, VMs spread whole over C lanes, so ideal = ${a.launchDelayMs} ms + ceil(${a.vms} / C) × 2 × ${a.opLatencyMs} ms. **Measured** is the whole command: Node’s start, config, host lock, observe (whose agent launch is the one in the ideal: the pool’s agents are started at the same time, while observe and plan run), plan, the steps with their journal records, the re-observe and verify, the artifacts. ` +
      '“Step overhead” is a step’s mean duration minus the operation latency: the request and answer over the pipes, the simulator’s locked state-file update, as the executor times it (the journal’s records between steps are outside it). **Left out:** a real host’s variance in launch and operation times.',
    '',
  );
  out.push(
    table(
      ['Concurrency', 'Steps', 'Busiest lane (steps)', 'Ideal', 'Whole command (median)', 'Spread', 'Ratio', 'Step overhead', 'Agent starts', 'Peak RSS', 'Phases (ms)'],
      a.rows.map((x) => [String(x.concurrency), String(x.steps), String(x.ideal.criticalSteps), ms(x.ideal.totalMs), ms(x.wallMs), `${ms(x.minMs)} – ${ms(x.maxMs)}`, `${(x.wallMs / x.ideal.totalMs).toFixed(2)}×`, `${x.stepOverheadMs.toFixed(1)} ms`, String(x.agentStarts), mib(x.peakRssBytes), phaseText(x.phases)]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
  );
  if (a.empty.length) {
    out.push('**What prestarting costs when the plan is empty.** The same command again on the host the last run converged (nothing to do), beside `plan` of that host: the pool’s other agents were started for nothing and are killed as soon as the plan is known to be empty; the command waits for the one agent observe needs, not for them.', '');
    out.push(table(['Concurrency', '`apply`, empty plan', 'Agent starts', '`plan`', 'Agent starts'], a.empty.map((x) => [String(x.concurrency), `${ms(x.applyMs)} (${x.status})`, String(x.applyAgentStarts), ms(x.planMs), String(x.planAgentStarts)])), '');
  }

  out.push('## Plan engine against a minimal diff', '');
  out.push(
    'All on the same config and observation (the fleet mix above), held as a run holds them: the config as loading `vms.yaml` resolves it, the observation with its keys in the order the agent client builds it and a recording is read back; each in a fresh process. **Engine:** `makePlan` — assess the observation, plan, safety policy, and its sha256 hashes over canonical JSON: the whole observation, the basis (the observed facts the plan compared), the plan body; the config’s hash is the fourth, taken over the YAML document when the file is read (loading, left out here, takes it: a few hundred bytes of JSON per VM), so the engine reads it. **Core:** the same call without any hash (assess, plan, safety; the checkpoint name from a fixed stand-in digest): the engine minus this is what the hashes cost. **Baseline:** a 30-line comparison (`minimalDiff` in bench/measure/engine.ts): per file VM, the observed VM by name and which of state, CPUs, memory, notes, switch differ — no ordering, no ownership, no policy, no hashes. Time: median of 5 warm calls (the first call, with a cold JIT, beside it). Memory, measured the same way for all three on the V8 heap: **allocated** — bytes one warm call allocates (heap used after − before, plus what each garbage collection during the call freed, from `v8.GCProfiler`; median of 3 calls; this is the judged figure) — and **retained** — bytes still held after a full collection with the call’s result kept (the plan, or the baseline’s list). Left out of memory: buffers outside the V8 heap (the UTF-8 copy each hash makes of its JSON text). **Left out:** YAML loading and artifact writing (in the whole-command rows above).',
    '',
  );
  out.push(
    table(
      ['What', 'VMs', 'Found', 'Warm (median)', 'First call', 'Per VM (warm)', 'Allocated per call', 'Retained'],
      r.engine.map((x) => [x.which, int(x.vms), int(x.found), ms(x.warmMs), ms(x.firstMs), `${((x.warmMs / x.vms) * 1000).toFixed(1)} µs`, mib(x.allocatedBytes), mib(x.retainedBytes)]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  );
  const eng = r.engine.find((x) => x.which === 'engine');
  const core = r.engine.find((x) => x.which === 'core');
  const base = r.engine.find((x) => x.which === 'baseline');
  if (eng && core && base) {
    const hashMs = Math.max(0, eng.warmMs - core.warmMs);
    out.push(
      `**Where the engine’s time goes.** The hashes take ${ms(hashMs)} of its ${ms(eng.warmMs)} (${Math.round((100 * hashMs) / eng.warmMs)} %): each is sha256 over the canonical JSON of a whole value — the observation, the basis, the plan — several MB at this size. The observation (as the agent client builds it and a recording is read) and the plan are built with their keys in canonical order, so putting them in canonical order is a walk, not a copy; the basis is one new object per VM (the facts the plan compared); each value is printed once, and printing is most of it. Assess, plan and safety take ${ms(core.warmMs)} (${(core.warmMs / base.warmMs).toFixed(1)}× the baseline): they order steps, give them ids, groups and the exact host operation, judge ownership and protected names, and write a reason for every step and refusal, which the baseline does not. In a whole \`plan\` run two of these three texts are not extra work: the observation’s and the plan body’s, printed for their hashes, are the very texts current.json and plan.json are written from; the basis is hashed and written nowhere. In memory, assess, plan and safety allocate ${mib(core.allocatedBytes)} per call (${(core.allocatedBytes / Math.max(1, base.allocatedBytes)).toFixed(1)}× the baseline’s ${mib(base.allocatedBytes)}), mostly the plan’s own steps and their reasons; the rest of the engine’s ${mib(eng.allocatedBytes)} is the hashes’ JSON texts and the basis. Hashing the same bytes cannot be made cheaper than printing them, so a 2× target over a comparison that hashes nothing stays out of reach while the plan is bound by those hashes.`,
      '',
    );
  }

  out.push('## Structural figures', '');
  const s = r.structural;
  out.push(
    `Counted, not timed (a jest test holds each of them: __tests__/bench/structural.test.ts). One \`plan\` of ${int(s.vms)} VMs on the sim, with \`HVC_COUNTERS\` set: ` +
      (s.counters ? `**${s.counters.agentLaunches} agent launch**, ${s.counters.agentRequests} request(s), **${s.counters.canonicalizations} canonicalizations** (the config’s YAML document for its hash, when the file is read; the observation once, for current.json, its hash and the basis hash; the plan body for its hash; plan.json, which walks the plan without copying it, since the plan is already that canonical tree; result.json)` +
        (s.counters.canonicalCopies !== undefined ? `, which copy **${int(s.counters.canonicalCopies)} objects** in all: the agent’s answer and the plan are built with their keys in canonical order, so canonicalizing walks them and copies only a few top-level objects; the document is copied where the file writes a mapping’s keys in another order than the sorted one (a VM with more than its name, here)` : '') +
        (s.counters.printedChars !== undefined && s.artifactChars
          ? `; **${int(s.counters.printedChars)} characters of JSON printed**, ${(s.counters.printedChars / s.artifactChars).toFixed(2)}× the ${int(s.artifactChars)} of its three artifacts: each value hashed or written is printed once (current.json and plan.json, past 1 MiB, are the very texts printed for observedHash and planHash), and what is printed beyond the artifacts is the config’s document and the basis, which are hashed and written nowhere. `
          : '. ')
      : 'counters not available. ') +
      `The sim agent’s observe answer: ${int(Math.round(s.simWireBytesPerVm))} bytes per VM on the wire.`,
    '',
  );
  const dbl = s.double;
  out.push(
    '**Observe through the real agent and the Hyper-V double.** `dist/agent/hyperv-agent.ps1` started in PowerShell 7 (`pwsh -NoProfile -File …`) with the Hyper-V double’s modules (`__tests__/hyperv-double/`: `Hyper-V\\Get-VM` and the rest re-implemented over a state file, every cmdlet invocation logged) on `PSModulePath`; one process and one observe request per size; the answer line’s bytes counted on the pipe. **Left out:** the time a real Hyper-V host’s cmdlets take (the double answers from a file), Windows PowerShell 5.1 (the host’s shell; pwsh 7 runs here).',
    '',
  );
  if (dbl && dbl.rows.length) {
    const names = [...new Set(dbl.rows.flatMap((x) => Object.keys(x.byCmdlet)))].sort();
    out.push(table(['VMs', 'Cmdlet calls', 'Answer', 'Bytes per VM', 'Wall (one run)', 'By cmdlet'], dbl.rows.map((x) => [int(x.vms), String(x.cmdletCalls), `${int(x.answerBytes)} B`, int(Math.round(x.bytesPerVm)), ms(x.wallMs), names.map((n) => `${n} ${x.byCmdlet[n] ?? 0}`).join(' · ')]), ['r', 'r', 'r', 'r', 'r', 'l']), '');
  }
  if (dbl?.note || !dbl) out.push(`- ${dbl?.note ?? 'not measured in this run'}`, '');

  out.push('## The anchor: Terraform', '');
  const t = r.terraform;
  out.push(
    (t.binary ? `\`terraform plan -lock=false\` (Terraform ${t.version ?? '?'}, ${t.binary}) over N \`terraform_data\` resources (\`count = N\`), measured like our commands: a new process per run, median of 3 (one run at 10,000). \`terraform_data\` is built into Terraform: \`terraform init\` needs no provider download and ran offline. With an empty state, so Terraform plans N creations and refreshes nothing: its core’s cost with a provider that costs nothing — a floor under any provider. ` : `${t.note} `) +
      `**Computed, not run:** the Terraform Hyper-V provider’s refresh pattern per VM — ${TF_PATTERN.scriptsPerVm} PowerShell scripts, each ${TF_PATTERN.moduleLaunchesPerScript + TF_PATTERN.trivialLaunchesPerScript} process launches: ${TF_PATTERN.moduleLaunchesPerScript} loading the Hyper-V module (${TF_PATTERN.moduleLaunchS} s each, the \`powershell.exe\` start measured on real hosts) and ${TF_PATTERN.trivialLaunchesPerScript} trivial (${TF_PATTERN.trivialLaunchS} s each, an assumption: a process start without module loading). One VM’s scripts run in turn; Terraform refreshes ${TF_PATTERN.parallelism} resources at once (its default -parallelism), so wall time = ceil(N / ${TF_PATTERN.parallelism}) × ${computedProvider(1).perVmS.toFixed(1)} s. Ours beside it: the measured \`plan\` on the sim (which adds no launch cost: on a real host add one \`powershell.exe\` start, once).`,
    '',
  );
  out.push(
    table(
      ['VMs', 'Ours: `plan` (sim, measured)', '`terraform plan`, terraform_data (measured)', 'Its peak RSS', 'Hyper-V provider: module-loading launches', 'trivial launches', 'wall at parallelism 10 (computed)'],
      t.rows.map((x) => {
        const ours = r.plan.find((p) => p.vms === x.vms && p.backend === 'sim');
        const cp = computedProvider(x.vms);
        return [int(x.vms), ours ? ms(ours.wallMs) : '—', x.planMs === null ? (x.note ?? 'not run') : ms(x.planMs), mib(x.peakRssBytes), int(cp.moduleLaunches), int(cp.trivialLaunches), humanSeconds(cp.wallS)];
      }),
    ),
    '',
  );
  return out.join('\n');
}
