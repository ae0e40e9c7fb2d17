// One comment per config and target per pull request, found by a hidden marker among the comments
// the token's own identity wrote (someone else can paste the marker, but cannot make it theirs),
// edited in place. Its reviewed-plan record counts only while every edit GitHub recorded on the
// comment was made by that identity: any writer can edit the comment, and the author stays the bot.
import type { GhComment, GitHubApi } from './github.js';
import { isOwnAuthor, sameActor } from './github.js';
import { COMMENT_BUDGET, renderReport, type ReportInput } from './report.js';
import { parseReviewedData, renderReviewedData, type ReviewedPlan } from './reviewed-plan.js';

/** The key: the config path, and the target host when one is set (a matrix over hosts). */
export const stickyKey = (config: string, target: string | null = null): string => `${config.replace(/\\/g, '/')}${target ? `@${target}` : ''}`;
export const stickyMarker = (config: string, target: string | null = null): string => `<!-- hyperv-converge:sticky:${encodeURIComponent(stickyKey(config, target))} -->`;

export interface StickyFound {
  comment: GhComment | null;
  reviewed: ReviewedPlan | null;
  /** Why the record does not count although it is there (edited by someone else); null when it counts or is absent. */
  untrusted: string | null;
  /** The API server's clock when the comments were listed. */
  serverTime: Date | null;
}

/** Own comments carrying the marker, oldest first. */
async function ownStickies(api: GitHubApi, pr: number, marker: string): Promise<{ mine: GhComment[]; serverTime: Date | null }> {
  const [me, { comments, serverTime }] = await Promise.all([api.identity(), api.issueComments(pr)]);
  return { mine: comments.filter((c) => c.body.includes(marker) && isOwnAuthor(me, c.user)).sort((a, b) => a.id - b.id), serverTime };
}

export async function findSticky(api: GitHubApi, pr: number, config: string, target: string | null = null): Promise<StickyFound> {
  const marker = stickyMarker(config, target);
  const { mine, serverTime } = await ownStickies(api, pr, marker);
  const comment = mine[0] ?? null;
  let reviewed = comment ? parseReviewedData(comment.body) : null;
  // A record for another config (pasted marker) is not this config's review.
  if (reviewed && reviewed.config !== config) reviewed = null;
  let untrusted: string | null = null;
  if (comment && reviewed) {
    const me = await api.identity();
    const edits = await api.commentEdits(comment.nodeId).catch((e: unknown) => {
      untrusted = `its edit history could not be read (${(e as Error).message})`;
      return [];
    });
    const foreign = edits.find((e) => !sameActor(me.login, e.editor));
    if (foreign) untrusted = `the comment was edited by ${foreign.editor?.login ?? 'a deleted account'} at ${foreign.editedAt}`;
    if (untrusted) reviewed = null;
  }
  return { comment, reviewed, untrusted, serverTime };
}

/** The whole comment body; stays under GitHub's 65,536-character limit whatever the plan's size. */
export function stickyBody(report: ReportInput, reviewed: ReviewedPlan | null, redact: (s: string) => string): string {
  const data = reviewed ? renderReviewedData(reviewed) : '';
  const marker = stickyMarker(report.config, report.target ?? null);
  const text = renderReport(report, COMMENT_BUDGET, Buffer.byteLength(marker + data, 'utf8') + 4);
  return `${marker}\n${redact(text)}\n${data}\n`;
}

/**
 * Edits the comment, or creates it. Two first runs can both find none and both create one: after a
 * create the comments are listed again and, when an older own comment with the marker exists, the
 * new one is deleted and the older one edited instead (the oldest always wins, so both runs agree).
 */
export async function upsertSticky(api: GitHubApi, pr: number, existing: GhComment | null, body: string, marker?: string): Promise<GhComment> {
  if (existing) return api.updateComment(existing.id, body);
  const created = await api.createComment(pr, body);
  api.learnIdentity(created.user);
  if (!marker) return created;
  const { mine } = await ownStickies(api, pr, marker);
  const oldest = mine[0];
  if (!oldest || oldest.id >= created.id) return created;
  await api.deleteComment(created.id);
  return api.updateComment(oldest.id, body);
}
