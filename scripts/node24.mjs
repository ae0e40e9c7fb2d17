// Locates the Node 24 that the devDependency `node@24` provides, setting it up once when install
// scripts were skipped (.npmrc ignore-scripts). Prints its path. The action itself runs on node24;
// the tests run on the same major so that they exercise what users get.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

function version() {
  if (!existsSync(bin)) return null;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function node24() {
  let v = version();
  if (!v) {
    process.stderr.write('setting up Node 24 for the tests (npm rebuild node, once)\n');
    execFileSync('npm', ['rebuild', 'node', '--ignore-scripts=false'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
    v = version();
  }
  if (!v || !v.startsWith('v24.')) throw new Error(`Node 24 is not available at ${bin} (found ${v ?? 'nothing'}); run: npm rebuild node --ignore-scripts=false`);
  return bin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(node24() + '\n');
