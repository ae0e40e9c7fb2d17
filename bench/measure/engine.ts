// The plan engine (assess + plan + safety + the three hashes: makePlan) against the least a diff
// can do: the 30-line comparison below. Each runs in a fresh process on the same config and
// observation of N VMs, held as a run holds them (the config as loading vms.yaml resolves it, the
// observation with its keys in the order the agent client builds it and a recording is read); time is the median of warm calls (the first call, cold JIT, is shown
// too). Memory is measured the same way for both, on the V8 heap where both do all their work:
// bytes allocated by one warm call (heap used after it − before it, plus what every garbage
// collection during it freed, as v8.GCProfiler reports them) and bytes still held once it returned
// (heap used after a full collection, its result kept alive, − before). Peak RSS is not used: a call
// that allocates less than the young generation never moves it, so the baseline read as 0 and the
// ratio as ∞.
import { spawnSync } from 'node:child_process';
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Config } from '../../src/core/config/types.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import type { Observation } from '../../src/core/model/observed.js';
import { configHash } from '../../src/core/plan/hashes.js';
import { planChanges } from '../../src/core/plan/plan.js';
import { applySafety } from '../../src/core/safety/safety.js';
import { canonicalJson } from '../../src/core/canonical.js';
import { parseConfig } from '../../src/core/config/load.js';
import { fleetConfig, fleetObservation, fleetYaml } from '../fleet.js';
import { median } from './run.js';

/** engine: makePlan; core: the same without any hash (assess, plan, safety: where the rest goes); baseline: minimalDiff. */
export type EngineWhich = 'engine' | 'core' | 'baseline';

export interface EngineRow {
  vms: number;
  which: EngineWhich;
  firstMs: number;
  warmMs: number;
  /** V8 heap bytes one warm call allocated (median of the measured calls). */
  allocatedBytes: number;
  /** V8 heap bytes still held after the call returned, its result kept (median). */
  retainedBytes: number;
  /** Changes found (engine and core: steps + refusals; baseline: differing VMs). */
  found: number;
}

/** The minimal baseline: per desired VM, the observed one by name, and which fields differ. */
export function minimalDiff(config: Config, obs: Observation): { vm: string; fields: string[] }[] {
  const byName = new Map(obs.vms.map((v) => [v.name.toLowerCase(), v]));
  const out: { vm: string; fields: string[] }[] = [];
  for (const d of config.vms) {
    const o = byName.get(d.name.toLowerCase());
    if (!o) {
      if (d.state !== 'absent') out.push({ vm: d.name, fields: ['create'] });
      continue;
    }
    if (d.state === 'absent') {
      out.push({ vm: d.name, fields: ['remove'] });
      continue;
    }
    const fields: string[] = [];
    const want = d.state === 'running' ? 'Running' : 'Off';
    if (o.state !== want) fields.push('state');
    if (o.cpus !== d.cpus) fields.push('cpus');
    if (o.memory.dynamic !== d.memory.dynamic || o.memory.startupBytes !== d.memory.startupBytes) fields.push('memory');
    if (d.memory.dynamic && (o.memory.minimumBytes !== d.memory.minimumBytes || o.memory.maximumBytes !== d.memory.maximumBytes)) fields.push('memory');
    if (!o.notes.includes(d.notes)) fields.push('notes');
    if (d.switch && o.adapters[0]?.switch !== d.switch) fields.push('switch');
    if (fields.length) out.push({ vm: d.name, fields });
  }
  return out;
}

const WARM = 5;
const MEASURED = 3;

/** The collector, exposed whether or not the process was started with --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap bytes `run` allocates and keeps, measured the same way whatever it is. */
export function heapCost(run: () => unknown): { allocatedBytes: number; retainedBytes: number } {
  const gc = collector();
  gc();
  const before = getHeapStatistics().used_heap_size;
  const profiler = new GCProfiler();
  profiler.start();
  let result: unknown = run();
  const after = getHeapStatistics().used_heap_size;
  const freed = profiler.stop().statistics.reduce((sum, g) => sum + Math.max(0, g.beforeGC.heapStatistics.usedHeapSize - g.afterGC.heapStatistics.usedHeapSize), 0);
  gc();
  const retainedBytes = Math.max(0, getHeapStatistics().used_heap_size - before);
  result = null;
  void result;
  return { allocatedBytes: Math.max(0, after - before) + freed, retainedBytes };
}

function runner(which: EngineWhich, config: Config, raw: Observation): () => { found: number; value: unknown } {
  if (which === 'engine') {
    return () => {
      const p = makePlan(config, assessObservation(raw), 'sim');
      return { found: p.steps.length + p.refusals.length, value: p };
    };
  }
  if (which === 'core') {
    // makePlan's own steps, minus every hash: the checkpoint name takes a fixed stand-in.
    const digest = configHash(fleetConfig(0));
    return () => {
      const obs = assessObservation(raw);
      const d = applySafety(planChanges(config, obs, undefined, digest), config, obs);
      return { found: d.steps.length + d.refusals.length, value: d };
    };
  }
  return () => {
    const diff = minimalDiff(config, raw);
    return { found: diff.length, value: diff };
  };
}

/** In the child: build the fixtures, then time the chosen comparison and weigh its heap use. */
export function engineChild(which: EngineWhich, n: number): EngineRow {
  // As a run holds them: the config loaded from the file, the observation in canonical key order.
  const config = parseConfig(fleetYaml(n), 'vms.yaml');
  const raw = JSON.parse(canonicalJson(fleetObservation(fleetConfig(n)))) as Observation;
  const run = runner(which, config, raw);
  const t0 = performance.now();
  const { found } = run();
  const firstMs = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) {
    const t = performance.now();
    run();
    warm.push(performance.now() - t);
  }
  const costs = Array.from({ length: MEASURED }, () => heapCost(() => run().value));
  return {
    vms: n,
    which,
    firstMs,
    warmMs: median(warm),
    allocatedBytes: median(costs.map((c) => c.allocatedBytes)),
    retainedBytes: median(costs.map((c) => c.retainedBytes)),
    found,
  };
}

/** In the parent: run this bundle again as a child and read its one-line JSON answer. */
export function inChild<T>(args: string[]): T {
  const r = spawnSync(process.execPath, [process.argv[1]!, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as T;
}
