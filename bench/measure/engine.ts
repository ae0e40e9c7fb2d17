// The plan engine (assess + plan + safety + the three hashes: makePlan) against the least a diff
// can do: the 30-line comparison below. Each runs in a fresh process on the same in-memory config
// and observation of N VMs; time is the median of warm calls (the first call, cold JIT, is shown
// too), memory is what the call adds to the process's peak resident set over the fixtures alone.
import { spawnSync } from 'node:child_process';
import type { Config } from '../../src/core/config/types.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import type { Observation } from '../../src/core/model/observed.js';
import { fleetConfig, fleetObservation } from '../fleet.js';
import { median } from './run.js';

export interface EngineRow {
  vms: number;
  which: 'engine' | 'baseline';
  firstMs: number;
  warmMs: number;
  /** Peak RSS the first call added over the process with its fixtures built, bytes. */
  addedPeakBytes: number;
  /** Changes found (engine: steps + refusals; baseline: differing VMs). */
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

/** In the child: build the fixtures, then time the chosen comparison. */
export function engineChild(which: 'engine' | 'baseline', n: number): EngineRow {
  const config = fleetConfig(n);
  const raw = fleetObservation(config);
  const run = which === 'engine' ? () => { const p = makePlan(config, assessObservation(raw), 'sim'); return p.steps.length + p.refusals.length; } : () => minimalDiff(config, raw).length;
  const before = Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
  const t0 = performance.now();
  const found = run();
  const firstMs = performance.now() - t0;
  const addedPeakBytes = Math.max(0, process.resourceUsage().maxRSS * 1024 - before);
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) {
    const t = performance.now();
    run();
    warm.push(performance.now() - t);
  }
  return { vms: n, which, firstMs, warmMs: median(warm), addedPeakBytes, found };
}

/** In the parent: run this bundle again as a child and read its one-line JSON answer. */
export function inChild<T>(args: string[]): T {
  const r = spawnSync(process.execPath, [process.argv[1]!, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as T;
}
