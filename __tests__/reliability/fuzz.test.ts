// Property-based fuzzing of every input the tool takes from outside: config documents, agent output
// (pure parsers and a real agent process over the real client), and the event payloads and API
// answers the action's gate reads. Each must end as a value or a typed error; never an unhandled
// exception, and a rejected input changes nothing on the host.
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { readRunContext } from '../../src/action/event.js';
import { decideApply, preflight } from '../../src/action/gate.js';
import type { GhReview, GitHubApi } from '../../src/action/github.js';
import type { ActionInputs } from '../../src/action/inputs.js';
import type { ReviewedPlan } from '../../src/action/reviewed-plan.js';
import { AgentProcess, AgentStartError } from '../../src/agent/client.js';
import { toObservation } from '../../src/agent/observation.js';
import { AGENT_SIDE_CODES, parseHello, parseResponse } from '../../src/agent/protocol.js';
import { buildSimState, writeSimState } from '../../src/backends/sim/state.js';
import { parseConfig } from '../../src/core/config/load.js';
import { vmNameProblem } from '../../src/core/config/vm-name.js';
import { HvcError, isHvcError } from '../../src/core/errors.js';
import type { AgentErrorCode } from '../../src/core/ports.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import { ensureSimAgentBundle, seed } from './scenario.js';

const SEED = Number(process.env.HVC_FUZZ_SEED ?? 20261122);
const figures: Record<string, number | string> = { seed: SEED };
afterAll(() => {
  process.stdout.write(`fuzz figures: ${JSON.stringify(figures)}\n`);
});

/** Strings that break naive quoting in shells, PowerShell, YAML and JSON. */
export const HOSTILE = [
  `it's`,
  `say "hi"`,
  '$(Remove-VM -Name * -Force)',
  '`whoami`',
  'a; Remove-Item C:\\ -Recurse',
  'line1\nline2',
  'tab\there',
  'naïve-ü-日本-🚀',
  "'; DROP TABLE vms; --",
  '${env:PATH}',
  '@{a=1}',
  '& calc.exe',
  '| Out-Null',
  '%PATH%',
  '\\\\server\\share',
  '-Force',
  '\u202eevil',
  '\u0000nul',
];

const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));

const BASE = {
  version: 1,
  project: 'lab',
  host: { concurrency: 2, operationTimeout: 60 },
  defaults: { generation: 2, cpus: 2, memory: '2GB', switch: 'lab-net', image: 'D:\\images\\base.vhdx', disk: { strategy: 'differencing' }, path: 'D:\\Hyper-V\\lab' },
  policy: { protect: ['prod-*'], allowRestart: false, maxDisruptive: 5 },
  vms: [{ name: 'web-1', cpus: 4, memory: { startup: '2GB', minimum: '1GB', maximum: '4GB' } }, { name: 'db-1', state: 'stopped' }, { name: 'old-1', state: 'absent' }],
};

type Path = (string | number)[];
function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}
const ALL_PATHS = paths(BASE).filter((p) => p.length > 0);

type Mutation = { kind: 'set'; path: number; value: unknown } | { kind: 'delete'; path: number } | { kind: 'add'; path: number; key: string; value: unknown };
const jsonish = fc.oneof(hostile, fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.double(), fc.constantFrom('1GB', '512MB', '0', '-1', '1e9', 'null', true, null, [], {}));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.nat(ALL_PATHS.length - 1), value: jsonish }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat(ALL_PATHS.length - 1) }),
  fc.record({ kind: fc.constant('add' as const), path: fc.nat(ALL_PATHS.length - 1), key: fc.oneof(hostile, fc.constantFrom('name', 'cpus', 'privateKey', 'token', 'memory', 'extra')), value: jsonish }),
);

function mutate(ms: Mutation[]): unknown {
  const doc = JSON.parse(JSON.stringify(BASE)) as Record<string, unknown>;
  for (const m of ms) {
    const p = ALL_PATHS[m.path]!;
    let parent: unknown = doc;
    for (const k of p.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[k] : undefined;
    if (!parent || typeof parent !== 'object') continue;
    const last = p[p.length - 1]!;
    const target = parent as Record<string | number, unknown>;
    if (m.kind === 'set') target[last] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
      else delete target[last];
    } else {
      const t = target[last];
      if (t && typeof t === 'object' && !Array.isArray(t)) (t as Record<string, unknown>)[m.key] = m.value;
    }
  }
  return doc;
}

const yamlOf = (doc: unknown): string => dump(doc, { lineWidth: -1 });

/** Config text: structured mutations of a valid document, raw YAML-ish token soup, or bytes. */
const configText = fc.oneof(
  { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 5 }).map((ms) => yamlOf(mutate(ms))) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom('version: 1\n', 'project: lab\n', 'vms:\n', '  - name: ', '    cpus: ', '  ', '- ', ': ', '{', '}', '[', ']', '"', "'", '&a ', '*a', '!!binary ', '<<: ', '\t', '#', '\n', '---\n', '%YAML 1.2\n'), hostile), { maxLength: 30 })
      .map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

describe('fuzz: config documents', () => {
  it('every document is either a valid Config or HvcError(invalid-config) with located problems', () => {
    let runs = 0;
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(configText, (text) => {
        runs++;
        try {
          const c = parseConfig(text, 'fuzz.yaml');
          accepted++;
          // What is accepted is sound: names pass the name rule, numbers are numbers.
          for (const vm of c.vms) {
            if (vmNameProblem(vm.name) !== null) return false;
            if (!Number.isInteger(vm.cpus) || !Number.isFinite(vm.memory.startupBytes)) return false;
          }
          return true;
        } catch (e) {
          if (!(e instanceof HvcError) || e.reason !== 'invalid-config') throw e;
          rejected++;
          return e.problems.length > 0 && e.problems.every((p) => typeof p.message === 'string' && p.message.length > 0 && p.file === 'fuzz.yaml');
        }
      }),
      { numRuns: 3000, seed: SEED },
    );
    figures.configCases = runs;
    figures.configAccepted = accepted;
    figures.configRejected = rejected;
    expect(rejected).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });

  it('through the whole apply pipeline: a rejected document never launches an agent or changes the host', async () => {
    ensureSimAgentBundle();
    const dir = mkdtempSync(join(tmpdir(), 'hvc-fuzz-'));
    let runs = 0;
    let invalid = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
          runs++;
          const configPath = join(dir, 'vms.yaml');
          const stateFile = join(dir, `host-${runs}.json`);
          writeFileSync(configPath, yamlOf(mutate(ms)));
          writeSimState(stateFile, buildSimState(seed()));
          const before = readFileSync(stateFile, 'utf8');
          const out = await runPipeline({ mode: 'apply', configPath, backend: { kind: 'sim', stateFile }, outDir: join(dir, 'out'), stateDir: join(dir, 'state'), lockWaitMs: 0 });
          if (out.result.failureReason === 'internal') return false;
          if (out.result.failureReason === 'invalid-config') {
            invalid++;
            if (readFileSync(stateFile, 'utf8') !== before || out.stats.launches !== 0) return false;
            if (out.problems.length === 0) return false;
          }
          rmSync(stateFile, { force: true });
          return true;
        }),
        { numRuns: 150, seed: SEED },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    figures.pipelineCases = runs;
    figures.pipelineInvalid = invalid;
    expect(invalid).toBeGreaterThan(0);
  }, 240_000);
});

describe('fuzz: agent output', () => {
  const responseLike = fc.record(
    {
      id: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
      ok: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(null)),
      result: fc.jsonValue({ maxDepth: 2 }),
      error: fc.oneof(fc.record({ code: fc.oneof(fc.constantFrom(...AGENT_SIDE_CODES, 'agent-crashed', 'bogus'), hostile), message: fc.oneof(hostile, fc.integer()) }), fc.jsonValue({ maxDepth: 1 })),
      type: fc.constantFrom('hello', 'bye'),
      agent: fc.constantFrom('sim', 'hyperv', 'other'),
      protocol: fc.oneof(fc.constant(1), fc.integer()),
      pid: fc.oneof(fc.integer(), fc.string()),
    },
    { requiredKeys: [] },
  );
  const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), responseLike.map((r) => JSON.stringify(r)), fc.jsonValue().map((v) => JSON.stringify(v)));

  it('the protocol parsers return a value or a reason for any line, and only agent-side codes pass through', () => {
    let runs = 0;
    fc.assert(
      fc.property(line, (l) => {
        runs++;
        const h = parseHello(l);
        const r = parseResponse(l);
        if (typeof h !== 'string' && (h.type !== 'hello' || h.protocol !== 1)) return false;
        if (typeof r !== 'string' && !r.ok && !(AGENT_SIDE_CODES as readonly string[]).includes(r.error.code)) return false;
        return true;
      }),
      { numRuns: 5000, seed: SEED },
    );
    figures.protocolCases = runs;
  });

  it('observe results of any shape map to an observation; malformed ones are incomplete, never trusted', () => {
    const good = { host: { computerName: 'HV', switches: [{ name: 'lab-net', type: 'External' }], paths: [], neighbors: [] }, vms: [] as unknown[] };
    const vm = {
      id: '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
      name: 'web-1',
      state: 'Running',
      generation: 2,
      cpus: 2,
      memory: { dynamic: false, startupBytes: 2147483648, minimumBytes: 2147483648, maximumBytes: 2147483648 },
      secureBoot: true,
      notes: '',
      path: 'D:\\Hyper-V\\lab',
      adapters: [],
      disks: [],
      checkpoints: [],
      integrationServices: [],
    };
    const raw = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ key: fc.constantFrom(...Object.keys(vm)), value: fc.oneof(hostile, fc.jsonValue({ maxDepth: 1 })) }).map(({ key, value }) => ({ ...good, vms: [{ ...vm, [key]: value }] })),
    );
    let runs = 0;
    let incomplete = 0;
    fc.assert(
      fc.property(raw, (r) => {
        runs++;
        const o = toObservation('sim', r, 'fallback');
        if (typeof o.complete !== 'boolean') return false;
        if (!o.complete) {
          incomplete++;
          return o.vms.length === 0 && o.incomplete.length > 0;
        }
        return o.vms.every((v) => typeof v.name === 'string' && typeof v.id === 'string');
      }),
      { numRuns: 3000, seed: SEED },
    );
    figures.observeCases = runs;
    figures.observeIncomplete = incomplete;
  });

  it('a real agent process answering garbage, wrong ids, oversize lines or dying: always a typed outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-fuzz-agent-'));
    const script = join(dir, 'agent.mjs');
    writeFileSync(
      script,
      `import { createInterface } from 'node:readline';
const plan = JSON.parse(Buffer.from(process.argv[2], 'base64').toString('utf8'));
if (plan.hello !== null) process.stdout.write(plan.hello + '\\n');
if (plan.exitBeforeRequest) process.exit(plan.exitBeforeRequest);
const rl = createInterface({ input: process.stdin });
for await (const l of rl) {
  const req = JSON.parse(l);
  const out = plan.reply.split('{{id}}').join(String(req.id));
  if (plan.raw) process.stdout.write(Buffer.from(out, 'utf8'));
  else process.stdout.write(out + '\\n');
  if (plan.exitAfter !== null) process.exit(plan.exitAfter);
}
`,
    );
    const hello = JSON.stringify({ type: 'hello', agent: 'sim', protocol: 1, pid: 1 });
    const agentPlan = fc.record({
      hello: fc.oneof({ weight: 5, arbitrary: fc.constant(hello) }, { weight: 1, arbitrary: line }, { weight: 1, arbitrary: fc.constant(null) }),
      exitBeforeRequest: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
      reply: fc.oneof(
        line,
        fc.constant('{"id":{{id}},"ok":true,"result":{"changed":true}}'),
        fc.constant('{"id":{{id}},"ok":false,"error":{"code":"not-found","message":"no such VM"}}'),
        fc.constant('{"id":999999,"ok":true,"result":null}'),
        fc.constant('{"id":{{id}},"ok":true}'),
        fc.constant('x'.repeat(5000)),
        responseLike.map((r) => JSON.stringify({ ...r, id: '{{id}}' }).replace('"{{id}}"', '{{id}}')),
      ),
      raw: fc.boolean(),
      exitAfter: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })),
    });
    let runs = 0;
    const outcomes: Record<string, number> = {};
    const codes = new Set<AgentErrorCode>([...AGENT_SIDE_CODES, 'agent-launch-failed', 'agent-crashed', 'agent-timeout', 'agent-protocol']);
    try {
      await fc.assert(
        fc.asyncProperty(agentPlan, async (p) => {
          runs++;
          let agent: AgentProcess | null = null;
          try {
            agent = await AgentProcess.start({ command: process.execPath, args: [script, Buffer.from(JSON.stringify(p)).toString('base64')] }, { launchTimeoutMs: 1000, maxLineBytes: 4096 });
          } catch (e) {
            if (!(e instanceof AgentStartError) || !codes.has(e.error.code)) throw e;
            outcomes[`start:${e.error.code}`] = (outcomes[`start:${e.error.code}`] ?? 0) + 1;
            return true;
          }
          try {
            const out = await agent.request({ op: 'vm.start', args: { id: '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', name: 'web-1' } }, 1000);
            const key = out.ok ? 'ok' : out.error.code;
            outcomes[key] = (outcomes[key] ?? 0) + 1;
            if (!out.ok) return codes.has(out.error.code) && typeof out.error.message === 'string';
            // Success only for a well-formed answer to this very request.
            return p.reply.includes('{{id}}') && !p.reply.startsWith('x');
          } finally {
            await agent.kill();
          }
        }),
        { numRuns: 80, seed: SEED },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    figures.agentProcessCases = runs;
    figures.agentProcessOutcomes = JSON.stringify(outcomes);
  }, 240_000);
});

describe('fuzz: event payloads and API answers at the apply gate', () => {
  const inputs = (over: Partial<ActionInputs>): ActionInputs => ({
    config: 'vms.yaml',
    configFile: '/ws/vms.yaml',
    mode: 'apply',
    backend: { kind: 'sim', stateFile: '/ws/host.json' },
    token: 't',
    outputDir: '/ws/out',
    stateDir: '/ws/state',
    artifactName: '',
    uploadArtifact: false,
    applyBranches: [],
    requiredApprovals: 1,
    allowForkPrs: false,
    environmentApproved: false,
    planHash: null,
    failOnDrift: false,
    driftIssue: false,
    driftIssueLabel: null,
    comment: false,
    concurrency: undefined,
    lockWaitSec: 600,
    dryRun: false,
    uploadTimeoutSec: 300,
    target: null,
    pushRequiresReviewedPlan: true,
    ...over,
  });
  const sha = fc.oneof(fc.constant('a'.repeat(40)), fc.constant('b'.repeat(40)), fc.string({ maxLength: 41 }));
  const payload = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record(
      {
        ref: fc.oneof(fc.constantFrom('refs/heads/main', 'refs/heads/dev', 'refs/pull/2/merge'), hostile),
        repository: fc.record({ full_name: fc.constantFrom('octo/repo', 'other/repo'), default_branch: fc.oneof(fc.constantFrom('main', 'dev'), hostile) }, { requiredKeys: [] }),
        pull_request: fc.record(
          {
            number: fc.oneof(fc.integer(), hostile),
            head: fc.record({ sha, ref: hostile, repo: fc.oneof(fc.constant(null), fc.record({ full_name: fc.constantFrom('octo/repo', 'fork/repo', 'OCTO/REPO') })) }, { requiredKeys: [] }),
            base: fc.record({ sha, ref: fc.constantFrom('main'), repo: fc.record({ full_name: fc.constantFrom('octo/repo') }) }, { requiredKeys: [] }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  );
  const review: fc.Arbitrary<GhReview> = fc.record({
    user: fc.oneof(fc.constantFrom('alice', 'bob', 'mallory'), fc.constant(null)),
    state: fc.constantFrom('APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'approved'),
    commitId: fc.oneof(sha, fc.constant(null)),
    submittedAt: fc.oneof(fc.constantFrom('2026-11-22T10:00:00Z', '2026-11-22T12:00:00Z', 'not a date'), fc.constant(null)),
  });
  const world = fc.record({
    eventName: fc.oneof(fc.constantFrom('pull_request', 'pull_request_review', 'pull_request_target', 'push', 'schedule', 'workflow_dispatch', 'issue_comment'), hostile),
    payload,
    payloadText: fc.option(fc.string({ unit: 'binary', maxLength: 50 }), { nil: undefined }),
    workflowRef: fc.option(fc.constantFrom('octo/repo/.github/workflows/apply.yml@refs/heads/main', 'garbage'), { nil: undefined }),
    live: fc.record({ state: fc.constantFrom('open', 'closed'), headSha: sha }),
    files: fc.array(fc.record({ filename: fc.constantFrom('vms.yaml', '.github/workflows/apply.yml', 'x'), previousFilename: fc.constant(null) }), { maxLength: 3 }),
    reviews: fc.array(review, { maxLength: 5 }),
    permission: fc.constantFrom('admin', 'write', 'read', 'none', 'maintain', 'triage'),
    reviewed: fc.option(fc.record({ headSha: fc.oneof(sha, fc.constant(null)), planHash: fc.constantFrom(`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`), since: fc.constantFrom('2026-11-22T11:00:00Z', 'garbage') }), { nil: null }),
    apiFails: fc.boolean(),
    over: fc.record({ allowForkPrs: fc.boolean(), environmentApproved: fc.boolean(), requiredApprovals: fc.integer({ min: 0, max: 3 }), planHash: fc.option(fc.constantFrom(`sha256:${'1'.repeat(64)}`), { nil: null }) }),
  });

  it('any payload and API answer ends in a decision or a typed error; forks apply only with environment approval, pull_request_target never', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-fuzz-gate-'));
    let runs = 0;
    let allowed = 0;
    let refusedOrTyped = 0;
    let nullPayloads = 0;
    try {
      await fc.assert(
        fc.asyncProperty(world, async (w) => {
          runs++;
          const eventPath = join(dir, 'event.json');
          const text = w.payloadText ?? JSON.stringify(w.payload);
          if (parsesToNull(text)) nullPayloads++; // once a finding (a TypeError); now fuzzed like the rest
          writeFileSync(eventPath, text);
          const ctx = readRunContext({
            GITHUB_EVENT_NAME: w.eventName,
            GITHUB_EVENT_PATH: eventPath,
            GITHUB_REPOSITORY: 'octo/repo',
            GITHUB_REF: typeof (w.payload as { ref?: unknown })?.ref === 'string' ? (w.payload as { ref: string }).ref : 'refs/heads/main',
            ...(w.workflowRef ? { GITHUB_WORKFLOW_REF: w.workflowRef } : {}),
            GITHUB_WORKSPACE: dir,
          });
          const fail = async (): Promise<never> => {
            throw new HvcError('backend-error', 'GitHub API answered 500');
          };
          const api = {
            identity: async () => ({ login: 'bot', type: 'Bot' }),
            defaultBranch: async () => (w.apiFails ? fail() : 'main'),
            pull: async (n: number) =>
              w.apiFails ? fail() : { number: n, headSha: w.live.headSha, headRef: 'changes', headRepo: 'octo/repo', baseRepo: 'octo/repo', baseRef: 'main', state: w.live.state, draft: false, author: 'bob' },
            pusherOf: async () => (w.apiFails ? fail() : 'mallory'),
            branchRules: async () => ({ requiredApprovals: 0, codeOwners: false, notes: [] }),
            reviewDecision: async () => null,
            reviews: async () => (w.apiFails ? fail() : w.reviews),
            permission: async () => w.permission,
            pullFiles: async () => (w.apiFails ? fail() : w.files),
          } as unknown as GitHubApi;
          const reviewed: ReviewedPlan | null = w.reviewed ? ({ v: 1, config: 'vms.yaml', vms: null, ...w.reviewed } as unknown as ReviewedPlan) : null;
          const inp = inputs(w.over);
          let d;
          try {
            d = await decideApply(ctx, inp, api, async () => reviewed);
          } catch (e) {
            if (!isHvcError(e)) throw e;
            refusedOrTyped++;
            return true;
          }
          const pre = preflight(ctx, inp);
          if (!d.allowed) {
            refusedOrTyped++;
            return typeof d.reason === 'string' && d.message.length > 0;
          }
          allowed++;
          const pr = ctx.pullRequest;
          const fork = pr !== null && (pr.headRepo === null || pr.headRepo.toLowerCase() !== pr.baseRepo.toLowerCase());
          if (pre !== null) return false;
          if (ctx.eventName === 'pull_request_target') return false;
          if (fork && !inp.allowForkPrs) return false;
          // allow-fork-prs plans a fork PR; only a person's environment approval applies it.
          if (fork && (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_review') && d.basis !== 'environment') return false;
          if (d.basis === 'pr-approval' && reviewed === null) return false;
          return true;
        }),
        { numRuns: 3000, seed: SEED },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    figures.gateCases = runs;
    figures.gateAllowed = allowed;
    figures.gateRefused = refusedOrTyped;
    figures.gateNullPayloadsSkipped = nullPayloads;
    expect(allowed).toBeGreaterThan(0);
  }, 120_000);
});

function parsesToNull(text: string): boolean {
  try {
    return JSON.parse(text) === null;
  } catch {
    return false;
  }
}

describe('event payload file holding JSON null (found by the gate fuzzing above, fixed)', () => {
  it('readRunContext treats a payload of null like an empty one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-null-event-'));
    try {
      writeFileSync(join(dir, 'event.json'), 'null');
      expect(() => readRunContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_REPOSITORY: 'octo/repo' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
