// `npm test`: build (typecheck + bundles, the tests start dist/ processes as a runner would), then
// run jest under Node 24 with ESM enabled. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24 } from './node24.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = node24();
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.HVC_SKIP_BUILD) run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(), HVC_NODE24: node };
// jest's own summary stays as it is; its JSON results give one plain closing line that any reader
// of the log (people, CI) can take in at a glance.
const results = join(root, 'build', 'jest-results.json');
mkdirSync(dirname(results), { recursive: true });
rmSync(results, { force: true });
const r = spawnSync(node, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${results}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
if (existsSync(results)) {
  const j = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = j.numPendingTests + j.numTodoTests;
  process.stdout.write(`\njest: ${j.numPassedTests} passed, ${j.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
}
process.exit(r.status ?? 1);
