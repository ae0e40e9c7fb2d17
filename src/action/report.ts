// The Markdown people read: the sticky PR comment, the job summary and the drift issue share one
// renderer. The top (status, counts, hash, links) is always kept; detail is added in priority order
// until the size budget is reached, then a line says what was cut and where the full plan is.
import type { Problem } from '../core/errors.js';
import { formatProblem } from '../core/errors.js';
import type { RunResult, StepResult } from '../core/model/result.js';
import type { Plan, Step } from '../core/plan/types.js';
import type { GuestReconcileReport } from '../guest/reconcile.js';
import type { PlanDifference } from './reviewed-plan.js';

export type ReportStatus = 'Planned' | 'Applying' | 'Applied' | 'Failed' | 'Refused' | 'Drift' | 'No drift';

export interface ReportInput {
  config: string;
  /** The host this run is for (matrix over hosts); named in the heading. */
  target?: string | null;
  status: ReportStatus;
  message: string;
  failureReason: string | null;
  plan: Plan | null;
  result: RunResult | null;
  problems: Problem[];
  difference: PlanDifference | null;
  /** The hash apply was held to, when it differs from the plan shown. */
  reviewedHash: string | null;
  runUrl: string | null;
  artifactUrl: string | null;
  /** Shown when the artifact link is missing. */
  artifactNote?: string;
}

/** Byte budgets: GitHub cuts comments at 65,536 characters and drops summaries over 1 MiB. */
export const COMMENT_BUDGET = 60_000;
export const SUMMARY_BUDGET = 900 * 1024;

const ICON: Record<ReportStatus, string> = {
  Planned: '📋',
  Applying: '⏳',
  Applied: '✅',
  Failed: '❌',
  Refused: '⛔',
  Drift: '⚠️',
  'No drift': '✅',
};

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
export const code = (s: string): string => '`' + s.replace(/`/g, "'").replace(/[\r\n]+/g, ' ') + '`';
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
const val = (v: unknown): string => {
  if (v === undefined || v === null) return '–';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The first line of a message, bounded: the top of a report must stay small whatever failed. */
export function headline(message: string, max = 300): string {
  const first = message.split(/\r?\n/)[0] ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

export function statusLine(status: ReportStatus, message: string): string {
  const m = headline(message);
  return `<!-- hvc:status -->**${ICON[status]} ${status}**${m ? ` — ${cell(m)}` : ''}<!-- /hvc:status -->`;
}

/** Replaces the status line of an existing body (used for "Applying" without re-rendering the plan). */
export function withStatus(body: string, status: ReportStatus, message: string): string {
  // A function, not a string: `$&` or `$'` in the message must not be read as replacement patterns.
  const line = statusLine(status, message);
  return body.replace(/<!-- hvc:status -->[\s\S]*?<!-- \/hvc:status -->/, () => line);
}

/** A plan that removes VMs says so first, whatever else is cut (GitHub renders it as a warning box). */
function destroyWarning(plan: Plan | null): string[] {
  const removes = plan?.steps.filter((s) => s.action === 'remove') ?? [];
  if (!removes.length) return [];
  const named = removes.slice(0, 20).map((s) => `${code(s.vm)}${(s.operation.args as { deleteDisks?: boolean }).deleteDisks ? ' (with its disks)' : ''}`);
  const more = removes.length > named.length ? `, and ${removes.length - named.length} more` : '';
  return ['> [!WARNING]', `> **This plan destroys ${plural(removes.length, 'VM')}:** ${named.join(', ')}${more}.`, ''];
}

function top(r: ReportInput): string {
  const lines = [`### hyperv-converge · ${code(r.config)}${r.target ? ` · host ${code(r.target)}` : ''}`, '', statusLine(r.status, r.message), '', ...destroyWarning(r.plan)];
  const c = r.plan?.counts;
  if (c) {
    lines.push('| Create | Change | Destroy | Refused | Unchanged |', '|---:|---:|---:|---:|---:|', `| ${c.create} | ${c.change} | ${c.destroy} | ${c.refused} | ${c.unchanged} |`, '');
  }
  const links = [r.plan ? `Plan hash ${code(r.plan.planHash)}` : 'No plan', r.runUrl ? `[Run](${r.runUrl})` : null, r.artifactUrl ? `[Artifact](${r.artifactUrl})` : (r.artifactNote ?? null)];
  lines.push(links.filter(Boolean).join(' · '));
  if (r.reviewedHash && r.plan && r.reviewedHash !== r.plan.planHash) lines.push('', `Reviewed plan hash ${code(r.reviewedHash)}`);
  // The message is already on the status line; the typed reason is what workflows branch on.
  if (r.failureReason) lines.push('', `> **Failure reason:** ${code(r.failureReason)}`);
  if (r.result?.converged === false && r.result.remaining.length) lines.push('', `> Not converged: ${plural(r.result.remaining.length, 'step')} still differ after apply.`);
  const guests = guestsOf(r.result);
  if (guests && guests.hosts.failed.length) lines.push('', `> **Guest network:** /etc/hosts sync failed on ${guests.hosts.failed.map(code).join(', ')}`);
  return lines.join('\n') + '\n';
}

interface Section {
  title: string;
  items: string[];
  /** What to say when items were cut. */
  cut: (left: number) => string;
}

function stepRow(s: Step, res: StepResult | undefined): string {
  const outcome = res ? ` | ${res.outcome}${res.error ? `: ${cell(res.error.message)}` : ''} (${(res.durationMs / 1000).toFixed(1)} s)` : '';
  return `| ${code(s.id)} | ${s.action} | ${cell(val(s.from))} → ${cell(val(s.to))} | ${s.disruption} | ${cell(s.reason)}${outcome} |`;
}

function guestsOf(result: RunResult | null): GuestReconcileReport | null {
  return (result?.extra.guests as GuestReconcileReport | undefined) ?? null;
}

/** One row per VM: its address (and which tier found it), its /etc/hosts outcome, a first-contact host key. */
function guestRows(g: GuestReconcileReport): string[] {
  const sync = new Map(g.hosts.guests.map((h) => [h.vm, h]));
  const rows = g.addresses.map((a) => {
    const h = sync.get(a.vm);
    const hosts = h ? `${h.status}${h.reason ? ` (${h.reason})` : ''}` : (g.hosts.notAttempted.find((n) => n.vm === a.vm)?.reason ?? '–');
    const key = h?.hostKey?.firstContact ? `first contact: ${code(h.hostKey.fingerprint)}${h.hostKey.recorded ? ' recorded' : ''}` : '–';
    return `| ${code(a.vm)} | ${a.address ? `${code(a.address)} (${a.tier})` : `none: ${cell(a.reason ?? '')}`} | ${cell(hosts)} | ${key} |`;
  });
  return ['| VM | Address | /etc/hosts | Host key |\n|---|---|---|---|', ...rows, ...g.skipped.map((s) => `| ${code(s.vm)} | skipped: ${cell(s.reason)} | – | – |`)];
}

function sections(r: ReportInput): Section[] {
  const out: Section[] = [];
  if (r.problems.length)
    out.push({ title: 'Config problems', items: r.problems.map((p) => `- ${cell(formatProblem(p))}`), cut: (n) => `- … ${plural(n, 'more problem')}` });
  if (r.difference) {
    const d = r.difference;
    const items =
      d.detail === 'hash-only'
        ? ['- The reviewed plan was too large to keep per-VM detail in this comment; compare the plan.json artifacts of both runs.']
        : d.changes.map(
            (c) =>
              `- ${code(c.vm)}: ${[...c.removed.map((x) => `~~${cell(x)}~~`), ...c.added.map((x) => `**${cell(x)}**`)].join(', ') || 'changed'}`,
          );
    const what = [
      d.configChanged ? 'the configuration changed (configHash)' : null,
      d.basisChanged ? 'the observed state of the VMs it concerns changed (basisHash)' : null,
    ].filter(Boolean);
    if (what.length) items.unshift(`- Since the review ${what.join(' and ')}.`);
    if (!items.length) items.push('- No per-VM difference in steps; the configuration or the observed state of the VMs it concerns differs (see configHash / basisHash in plan.json).');
    out.push({ title: 'What changed since the plan was reviewed (~~reviewed~~ → **now**)', items, cut: (n) => `- … ${plural(n, 'more VM')} changed` });
  }
  const guests = guestsOf(r.result);
  if (guests) out.push({ title: 'Guest network', items: guestRows(guests), cut: (n) => `_… ${plural(n, 'more VM')}: see result.json (extra.guests)._` });
  const plan = r.plan;
  if (plan && plan.refusals.length)
    out.push({
      title: 'Refusals and safety findings',
      items: plan.refusals.map((f) => `- ${code(f.vm)} **${f.kind}** (${code(f.code)}): ${cell(f.message)}${f.steps.length ? ` — ${plural(f.steps.length, 'step')} held back` : ''}`),
      cut: (n) => `- … ${plural(n, 'more refusal')} (all are in plan.json)`,
    });
  if (plan && plan.steps.length) {
    const results = new Map((r.result?.steps ?? []).map((s) => [s.stepId, s]));
    const byVm = new Map<string, Step[]>();
    for (const s of plan.steps) (byVm.get(s.vm) ?? byVm.set(s.vm, []).get(s.vm)!).push(s);
    const withResults = results.size > 0;
    const items = [...byVm].map(([vm, steps]) => {
      const kinds = [...new Set(steps.map((s) => s.action))].join(', ');
      const head = `| Step | Action | From → To | Disruption | Reason |${withResults ? ' Outcome |' : ''}\n|---|---|---|---|---|${withResults ? '---|' : ''}`;
      return `<details><summary>${code(vm)} — ${plural(steps.length, 'step')} (${cell(kinds)})</summary>\n\n${head}\n${steps.map((s) => stepRow(s, results.get(s.id))).join('\n')}\n\n</details>`;
    });
    out.push({ title: 'Changes per VM', items, cut: (n) => `_… ${plural(n, 'more VM')} not shown here: the full plan is in the artifact (plan.json)._` });
  }
  return out;
}

/**
 * Renders within `budget` bytes (including `reserve` bytes the caller appends, e.g. hidden data).
 * The top is always whole; sections are filled in order and cut with a note.
 */
export function renderReport(r: ReportInput, budget: number, reserve = 0): string {
  let text = top(r);
  let room = budget - reserve - bytes(text);
  const NOTE_ROOM = 200;
  for (const s of sections(r)) {
    const title = `\n#### ${s.title}\n\n`;
    if (bytes(title) + NOTE_ROOM > room) break;
    text += title;
    room -= bytes(title);
    let i = 0;
    for (; i < s.items.length; i++) {
      const item = s.items[i]! + '\n';
      if (bytes(item) + NOTE_ROOM > room) break;
      text += item;
      room -= bytes(item);
    }
    if (i < s.items.length) {
      const note = s.cut(s.items.length - i) + '\n';
      text += note;
      room -= bytes(note);
    }
  }
  return text;
}
