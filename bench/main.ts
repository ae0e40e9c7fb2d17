import '../src/entry/dirname-shim.js';
// `npm run bench` (scripts/bench.mjs bundles this file into build/bench/index.js and runs it on Node 24
// from the repository root): measures the shipped commands as a user runs them — `plan` at 1 to
// 100,000 VMs, cold start, `apply` against the ideal schedule, the plan engine against a minimal
// diff, structural counts, and `terraform plan` as the anchor — prints the page and writes
// docs/benchmarks.md. `--engine-child WHICH N` and `--fixtures N --dir D` are its helper modes.
// `--quick` runs smaller sizes and fewer runs (a smoke test of the bench itself; the page says so).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { simOperation } from '../src/backends/sim/host.js';
import { readSimState } from '../src/backends/sim/state.js';
import { writeFleetFiles } from './fixtures.js';
import { cpuTicks, describeMachine, stealShare } from './machine.js';
import { APPLY, measureApplyCommand } from './measure/apply-command.js';
import { measureColdStart } from './measure/cold.js';
import { measureDouble } from './measure/double.js';
import { engineChild, inChild, type EngineRow } from './measure/engine.js';
import { fixturesFor, measurePlanCommand, type PlanCommandRow } from './measure/plan-command.js';
import { hasGnuTime, runCommand } from './measure/run.js';
import { measureTerraform } from './measure/terraform.js';
import { renderMarkdown, type BenchReport, type StructuralResult } from './report.js';

const QUICK = process.argv.includes('--quick');
/** `--only plan,cold,apply,engine,structural,terraform`: a partial run while working on one part (the page says so). */
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set((process.argv[i + 1] ?? '').split(',')) : null;
})();
const wanted = (section: string): boolean => !ONLY || ONLY.has(section);
/** Sizes and runs of `plan`: [VMs, runs on sim, runs on replay (0: not run)]. */
const PLAN_SIZES: [number, number, number][] = QUICK
  ? [[1, 1, 0], [1000, 1, 1], [10_000, 1, 1]]
  : [[1, 3, 0], [100, 3, 0], [1000, 5, 5], [10_000, 5, 5], [100_000, 3, 3]];
const TF_SIZES = QUICK ? [1, 100] : [1, 100, 1000, 10_000];
const TF_BUDGET_MS = 5 * 60_000;
const ENGINE_VMS = QUICK ? 1000 : 10_000;
/** Observe through the real agent over the Hyper-V double (pwsh): VM counts. */
const DOUBLE_SIZES = [1, 10, 100];

const progress = (m: string) => process.stderr.write(`bench: ${m}\n`);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function structural(root: string, dir: string): Promise<StructuralResult> {
  // Large enough that current.json and plan.json are written on one line (past 1 MiB each).
  const n = 5000;
  const f = writeFleetFiles(join(dir, 'structural'), n);
  const countersFile = join(f.dir, 'counters.json');
  runCommand(process.execPath, [join(root, 'dist', 'cli', 'index.js'), 'plan', '--config', f.config, '--backend', 'sim', '--sim-state', f.simState, '--out', join(f.dir, 'out')], {
    cwd: f.dir,
    env: { PATH: process.env.PATH, HOME: f.dir, HVC_STATE_DIR: join(f.dir, '.state'), HVC_COUNTERS: countersFile },
  });
  const counters = existsSync(countersFile) ? (JSON.parse(readFileSync(countersFile, 'utf8')) as StructuralResult['counters']) : null;
  const artifactChars = ['current.json', 'plan.json', 'result.json'].reduce((sum, name) => sum + readFileSync(join(f.dir, 'out', name), 'utf8').length, 0);
  const state = readSimState(f.simState);
  const answer = JSON.stringify({ id: 1, ok: true, result: simOperation(state, 'observe', { paths: [], neighbors: false }, Date.now()) });
  const double = await measureDouble(root, dir, QUICK ? [1, 10] : DOUBLE_SIZES);
  return { vms: n, counters, artifactChars, simWireBytesPerVm: Buffer.byteLength(answer) / state.vms.length, double };
}

async function bench(): Promise<number> {
  const root = process.cwd();
  const outFile = resolve(root, argValue('--out') ?? join('docs', 'benchmarks.md'));
  const started = performance.now();
  const loadStart = loadavg()[0]!;
  const ticksStart = cpuTicks();
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'hvc-bench-'));
  try {
    const plan: PlanCommandRow[] = [];
    for (const [n, simRuns, replayRuns] of wanted('plan') ? PLAN_SIZES : []) {
      progress(`fixtures: ${n} VMs`);
      const f = fixturesFor(dir, n);
      progress(`plan of ${n} VMs on sim (${simRuns} runs)`);
      plan.push(measurePlanCommand(root, f, n, 'sim', simRuns));
      if (replayRuns > 0) {
        progress(`plan of ${n} VMs on replay (${replayRuns} runs)`);
        plan.push(measurePlanCommand(root, f, n, 'replay', replayRuns));
      }
      rmSync(f.dir, { recursive: true, force: true });
    }
    progress('cold start');
    const standIn = process.env.HVC_BENCH_ACTION_BUNDLE;
    const cold = measureColdStart(
      root,
      dir,
      standIn
        ? { file: resolve(root, standIn), note: `dist/index.js is not built in this checkout: measured a bundle of src/entry/action.ts made by the bench into build/bench/action/ instead (${process.env.HVC_BENCH_ACTION_HOW ?? 'ncc'}).` }
        : { file: join(root, 'dist', 'index.js'), ...(process.env.HVC_BENCH_ACTION_NOTE ? { note: process.env.HVC_BENCH_ACTION_NOTE } : {}) },
    );
    const applyRows = [];
    const empty = [];
    for (const c of wanted('apply') ? APPLY.concurrency : []) {
      progress(`apply of ${APPLY.vms} VMs at concurrency ${c}`);
      const r = measureApplyCommand(root, join(dir, 'apply'), c, QUICK ? 1 : APPLY.runs);
      applyRows.push(r.row);
      if (r.empty) empty.push(r.empty);
    }
    progress(`plan engine and minimal diff, ${ENGINE_VMS} VMs (fresh processes)`);
    const engine = wanted('engine') ? (['engine', 'core', 'baseline'] as const).map((w) => inChild<EngineRow>(['--engine-child', w, String(ENGINE_VMS)])) : [];
    progress('structural counts');
    const structuralResult = wanted('structural') ? await structural(root, dir) : { vms: 0, counters: null, simWireBytesPerVm: 0, double: null };
    progress(`terraform plan over terraform_data (${TF_SIZES.join(', ')})`);
    const tfDir = join(dir, 'terraform');
    mkdirSync(tfDir, { recursive: true });
    const terraform = wanted('terraform') ? measureTerraform(tfDir, TF_SIZES, TF_BUDGET_MS) : { binary: null, version: null, rows: [], note: 'not run (--only)' };
    const report: BenchReport = {
      machine,
      load: { start: loadStart, end: loadavg()[0]! },
      steal: stealShare(ticksStart, cpuTicks()),
      totalMs: performance.now() - started,
      gnuTime: hasGnuTime(),
      plan,
      cold,
      apply: { launchDelayMs: APPLY.launchDelayMs, opLatencyMs: APPLY.opLatencyMs, vms: APPLY.vms, rows: applyRows, empty },
      engine,
      terraform,
      structural: structuralResult,
    };
    let md = renderMarkdown(report);
    if (ONLY) md = md.replace('# Benchmarks\n', `# Benchmarks\n\n> **Partial run** (\`--only ${[...ONLY].join(',')}\`): the other sections are empty and their targets not measured.\n`);
    if (QUICK) md = md.replace('# Benchmarks\n', '# Benchmarks\n\n> **`--quick` run**: smaller sizes and single runs; the targets at 100,000 VMs are not measured. Run `npm run bench` for the real page.\n');
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, md + '\n');
    process.stdout.write(md + '\n');
    progress(`wrote ${outFile} in ${(report.totalMs / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): Promise<number> {
  const engineWhich = argValue('--engine-child');
  if (engineWhich !== undefined) {
    const n = Number(process.argv[process.argv.indexOf('--engine-child') + 2]);
    const which = engineWhich === 'baseline' || engineWhich === 'core' ? engineWhich : 'engine';
    process.stdout.write(JSON.stringify(engineChild(which, n)) + '\n');
    return Promise.resolve(0);
  }
  const fixturesN = argValue('--fixtures');
  if (fixturesN !== undefined) {
    process.stdout.write(JSON.stringify(writeFleetFiles(resolve(argValue('--dir') ?? '.'), Number(fixturesN))) + '\n');
    return Promise.resolve(0);
  }
  return bench();
}

// No top-level await: ncc does not accept it in an entry.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
