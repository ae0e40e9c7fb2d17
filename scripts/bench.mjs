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

if (!existsSync(join(root, 'dist', 'cli', 'index.js')) || !existsSync(join(root, 'dist', 'sim-agent', 'index.js'))) {
  process.stderr.write('bench: dist/ is incomplete; building it (npm run build)\n');
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
}

const out = join(root, 'build', 'bench');
rmSync(out, { recursive: true, force: true });
run(ncc, ['build', 'bench/main.ts', '-o', 'build/bench', '--quiet', '--transpile-only', '--target', 'es2023']);
// The sim backend finds its agent bundle beside the bundle that runs it.
cpSync(join(root, 'dist', 'sim-agent'), join(out, 'sim-agent'), { recursive: true });

const env = { ...process.env };
if (!existsSync(join(root, 'dist', 'index.js'))) {
  // The action is not built in this checkout: bundle its entry the way the build does, for the
  // cold-start figure only (the table says so). If that fails, the bench goes on without it.
  process.stderr.write('bench: dist/index.js is missing; bundling src/entry/action.ts into build/bench/action for the cold-start figure\n');
  const r = spawnSync(ncc, ['build', 'src/entry/action.ts', '-o', 'build/bench/action', '--quiet', '--transpile-only', '--target', 'es2023'], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) env.HVC_BENCH_ACTION_BUNDLE = 'build/bench/action/index.js';
  else {
    const first = (r.stderr || r.stdout || '').split('\n').find((l) => l.trim() !== '') ?? `exit ${r.status}`;
    const why = first.replace(/^(Error: )+/, '').replace(/^Module not found: Error: /, 'module not found: ').replace(/ \(see exports field.*$/, '').replace(new RegExp(root.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&') + '/?', 'g'), '');
    process.stderr.write(`bench: could not bundle the action (${why}); its cold start is left out\n`);
    env.HVC_BENCH_ACTION_NOTE = `dist/index.js is not built in this checkout, and bundling src/entry/action.ts failed (${why.trim().slice(0, 200)}): the action's cold start is not measured.`;
  }
}

run(node24(), [join(out, 'index.js'), ...process.argv.slice(2)], env);
