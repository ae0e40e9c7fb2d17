// The few GitHub REST calls the action makes, behind one small interface so that the gate, the
// sticky comment and the drift issue read as logic, not as HTTP. Octokit honours GITHUB_API_URL.
import type { getOctokit } from '@actions/github';

export interface GhUser {
  login: string;
  type: string;
}

export interface GhComment {
  id: number;
  body: string;
  user: GhUser | null;
  htmlUrl: string;
}

export interface GhIssue {
  number: number;
  title: string;
  body: string;
  user: GhUser | null;
  htmlUrl: string;
  isPullRequest: boolean;
}

export interface GhReview {
  user: string | null;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface GhPull {
  number: number;
  headSha: string;
  headRepo: string | null;
  baseRepo: string;
  state: string;
}

/**
 * Who the token is. A personal or app-user token answers GET /user; the workflow's GITHUB_TOKEN
 * cannot (403), and its comments are written by `github-actions[bot]`.
 */
export type Identity = { kind: 'user'; login: string } | { kind: 'actions-bot' };

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export function isOwnAuthor(id: Identity, user: GhUser | null): boolean {
  if (!user) return false;
  if (id.kind === 'user') return user.login.toLowerCase() === id.login.toLowerCase();
  return user.type === 'Bot' && user.login === ACTIONS_BOT_LOGIN;
}

export interface GitHubApi {
  identity(): Promise<Identity>;
  defaultBranch(): Promise<string>;
  pull(n: number): Promise<GhPull>;
  reviews(n: number): Promise<GhReview[]>;
  permission(login: string): Promise<string>;
  pullFiles(n: number): Promise<{ filename: string; previousFilename: string | null }[]>;
  /** Comments plus the server's clock at the time of listing (the `Date` header). */
  issueComments(n: number): Promise<{ comments: GhComment[]; serverTime: Date | null }>;
  createComment(n: number, body: string): Promise<GhComment>;
  updateComment(id: number, body: string): Promise<GhComment>;
  openIssues(label: string | null): Promise<GhIssue[]>;
  createIssue(title: string, body: string, labels: string[]): Promise<GhIssue>;
  updateIssue(n: number, patch: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<GhIssue>;
  /** Pull requests that contain a commit (to mark their comments once the merge is applied). */
  pullsForCommit(sha: string): Promise<number[]>;
  /** The API server's clock now (a cheap GET's `Date` header). */
  serverTime(): Promise<Date | null>;
}

type Raw = Record<string, unknown>;
const user = (u: unknown): GhUser | null => (u && typeof u === 'object' ? { login: String((u as Raw).login ?? ''), type: String((u as Raw).type ?? '') } : null);
const comment = (c: Raw): GhComment => ({ id: Number(c.id), body: String(c.body ?? ''), user: user(c.user), htmlUrl: String(c.html_url ?? '') });
const issue = (i: Raw): GhIssue => ({
  number: Number(i.number),
  title: String(i.title ?? ''),
  body: String(i.body ?? ''),
  user: user(i.user),
  htmlUrl: String(i.html_url ?? ''),
  isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
});

/** `baseUrl` defaults to GITHUB_API_URL (read by @actions/github when it loads). */
export function createGitHubApi(token: string, owner: string, repo: string, baseUrl?: string): GitHubApi {
  // Octokit loads on first use: a run without a token, or one that never calls GitHub, does not
  // pay for compiling it at start-up.
  let loaded: Promise<ReturnType<typeof getOctokit>> | null = null;
  const octokit = () => (loaded ??= import('@actions/github').then((m) => m.getOctokit(token, baseUrl ? { baseUrl } : {})));
  const r = { owner, repo };
  let me: Promise<Identity> | null = null;
  return {
    identity() {
      me ??= octokit().then((ok) => ok.rest.users.getAuthenticated()).then(
        (res) => ({ kind: 'user', login: res.data.login }) as Identity,
        () => ({ kind: 'actions-bot' }) as Identity,
      );
      return me;
    },
    async defaultBranch() {
      const ok = await octokit();
      return (await ok.rest.repos.get(r)).data.default_branch;
    },
    async pull(n) {
      const ok = await octokit();
      const d = (await ok.rest.pulls.get({ ...r, pull_number: n })).data;
      return { number: d.number, headSha: d.head.sha, headRepo: d.head.repo?.full_name ?? null, baseRepo: d.base.repo.full_name, state: d.state };
    },
    async reviews(n) {
      const ok = await octokit();
      const all = await ok.paginate(ok.rest.pulls.listReviews, { ...r, pull_number: n, per_page: 100 });
      return all.map((v) => ({ user: v.user?.login ?? null, state: v.state, commitId: v.commit_id ?? null, submittedAt: v.submitted_at ?? null }));
    },
    async permission(login) {
      const ok = await octokit();
      return (await ok.rest.repos.getCollaboratorPermissionLevel({ ...r, username: login })).data.permission;
    },
    async pullFiles(n) {
      const ok = await octokit();
      const all = await ok.paginate(ok.rest.pulls.listFiles, { ...r, pull_number: n, per_page: 100 });
      return all.map((f) => ({ filename: f.filename, previousFilename: f.previous_filename ?? null }));
    },
    async issueComments(n) {
      const ok = await octokit();
      const comments: GhComment[] = [];
      let serverTime: Date | null = null;
      for await (const page of ok.paginate.iterator(ok.rest.issues.listComments, { ...r, issue_number: n, per_page: 100 })) {
        serverTime ??= page.headers.date ? new Date(page.headers.date) : null;
        for (const c of page.data) comments.push(comment(c as unknown as Raw));
      }
      return { comments, serverTime };
    },
    async createComment(n, body) {
      const ok = await octokit();
      return comment((await ok.rest.issues.createComment({ ...r, issue_number: n, body })).data as unknown as Raw);
    },
    async updateComment(id, body) {
      const ok = await octokit();
      return comment((await ok.rest.issues.updateComment({ ...r, comment_id: id, body })).data as unknown as Raw);
    },
    async openIssues(label) {
      const ok = await octokit();
      const all = await ok.paginate(ok.rest.issues.listForRepo, { ...r, state: 'open', per_page: 100, ...(label ? { labels: label } : {}) });
      return all.map((i) => issue(i as unknown as Raw)).filter((i) => !i.isPullRequest);
    },
    async createIssue(title, body, labels) {
      const ok = await octokit();
      return issue((await ok.rest.issues.create({ ...r, title, body, ...(labels.length ? { labels } : {}) })).data as unknown as Raw);
    },
    async updateIssue(n, patch) {
      const ok = await octokit();
      return issue((await ok.rest.issues.update({ ...r, issue_number: n, ...patch })).data as unknown as Raw);
    },
    async serverTime() {
      const ok = await octokit();
      const res = await ok.rest.repos.get(r);
      return res.headers.date ? new Date(res.headers.date) : null;
    },
    async pullsForCommit(sha) {
      const ok = await octokit();
      const res = await ok.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: sha, per_page: 100 });
      return res.data.map((p) => p.number);
    },
  };
}

