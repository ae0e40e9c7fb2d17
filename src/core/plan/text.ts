// The plan as a person reads it in a terminal or a log: `+` create, `~` change, `-` destroy, `!`
// refused or blocked, counts at the end (the shape terraform users know). Shared by the CLI and the
// action's log; colour is the caller's choice.
import type { Observation } from '../model/observed.js';
import type { Plan, Step } from './types.js';

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function stepLine(s: Step): string {
  const change = s.from === null && typeof s.to === 'object' ? '' : `${show(s.from)} → ${show(s.to)}`;
  const tag = s.disruption === 'benign' ? '' : `  [${s.disruption}]`;
  return `      ${s.action.padEnd(16)} ${change}${tag}`.trimEnd();
}

export function renderPlan(plan: Plan, obs: Observation | null, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(`Plan for project '${plan.project}' on ${obs?.host.computerName ?? '?'} (${plan.backend})`);
  lines.push('');
  const byVm = new Map<string, Step[]>();
  for (const s of plan.steps) byVm.set(s.vm, [...(byVm.get(s.vm) ?? []), s]);
  for (const [vm, steps] of byVm) {
    const sym = steps.some((s) => s.action === 'create') ? c('32', '+') : steps.some((s) => s.action === 'remove') ? c('31', '-') : c('33', '~');
    lines.push(`  ${sym} ${vm}`);
    for (const s of steps) {
      lines.push(stepLine(s));
      if (s.action === 'create' && s.to && typeof s.to === 'object') {
        const t = s.to as Record<string, unknown>;
        lines.push(`      ${''.padEnd(16)} gen ${t.generation}, ${t.cpus} cpu(s), ${t.memory}, switch ${show(t.switch)}, disk ${show(t.disk)}`);
        for (const k of ['adapters', 'dataDisks', 'dvdDrives', 'settings'] as const) if (t[k] !== undefined) lines.push(`      ${''.padEnd(16)} ${k}: ${show(t[k])}`);
      }
    }
  }
  for (const r of plan.refusals) {
    lines.push(`  ${c('35', '!')} ${r.vm}  ${r.kind} (${r.code}): ${r.message}`);
    for (const s of r.steps) lines.push(`${stepLine(s)}  (not applied)`);
  }
  if (plan.steps.length === 0 && plan.refusals.length === 0) lines.push('  No changes. The host matches the file.');
  const k = plan.counts;
  lines.push('');
  lines.push(`Plan: ${k.create} to create, ${k.change} to change, ${k.destroy} to destroy, ${k.refused} refused/blocked; ${k.unchanged} unchanged.`);
  lines.push(`plan hash ${plan.planHash}`);
  return lines.join('\n');
}
