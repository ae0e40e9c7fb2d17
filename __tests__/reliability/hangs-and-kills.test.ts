// Hanging operations at every index (the runner's timeout kills the agent; the step is timed-out,
// its VM stops, the others go on), and the apply process itself killed mid-operation at every index
// (the next run takes over the dead lock, reports the unfinished operation, re-plans and converges).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../src/backends/index.js';
import { loadConfig } from '../../src/core/config/load.js';
import { makePlan, pathsToCheck } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import { executePlan } from '../../src/engine/apply/executor.js';
import { Journal } from '../../src/engine/apply/journal.js';
import { hostKeyOf } from '../../src/engine/pipeline.js';
import { bindCreatedIds } from '../../src/engine/created-ids.js';
import type { Logger } from '../../src/engine/log.js';
import { tempDir, transpileForNode } from '../apply/helpers.js';
import { ensureSimAgentBundle, hostShape, invariantViolations, makeLab, repoRoot } from './scenario.js';
import type { Lab } from './scenario.js';

const figures: Record<string, number> = {};
let clean: { shape: Record<string, unknown>; removable: Set<string>; steps: number };

beforeAll(async () => {
  ensureSimAgentBundle();
  const lab = makeLab();
  try {
    const out = await lab.run('clean');
    clean = { shape: hostShape(lab.host()), removable: new Set(out.plan!.steps.filter((s) => s.action === 'remove').map((s) => s.vm)), steps: out.plan!.steps.length };
  } finally {
    lab.cleanup();
  }
});
afterAll(() => {
  process.stdout.write(`reliability figures (hangs/kills): ${JSON.stringify(figures)}\n`);
});

/** Ends a child still running (a failed expectation must not leave the apply behind). */
async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** Kills sim agents left running on this lab's state file (a killed apply cannot close its own). */
function killOrphanAgents(stateFile: string): number {
  let n = 0;
  if (!existsSync('/proc')) return 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd.includes('--state') && cmd.includes(stateFile)) {
        process.kill(Number(pid), 'SIGKILL');
        n++;
      }
    } catch {
      /* gone */
    }
  }
  return n;
}

async function expectConverges(lab: Lab, label: string, log?: Logger): Promise<ReturnType<Lab['run']> extends Promise<infer T> ? T : never> {
  const next = await lab.run(`${label}-next`, { log });
  expect(next.result.steps.filter((s) => s.outcome !== 'succeeded')).toEqual([]);
  expect(invariantViolations(lab.initial, lab.host(), clean.removable)).toEqual([]);
  const check = await lab.run(`${label}-check`);
  expect(check.plan!.steps).toEqual([]);
  expect(hostShape(lab.host())).toEqual(clean.shape);
  return next;
}

describe('an operation that hangs, at every index', () => {
  it('is reported timed-out per step while the other VMs continue; the next run converges', async () => {
    let runs = 0;
    for (let k = 2; k <= clean.steps + 1; k++) {
      const lab = makeLab();
      try {
        await lab.setKnobs({ hangAt: k });
        // The pipeline's pieces with a short operation bound (the config's minimum is 10 s).
        const { config } = loadConfig(lab.configPath);
        const backend = createBackend({ kind: 'sim', stateFile: lab.stateFile });
        const journal = await Journal.open(lab.stateDir, hostKeyOf({ kind: 'sim', stateFile: lab.stateFile }));
        let results;
        try {
          const obs = assessObservation(await backend.observe({ paths: pathsToCheck(config), neighbors: false }));
          const plan = makePlan(config, obs, 'sim');
          const runner = bindCreatedIds(await backend.runner(3));
          results = await executePlan(plan.steps, runner, { concurrency: 3, operationTimeoutMs: 1500, journal, planHash: plan.planHash, runnerGraceMs: 5000 });
          await runner.close();
        } finally {
          await journal.close();
          await backend.close();
        }
        runs++;
        const hung = results.filter((r) => r.outcome === 'timed-out');
        expect(hung).toHaveLength(1);
        expect(hung[0]!.error!.code).toBe('agent-timeout');
        const ofVm = results.filter((r) => r.vm === hung[0]!.vm);
        expect(ofVm.slice(ofVm.indexOf(hung[0]!) + 1).every((r) => r.outcome === 'skipped')).toBe(true);
        expect(results.filter((r) => r.vm !== hung[0]!.vm).every((r) => r.outcome === 'succeeded')).toBe(true);
        expect(invariantViolations(lab.initial, lab.host(), clean.removable)).toEqual([]);
        await lab.setKnobs({ hangAt: null });
        await expectConverges(lab, `hang@${k}`);
        runs += 2;
      } finally {
        killOrphanAgents(lab.stateFile);
        lab.cleanup();
      }
    }
    figures.hangIndices = clean.steps;
    figures.hangRuns = runs;
  }, 180_000);

  it('through the whole pipeline (10 s bound): the step is timed-out and the run fails with apply-failed', async () => {
    const lab = makeLab();
    try {
      await lab.setKnobs({ hangAt: 3 });
      const out = await lab.run('hang-pipeline');
      expect(out.result.failureReason).toBe('apply-failed');
      expect(out.result.steps.filter((s) => s.outcome === 'timed-out')).toHaveLength(1);
      expect(out.result.steps.filter((s) => s.outcome === 'succeeded').length).toBeGreaterThan(0);
      await lab.setKnobs({ hangAt: null });
      await expectConverges(lab, 'hang-pipeline');
    } finally {
      killOrphanAgents(lab.stateFile);
      lab.cleanup();
    }
  }, 60_000);
});

describe('the apply process killed mid-operation, at every index', () => {
  let fx: ReturnType<typeof tempDir>;
  let script: string;
  beforeAll(() => {
    fx = tempDir('hvc-rel-proc-');
    transpileForNode(['src/engine/pipeline.ts'], fx.dir);
    // Bare imports (js-yaml, ajv) and the bundled sim agent resolve from the repository.
    symlinkSync(join(repoRoot, 'node_modules'), join(fx.dir, 'node_modules'), 'dir');
    symlinkSync(join(repoRoot, 'dist'), join(fx.dir, 'dist'), 'dir');
    script = join(fx.dir, 'apply.mjs');
    writeFileSync(
      script,
      `import { runPipeline } from './src/engine/pipeline.js';
const a = JSON.parse(process.argv[2]);
const out = await runPipeline({ mode: 'apply', configPath: a.configPath, backend: { kind: 'sim', stateFile: a.stateFile }, outDir: a.outDir, stateDir: a.stateDir, lockWaitMs: 0 });
process.stdout.write(JSON.stringify({ status: out.result.status }) + '\\n');
`,
    );
    // The apply's own pieces, with one twist: the answer to step `index` is lost after the host
    // executed it, and the process is then killed (the worst moment: done, but not known to be done).
    writeFileSync(
      join(fx.dir, 'answer-lost.mjs'),
      `import { hostname } from 'node:os';
import { createBackend } from './src/backends/index.js';
import { loadConfig } from './src/core/config/load.js';
import { makePlan, pathsToCheck } from './src/core/converge.js';
import { assessObservation } from './src/core/model/assess.js';
import { executePlan } from './src/engine/apply/executor.js';
import { Journal } from './src/engine/apply/journal.js';
import { acquireHostLock } from './src/engine/apply/lock.js';
import { bindCreatedIds } from './src/engine/created-ids.js';
import { hostKeyOf } from './src/engine/pipeline.js';
const a = JSON.parse(process.argv[2]);
const spec = { kind: 'sim', stateFile: a.stateFile };
const key = hostKeyOf(spec);
await acquireHostLock(a.stateDir, key, { holder: { runId: 'run-lost', pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }, waitMs: 0 });
const { config } = loadConfig(a.configPath);
const backend = createBackend(spec);
const obs = assessObservation(await backend.observe({ paths: pathsToCheck(config), neighbors: false }));
const plan = makePlan(config, obs, 'sim');
const inner = bindCreatedIds(await backend.runner(1));
const step = plan.steps[a.index];
const target = step.id;
const ids = new Map(plan.steps.map((s) => [s.operation, s.id]));
const runner = {
  async run(op, t) {
    const out = await inner.run(op, t);
    if (ids.get(op) !== target) return out;
    process.stdout.write(JSON.stringify({ executed: target, vm: step.vm, action: step.action, ok: out.ok }) + '\\n');
    return new Promise(() => setInterval(() => {}, 1000));
  },
  close: () => inner.close(),
};
const journal = await Journal.open(a.stateDir, key, { runId: 'run-lost' });
await executePlan(plan.steps, runner, { concurrency: 1, operationTimeoutMs: 60000, journal, planHash: plan.planHash });
`,
    );
  });
  afterAll(() => fx.cleanup());

  it('the next run takes over the dead lock, reports what was in flight, re-plans and converges', async () => {
    let runs = 0;
    let reported = 0;
    for (let k = 2; k <= clean.steps + 1; k++) {
      const lab = makeLab();
      let child: ChildProcess | null = null;
      try {
        await lab.setKnobs({ hangAt: k });
        const env = { ...process.env };
        delete env.NODE_OPTIONS;
        child = spawn(process.execPath, [script, JSON.stringify({ configPath: lab.configPath, stateFile: lab.stateFile, outDir: join(lab.dir, 'out', 'killed'), stateDir: lab.stateDir })], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env,
        });
        let stderr = '';
        child!.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise((r) => child!.on('exit', r));
        // Wait until operation k is in flight (the agent counted it and hangs), then kill the apply.
        for (let i = 0; i < 2000 && lab.host().stats.operations < k; i++) await new Promise((r) => setTimeout(r, 10));
        // Operation k hangs; the other agents of the pool may have gone on meanwhile.
        expect(lab.host().stats.operations).toBeGreaterThanOrEqual(k);
        child!.kill('SIGKILL');
        await exited;
        runs++;
        expect(stderr).toBe('');
        expect(invariantViolations(lab.initial, lab.host(), clean.removable)).toEqual([]);
        await lab.setKnobs({ hangAt: null });
        const warnings: string[] = [];
        const log: Logger = { info() {}, debug() {}, error() {}, warn: (m) => warnings.push(m), group: (_n, fn) => fn() };
        const next = await expectConverges(lab, `kill@${k}`, log);
        runs += 2;
        expect(warnings.some((w) => w.includes('took over a stale host lock'))).toBe(true);
        const recovery = next.result.extra.recovery as { unfinished: { stepId: string }[] } | undefined;
        expect(recovery?.unfinished.length ?? 0).toBeGreaterThanOrEqual(1);
        reported += recovery?.unfinished.length ?? 0;
      } finally {
        await stop(child);
        killOrphanAgents(lab.stateFile);
        lab.cleanup();
      }
    }
    figures.killIndices = clean.steps;
    figures.killRuns = runs;
    figures.unfinishedReported = reported;
  }, 180_000);

  it('an operation done on the host but whose answer was lost is reported and not replayed, at every step', async () => {
    let runs = 0;
    for (let index = 0; index < clean.steps; index++) {
      const lab = makeLab();
      let child: ChildProcess | null = null;
      try {
        const env = { ...process.env };
        delete env.NODE_OPTIONS;
        child = spawn(process.execPath, [join(fx.dir, 'answer-lost.mjs'), JSON.stringify({ configPath: lab.configPath, stateFile: lab.stateFile, stateDir: lab.stateDir, index })], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env,
        });
        let stdout = '';
        let stderr = '';
        child!.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        const executed = new Promise<{ executed: string; vm: string; action: string; ok: boolean }>((resolve, reject) => {
          child!.stdout!.on('data', (d: Buffer) => {
            stdout += d.toString();
            const line = stdout.split('\n').find((l) => l.includes('executed'));
            if (line) resolve(JSON.parse(line) as { executed: string; vm: string; action: string; ok: boolean });
          });
          child!.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
        });
        const exited = new Promise((r) => child!.on('exit', r));
        const done = await executed;
        expect(done.ok).toBe(true); // the host did it
        child!.kill('SIGKILL');
        await exited;
        runs++;
        const log: Logger = { info() {}, debug() {}, error() {}, warn() {}, group: (_n, fn) => fn() };
        // The next run must not send it again: a replayed create or remove would fail on this host.
        const next = await expectConverges(lab, `lost@${index}`, log);
        runs += 2;
        const recovery = next.result.extra.recovery as { unfinished: { stepId: string }[] } | undefined;
        expect(recovery?.unfinished.map((u) => u.stepId)).toEqual([done.executed]);
        // Planned from what is there: the done operation is not in the next plan.
        expect(next.plan!.steps.filter((s) => s.vm === done.vm && s.action === done.action)).toEqual([]);
      } finally {
        await stop(child);
        killOrphanAgents(lab.stateFile);
        lab.cleanup();
      }
    }
    figures.answerLostIndices = clean.steps;
    figures.answerLostRuns = runs;
  }, 180_000);
});
