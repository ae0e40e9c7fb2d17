// Runs the bundled action (dist/index.js) the way the runner does: a separate `node` process with
// INPUT_* variables (upper-cased, hyphens kept), real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a
// real event payload file. Asynchronous, because the loopback services live in the test process.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { runtimeJwt, startArtifactService, type ArtifactService } from './artifact-service.js';
import type { EventFixture } from './payloads.js';

export const ROOT = process.cwd();

/** Bundles an entry with the flags scripts/build.mjs uses (src/tsconfig.json keeps imports ESM). */
function build(entry: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', 'ncc'),
      ['build', entry, '-o', out, '--quiet', '--transpile-only', '--target', 'es2023'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (err, _o, stderr) => (err ? reject(new Error(`ncc build ${entry} failed: ${stderr}`)) : resolve()),
    );
  });
}

/**
 * The bundle under test. `npm test` builds dist/ first: then that very dist/index.js runs. With
 * HVC_SKIP_BUILD (developer runs, others building in the same tree), the action and the sim agent
 * are bundled into a private folder laid out like dist/ (ncc -o dist would delete dist/**\/*.js).
 */
export async function actionBundle(): Promise<{ file: string; dir: string | null }> {
  const repoDist = join(ROOT, 'dist', 'index.js');
  if (!process.env.HVC_SKIP_BUILD && existsSync(repoDist) && existsSync(join(ROOT, 'dist', 'sim-agent', 'index.js'))) return { file: repoDist, dir: null };
  // Shared by the test files of one run: keyed by the sources, built aside, then renamed into place
  // (a rename is atomic; when two workers race, the second finds it there).
  const cached = join(ROOT, 'build', 'action-e2e', sourcesKey());
  const file = join(cached, 'dist', 'index.js');
  if (existsSync(file)) return { file, dir: null };
  const dir = mkdtempSync(join(tmpdir(), 'hvc-action-bundle-'));
  await Promise.all([build('src/entry/action.ts', join(dir, 'dist')), build('src/entry/sim-agent.ts', join(dir, 'dist', 'sim-agent'))]);
  // As the build does: ssh2's Pageant helper is never used and never shipped.
  rmSync(join(dir, 'dist', 'pagent.exe'), { force: true });
  mkdirSync(dirname(cached), { recursive: true });
  try {
    cpSync(dir, `${cached}.tmp-${process.pid}`, { recursive: true });
    renameSync(`${cached}.tmp-${process.pid}`, cached);
  } catch {
    // another worker put the same bundle there first
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${cached}.tmp-${process.pid}`, { recursive: true, force: true });
  return { file: existsSync(file) ? file : join(dir, 'dist', 'index.js'), dir: null };
}

/** A digest of everything under src/: a changed source means a new bundle. */
function sourcesKey(): string {
  const h = createHash('sha256').update('bundle-v2'); // bump when the build steps above change
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(join(ROOT, 'src'));
  return h.digest('hex').slice(0, 16);
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  runId: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=…,line=…::message` and friends from the log. */
  annotations: string[];
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

export interface RunOptions {
  bundle: string;
  workspace: string;
  event: EventFixture;
  inputs: Record<string, string>;
  apiUrl: string;
  artifacts: { url: string };
  /** GITHUB_WORKFLOW_REF's path part, e.g. .github/workflows/gated-apply.yml */
  workflow?: string;
  env?: Record<string, string>;
}

let runCounter = 7000;

/** The runner's side of one run: its files and the action's environment. */
function prepareRun(o: RunOptions): { runId: string; env: NodeJS.ProcessEnv; outputFile: string; summaryFile: string } {
  const runId = String(++runCounter);
  const runDir = mkdtempSync(join(tmpdir(), 'hvc-runner-'));
  const outputFile = join(runDir, 'output.txt');
  const summaryFile = join(runDir, 'summary.md');
  const eventFile = join(runDir, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(o.event.payload));
  mkdirSync(join(runDir, 'temp'));
  const inputs = Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: o.workspace,
    HVC_STATE_DIR: join(o.workspace, '.hvc-home'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: o.event.repository,
    GITHUB_REF: o.event.ref,
    GITHUB_SHA: o.event.sha,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_WORKFLOW_REF: `${o.event.repository}/${o.workflow ?? '.github/workflows/hvc.yml'}@${o.event.ref}`,
    RUNNER_TEMP: join(runDir, 'temp'),
    ACTIONS_RUNTIME_TOKEN: runtimeJwt(randomUUID(), randomUUID()),
    ACTIONS_RESULTS_URL: o.artifacts.url,
    ...inputs,
    ...o.env,
  };
  return { runId, env, outputFile, summaryFile };
}

function finished(run: ReturnType<typeof prepareRun>, code: number, stdout: string, stderr: string): ActionRun {
  return {
    code,
    stdout,
    stderr,
    runId: run.runId,
    outputs: parseOutputFile(readFileSync(run.outputFile, 'utf8')),
    summary: readFileSync(run.summaryFile, 'utf8'),
    annotations: stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l)),
  };
}

const node = (): string => process.env.HVC_NODE24 || process.execPath;

/** Each call is a new workflow run: its own run id and its own results-service backend ids. */
export function runAction(o: RunOptions): Promise<ActionRun> {
  const run = prepareRun(o);
  return new Promise((resolve) => {
    execFile(node(), [o.bundle], { cwd: o.workspace, env: run.env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve(finished(run, code, stdout, stderr));
    });
  });
}

/** The same run as a process the test can signal (a cancelled workflow: SIGINT, then SIGTERM). */
export function startAction(o: RunOptions): { child: ChildProcess; done: Promise<ActionRun & { signal: string | null }> } {
  const run = prepareRun(o);
  const child = spawn(node(), [o.bundle], { cwd: o.workspace, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ActionRun & { signal: string | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ ...finished(run, code ?? 1, stdout, stderr), signal })),
  );
  return { child, done };
}

/**
 * The bundled action and a loopback artifact service for one test file: started before its tests,
 * stopped (and a temporary bundle removed) after them. Read the fields inside tests.
 */
export function actionHarness(): { readonly bundle: string; readonly artifacts: ArtifactService } {
  let bundle: { file: string; dir: string | null } | undefined;
  let artifacts: ArtifactService | undefined;
  beforeAll(async () => {
    [bundle, artifacts] = await Promise.all([actionBundle(), startArtifactService()]);
  }, 180_000);
  afterAll(async () => {
    await artifacts?.close();
    if (bundle?.dir) rmSync(bundle.dir, { recursive: true, force: true });
  });
  return {
    get bundle() {
      return bundle!.file;
    },
    get artifacts() {
      return artifacts!;
    },
  };
}
