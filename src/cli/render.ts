// The plan as a person reads it in a terminal: `+` create, `~` change, `-` destroy, `!` refused or
// blocked, counts at the end (the shape terraform users know).
import type { Observation } from '../core/model/observed.js';
import type { RunResult } from '../core/model/result.js';
import type { Plan, Step } from '../core/plan/types.js';
import type { GuestReconcileReport } from '../guest/reconcile.js';

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

/** After the per-step lines (printed as steps start and end): the totals and what still differs. */
export function renderApplySummary(result: RunResult): string {
  const ok = result.steps.filter((s) => s.outcome === 'succeeded').length;
  const lines = ['', `Apply: ${ok} of ${result.steps.length} step(s) succeeded; converged: ${result.converged === null ? 'n/a' : result.converged ? 'yes' : 'no'}.`];
  const refusals = (result.extra.remainingRefusals as { vm: string; kind: string; code: string }[] | undefined) ?? [];
  const differs = [...result.remaining.map((s) => `${s.vm} ${s.action}`), ...refusals.map((r) => `${r.vm} (${r.kind}: ${r.code})`)];
  if (differs.length) lines.push(`Still differs: ${differs.join(', ')}`);
  return lines.join('\n');
}

/** The guest network outcome for --json: per VM address, /etc/hosts status and first-contact host keys. */
export function guestSummary(g: GuestReconcileReport) {
  return {
    ok: g.ok,
    addresses: g.addresses.map((a) => ({ vm: a.vm, address: a.address, tier: a.tier })),
    synced: g.hosts.synced,
    unchanged: g.hosts.unchanged,
    wouldChange: g.hosts.wouldChange,
    failed: g.hosts.failed,
    firstContact: g.hosts.guests.filter((r) => r.hostKey?.firstContact).map((r) => ({ vm: r.vm, fingerprint: r.hostKey!.fingerprint, recorded: r.hostKey!.recorded })),
  };
}

export function renderGuests(g: GuestReconcileReport): string {
  const lines = ['Guest addresses:'];
  for (const a of g.addresses) {
    lines.push(a.address ? `  ${a.vm.padEnd(20)} ${a.address.padEnd(16)} (${a.tier})${a.changed ? `, was ${a.previous}` : ''}` : `  ${a.vm.padEnd(20)} none: ${a.reason}${a.fix ? `\n      fix: ${a.fix}` : ''}`);
  }
  for (const s of g.skipped) lines.push(`  ${s.vm.padEnd(20)} skipped: ${s.reason}`);
  for (const w of g.warnings) lines.push(`  warning: ${w}`);
  if (g.hosts.enabled) {
    lines.push('/etc/hosts:');
    for (const r of g.hosts.guests) {
      lines.push(`  ${r.vm.padEnd(20)} ${r.status}${r.reason ? ` (${r.reason})` : ''}${r.message ? `: ${r.message}` : ''}`);
      if (r.hostKey?.firstContact) lines.push(`      first contact: host key ${r.hostKey.fingerprint}${r.hostKey.recorded ? ' recorded' : ' (not recorded)'}`);
      if (r.diff) lines.push(r.diff.replace(/^/gm, '      '));
    }
    for (const n of g.hosts.notAttempted) lines.push(`  ${n.vm.padEnd(20)} not attempted: ${n.reason}`);
  }
  return lines.join('\n');
}
