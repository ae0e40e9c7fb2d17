// Real processes for the apply tests: the real lock/journal/executor modules, transpiled into a temp
// folder and driven by small scripts, so contention and crashes happen across process boundaries.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, transpileForNode } from './helpers.js';

const CONTENDER = `
import { appendFileSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { acquireHostLock } from './src/engine/apply/lock.js';
const a = JSON.parse(process.argv[2]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
say({ ready: true });
if (a.goFile) { for (let i = 0; i < 60000 && !existsSync(a.goFile); i++) await pause(1); }
const holder = { runId: a.runId, pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
try {
  const lock = await acquireHostLock(a.stateDir, a.hostKey, { holder, waitMs: a.waitMs, pollMs: a.pollMs ?? 5, staleAfterMs: a.staleAfterMs, warn: (m) => say({ warn: m }) });
  if (a.logFile) appendFileSync(a.logFile, 'enter ' + a.runId + '\\n');
  if (a.mode === 'hold') { say({ held: true }); await new Promise(() => setInterval(() => {}, 1000)); }
  if (a.mode === 'exit-without-release') { say({ held: true }); process.exit(0); }
  await pause(a.holdMs ?? 0);
  if (a.logFile) appendFileSync(a.logFile, 'exit ' + a.runId + '\\n');
  await lock.release();
  say({ result: 'acquired', tookOver: lock.tookOver });
} catch (e) {
  say({ result: 'error', reason: e.reason ?? null, message: String(e.message) });
}
`;

const CRASHER = `
import { readFileSync } from 'node:fs';
import { executePlan } from './src/engine/apply/executor.js';
import { Journal } from './src/engine/apply/journal.js';
const a = JSON.parse(process.argv[2]);
const steps = JSON.parse(readFileSync(a.stepsFile, 'utf8'));
const ids = new Map(steps.map((s) => [s.operation, s.id]));
const journal = await Journal.open(a.stateDir, a.hostKey, { runId: a.runId });
const runner = {
  async run(op) {
    const id = ids.get(op);
    if (id === a.hangAt) { process.stdout.write(JSON.stringify({ inflight: id }) + '\\n'); return new Promise(() => setInterval(() => {}, 1000)); }
    await new Promise((r) => setTimeout(r, 1));
    return { ok: true, result: null, durationMs: 1 };
  },
  async close() {},
};
const results = await executePlan(steps, runner, { concurrency: a.concurrency, operationTimeoutMs: 60000, journal, planHash: a.planHash });
await journal.close();
process.stdout.write(JSON.stringify({ done: results.map((r) => r.outcome) }) + '\\n');
`;

// The journal's own fs calls go through FS_PAUSE (journal.js alone is redirected to it by a module
// hook), so a test can SIGKILL the process at an exact point of a rotation: just before the rename,
// just after it (before the directory sync), once the new file is open, or with an operation in flight.
const FS_PAUSE = `
import * as fs from 'node:fs/promises';
export * from 'node:fs/promises';
const a = JSON.parse(process.argv[2]);
export const hang = (at) => { process.stdout.write(JSON.stringify({ at }) + '\\n'); return new Promise(() => setInterval(() => {}, 1000)); };
export async function rename(from, to) {
  process.stdout.write(JSON.stringify({ renaming: to }) + '\\n');
  if (a.killAt === 'before-rename') await hang('before-rename');
  if (a.killAt === 'wait-before-rename') {
    process.stdout.write(JSON.stringify({ at: 'wait-before-rename' }) + '\\n');
    const { existsSync } = await import('node:fs');
    while (!existsSync(a.goFile)) await new Promise((r) => setTimeout(r, 2));
  }
  await fs.rename(from, to);
  if (a.killAt === 'after-rename') await hang('after-rename');
}
`;

const ROTATOR = `
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
const pause = new URL('./fs-pause.mjs', import.meta.url).href;
registerHooks({
  resolve(spec, ctx, next) {
    if (spec === 'node:fs/promises' && ctx.parentURL?.endsWith('/engine/apply/journal.js')) return { url: pause, shortCircuit: true };
    return next(spec, ctx);
  },
});
const { hang } = await import(pause);
const { Journal } = await import('./src/engine/apply/journal.js');
const { executePlan } = await import('./src/engine/apply/executor.js');
const a = JSON.parse(process.argv[2]);
const journal = await Journal.open(a.stateDir, a.hostKey, { runId: a.runId });
if (a.killAt === 'after-open') await hang('after-open');
const steps = JSON.parse(readFileSync(a.stepsFile, 'utf8'));
const ids = new Map(steps.map((s) => [s.operation, s.id]));
const runner = {
  async run(op) {
    if (ids.get(op) === a.hangAt) await hang('in-flight');
    return { ok: true, result: null, durationMs: 1 };
  },
  async close() {},
};
await executePlan(steps, runner, { concurrency: 1, operationTimeoutMs: 60000, journal, planHash: a.planHash });
await journal.close();
process.stdout.write(JSON.stringify({ done: true }) + '\\n');
`;

// A run that lost the host lock without knowing it (suspended past the stale bound and taken over, or
// its lock released with 'unlock') and goes on: it opened the journal, waits for a go-file, then
// executes its steps; its runner says which operations were sent and hangs at hangAt.
const STRAGGLER = `
import { existsSync, readFileSync } from 'node:fs';
import { executePlan } from './src/engine/apply/executor.js';
import { Journal } from './src/engine/apply/journal.js';
const a = JSON.parse(process.argv[2]);
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
const steps = JSON.parse(readFileSync(a.stepsFile, 'utf8'));
const ids = new Map(steps.map((s) => [s.operation, s.id]));
const journal = await Journal.open(a.stateDir, a.hostKey, { runId: a.runId });
say({ opened: journal.session });
while (!existsSync(a.goFile)) await new Promise((r) => setTimeout(r, 2));
const runner = {
  async run(op) {
    const id = ids.get(op);
    say({ sent: id });
    if (id === a.hangAt) { say({ at: 'in-flight' }); return new Promise(() => setInterval(() => {}, 1000)); }
    return { ok: true, result: null, durationMs: 1 };
  },
  async close() {},
};
try {
  const results = await executePlan(steps, runner, { concurrency: 1, operationTimeoutMs: 60000, journal, planHash: a.planHash });
  say({ done: results.map((r) => r.outcome) });
} catch (e) {
  say({ journalFailed: String(e.message) });
}
`;

export interface Fixture {
  dir: string;
  cleanup(): void;
  script(name: 'contender' | 'crasher' | 'rotator' | 'straggler'): string;
}

export function buildFixture(): Fixture {
  const t = tempDir('hvc-apply-proc-');
  transpileForNode(['src/engine/apply/lock.ts', 'src/engine/apply/journal.ts', 'src/engine/apply/executor.ts'], t.dir);
  writeFileSync(join(t.dir, 'contender.mjs'), CONTENDER);
  writeFileSync(join(t.dir, 'crasher.mjs'), CRASHER);
  writeFileSync(join(t.dir, 'fs-pause.mjs'), FS_PAUSE);
  writeFileSync(join(t.dir, 'rotator.mjs'), ROTATOR);
  writeFileSync(join(t.dir, 'straggler.mjs'), STRAGGLER);
  return { dir: t.dir, cleanup: t.cleanup, script: (name) => join(t.dir, `${name}.mjs`) };
}

/** A Node child whose stdout JSON lines are collected; `waitFor` resolves on the first matching line. */
export class Child {
  readonly proc: ChildProcess;
  readonly lines: Record<string, unknown>[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];

  constructor(script: string, args: unknown) {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    this.proc = spawn(process.execPath, [script, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let buf = '';
    this.proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>;
        buf = buf.slice(nl + 1);
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.pred(line) ? (w.resolve(line), false) : true));
      }
    });
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((r) => this.proc.on('exit', (code) => r(code)));
  }

  waitFor(pred: (l: Record<string, unknown>) => boolean, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const hit = this.lines.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`child: no matching line within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (l) => (clearTimeout(t), resolve(l)) });
    });
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}
