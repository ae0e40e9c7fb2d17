// One open issue per config (and target) while its host drifts: created on first drift, edited in
// place (no new notification) only when the drift itself changes, closed with a comment when the
// drift clears. Found by its own hidden marker among the token's own open issues, never by label (a
// label can be removed); after creating one, the list is read again and a duplicate from an
// overlapping run is closed, so the oldest stays the one issue.
import { sha256Of } from '../core/canonical.js';
import type { Plan } from '../core/plan/types.js';
import type { GhIssue, GitHubApi } from './github.js';
import { isOwnAuthor } from './github.js';

export const driftMarker = (config: string, target: string | null = null): string =>
  `<!-- hyperv-converge:drift:${encodeURIComponent(`${config.replace(/\\/g, '/')}${target ? `@${target}` : ''}`)} -->`;
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

export const driftTitle = (config: string, target: string | null = null): string => `Drift: the Hyper-V host${target ? ` ${target}` : ''} differs from ${config}`;

export function driftBody(config: string, fingerprint: string, report: string, target: string | null = null): string {
  return `${driftMarker(config, target)}\n${FP_OPEN}${fingerprint} -->\n${report}\n_This issue is kept by hyperv-converge: it is updated when the drift changes and closed when it clears._\n`;
}

export type DriftIssueAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

export async function syncDriftIssue(
  api: GitHubApi,
  o: { config: string; target?: string | null; label: string | null; drift: { fingerprint: string; report: string } | null; runUrl: string | null },
): Promise<{ action: DriftIssueAction; issue: GhIssue | null }> {
  const target = o.target ?? null;
  const marker = driftMarker(o.config, target);
  const mine = async () => {
    const [me, open] = await Promise.all([api.identity(), api.openIssues()]);
    return open.filter((i) => i.body.includes(marker) && isOwnAuthor(me, i.user)).sort((a, b) => a.number - b.number);
  };
  const existing = (await mine())[0] ?? null;
  if (!o.drift) {
    if (!existing) return { action: 'none', issue: null };
    await api.createComment(existing.number, `Drift cleared: the host matches ${'`'}${o.config}${'`'} again${o.runUrl ? ` ([run](${o.runUrl}))` : ''}. Closing.`);
    return { action: 'closed', issue: await api.updateIssue(existing.number, { state: 'closed' }) };
  }
  const body = driftBody(o.config, o.drift.fingerprint, o.drift.report, target);
  if (!existing) {
    const created = await api.createIssue(driftTitle(o.config, target), body, o.label ? [o.label] : []);
    api.learnIdentity(created.user);
    const oldest = (await mine())[0];
    if (!oldest || oldest.number >= created.number) return { action: 'created', issue: created };
    // An overlapping run opened the same issue first: close this one as its duplicate.
    await api.createComment(created.number, `Duplicate of #${oldest.number} (two drift runs overlapped).`);
    await api.updateIssue(created.number, { state: 'closed' });
    return { action: fingerprintIn(oldest.body) === o.drift.fingerprint ? 'unchanged' : 'updated', issue: fingerprintIn(oldest.body) === o.drift.fingerprint ? oldest : await api.updateIssue(oldest.number, { body }) };
  }
  if (fingerprintIn(existing.body) === o.drift.fingerprint) return { action: 'unchanged', issue: existing };
  return { action: 'updated', issue: await api.updateIssue(existing.number, { body }) };
}
