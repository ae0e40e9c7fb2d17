// One open issue per config while its host drifts: created on first drift, edited in place (no new
// notification) only when the drift itself changes, closed with a comment when the drift clears.
import { sha256Of } from '../core/canonical.js';
import type { Plan } from '../core/plan/types.js';
import type { GhIssue, GitHubApi } from './github.js';
import { isOwnAuthor } from './github.js';

export const driftMarker = (config: string): string => `<!-- hyperv-converge:drift:${encodeURIComponent(config.replace(/\\/g, '/'))} -->`;
const FP_OPEN = '<!-- hyperv-converge:drift-fingerprint ';

/** What drifted, independent of when it was seen or of host facts that do not make it drift. */
export function driftFingerprint(plan: Plan): string {
  return sha256Of({
    steps: plan.steps.map((s) => [s.vm, s.action, s.from, s.to]),
    refusals: plan.refusals.map((r) => [r.vm, r.kind, r.code]),
  });
}

export function fingerprintIn(body: string): string | null {
  const i = body.indexOf(FP_OPEN);
  if (i < 0) return null;
  return body.slice(i + FP_OPEN.length).split(' ')[0] ?? null;
}

export const driftTitle = (config: string): string => `Drift: the Hyper-V host differs from ${config}`;

export function driftBody(config: string, fingerprint: string, report: string): string {
  return `${driftMarker(config)}\n${FP_OPEN}${fingerprint} -->\n${report}\n_This issue is kept by hyperv-converge: it is updated when the drift changes and closed when it clears._\n`;
}

export type DriftIssueAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

export async function syncDriftIssue(
  api: GitHubApi,
  o: { config: string; label: string | null; drift: { fingerprint: string; report: string } | null; runUrl: string | null },
): Promise<{ action: DriftIssueAction; issue: GhIssue | null }> {
  const marker = driftMarker(o.config);
  const [me, open] = await Promise.all([api.identity(), api.openIssues(o.label)]);
  const existing = open.find((i) => i.body.includes(marker) && isOwnAuthor(me, i.user)) ?? null;
  if (!o.drift) {
    if (!existing) return { action: 'none', issue: null };
    await api.createComment(existing.number, `Drift cleared: the host matches ${'`'}${o.config}${'`'} again${o.runUrl ? ` ([run](${o.runUrl}))` : ''}. Closing.`);
    return { action: 'closed', issue: await api.updateIssue(existing.number, { state: 'closed' }) };
  }
  const body = driftBody(o.config, o.drift.fingerprint, o.drift.report);
  if (!existing) return { action: 'created', issue: await api.createIssue(driftTitle(o.config), body, o.label ? [o.label] : []) };
  if (fingerprintIn(existing.body) === o.drift.fingerprint) return { action: 'unchanged', issue: existing };
  return { action: 'updated', issue: await api.updateIssue(existing.number, { body }) };
}
