// The ideal apply schedule the measured apply is compared with. The model is the executor's own
// rule: the steps of one VM run one after another, in order; a VM never splits across lanes; there
// are `concurrency` lanes and a free lane takes the next VM in plan order. With every step costing
// the same fixed latency and nothing else costing time, the apply takes as long as its busiest lane.

export interface IdealSchedule {
  /** Steps per lane after spreading the VMs (whole VMs, plan order, a free lane takes the next). */
  laneSteps: number[];
  /** The busiest lane's step count. */
  criticalSteps: number;
  /** criticalSteps × latency, ms. */
  idealMs: number;
}

/**
 * Spreads VMs (given as their step counts, in plan order) over `concurrency` lanes the way the
 * executor does: each VM goes to the lane that becomes free first (ties: the lowest lane).
 * For VMs of equal size this is ceil(VMs / concurrency) × steps per VM on the busiest lane.
 */
export function idealSchedule(stepsPerVm: readonly number[], concurrency: number, latencyMs: number): IdealSchedule {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  if (!(latencyMs >= 0)) throw new RangeError(`latency must be a non-negative number, got ${latencyMs}`);
  for (const s of stepsPerVm) if (!Number.isInteger(s) || s < 0) throw new RangeError(`a VM's step count must be a non-negative integer, got ${s}`);
  const lanes = new Array<number>(Math.min(concurrency, Math.max(1, stepsPerVm.length))).fill(0);
  for (const s of stepsPerVm) {
    let free = 0;
    for (let i = 1; i < lanes.length; i++) if (lanes[i]! < lanes[free]!) free = i;
    lanes[free]! += s;
  }
  const criticalSteps = Math.max(0, ...lanes);
  return { laneSteps: lanes, criticalSteps, idealMs: criticalSteps * latencyMs };
}

/** Measured over ideal; Infinity when the ideal is 0 but time was spent. */
export function scheduleRatio(measuredMs: number, idealMs: number): number {
  if (idealMs <= 0) return measuredMs <= 0 ? 1 : Infinity;
  return measuredMs / idealMs;
}

/** A step as the executor reported it (StepResult's timing fields). */
export interface TimedStep {
  vm: string;
  startedMs: number;
  durationMs: number;
}

/** The lane that finished last, rebuilt from step timings, and where its time went. */
export interface LaneAccount {
  vms: string[];
  steps: number;
  /** First step start to last step end on this lane, ms. */
  spanMs: number;
  /** Sum of its steps' durations, ms. */
  inStepsMs: number;
  /** Duration of its first step, ms (includes waiting for the lane's agent to start). */
  firstStepMs: number;
  /** Start of its first step, ms from the executor's start. */
  startMs: number;
}

/**
 * Rebuilds the executor's lanes from step timings (a lane takes its next VM as soon as its previous
 * VM's last step ends; `toleranceMs` absorbs the millisecond rounding of the recorded times) and
 * returns the lane that finished last. null when there are no steps.
 */
export function lastLane(steps: readonly TimedStep[], concurrency: number, toleranceMs = 2): LaneAccount | null {
  const vms = new Map<string, { first: number; end: number; steps: TimedStep[] }>();
  for (const s of steps) {
    const v = vms.get(s.vm) ?? { first: Infinity, end: -Infinity, steps: [] };
    v.first = Math.min(v.first, s.startedMs);
    v.end = Math.max(v.end, s.startedMs + s.durationMs);
    v.steps.push(s);
    vms.set(s.vm, v);
  }
  const order = [...vms.entries()].sort((a, b) => a[1].first - b[1].first);
  const lanes: { vms: string[]; end: number }[] = [];
  for (const [name, v] of order) {
    let pick = -1;
    lanes.forEach((l, i) => {
      if (l.end <= v.first + toleranceMs && (pick < 0 || l.end > lanes[pick]!.end)) pick = i;
    });
    if (pick < 0 && lanes.length < concurrency) {
      lanes.push({ vms: [], end: -Infinity });
      pick = lanes.length - 1;
    }
    if (pick < 0) pick = lanes.reduce((m, l, i) => (l.end < lanes[m]!.end ? i : m), 0);
    lanes[pick]!.vms.push(name);
    lanes[pick]!.end = Math.max(lanes[pick]!.end, v.end);
  }
  if (lanes.length === 0) return null;
  const last = lanes.reduce((m, l) => (l.end > m.end ? l : m));
  const laneSteps = last.vms.flatMap((n) => vms.get(n)!.steps).sort((a, b) => a.startedMs - b.startedMs);
  const startMs = laneSteps[0]!.startedMs;
  return {
    vms: last.vms,
    steps: laneSteps.length,
    spanMs: last.end - startMs,
    inStepsMs: laneSteps.reduce((t, s) => t + s.durationMs, 0),
    firstStepMs: laneSteps[0]!.durationMs,
    startMs,
  };
}
