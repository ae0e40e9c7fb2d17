// The few GitHub calls the action makes, behind one small interface so that the gate, the sticky
// comment and the drift issue read as logic, not as HTTP. Octokit honours GITHUB_API_URL. Calls are
// retried on 5xx (@octokit/plugin-retry) and wait out primary and secondary rate limits
// (@octokit/plugin-throttling), as GitHub's REST best practices ask of integrations.
import type { getOctokit } from '@actions/github';

export interface GhUser {
  login: string;
  type: string;
}

export interface GhComment {
  id: number;
  /** GraphQL node id (edit history lives there). */
  nodeId: string;
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
  /** `Bot` for an app; reviews by bots do not count. */
  userType?: string | null;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface GhPull {
  number: number;
  headSha: string;
  headRef: string;
  headRepo: string | null;
  baseRepo: string;
  baseRef: string;
  state: string;
  draft: boolean;
  author: string | null;
}

/** A branch's pull request rules as the token can read them; `notes` says what was and was not readable. */
export interface BranchRules {
  requiredApprovals: number;
  codeOwners: boolean;
  notes: string[];
}

/**
 * Who the token is: GraphQL `viewer` answers for every kind of token (a user's, GITHUB_TOKEN as
 * `github-actions[bot]`, a GitHub App installation as `<slug>[bot]`), where REST GET /user answers
 * installation tokens 403. `learned` is true when neither answered and the login is the default
 * assumption until the first write shows who the token writes as.
 */
export interface Identity {
  login: string;
  learned: boolean;
}

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The same account under both spellings: REST names a bot `<slug>[bot]`; GraphQL's Bot.login is the
 * bare slug, with `__typename: Bot`. A user account can never carry the `[bot]` suffix.
 */
export function sameActor(ownLogin: string, actor: { login: string; type: string } | null): boolean {
  if (!actor) return false;
  const login = actor.type === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
  return login.toLowerCase() === ownLogin.toLowerCase();
}

export function isOwnAuthor(id: Identity, user: GhUser | null): boolean {
  return sameActor(id.login, user);
}

/** One edit of a comment as GitHub records it (GraphQL IssueComment.userContentEdits). */
export interface GhEdit {
  editor: { login: string; type: string } | null;
  editedAt: string;
}

export interface GitHubApi {
  identity(): Promise<Identity>;
  /** After a write: the author GitHub recorded is who this token writes as. */
  learnIdentity(author: GhUser | null): void;
  defaultBranch(): Promise<string>;
  pull(n: number): Promise<GhPull>;
  reviews(n: number): Promise<GhReview[]>;
  permission(login: string): Promise<string>;
  /** Who pushed `sha` onto `ref` (the repository activity list); null when no push of it is listed. */
  pusherOf(ref: string, sha: string): Promise<string | null>;
  /** Rulesets (readable with read access) and branch protection (admin only) for a branch. */
  branchRules(branch: string): Promise<BranchRules>;
  /** GitHub's own verdict on the PR's reviews under branch protection (code owners included). */
  reviewDecision(n: number): Promise<string | null>;
  /** Every edit of a comment, newest first; empty when it was never edited. */
  commentEdits(nodeId: string): Promise<GhEdit[]>;
  deleteComment(id: number): Promise<void>;
  pullFiles(n: number): Promise<{ filename: string; previousFilename: string | null }[]>;
  /** Comments plus the server's clock at the time of listing (the `Date` header). */
  issueComments(n: number): Promise<{ comments: GhComment[]; serverTime: Date | null }>;
  createComment(n: number, body: string): Promise<GhComment>;
  updateComment(id: number, body: string): Promise<GhComment>;
  /** Every open issue (not pull request) of the repository. */
  openIssues(): Promise<GhIssue[]>;
  createIssue(title: string, body: string, labels: string[]): Promise<GhIssue>;
  updateIssue(n: number, patch: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<GhIssue>;
  /** Pull requests that contain a commit (to mark their comments once the merge is applied). */
  pullsForCommit(sha: string): Promise<number[]>;
  /** The API server's clock now (a cheap GET's `Date` header). */
  serverTime(): Promise<Date | null>;
}

type Raw = Record<string, unknown>;
const user = (u: unknown): GhUser | null => (u && typeof u === 'object' ? { login: String((u as Raw).login ?? ''), type: String((u as Raw).type ?? '') } : null);
const comment = (c: Raw): GhComment => ({ id: Number(c.id), nodeId: String(c.node_id ?? ''), body: String(c.body ?? ''), user: user(c.user), htmlUrl: String(c.html_url ?? '') });
const issue = (i: Raw): GhIssue => ({
  number: Number(i.number),
  title: String(i.title ?? ''),
  body: String(i.body ?? ''),
  user: user(i.user),
  htmlUrl: String(i.html_url ?? ''),
  isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
});

/** `baseUrl` defaults to GITHUB_API_URL (read by @actions/github when it loads). */
export function createGitHubApi(token: string, owner: string, repo: string, o: { baseUrl?: string; log?: (m: string) => void } = {}): GitHubApi {
  const say = o.log ?? (() => undefined);
  // Octokit and its plugins load on first use: a run without a token, or one that never calls
  // GitHub, does not pay for compiling them at start-up.
  let loaded: Promise<ReturnType<typeof getOctokit>> | null = null;
  const octokit = () =>
    (loaded ??= Promise.all([import('@actions/github'), import('@octokit/plugin-retry'), import('@octokit/plugin-throttling')]).then(([gh, r, t]) =>
      gh.getOctokit(
        token,
        {
          ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
          throttle: {
            // Wait out a rate limit (at most twice per request, at most 5 minutes), then give up.
            onRateLimit: (after: number, opts: { method: string; url: string }, _o: unknown, count: number) => {
              say(`GitHub rate limit on ${opts.method} ${opts.url}: retrying in ${after} s`);
              return count < 2 && after <= 300;
            },
            onSecondaryRateLimit: (after: number, opts: { method: string; url: string }, _o: unknown, count: number) => {
              say(`GitHub secondary rate limit on ${opts.method} ${opts.url}: retrying in ${after} s`);
              return count < 2 && after <= 300;
            },
          },
        },
        r.retry,
        t.throttling,
      ),
    ));
  const r = { owner, repo };
  let me: Promise<Identity> | null = null;
  let learned: Identity | null = null;
  return {
    identity() {
      if (learned) return Promise.resolve(learned);
      me ??= octokit().then((ok) =>
        ok
          .graphql<{ viewer: { login: string } }>('query { viewer { login } }')
          .then((d) => ({ login: d.viewer.login, learned: false }))
          .catch(() => ok.rest.users.getAuthenticated().then((res) => ({ login: res.data.login, learned: false })))
          .catch(() => ({ login: ACTIONS_BOT_LOGIN, learned: true })),
      );
      return me;
    },
    learnIdentity(author) {
      if (author?.login) learned = { login: author.login, learned: false };
    },
    async defaultBranch() {
      const ok = await octokit();
      return (await ok.rest.repos.get(r)).data.default_branch;
    },
    async pull(n) {
      const ok = await octokit();
      const d = (await ok.rest.pulls.get({ ...r, pull_number: n })).data;
      return {
        number: d.number,
        headSha: d.head.sha,
        headRef: d.head.ref,
        headRepo: d.head.repo?.full_name ?? null,
        baseRepo: d.base.repo.full_name,
        baseRef: d.base.ref,
        state: d.state,
        draft: d.draft === true,
        author: d.user?.login ?? null,
      };
    },
    async reviews(n) {
      const ok = await octokit();
      const all = await ok.paginate(ok.rest.pulls.listReviews, { ...r, pull_number: n, per_page: 100 });
      return all.map((v) => ({ user: v.user?.login ?? null, userType: v.user?.type ?? null, state: v.state, commitId: v.commit_id ?? null, submittedAt: v.submitted_at ?? null }));
    },
    async permission(login) {
      const ok = await octokit();
      return (await ok.rest.repos.getCollaboratorPermissionLevel({ ...r, username: login })).data.permission;
    },
    async pusherOf(ref, sha) {
      const ok = await octokit();
      // Newest first; the push that made `sha` the head is the one whose `after` it is.
      for await (const page of ok.paginate.iterator(ok.rest.repos.listActivities, { ...r, ref, per_page: 100 })) {
        const hit = page.data.find((a) => a.after === sha);
        if (hit) return hit.actor?.login ?? null;
      }
      return null;
    },
    async branchRules(branch) {
      const ok = await octokit();
      const out: BranchRules = { requiredApprovals: 0, codeOwners: false, notes: [] };
      try {
        const rules = (await ok.rest.repos.getBranchRules({ ...r, branch, per_page: 100 })).data;
        let found = false;
        for (const rule of rules) {
          if (rule.type !== 'pull_request') continue;
          found = true;
          const p = (rule as { parameters?: { required_approving_review_count?: number; require_code_owner_review?: boolean } }).parameters ?? {};
          out.requiredApprovals = Math.max(out.requiredApprovals, p.required_approving_review_count ?? 0);
          out.codeOwners ||= p.require_code_owner_review === true;
        }
        out.notes.push(found ? `rulesets of ${branch}: ${out.requiredApprovals} approvals${out.codeOwners ? ', code owners' : ''}` : `rulesets of ${branch}: no pull request rule`);
      } catch (e) {
        out.notes.push(`rulesets of ${branch}: not readable with this token (${(e as { status?: number }).status ?? (e as Error).message})`);
      }
      try {
        const p = (await ok.rest.repos.getPullRequestReviewProtection({ ...r, branch })).data;
        out.requiredApprovals = Math.max(out.requiredApprovals, p.required_approving_review_count ?? 0);
        out.codeOwners ||= p.require_code_owner_reviews === true;
        out.notes.push(`branch protection of ${branch}: ${p.required_approving_review_count ?? 0} approvals${p.require_code_owner_reviews ? ', code owners' : ''}`);
      } catch (e) {
        const status = (e as { status?: number }).status;
        out.notes.push(status === 404 ? `branch protection of ${branch}: no required reviews` : `branch protection of ${branch}: not readable with this token (${status ?? (e as Error).message})`);
      }
      return out;
    },
    async reviewDecision(n) {
      const ok = await octokit();
      const d = await ok.graphql<{ repository: { pullRequest: { reviewDecision: string | null } | null } }>(
        'query($owner: String!, $repo: String!, $n: Int!) { repository(owner: $owner, name: $repo) { pullRequest(number: $n) { reviewDecision } } }',
        { owner, repo, n },
      );
      return d.repository.pullRequest?.reviewDecision ?? null;
    },
    async commentEdits(nodeId) {
      const ok = await octokit();
      const edits: GhEdit[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const d: { node: { userContentEdits: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ({ editedAt: string; editor: { __typename: string; login: string } | null } | null)[] } } | null } =
          await ok.graphql(
            'query($id: ID!, $after: String) { node(id: $id) { ... on IssueComment { userContentEdits(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { editedAt editor { __typename login } } } } } }',
            { id: nodeId, after },
          );
        const list = d.node?.userContentEdits;
        if (!list) throw new Error(`comment ${nodeId} has no readable edit history`);
        for (const e of list.nodes) if (e) edits.push({ editedAt: e.editedAt, editor: e.editor ? { login: e.editor.login, type: e.editor.__typename } : null });
        if (!list.pageInfo.hasNextPage) return edits;
        after = list.pageInfo.endCursor;
      }
      throw new Error(`comment ${nodeId} has more edits than the action reads`);
    },
    async deleteComment(id) {
      const ok = await octokit();
      await ok.rest.issues.deleteComment({ ...r, comment_id: id });
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
    async openIssues() {
      const ok = await octokit();
      const all = await ok.paginate(ok.rest.issues.listForRepo, { ...r, state: 'open', per_page: 100 });
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

