// `npm run bench`: make sure dist/ exists (builds it only when a bundle the bench starts is missing),
// bundle bench/main.ts into build/bench/, and run it on Node 24 (the action's runtime) from the
// repository root. It prints the table and writes docs/benchmarks.md. Arguments go to the bench.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24 } from './node24.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '.bin', 'ncc');
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const needed = [
  ['src/entry/cli.ts', 'dist/cli'],
  ['src/entry/sim-agent.ts', 'dist/sim-agent'],
];
const missing = () => needed.filter(([, out]) => !existsSync(join(root, out, 'index.js')));
if (missing().length > 0) {
  process.stderr.write('bench: dist/ is incomplete; building it (npm run build)\n');
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    // The bench needs only these two bundles: make them the way the build does and go on.
    process.stderr.write('bench: npm run build failed; bundling only the CLI and the sim agent the bench starts\n');
    for (const [entry, out] of missing()) run(ncc, ['build', entry, '-o', out, '--quiet', '--transpile-only', '--target', 'es2023']);
  }
}

const out = join(root, 'build', 'bench');
rmSync(out, { recursive: true, force: true });
run(ncc, ['build', 'bench/main.ts', '-o', 'build/bench', '--quiet', '--transpile-only', '--target', 'es2023']);
// The sim backend finds its agent bundle beside the bundle that runs it.
cpSync(join(root, 'dist', 'sim-agent'), join(out, 'sim-agent'), { recursive: true });

const env = { ...process.env };
if (!existsSync(join(root, 'dist', 'index.js'))) {
  // The action is not built in this checkout: bundle its entry into build/bench/action for the
  // cold-start figure only (the table says so). As the build does (transpile-only) first; when that
  // fails, with ncc's type-checking TypeScript pass, which emits ESM. Failing both, the bench goes on.
  process.stderr.write('bench: dist/index.js is missing; bundling src/entry/action.ts into build/bench/action for the cold-start figure\n');
  const nccAction = (extra) =>
    spawnSync(ncc, ['build', 'src/entry/action.ts', '-o', 'build/bench/action', '--quiet', '--target', 'es2023', ...extra], { cwd: root, encoding: 'utf8' });
  const firstLine = (r) => {
    const line = (r.stderr || r.stdout || '').split('\n').find((l) => l.trim() !== '') ?? `exit ${r.status}`;
    const rootPattern = new RegExp(root.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&') + '/?', 'g');
    return line.replace(/^(Error: )+/, '').replace(/^Module not found: Error: /, 'module not found: ').replace(/ \(see exports field.*$/, '').replace(rootPattern, '').trim().slice(0, 200);
  };
  const fast = nccAction(['--transpile-only']);
  if (fast.status === 0) {
    env.HVC_BENCH_ACTION_BUNDLE = 'build/bench/action/index.js';
    env.HVC_BENCH_ACTION_HOW = 'ncc --transpile-only, as scripts/build.mjs does';
  } else {
    const why = firstLine(fast);
    process.stderr.write(`bench: ncc --transpile-only could not bundle the action (${why}); retrying with type-checking\n`);
    const full = nccAction([]);
    if (full.status === 0) {
      env.HVC_BENCH_ACTION_BUNDLE = 'build/bench/action/index.js';
      env.HVC_BENCH_ACTION_HOW = `ncc without --transpile-only, because with it (as scripts/build.mjs runs ncc) bundling fails: ${why}`;
    } else {
      process.stderr.write(`bench: could not bundle the action (${firstLine(full)}); its cold start is left out\n`);
      env.HVC_BENCH_ACTION_NOTE = `dist/index.js is not built in this checkout, and bundling src/entry/action.ts failed (${why}): the action's cold start is not measured.`;
    }
  }
}

run(node24(), [join(out, 'index.js'), ...process.argv.slice(2)], env);
