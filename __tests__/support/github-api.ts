// A loopback GitHub REST API for the routes the action uses. Every request the action makes and every
// response this fake gives is checked against GitHub's official OpenAPI description
// (@octokit/openapi): request bodies and response bodies with ajv, routes by the description's paths.
// An unknown route is a violation. Responses are built from the description's own examples, with
// only the fields a test cares about replaced.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';

type Json = Record<string, unknown>;
interface OpenApi {
  paths: Record<string, Record<string, Json>>;
  components: Json;
}

let specCache: OpenApi | null = null;
function spec(): OpenApi {
  if (!specCache) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    specCache = JSON.parse(readFileSync(file, 'utf8')) as OpenApi;
  }
  return specCache;
}

function deref<T = Json>(o: unknown): T {
  let cur = o as Json;
  while (cur && typeof cur === 'object' && typeof cur.$ref === 'string') {
    const path = (cur.$ref as string).replace(/^#\//, '').split('/');
    let x: unknown = spec();
    for (const p of path) x = (x as Json)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    cur = x as Json;
  }
  return cur as T;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The description's example response body for an operation (first example). */
export function exampleOf(method: string, path: string, status = '200'): unknown {
  const op = spec().paths[path]?.[method] as Json | undefined;
  if (!op) throw new Error(`no operation ${method} ${path} in the OpenAPI description`);
  const resp = deref((op.responses as Json)[status]);
  const content = (resp.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (!content) throw new Error(`no JSON response ${status} for ${method} ${path}`);
  if (content.example !== undefined) return clone(content.example);
  // An example's value may itself point at a components/examples entry (an Example object again).
  let v: unknown = deref(Object.values(content.examples as Json)[0]);
  while (v && typeof v === 'object' && 'value' in (v as Json) && Object.keys(v as Json).every((k) => ['summary', 'description', 'value'].includes(k) || k.startsWith('x-'))) v = deref((v as Json).value);
  return clone(v);
}

/** OpenAPI 3.0 `nullable` in JSON Schema terms (ajv only accepts it next to `type`). */
function nullableToJsonSchema(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(nullableToJsonSchema);
  if (!v || typeof v !== 'object') return v;
  const o: Json = {};
  for (const [k, x] of Object.entries(v as Json)) o[k] = k === 'example' || k === 'examples' ? x : nullableToJsonSchema(x);
  if (o.nullable !== true) return o;
  delete o.nullable;
  if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
  if (typeof o.type === 'string') return { ...o, type: [o.type, 'null'] };
  return { anyOf: [o, { type: 'null' }] };
}

let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();
function validatorFor(pointer: string): ValidateFunction {
  let v = validators.get(pointer);
  if (!v) {
    if (!ajv) {
      ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: false });
      ajv.addSchema(nullableToJsonSchema({ $id: 'https://openapi.test/gh', components: spec().components, paths: spec().paths }) as object);
    }
    v = ajv.compile({ $ref: `https://openapi.test/gh#${pointer}` });
    validators.set(pointer, v);
  }
  return v;
}
const ptr = (...parts: string[]) => parts.map((p) => '/' + encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('');

interface Route {
  path: string;
  method: string;
  re: RegExp;
  params: string[];
}
let routes: Route[] | null = null;
function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  routes ??= Object.entries(spec().paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
        .map((m) => {
          const params: string[] = [];
          const re = new RegExp('^' + path.replace(/\{([^}]+)\}/g, (_s, n: string) => (params.push(n), '([^/]+)')) + '$');
          return { path, method: m, re, params };
        }),
    )
    .sort((a, b) => a.params.length - b.params.length);
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.re.exec(pathname);
    if (m) return { route, params: Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(m[i + 1]!)])) };
  }
  return null;
}

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' };
/** A GitHub App's installation token acts as `<app slug>[bot]`; GET /user answers it 403. */
export const appBot = (slug: string): FakeUser => ({ login: `${slug}[bot]`, type: 'Bot' });

/**
 * GitHub's GraphQL schema (@octokit/graphql-schema): the fake answers /graphql by executing the
 * action's query against the real schema, so an unknown field or a wrong shape is an error.
 */
let gqlSchema: GraphQLSchema | null = null;
function graphqlSchema(): GraphQLSchema {
  if (!gqlSchema) {
    // The package exports only its entry (which parses the JSON schema eagerly); read its SDL file.
    const file = new URL('../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url);
    gqlSchema = buildSchema(readFileSync(file, 'utf8'), { assumeValidSDL: true });
  }
  return gqlSchema;
}

/**
 * An Actor as GraphQL names it. REST calls a bot `<slug>[bot]`; GraphQL's Bot.login is the bare slug
 * (the `__typename` says it is a bot). The action must accept both spellings.
 */
const gqlActor = (u: FakeUser): Record<string, unknown> => ({ __typename: u.type, login: u.type === 'Bot' ? u.login.replace(/\[bot\]$/, '') : u.login });

export interface FakeReview {
  user: string;
  /** A review by a bot account (an app's `<slug>[bot]`). */
  bot?: boolean;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commitId: string;
  submittedAt: string;
}
export interface FakePull {
  number: number;
  headSha: string;
  headRepo: string | null;
  state: 'open' | 'closed';
  files: { filename: string; previousFilename?: string }[];
  reviews: FakeReview[];
  draft?: boolean;
  /** Default: the repository's default branch. */
  baseRef?: string;
  headRef?: string;
  /** The PR author's login. */
  author?: string;
  /** Who pushed which head (GET /repos/{o}/{r}/activity), oldest first. */
  pushes?: { actor: string; sha: string }[];
  /** GraphQL PullRequest.reviewDecision: GitHub's verdict under branch protection (code owners included). */
  reviewDecision?: 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null;
}

/** A branch's pull request rules: from a ruleset (readable with read access) or branch protection (admin only). */
export interface FakeBranchRule {
  requiredApprovals: number;
  codeOwners: boolean;
  lastPushApproval: boolean;
}
export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
  /** Each edit's editor and time, oldest first (GraphQL IssueComment.userContentEdits). */
  edits: { editor: FakeUser; at: string; body: string }[];
}
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  user: FakeUser;
  isPull: boolean;
}
export interface RecordedRequest {
  method: string;
  route: string;
  path: string;
  body: unknown;
}

export interface GitHubApiFakeOptions {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** 'actions-bot': the token is the workflow's GITHUB_TOKEN (GET /user answers 403). */
  identity: 'actions-bot' | FakeUser;
  token: string;
}

/** A planned misbehaviour: the next `times` requests to `route` (e.g. 'GET /repos/{owner}/{repo}/pulls/{pull_number}') get this answer. */
export interface FakeFault {
  route: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

export class GitHubApiFake {
  url = '';
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly pulls = new Map<number, FakePull>();
  readonly permissions: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'> = {};
  readonly comments: FakeComment[] = [];
  readonly issues: FakeIssue[] = [];
  readonly commitPulls: Record<string, number[]> = {};
  /** Rulesets' pull_request rule per branch (GET /repos/{o}/{r}/rules/branches/{branch}). */
  readonly rulesets: Record<string, FakeBranchRule> = {};
  /** Branch protection's required reviews per branch; readable only when protectionReadable. */
  readonly protection: Record<string, FakeBranchRule> = {};
  protectionReadable = false;
  /** POST /issues answers 403 (a token without issues: write). */
  denyIssueCreate = false;
  /** Milliseconds every answer waits (latency lets overlapping runs interleave). */
  latencyMs = 0;
  readonly faults: FakeFault[] = [];
  private server: Server | null = null;
  private nextId = 9000;

  constructor(readonly opts: GitHubApiFakeOptions) {}

  get me(): FakeUser {
    return this.opts.identity === 'actions-bot' ? ACTIONS_BOT : this.opts.identity;
  }

  /** Installation tokens (GITHUB_TOKEN, an app's token) cannot read GET /user. */
  private get isInstallation(): boolean {
    return this.me.type === 'Bot';
  }

  /** Someone with write access edits a comment in the web UI: GitHub keeps the editor of each edit. */
  editAs(c: FakeComment, editor: FakeUser, body: string): void {
    const at = new Date().toISOString();
    c.body = body;
    c.updatedAt = at;
    c.edits.push({ editor, at, body });
  }

  /** Requests that change something on GitHub (for "nothing was written" checks). */
  writes(): RecordedRequest[] {
    // A GraphQL query reads; only a mutation would write.
    return this.requests.filter((r) => r.method !== 'get' && !(r.route === 'POST /graphql' && !/^\s*mutation\b/.test(String((r.body as Json | undefined)?.query ?? ''))));
  }

  addComment(issue: number, body: string, user: FakeUser): FakeComment {
    const now = new Date().toISOString();
    const c: FakeComment = { id: ++this.nextId, issue, body, user, createdAt: now, updatedAt: now, edits: [] };
    this.comments.push(c);
    return c;
  }

  async start(): Promise<void> {
    spec();
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((e: unknown) => {
        this.violations.push(`fake error: ${(e as Error).stack}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private userObj(u: FakeUser): Json {
    const o = exampleOf('get', '/repos/{owner}/{repo}/issues/comments/{comment_id}') as Json;
    const user = o.user as Json;
    return { ...user, login: u.login, type: u.type, id: u.type === 'Bot' ? 41898282 : 1000 + u.login.length, html_url: `https://github.com/${u.login}` };
  }

  private commentObj(c: FakeComment): Json {
    const o = exampleOf('get', '/repos/{owner}/{repo}/issues/comments/{comment_id}') as Json;
    const { owner, repo } = this.opts;
    return {
      ...o,
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      user: this.userObj(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
      url: `${this.url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
      issue_url: `${this.url}/repos/${owner}/${repo}/issues/${c.issue}`,
    };
  }

  private issueObj(i: FakeIssue): Json {
    const o = exampleOf('get', '/repos/{owner}/{repo}/issues/{issue_number}') as Json;
    const { owner, repo } = this.opts;
    const label = (o.labels as Json[])[0]!;
    const out: Json = {
      ...o,
      id: 70000 + i.number,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      closed_at: i.state === 'closed' ? new Date().toISOString() : null,
      labels: i.labels.map((name, k) => ({ ...label, id: 500 + k, name })),
      user: this.userObj(i.user),
      html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
    };
    if (!i.isPull) delete out.pull_request;
    return out;
  }

  private pullObj(p: FakePull): Json {
    const o = exampleOf('get', '/repos/{owner}/{repo}/pulls/{pull_number}') as Json;
    const head = clone(o.head as Json);
    const base = clone(o.base as Json);
    const full = `${this.opts.owner}/${this.opts.repo}`;
    head.sha = p.headSha;
    if (p.headRepo === null) head.repo = null;
    else (head.repo as Json).full_name = p.headRepo;
    (base.repo as Json).full_name = full;
    base.ref = p.baseRef ?? this.opts.defaultBranch;
    if (p.headRef) head.ref = p.headRef;
    const user = p.author ? this.userObj({ login: p.author, type: 'User' }) : o.user;
    // The description's own example lists a team without the `type` its schema requires.
    return { ...o, number: p.number, state: p.state, draft: !!p.draft, user, head, base, requested_teams: [] };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toLowerCase();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (method === 'post' && url.pathname === '/graphql') return this.graphql(req, res, body as Json);
    const found = matchRoute(method, url.pathname);
    if (!found) {
      this.violations.push(`unknown route ${method.toUpperCase()} ${url.pathname}`);
      return this.send(res, null, '404', { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    const { route, params } = found;
    this.requests.push({ method, route: `${method.toUpperCase()} ${route.path}`, path: url.pathname, body });
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.opts.token}` && auth !== `Bearer ${this.opts.token}`) this.violations.push(`${route.path}: request without the action's token`);
    // The action's request body, against the operation's request schema.
    const op = spec().paths[route.path]![method] as Json;
    if (op.requestBody) {
      const rb = deref(op.requestBody);
      const pointer = ptr('paths', route.path, method, 'requestBody', 'content', 'application/json', 'schema');
      if (body === undefined && rb.required) this.violations.push(`${route.path}: request body missing`);
      else if (body !== undefined && !(op.requestBody as Json).$ref) {
        const v = validatorFor(pointer);
        if (!v(body)) this.violations.push(`${method.toUpperCase()} ${route.path} request: ${JSON.stringify(v.errors?.slice(0, 3))}`);
      }
    }
    if (params.owner && (params.owner !== this.opts.owner || params.repo !== this.opts.repo)) this.violations.push(`${url.pathname}: wrong repository`);
    const fault = this.faults.find((f) => f.times > 0 && f.route === `${method.toUpperCase()} ${route.path}`);
    if (fault) {
      fault.times--;
      res.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      res.end(JSON.stringify(fault.body ?? { message: 'Server Error' }));
      return;
    }
    const [status, payload] = this.answer(method, route.path, params, body as Json, url.searchParams);
    this.send(res, route, status, payload, url);
  }

  /** POST /graphql, executed against GitHub's published schema with the fake's data behind it. */
  private async graphql(req: IncomingMessage, res: ServerResponse, body: Json): Promise<void> {
    this.requests.push({ method: 'post', route: 'POST /graphql', path: '/graphql', body });
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.opts.token}` && auth !== `Bearer ${this.opts.token}`) this.violations.push('/graphql: request without the action\'s token');
    const comments = this.comments;
    const pulls = this.pulls;
    const rootValue = {
      // An installation token's viewer is its bot (`<slug>[bot]`, github-actions[bot] for GITHUB_TOKEN).
      viewer: { login: this.me.login },
      node: ({ id }: { id: string }) => {
        const c = comments.find((x) => `IC_${x.id}` === id);
        if (!c) return null;
        const last = c.edits[c.edits.length - 1];
        return {
          __typename: 'IssueComment',
          id,
          lastEditedAt: last?.at ?? null,
          editor: last ? gqlActor(last.editor) : null,
          // Newest first, as GitHub lists them; paginated by a cursor that is the index.
          userContentEdits: ({ first, after }: { first?: number; after?: string }) => {
            const all = [...c.edits].reverse();
            const start = after ? Number(after) + 1 : 0;
            const page = all.slice(start, start + (first ?? 100));
            const end = start + page.length - 1;
            return {
              totalCount: all.length,
              pageInfo: { hasNextPage: end + 1 < all.length, endCursor: page.length ? String(end) : null },
              nodes: page.map((e, i) => ({ id: `UCE_${c.id}_${start + i}`, editedAt: e.at, editor: gqlActor(e.editor), createdAt: e.at, updatedAt: e.at })),
            };
          },
        };
      },
      repository: () => ({
        pullRequest: ({ number }: { number: number }) => {
          const p = pulls.get(number);
          return p ? { number, isDraft: !!p.draft, reviewDecision: p.reviewDecision ?? null, baseRefName: p.baseRef ?? this.opts.defaultBranch } : null;
        },
      }),
    };
    const result = await graphql({ schema: graphqlSchema(), source: String(body.query ?? ''), variableValues: (body.variables as Json | undefined) ?? {}, rootValue });
    if (result.errors?.length) this.violations.push(`POST /graphql: ${result.errors.map((e) => e.message).join('; ')}`);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(result));
  }

  private send(res: ServerResponse, route: Route | null, status: string, payload: unknown, url?: URL): void {
    let out = payload;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3' };
    if (Array.isArray(payload) && url) {
      // Pagination the way GitHub does it: page/per_page and a Link header.
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      out = payload.slice((page - 1) * per, page * per);
      if (page * per < payload.length) {
        const next = new URL(url.toString().replace('http://127.0.0.1', this.url));
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
    }
    if (route) {
      const op = spec().paths[route.path]![route.method] as Json;
      const resp = (op.responses as Json)[status];
      // GitHub answers any route 403 (no permission) or 404 (not there / not visible); the description
      // lists them only on some operations.
      if (!resp && (status === '403' || status === '404')) {
        // nothing to validate
      } else if (!resp) this.violations.push(`${route.method.toUpperCase()} ${route.path}: status ${status} is not in the description`);
      else {
        const content = deref(resp).content as Json | undefined;
        if (content?.['application/json']) {
          const pointer =
            typeof (resp as Json).$ref === 'string'
              ? `${((resp as Json).$ref as string).slice(1)}/content/application~1json/schema`
              : ptr('paths', route.path, route.method, 'responses', status, 'content', 'application/json', 'schema');
          const v = validatorFor(pointer);
          if (!v(out)) this.violations.push(`${route.method.toUpperCase()} ${route.path} response ${status}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
        }
      }
    }
    res.writeHead(Number(status), headers);
    res.end(out === null || out === undefined ? '' : JSON.stringify(out));
  }

  private answer(method: string, path: string, p: Record<string, string>, body: Json, q: URLSearchParams): [string, unknown] {
    const notFound: [string, unknown] = ['404', { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
    const key = `${method} ${path}`;
    switch (key) {
      case 'get /user':
        if (this.isInstallation) return ['403', { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' }];
        return ['200', { ...(exampleOf('get', '/user') as Json), login: this.me.login, type: this.me.type }];
      case 'get /repos/{owner}/{repo}': {
        const o = exampleOf('get', path) as Json;
        // Not a fork: no parent/source (whose examples lack the required `language`).
        delete o.parent;
        delete o.source;
        // The description's example lacks the required (nullable) `language`.
        return ['200', { language: null, ...o, name: this.opts.repo, full_name: `${this.opts.owner}/${this.opts.repo}`, default_branch: this.opts.defaultBranch }];
      }
      case 'get /repos/{owner}/{repo}/pulls/{pull_number}': {
        const pr = this.pulls.get(Number(p.pull_number));
        return pr ? ['200', this.pullObj(pr)] : notFound;
      }
      case 'get /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const pr = this.pulls.get(Number(p.pull_number));
        if (!pr) return notFound;
        const ex = (exampleOf('get', path) as Json[])[0]!;
        return ['200', pr.reviews.map((r, i) => ({ ...ex, id: 80 + i, node_id: `PRR_${i}`, user: this.userObj({ login: r.user, type: r.bot ? 'Bot' : 'User' }), state: r.state, commit_id: r.commitId, submitted_at: r.submittedAt, body: '' }))];
      }
      case 'get /repos/{owner}/{repo}/pulls/{pull_number}/files': {
        const pr = this.pulls.get(Number(p.pull_number));
        if (!pr) return notFound;
        const ex = (exampleOf('get', path) as Json[])[0]!;
        return [
          '200',
          pr.files.map((f) => {
            const o: Json = { ...ex, filename: f.filename, status: f.previousFilename ? 'renamed' : 'modified' };
            if (f.previousFilename) o.previous_filename = f.previousFilename;
            else delete o.previous_filename;
            return o;
          }),
        ];
      }
      case 'get /repos/{owner}/{repo}/collaborators/{username}/permission': {
        const perm = this.permissions[p.username!];
        if (!perm) return notFound;
        const o = exampleOf('get', path) as Json;
        const permission = perm === 'maintain' ? 'write' : perm === 'triage' ? 'read' : perm;
        // The description's example user lacks the `role_name` its schema requires.
        return ['200', { ...o, permission, role_name: perm, user: { ...(o.user as Json), login: p.username, role_name: perm } }];
      }
      case 'get /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return ['200', this.comments.filter((c) => c.issue === Number(p.issue_number)).map((c) => this.commentObj(c))];
      case 'post /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const c = this.addComment(Number(p.issue_number), String(body.body), this.me);
        return ['201', this.commentObj(c)];
      }
      case 'patch /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const c = this.comments.find((x) => x.id === Number(p.comment_id));
        if (!c) return notFound;
        if (c.user.login !== this.me.login) return ['403', { message: 'Must have admin rights to Repository.', documentation_url: 'https://docs.github.com/rest' }];
        this.editAs(c, this.me, String(body.body));
        return ['200', this.commentObj(c)];
      }
      case 'delete /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const i = this.comments.findIndex((x) => x.id === Number(p.comment_id));
        if (i < 0) return notFound;
        this.comments.splice(i, 1);
        return ['204', null];
      }
      case 'get /repos/{owner}/{repo}/activity': {
        const ex = (exampleOf('get', path) as Json[])[0]!;
        const ref = q.get('ref');
        const all: Json[] = [];
        let id = 1;
        for (const pr of this.pulls.values())
          for (const push of pr.pushes ?? [])
            all.push({ ...ex, id: id++, node_id: `RA_${id}`, ref: `refs/heads/${pr.headRef ?? 'changes'}`, after: push.sha, before: '0'.repeat(40), activity_type: 'push', timestamp: new Date().toISOString(), actor: this.userObj({ login: push.actor, type: 'User' }) });
        // Newest first (direction=desc is the default).
        return ['200', all.filter((a) => !ref || a.ref === ref || a.ref === `refs/heads/${ref}`).reverse()];
      }
      case 'get /repos/{owner}/{repo}/rules/branches/{branch}': {
        const r = this.rulesets[p.branch!];
        if (!r) return ['200', []];
        return [
          '200',
          [
            {
              type: 'pull_request',
              parameters: { required_approving_review_count: r.requiredApprovals, require_code_owner_review: r.codeOwners, require_last_push_approval: r.lastPushApproval, dismiss_stale_reviews_on_push: false, required_review_thread_resolution: false },
              ruleset_source_type: 'Repository',
              ruleset_source: `${this.opts.owner}/${this.opts.repo}`,
              ruleset_id: 42,
            },
          ],
        ];
      }
      case 'get /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews': {
        const r = this.protection[p.branch!];
        if (!r) return notFound;
        // Reading branch protection needs admin rights; an ordinary token gets 403.
        if (!this.protectionReadable) return ['403', { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }];
        const o = exampleOf('get', path) as Json;
        // The description's example lists teams without fields its schema requires; none here.
        delete o.dismissal_restrictions;
        delete o.bypass_pull_request_allowances;
        return ['200', { ...o, required_approving_review_count: r.requiredApprovals, require_code_owner_reviews: r.codeOwners, require_last_push_approval: r.lastPushApproval }];
      }
      case 'get /repos/{owner}/{repo}/issues': {
        const state = q.get('state') ?? 'open';
        const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
        return ['200', this.issues.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l))).map((i) => this.issueObj(i))];
      }
      case 'post /repos/{owner}/{repo}/issues': {
        if (this.denyIssueCreate) return ['403', { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '403' }];
        const i: FakeIssue = {
          number: 100 + this.issues.length + this.pulls.size,
          title: String(body.title),
          body: String(body.body ?? ''),
          state: 'open',
          labels: ((body.labels as string[] | undefined) ?? []).map(String),
          user: this.me,
          isPull: false,
        };
        this.issues.push(i);
        return ['201', this.issueObj(i)];
      }
      case 'patch /repos/{owner}/{repo}/issues/{issue_number}': {
        const i = this.issues.find((x) => x.number === Number(p.issue_number));
        if (!i) return notFound;
        if (typeof body.title === 'string') i.title = body.title;
        if (typeof body.body === 'string') i.body = body.body;
        if (body.state === 'open' || body.state === 'closed') i.state = body.state;
        return ['200', this.issueObj(i)];
      }
      case 'get /repos/{owner}/{repo}/commits/{commit_sha}/pulls': {
        const ex = (exampleOf('get', path) as Json[])[0]!;
        return ['200', (this.commitPulls[p.commit_sha!] ?? []).map((n) => ({ ...ex, number: n, requested_teams: [] }))];
      }
      default:
        this.violations.push(`the fake does not serve ${key}`);
        return notFound;
    }
  }
}

export async function startGitHubApi(opts: GitHubApiFakeOptions): Promise<GitHubApiFake> {
  const f = new GitHubApiFake(opts);
  await f.start();
  return f;
}
