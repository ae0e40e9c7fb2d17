// Test helpers for apply: steps, an in-memory runner that records what it is asked, and a way to run
// the real apply modules in separate Node processes (transpiled, not mocked).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { StepResult } from '../../src/core/model/result.js';
import type { AgentErrorCode, OperationOutcome, OperationRunner } from '../../src/core/ports.js';
import type { HostOperation } from '../../src/core/plan/operations.js';
import type { Step, StepAction } from '../../src/core/plan/types.js';
import type { StepJournal } from '../../src/engine/apply/executor.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');

export function tempDir(prefix = 'hvc-apply-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const ACTIONS: { action: StepAction; op: (vm: string, id: string) => HostOperation }[] = [
  { action: 'stop', op: (name, id) => ({ op: 'vm.stop', args: { id, name, timeoutSec: 30, turnOffAfterTimeout: false } }) },
  { action: 'set-cpus', op: (name, id) => ({ op: 'vm.setCpus', args: { id, name, count: 4 } }) },
  { action: 'set-notes', op: (name, id) => ({ op: 'vm.setNotes', args: { id, name, notes: 'hvc:lab' } }) },
  { action: 'start', op: (name, id) => ({ op: 'vm.start', args: { id, name } }) },
];

/** A plan's steps: `perVm` steps for each VM, ordered by VM, ids `<vm>/<i>`. */
export function makeSteps(vms: string[], perVm: number): Step[] {
  const steps: Step[] = [];
  for (const vm of vms) {
    const vmId = `00000000-0000-0000-0000-${vm.padStart(12, '0').slice(-12)}`;
    for (let i = 0; i < perVm; i++) {
      const a = ACTIONS[i % ACTIONS.length]!;
      const id = `${vm}/${i}`;
      steps.push({ id, vm, vmId, action: a.action, from: null, to: null, reason: 'test', disruption: 'benign', group: id, operation: a.op(vm, vmId) });
    }
  }
  return steps;
}

export type Behaviour =
  | { kind: 'ok'; delayMs?: number }
  | { kind: 'fail'; code: AgentErrorCode; delayMs?: number }
  | { kind: 'throw'; delayMs?: number }
  | { kind: 'garbage' }
  | { kind: 'hang' };

export interface Call {
  step: string; // `<vm name>:<op>` is not unique, so the runner maps ops back to step ids
  op: string;
  timeoutMs: number;
  inFlightAtStart: number;
}

/**
 * In-memory OperationRunner. `behaviour(stepId)` decides what each call does; by default every call
 * succeeds after a small real delay. It counts operations in flight.
 */
export class FakeRunner implements OperationRunner {
  calls: Call[] = [];
  timeline: string[] = []; // `start <step>` / `end <step>`
  inFlight = 0;
  maxInFlight = 0;
  closed = false;
  private byOp = new Map<HostOperation, string>();

  constructor(
    steps: Step[],
    private behaviour: (stepId: string, callIndex: number) => Behaviour = () => ({ kind: 'ok', delayMs: 2 }),
    private onCall?: (stepId: string) => void,
  ) {
    for (const s of steps) this.byOp.set(s.operation, s.id);
  }

  async run(op: HostOperation, timeoutMs: number): Promise<OperationOutcome> {
    const step = this.byOp.get(op) ?? `?${op.op}`;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.calls.push({ step, op: op.op, timeoutMs, inFlightAtStart: this.inFlight });
    this.timeline.push(`start ${step}`);
    this.onCall?.(step);
    const b = this.behaviour(step, this.calls.length - 1);
    try {
      if (b.kind === 'hang') return await new Promise<never>(() => undefined);
      if ('delayMs' in b && b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
      switch (b.kind) {
        case 'ok':
          return { ok: true, result: { step }, durationMs: b.delayMs ?? 0 };
        case 'fail':
          return { ok: false, error: { code: b.code, message: `${b.code} on ${step}` }, durationMs: b.delayMs ?? 0 };
        case 'throw':
          throw new Error(`runner blew up on ${step}`);
        case 'garbage':
          return { nonsense: true } as unknown as OperationOutcome;
      }
    } finally {
      this.inFlight--;
      this.timeline.push(`end ${step}`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A journal held in memory, for executor tests that are not about durability. */
export class MemoryJournal implements StepJournal {
  lines: { type: 'begin' | 'end'; stepId: string; planHash: string; outcome?: string }[] = [];
  constructor(private failOnWrite?: (n: number) => boolean) {}
  async begin(step: Step, planHash: string): Promise<void> {
    this.write();
    this.lines.push({ type: 'begin', stepId: step.id, planHash });
  }
  async end(step: Step, planHash: string, outcome: StepResult['outcome']): Promise<void> {
    this.write();
    this.lines.push({ type: 'end', stepId: step.id, planHash, outcome });
  }
  private writes = 0;
  private write(): void {
    if (this.failOnWrite?.(this.writes++)) throw new Error('disk full');
  }
}

/** Seeded PRNG so that "random" latencies are reproducible. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Transpiles `entries` (repo-relative .ts files) and every module they import into `outDir`, keeping
 * the repo layout, so that plain Node processes can import the real apply modules.
 */
export function transpileForNode(entries: string[], outDir: string): void {
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
  const todo = [...entries];
  const done = new Set<string>();
  while (todo.length > 0) {
    const rel = todo.pop()!;
    if (done.has(rel)) continue;
    done.add(rel);
    const src = readFileSync(join(repoRoot, rel), 'utf8');
    const js = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true },
      fileName: rel,
    }).outputText;
    const out = join(outDir, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
    for (const m of js.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      todo.push(join(dirname(rel), `${m[1]}.ts`).replace(/\\/g, '/'));
    }
    // JSON modules (`import x from '….json' with { type: 'json' }`) are copied as they are.
    for (const m of js.matchAll(/from\s*['"](\.{1,2}\/[^'"]+\.json)['"]/g)) {
      const json = join(dirname(rel), m[1]!);
      mkdirSync(dirname(join(outDir, json)), { recursive: true });
      copyFileSync(join(repoRoot, json), join(outDir, json));
    }
  }
}
