// The CLI's renderings beyond the plan (core/plan/text.ts): the apply summary and the guest network.
import type { RunResult } from '../core/model/result.js';
import type { GuestReconcileReport } from '../guest/reconcile.js';

export { renderPlan } from '../core/plan/text.js';

/** After the per-step lines (printed as steps start and end): the totals and what still differs. */
export function renderApplySummary(result: RunResult): string {
  const ok = result.steps.filter((s) => s.outcome === 'succeeded').length;
  const lines = ['', `Apply: ${ok} of ${result.steps.length} step(s) succeeded; converged: ${result.converged === null ? 'n/a' : result.converged ? 'yes' : 'no'}.`];
  const refusals = (result.extra.remainingRefusals as { vm: string; kind: string; code: string }[] | undefined) ?? [];
  const differs = [...result.remaining.map((s) => `${s.vm} ${s.action}`), ...refusals.map((r) => `${r.vm} (${r.kind}: ${r.code})`)];
  if (differs.length) lines.push(`Still differs: ${differs.join(', ')}`);
  return lines.join('\n');
}

/** The guest network outcome for --json: the whole report (as in result.json), with the sync lists
 *  and the first-contact host keys lifted to the top where scripts look first. */
export function guestSummary(g: GuestReconcileReport) {
  return {
    ...g,
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
