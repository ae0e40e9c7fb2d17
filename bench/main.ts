import '../src/entry/dirname-shim.js';
// `npm run bench` (scripts/bench.mjs bundles this file into build/bench/index.js and runs it on Node 24
// from the repository root): measures observe, plan + safety, apply and cold start on the simulated
// host, prints the table and writes docs/benchmarks.md. With `--plan-child N` / `--yaml-child N` it is
// the fresh process one plan-size measurement runs in.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describeMachine } from './machine.js';
import { measureApply } from './measure/apply.js';
import { measureColdStart } from './measure/cold.js';
import { measureObserve, OBSERVE_SETTINGS, TERRAFORM } from './measure/observe.js';
import { measureSimCost } from './measure/sim-cost.js';
import { inChild, planChild, yamlChild } from './measure/plan.js';
import { MIX_DESCRIPTION } from './fleet.js';
import { writeFleetFiles } from './fixtures.js';
import { renderMarkdown, type BenchReport, type PlanResult, type PlanRow } from './report.js';

const OBSERVE_SIZES = [1, 10, 100, 1000];
const PLAN_SIZES = [1000, 10_000];
const YAML_SIZE = 1000;
const APPLY = { vms: 50, latencyMs: 100, concurrency: [1, 4, 8], runs: 5, simCostRequests: 40 };

const progress = (m: string) => process.stderr.write(`bench: ${m}\n`);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function bench(): Promise<number> {
  const root = process.cwd();
  const outFile = resolve(root, argValue('--out') ?? join('docs', 'benchmarks.md'));
  const started = performance.now();
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'hvc-bench-'));
  try {
    const observeRows = [];
    for (const n of OBSERVE_SIZES) {
      progress(`observe ${n} VM(s)`);
      observeRows.push(await measureObserve(dir, n));
    }
    const planRows: PlanRow[] = [];
    for (const n of PLAN_SIZES) {
      progress(`plan + safety ${n} VMs (fresh process)`);
      planRows.push(inChild<PlanRow>('--plan-child', n));
    }
    progress(`config load ${YAML_SIZE} VMs (fresh process)`);
    const plan: PlanResult = { mix: MIX_DESCRIPTION, rows: planRows, yaml: inChild<NonNullable<PlanResult['yaml']>>('--yaml-child', YAML_SIZE) };
    const applyRows = [];
    for (const c of APPLY.concurrency) {
      progress(`apply ${APPLY.vms} VMs at concurrency ${c} (${APPLY.runs} runs)`);
      applyRows.push(await measureApply(dir, APPLY.vms, c, APPLY.latencyMs, APPLY.runs));
    }
    const simCost = [];
    for (const k of APPLY.concurrency) {
      progress(`simulator cost with ${k} agent(s)`);
      simCost.push(await measureSimCost(dir, k, APPLY.simCostRequests));
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
    const report: BenchReport = {
      machine,
      totalMs: 0,
      observe: { ...OBSERVE_SETTINGS, terraform: TERRAFORM, rows: observeRows },
      plan,
      apply: { vms: APPLY.vms, stepsPerVm: 2, latencyMs: APPLY.latencyMs, rows: applyRows, simCost },
      cold,
    };
    report.totalMs = performance.now() - started;
    const md = renderMarkdown(report);
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
  const planN = argValue('--plan-child');
  if (planN !== undefined) {
    process.stdout.write(JSON.stringify(planChild(Number(planN))) + '\n');
    return Promise.resolve(0);
  }
  const fixturesN = argValue('--fixtures');
  if (fixturesN !== undefined) {
    process.stdout.write(JSON.stringify(writeFleetFiles(resolve(argValue('--dir') ?? '.'), Number(fixturesN))) + '\n');
    return Promise.resolve(0);
  }
  const yamlN = argValue('--yaml-child');
  if (yamlN !== undefined) {
    process.stdout.write(JSON.stringify(yamlChild(Number(yamlN))) + '\n');
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
