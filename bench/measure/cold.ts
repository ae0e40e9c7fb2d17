// Cold start: a new process per run of the bundled action (dist/index.js, as a runner starts it) and
// CLI (dist/cli/index.js) on a small config, beside `node -e 0`, Node's own start-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fleetConfig, fleetObservation, fleetYaml } from '../fleet.js';
import type { ColdResult, ColdRow } from '../report.js';

export const COLD_RUNS = 7;
const SMALL = 10;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function time(label: string, shown: string, command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; target: boolean; runs: number }): ColdRow {
  const times: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: opts.cwd, env: opts.env, encoding: 'utf8', timeout: 60_000 });
    times.push(performance.now() - t0);
    exitCodes.push(r.status ?? -1);
    if (r.status !== 0 && i === 0) process.stderr.write(`bench: ${label} exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}\n`);
  }
  return { label, command: shown, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), target: opts.target, exitCodes };
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
  const rows: ColdRow[] = [];
  const plainEnv = { PATH: process.env.PATH, HOME: work, HVC_STATE_DIR: join(work, '.state') };
  rows.push(time('Node’s own start-up', 'node -e 0', process.execPath, ['-e', '0'], { cwd: work, env: plainEnv, target: false, runs }));
  if (actionBundle && existsSync(actionBundle.file)) {
    const env = actionEnv(work);
    rows.push(time(`the action, plan of ${SMALL} VMs, replay backend`, `node ${relative(root, actionBundle.file)}`, process.execPath, [actionBundle.file], { cwd: work, env, target: true, runs }));
    notes.push(`The action’s runs ended with outputs status=${outputOf(env.GITHUB_OUTPUT!, 'status') ?? '(none)'}, has-changes=${outputOf(env.GITHUB_OUTPUT!, 'has-changes') ?? '(none)'}: a complete plan.`);
    if (actionBundle.note) notes.push(actionBundle.note);
    notes.push('The action runs with a runner-like environment (GITHUB_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), no token, comment, drift issue and artifact upload off: it reaches no network.');
  } else {
    notes.push(actionBundle?.note ?? 'dist/index.js (the action) is not built in this checkout: its cold start is not measured.');
  }
  rows.push(time(`the CLI, validate of ${SMALL} VMs`, 'node dist/cli/index.js validate --config vms.yaml', process.execPath, [cli, 'validate', '--config', 'vms.yaml'], { cwd: work, env: plainEnv, target: true, runs }));
  const bundles: ColdResult['bundles'] = [];
  for (const f of ['dist/index.js', 'dist/cli/index.js', 'dist/sim-agent/index.js']) {
    const p = join(root, f);
    bundles.push(existsSync(p) ? { file: f, bytes: statSync(p).size } : { file: f, bytes: null, note: 'not built' });
  }
  if (actionBundle?.note && existsSync(actionBundle.file)) bundles.push({ file: relative(root, actionBundle.file), bytes: statSync(actionBundle.file).size, note: 'stand-in for dist/index.js' });
  return { runs, rows, bundles, notes };
}
