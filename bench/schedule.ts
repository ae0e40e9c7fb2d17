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
