// The reviewed plan as the PR comment remembers it: its hash (what apply must match), when that plan
// was first shown (approvals older than that do not count), and enough of its steps to say what
// changed when the plan at apply differs. Stored compressed in a hidden HTML comment.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical.js';
import { MAX_REVIEWED_RECORD_BYTES } from '../core/input-limits.js';
import type { Plan } from '../core/plan/types.js';

export interface ReviewedPlan {
  v: 1;
  config: string;
  planHash: string;
  /** PR head the plan was made from. */
  headSha: string | null;
  /** When this planHash was first recorded, by the API server's clock (ISO). */
  since: string;
  /** Per VM: `<step id> <action> <6 hex of from/to>`; null when the plan was too large to keep. */
  vms: Record<string, string[]> | null;
  /** Per VM: 12 hex of its steps, kept when `vms` did not fit. */
  vmDigests: Record<string, string> | null;
  /** The workflow file that made the plan (a pull request changing it cannot approve its own apply). */
  workflow?: string | null;
  /** The plan's config and basis hashes, to say which of them changed. */
  configHash?: string;
  basisHash?: string;
}

const DATA_OPEN = '<!-- hyperv-converge:reviewed-plan ';
const DATA_CLOSE = ' -->';
/** Characters the hidden data may take in a comment. */
export const REVIEWED_BUDGET = 16_000;

const short = (v: unknown, n: number): string => createHash('sha256').update(canonicalJson(v)).digest('hex').slice(0, n);

export function stepLines(plan: Plan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (vm: string, line: string) => (out[vm] ??= []).push(line);
  for (const s of plan.steps) add(s.vm, `${s.id} ${s.action} ${short([s.from, s.to], 6)}`);
  for (const r of plan.refusals) add(r.vm, `refused:${r.code} ${short(r.steps.map((s) => [s.action, s.from, s.to]), 6)}`);
  return out;
}

/** A VM's steps without its name, so VMs with the same changes share a digest (and compress). */
const vmDigest = (vm: string, lines: string[]): string => short(lines.map((l) => (l.startsWith(`${vm}/`) ? l.slice(vm.length) : l)), 12);

function encode(p: ReviewedPlan): string {
  return deflateRawSync(Buffer.from(JSON.stringify(p), 'utf8'), { level: 9 }).toString('base64');
}

/** The most detailed record that fits the budget: step lines, else per-VM digests, else the hash alone. */
export function reviewedPlanOf(plan: Plan, config: string, headSha: string | null, since: string, budget = REVIEWED_BUDGET, workflow: string | null = null): ReviewedPlan {
  const base = { v: 1 as const, config, planHash: plan.planHash, headSha, since, workflow, configHash: plan.configHash, basisHash: plan.basisHash };
  const vms = stepLines(plan);
  const full: ReviewedPlan = { ...base, vms, vmDigests: null };
  if (encode(full).length <= budget) return full;
  const digests: ReviewedPlan = { ...base, vms: null, vmDigests: Object.fromEntries(Object.entries(vms).map(([k, v]) => [k, vmDigest(k, v)])) };
  if (encode(digests).length <= budget) return digests;
  return { ...base, vms: null, vmDigests: null };
}

export function renderReviewedData(p: ReviewedPlan): string {
  return `${DATA_OPEN}${encode(p)}${DATA_CLOSE}`;
}

/** Reads the record back from a comment body; null when absent or unreadable (then nothing was reviewed). */
export function parseReviewedData(body: string): ReviewedPlan | null {
  const i = body.indexOf(DATA_OPEN);
  if (i < 0) return null;
  const j = body.indexOf(DATA_CLOSE, i + DATA_OPEN.length);
  if (j < 0) return null;
  try {
    const p = JSON.parse(inflateRawSync(Buffer.from(body.slice(i + DATA_OPEN.length, j), 'base64'), { maxOutputLength: MAX_REVIEWED_RECORD_BYTES }).toString('utf8')) as ReviewedPlan;
    return p && p.v === 1 && typeof p.planHash === 'string' ? p : null;
  } catch {
    return null;
  }
}

export interface VmChange {
  vm: string;
  removed: string[];
  added: string[];
}

export interface PlanDifference {
  /** What the comparison could see: step lines, digests only, or nothing but the hash. */
  detail: 'steps' | 'digests' | 'hash-only';
  changes: VmChange[];
  /** Whether the resolved config and the compared observed facts changed (null: the record predates them). */
  configChanged?: boolean | null;
  basisChanged?: boolean | null;
}

/** What differs between the reviewed plan and the plan now, per VM. */
export function diffPlans(reviewed: ReviewedPlan, now: Plan): PlanDifference {
  const what = {
    configChanged: reviewed.configHash ? reviewed.configHash !== now.configHash : null,
    basisChanged: reviewed.basisHash ? reviewed.basisHash !== now.basisHash : null,
  };
  return { ...stepDiff(reviewed, now), ...what };
}

function stepDiff(reviewed: ReviewedPlan, now: Plan): PlanDifference {
  const cur = stepLines(now);
  if (reviewed.vms) {
    const names = [...new Set([...Object.keys(reviewed.vms), ...Object.keys(cur)])].sort();
    const changes: VmChange[] = [];
    for (const vm of names) {
      const a = reviewed.vms[vm] ?? [];
      const b = cur[vm] ?? [];
      const removed = a.filter((x) => !b.includes(x));
      const added = b.filter((x) => !a.includes(x));
      if (removed.length || added.length) changes.push({ vm, removed, added });
    }
    return { detail: 'steps', changes };
  }
  if (reviewed.vmDigests) {
    const d = reviewed.vmDigests;
    const names = [...new Set([...Object.keys(d), ...Object.keys(cur)])].sort();
    const changes = names
      .filter((vm) => d[vm] !== (cur[vm] ? vmDigest(vm, cur[vm]) : undefined))
      .map((vm) => ({ vm, removed: d[vm] ? ['(reviewed steps)'] : [], added: cur[vm] ?? [] }));
    return { detail: 'digests', changes };
  }
  return { detail: 'hash-only', changes: [] };
}
