// The benchmark's pure parts: the ideal-schedule model, the synthetic fleets (they must mean what the
// page says they mean) and the page itself (targets judged and stated, missed ones flagged).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputOf } from '../../bench/measure/cold.js';
import { fleetConfig, fleetObservation, fleetYaml, caseOf, createFleetYaml } from '../../bench/fleet.js';
import { humanSeconds, renderMarkdown, TARGETS, verdicts, type ApplyRow, type BenchReport } from '../../bench/report.js';
import { idealSchedule, lastLane, scheduleRatio } from '../../bench/schedule.js';
import { parseConfig } from '../../src/core/config/load.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import { configHash } from '../../src/core/plan/finalize.js';

describe('ideal schedule', () => {
  it('50 VMs of 2 steps: the busiest lane holds ceil(50 / concurrency) VMs', () => {
    const vms = new Array(50).fill(2);
    expect(idealSchedule(vms, 1, 100)).toEqual({ laneSteps: [100], criticalSteps: 100, idealMs: 10_000 });
    expect(idealSchedule(vms, 4, 100).laneSteps).toEqual([26, 26, 24, 24]);
    expect(idealSchedule(vms, 4, 100).idealMs).toBe(2600);
    expect(idealSchedule(vms, 8, 100).criticalSteps).toBe(14);
    expect(idealSchedule(vms, 8, 100).laneSteps.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('a VM never splits over lanes, and a free lane takes the next VM in plan order', () => {
    // 13 steps over 2 lanes could be 7, but the 10-step VM holds one lane alone.
    expect(idealSchedule([10, 1, 1, 1], 2, 1).criticalSteps).toBe(10);
    // In order: lane 0 ← 1, lane 1 ← 1, lane 0 (free first, lowest) ← 3.
    expect(idealSchedule([1, 1, 3], 2, 1).laneSteps).toEqual([4, 1]);
  });

  it('more lanes than VMs: one lane per VM; no VMs: nothing to wait for', () => {
    expect(idealSchedule([2, 3], 8, 10)).toEqual({ laneSteps: [2, 3], criticalSteps: 3, idealMs: 30 });
    expect(idealSchedule([], 4, 100).idealMs).toBe(0);
  });

  it('rejects a concurrency below 1 and negative step counts', () => {
    expect(() => idealSchedule([1], 0, 100)).toThrow(RangeError);
    expect(() => idealSchedule([-1], 1, 100)).toThrow(RangeError);
  });

  it('rebuilds the lane that finished last from step timings', () => {
    // Two lanes: a (0–100, 100–200) then c (205–305); b (0–150) then d (152–260, 260–420).
    const steps = [
      { vm: 'a', startedMs: 0, durationMs: 100 },
      { vm: 'b', startedMs: 1, durationMs: 150 },
      { vm: 'a', startedMs: 100, durationMs: 100 },
      { vm: 'd', startedMs: 152, durationMs: 108 },
      { vm: 'c', startedMs: 205, durationMs: 100 },
      { vm: 'd', startedMs: 260, durationMs: 160 },
    ];
    const lane = lastLane(steps, 2);
    expect(lane).toEqual({ vms: ['b', 'd'], steps: 3, spanMs: 419, inStepsMs: 418, firstStepMs: 150, startMs: 1 });
    expect(lastLane([], 2)).toBeNull();
  });

  it('ratio of measured to ideal', () => {
    expect(scheduleRatio(1250, 1000)).toBe(1.25);
    expect(scheduleRatio(0, 0)).toBe(1);
    expect(scheduleRatio(5, 0)).toBe(Infinity);
  });
});

describe('synthetic fleets', () => {
  it('the in-memory fleet plans to the documented mix', () => {
    const config = fleetConfig(1000);
    const obs = fleetObservation(config);
    expect(obs.vms).toHaveLength(900 + 50); // 10 % are to be created; 5 % hand-made strays
    const names = obs.vms.map((v) => v.name);
    expect(names).toEqual([...names].sort());
    const plan = makePlan(config, assessObservation(obs), 'sim');
    expect(plan.actionable).toBe(true);
    expect(plan.unchanged).toHaveLength(700);
    expect(plan.counts.create).toBe(100);
    const by = (code: string) => plan.refusals.filter((r) => r.code === code).length;
    expect(by('unmanaged')).toBe(10);
    expect(by('protected')).toBe(10);
    // 5 % restarts + 2 % stops + 2 % removals are disruptive or destructive: 90 VMs, 50 allowed.
    expect(by('max-disruptive')).toBeGreaterThan(0);
    const actions = new Set(plan.steps.map((s) => s.action));
    for (const a of ['create', 'start', 'set-memory', 'set-notes', 'connect-switch']) expect(actions).toContain(a);
  });

  it('the YAML fleet resolves to the same config as the in-memory one', () => {
    const fromYaml = parseConfig(fleetYaml(200), 'fleet.yaml');
    expect(fromYaml.vms).toHaveLength(200);
    expect(configHash(fromYaml)).toBe(configHash(fleetConfig(200)));
  });

  it('the apply fleet is N VMs to create and start', () => {
    const c = parseConfig(createFleetYaml(5), 'apply.yaml');
    expect(c.vms.map((v) => v.state)).toEqual(['running', 'running', 'running', 'running', 'running']);
  });

  it('every fleet of 100 VMs has one of each case', () => {
    const kinds = new Set(Array.from({ length: 100 }, (_, i) => caseOf(i)));
    expect(kinds.size).toBe(10);
  });
});

function report(over: { applyRatio?: number; launches?: number; planMs?: number; action?: boolean } = {}): BenchReport {
  const apply = (concurrency: number, idealMs: number): ApplyRow => ({
    concurrency,
    steps: 100,
    ideal: { laneSteps: [], criticalSteps: idealMs / 100, idealMs },
    applyMs: idealMs * (concurrency === 4 ? (over.applyRatio ?? 1.1) : 1.05),
    totalMs: idealMs * 1.2,
    phases: { 'Load config': 2, Observe: 40, Apply: idealMs, Verify: 3 },
    launches: concurrency,
    status: 'applied',
    firstWaveMs: 180,
    laterStepMs: 103,
    lane: { vms: ['a'], steps: idealMs / 100, spanMs: idealMs, inStepsMs: idealMs, firstStepMs: 180, startMs: 1 },
    runs: { count: 3, minApplyMs: idealMs, maxApplyMs: idealMs * 1.3 },
  });
  return {
    machine: { cpu: 'Test CPU', cores: 2, memoryBytes: 8 * 1024 ** 3, os: 'TestOS', node: 'v24.0.0', date: '2026-11-22T12:00:00.000Z' },
    totalMs: 42_000,
    observe: {
      launchDelayMs: 2000,
      observePerVmMs: 2,
      terraform: { scriptsPerVm: 9, launchesPerScript: 6, launchSeconds: 2 },
      rows: [1, 1000].map((vms) => ({ vms, launches: vms === 1000 ? (over.launches ?? 1) : 1, agentStarts: 1, wallMs: 2000 + 2 * vms, simulatedMs: 2000 + 2 * vms, terraformLaunches: vms * 54, terraformSeconds: vms * 108 })),
    },
    plan: {
      mix: 'a mix',
      rows: [{ vms: 10_000, observedVms: 9500, steps: 3000, refusals: 1000, unchanged: 7000, firstMs: over.planMs ?? 300, warmMs: 200, peakRssBytes: 180 * 1024 ** 2, baselineRssBytes: 70 * 1024 ** 2, heapUsedBytes: 50 * 1024 ** 2 }],
      yaml: { vms: 1000, bytes: 24_000, ms: 55 },
    },
    apply: { vms: 50, stepsPerVm: 2, latencyMs: 100, rows: [apply(1, 10_000), apply(4, 2600), apply(8, 1400)], simCost: [{ agents: 8, requests: 320, meanMs: 12, p90Ms: 40, maxMs: 190 }] },
    cold: {
      runs: 7,
      rows: [
        { label: 'Node’s own start-up', command: 'node -e 0', medianMs: 28, minMs: 25, maxMs: 35, target: false, exitCodes: [0] },
        ...(over.action === false ? [] : [{ label: 'the action, plan of 10 VMs, replay backend', command: 'node dist/index.js', medianMs: 300, minMs: 280, maxMs: 320, target: true, exitCodes: [0] }]),
        { label: 'the CLI, validate of 10 VMs', command: 'node dist/cli/index.js validate --config vms.yaml', medianMs: 150, minMs: 140, maxMs: 170, target: true, exitCodes: [0] },
      ],
      bundles: [{ file: 'dist/cli/index.js', bytes: 1_382_400 }],
      notes: [],
    },
  };
}

describe('the benchmarks page', () => {
  it('all targets met: says so, with the machine, the reproduce command and the computed-not-run note', () => {
    const md = renderMarkdown(report());
    expect(md).toContain('npm run bench');
    expect(md).toContain('Test CPU, 2 cores, 8.0 GiB RAM');
    expect(md).toContain('computed from that provider’s documented pattern, not run');
    expect(md).toContain('All targets met.');
    expect(md).not.toContain('missed');
    // Terraform: 1,000 VMs × 54 launches × 2 s = 30 h.
    expect(md).toMatch(/\| 1,000 \| 1 \| 1 \| .* \| 54,000 \| 30\.0 h \|/);
  });

  it('an apply row over 1.25× of the ideal is flagged as missed, in the targets and in its table', () => {
    const r = report({ applyRatio: 1.3 });
    const v = verdicts(r).filter((x) => x.target.startsWith('Apply'));
    expect(v.map((x) => x.met)).toEqual([true, false, true]);
    const md = renderMarkdown(r);
    expect(md).toContain('1 target(s) missed');
    expect(md).toMatch(/\| 4 \| 100 \| 26 \| 2600 ms \| 3380 ms \| .* \| 1\.30× \| ❌ \*\*missed\*\* \|/);
  });

  it('more than one launch for an observe, or a slow plan, misses its target', () => {
    expect(verdicts(report({ launches: 2 }))[0]!.met).toBe(false);
    const slow = verdicts(report({ planMs: TARGETS.planMs + 1 })).find((x) => x.target.includes('in under'));
    expect(slow!.met).toBe(false);
  });

  it('a missing action bundle is reported as not measured, never as met', () => {
    const r = report({ action: false });
    const v = verdicts(r).find((x) => x.target.startsWith('Cold start of the action'));
    expect(v!.met).toBeNull();
    expect(renderMarkdown(r)).toContain('⚠️ not measured');
  });

  it('seconds read in the largest sensible unit', () => {
    expect(humanSeconds(108)).toBe('108 s');
    expect(humanSeconds(1080)).toBe('18.0 min');
    expect(humanSeconds(108_000)).toBe('30.0 h');
    expect(humanSeconds(1_080_000)).toBe('12.5 days');
  });
});

describe('reading the action’s outputs', () => {
  it('takes the last value of an output from GITHUB_OUTPUT blocks and plain lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-bench-test-'));
    try {
      const f = join(dir, 'out');
      writeFileSync(f, 'status<<d1\nchanges\nd1\nplan-hash<<d2\nsha256:1\nd2\nstatus<<d3\nno-changes\nd3\ndrift=false\n');
      expect(outputOf(f, 'status')).toBe('no-changes');
      expect(outputOf(f, 'drift')).toBe('false');
      expect(outputOf(f, 'gate')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
