// One comment per config per pull request, found by a hidden marker among the comments the token's
// own identity wrote (someone else can paste the marker, but cannot make it theirs), edited in place.
import type { GhComment, GitHubApi } from './github.js';
import { isOwnAuthor } from './github.js';
import { COMMENT_BUDGET, renderReport, type ReportInput } from './report.js';
import { parseReviewedData, renderReviewedData, type ReviewedPlan } from './reviewed-plan.js';

export const stickyMarker = (config: string): string => `<!-- hyperv-converge:sticky:${encodeURIComponent(config.replace(/\\/g, '/'))} -->`;

export interface StickyFound {
  comment: GhComment | null;
  reviewed: ReviewedPlan | null;
  /** The API server's clock when the comments were listed. */
  serverTime: Date | null;
}

export async function findSticky(api: GitHubApi, pr: number, config: string): Promise<StickyFound> {
  const marker = stickyMarker(config);
  const [me, { comments, serverTime }] = await Promise.all([api.identity(), api.issueComments(pr)]);
  const comment = comments.find((c) => c.body.includes(marker) && isOwnAuthor(me, c.user)) ?? null;
  const reviewed = comment ? parseReviewedData(comment.body) : null;
  // A record for another config (pasted marker) is not this config's review.
  return { comment, reviewed: reviewed && reviewed.config === config ? reviewed : null, serverTime };
}

/** The whole comment body; stays under GitHub's 65,536-character limit whatever the plan's size. */
export function stickyBody(report: ReportInput, reviewed: ReviewedPlan | null, redact: (s: string) => string): string {
  const data = reviewed ? renderReviewedData(reviewed) : '';
  const marker = stickyMarker(report.config);
  const text = renderReport(report, COMMENT_BUDGET, Buffer.byteLength(marker + data, 'utf8') + 4);
  return `${marker}\n${redact(text)}\n${data}\n`;
}

export async function upsertSticky(api: GitHubApi, pr: number, existing: GhComment | null, body: string): Promise<GhComment> {
  return existing ? api.updateComment(existing.id, body) : api.createComment(pr, body);
}
