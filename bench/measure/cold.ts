// Cold start: a new process per run of the bundled action (dist/index.js, as a runner starts it) and
// CLI (dist/cli/index.js: --help, validate) on a small config, beside `node -e 0`, Node's own start-up.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fleetConfig, fleetObservation, fleetYaml } from '../fleet.js';
import { median, runCommand, type CommandRun } from './run.js';

export interface ColdRow {
  label: string;
  command: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssBytes: number | null;
  exitCodes: number[];
}

export interface ColdResult {
  runs: number;
  floor: ColdRow;
  help: ColdRow;
  validate: ColdRow;
  action: ColdRow | null;
  bundles: { file: string; bytes: number | null; note?: string }[];
  notes: string[];
}

export const COLD_RUNS = 9;
const SMALL = 10;

function time(label: string, shown: string, command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; runs: number }): ColdRow {
  const runs: CommandRun[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = runCommand(command, args, { cwd: opts.cwd, env: opts.env, timeoutMs: 60_000 });
    runs.push(r);
    if (r.exitCode !== 0 && i === 0) process.stderr.write(`bench: ${label} exited ${r.exitCode}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}\n`);
  }
  const times = runs.map((r) => r.wallMs);
  const rss = runs.map((r) => r.peakRssBytes).filter((x): x is number => x !== null);
  return { label, command: shown, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), peakRssBytes: rss.length ? median(rss) : null, exitCodes: runs.map((r) => r.exitCode) };
}

/** A runner-like environment for the action: inputs, workspace, output files; no token, no network. */
function actionEnv(work: string): NodeJS.ProcessEnv {
  const files = { out: join(work, 'github_output'), summary: join(work, 'step_summary'), env: join(work, 'github_env'), path: join(work, 'github_path'), state: join(work, 'github_state') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  writeFileSync(join(work, 'event.json'), JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'bench/bench', default_branch: 'main' } }));
  return {
    PATH: process.env.PATH,
    HOME: work,
    RUNNER_TEMP: work,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: work,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(work, 'event.json'),
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'http://127.0.0.1:9',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    INPUT_CONFIG: 'vms.yaml',
    INPUT_MODE: 'plan',
    INPUT_BACKEND: 'replay:current.json',
    // No token: the action makes no GitHub API call; no comment, no drift issue, no artifact upload.
    'INPUT_GITHUB-TOKEN': '',
    INPUT_COMMENT: 'false',
    'INPUT_DRIFT-ISSUE': 'false',
    'INPUT_UPLOAD-ARTIFACT': 'false',
  };
}

/** The last value the action wrote for an output (`name<<delimiter` … `delimiter` blocks). */
export function outputOf(file: string, name: string): string | null {
  const lines = readFileSync(file, 'utf8').split('\n');
  let value: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      if (m[1] === name) value = lines.slice(i + 1, end < 0 ? undefined : end).join('\n');
      if (end > 0) i = end;
    } else if (lines[i]!.startsWith(`${name}=`)) value = lines[i]!.slice(name.length + 1);
  }
  return value;
}

/** `actionBundle`: dist/index.js, or a stand-in bundle of src/entry/action.ts when dist has none. */
export function measureColdStart(root: string, dir: string, actionBundle: { file: string; note?: string } | null, runs = COLD_RUNS): ColdResult {
  const work = join(dir, 'cold');
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'vms.yaml'), fleetYaml(SMALL));
  writeFileSync(join(work, 'current.json'), JSON.stringify({ ...fleetObservation(fleetConfig(SMALL)), observedAt: '2026-01-01T00:00:00.000Z' }, null, 2));
  const cli = join(root, 'dist', 'cli', 'index.js');
  const notes: string[] = [];
  const plainEnv = { PATH: process.env.PATH, HOME: work, HVC_STATE_DIR: join(work, '.state') };
  const floor = time('Node’s own start-up', 'node -e 0', process.execPath, ['-e', '0'], { cwd: work, env: plainEnv, runs });
  const help = time('the CLI, --help', 'node dist/cli/index.js --help', process.execPath, [cli, '--help'], { cwd: work, env: plainEnv, runs });
  const validate = time(`the CLI, validate of ${SMALL} VMs`, 'node dist/cli/index.js validate --config vms.yaml', process.execPath, [cli, 'validate', '--config', 'vms.yaml'], { cwd: work, env: plainEnv, runs });
  let action: ColdRow | null = null;
  if (actionBundle && existsSync(actionBundle.file)) {
    const env = actionEnv(work);
    action = time(`the action, plan of ${SMALL} VMs, replay backend`, `node ${relative(root, actionBundle.file)}`, process.execPath, [actionBundle.file], { cwd: work, env, runs });
    notes.push(`The action’s runs ended with outputs status=${outputOf(env.GITHUB_OUTPUT!, 'status') ?? '(none)'}, has-changes=${outputOf(env.GITHUB_OUTPUT!, 'has-changes') ?? '(none)'}: a complete plan.`);
    if (actionBundle.note) notes.push(actionBundle.note);
    notes.push('The action runs with a runner-like environment (GITHUB_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), no token, comment, drift issue and artifact upload off: it reaches no network.');
  } else {
    notes.push(actionBundle?.note ?? 'dist/index.js (the action) is not built in this checkout: its cold start is not measured.');
  }
  const bundles: ColdResult['bundles'] = [];
  for (const d of ['dist', 'dist/cli', 'dist/sim-agent']) {
    const main = join(root, d, 'index.js');
    if (!existsSync(main)) {
      bundles.push({ file: `${d}/index.js`, bytes: null, note: 'not built' });
      continue;
    }
    const chunks = readdirSync(join(root, d)).filter((n) => /^\d+\.index\.js$/.test(n));
    const chunkBytes = chunks.reduce((t, n) => t + statSync(join(root, d, n)).size, 0);
    bundles.push({ file: `${d}/index.js`, bytes: statSync(main).size, ...(chunks.length ? { note: `+ ${chunks.length} chunk(s) loaded on demand, ${Math.round(chunkBytes / 1024)} KiB` } : {}) });
  }
  if (actionBundle?.note && existsSync(actionBundle.file)) bundles.push({ file: relative(root, actionBundle.file), bytes: statSync(actionBundle.file).size, note: 'stand-in for dist/index.js' });
  return { runs, floor, help, validate, action, bundles, notes };
}
