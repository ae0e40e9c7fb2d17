// Plan + safety for N VMs, each size in a fresh process so its peak memory is its own: the bench
// spawns itself with `--plan-child N` (or `--yaml-child N`) and reads one JSON line back.
import { spawnSync } from 'node:child_process';
import { parseConfig } from '../../src/core/config/load.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import { fleetConfig, fleetObservation, fleetYaml } from '../fleet.js';
import type { PlanRow } from '../report.js';

const WARM_CALLS = 3;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** In the child: build the fleet, then time assess + plan + safety + hashes. */
export function planChild(n: number): PlanRow {
  const baselineRssBytes = process.memoryUsage().rss;
  const config = fleetConfig(n);
  const raw = fleetObservation(config);
  const run = () => makePlan(config, assessObservation(raw), 'sim');
  const t0 = performance.now();
  const plan = run();
  const firstMs = performance.now() - t0;
  const heapUsedBytes = process.memoryUsage().heapUsed;
  // maxRSS is in kilobytes (libuv's getrusage); taken before the warm calls add their garbage.
  const peakRssBytes = Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
  const warm: number[] = [];
  for (let i = 0; i < WARM_CALLS; i++) {
    const t = performance.now();
    run();
    warm.push(performance.now() - t);
  }
  return {
    vms: n,
    observedVms: raw.vms.length,
    steps: plan.steps.length,
    refusals: plan.refusals.length,
    unchanged: plan.unchanged.length,
    firstMs,
    warmMs: median(warm),
    peakRssBytes,
    baselineRssBytes,
    heapUsedBytes,
  };
}

/** In the child: parse + validate + resolve an N-VM vms.yaml (first call). */
export function yamlChild(n: number): { vms: number; bytes: number; ms: number } {
  const text = fleetYaml(n);
  const t0 = performance.now();
  const config = parseConfig(text, `bench-${n}.yaml`);
  const ms = performance.now() - t0;
  if (config.vms.length !== n) throw new Error(`the ${n}-VM file resolved to ${config.vms.length} VMs`);
  return { vms: n, bytes: Buffer.byteLength(text), ms };
}

/** In the parent: run this bundle again as a child and read its one-line JSON answer. */
export function inChild<T>(flag: '--plan-child' | '--yaml-child', n: number): T {
  const r = spawnSync(process.execPath, [process.argv[1]!, flag, String(n)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${flag} ${n} failed (exit ${r.status}): ${r.stderr.trim()}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}
