// `npm run build`: typecheck, then bundle each entry with ncc into dist/, copy the static host agent
// script beside the bundles, and refuse a dist/ that carries native or platform-specific files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
rmSync(join(root, 'dist'), { recursive: true, force: true });
const entries = [
  ['src/entry/action.ts', 'dist'],
  ['src/entry/cli.ts', 'dist/cli'],
  ['src/entry/sim-agent.ts', 'dist/sim-agent'],
];
for (const [entry, out] of entries) run(bin('ncc'), ['build', entry, '-o', out, '--quiet', '--transpile-only', '--target', 'es2023']);
mkdirSync(join(root, 'dist', 'agent'), { recursive: true });
copyFileSync(join(root, 'src', 'backends', 'hyperv', 'hyperv-agent.ps1'), join(root, 'dist', 'agent', 'hyperv-agent.ps1'));

const bad = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(node|exe|dll)$/i.test(n)) bad.push(relative(root, p));
  }
};
walk(join(root, 'dist'));
if (bad.length) {
  console.error(`dist/ must not contain native or platform files:\n  ${bad.join('\n  ')}\nreinstall with: npm ci (ignore-scripts is set in .npmrc)`);
  process.exit(1);
}
