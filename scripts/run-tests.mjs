// `npm test`: build (typecheck + bundles, the tests start dist/ processes as a runner would), then
// run jest under Node 24 with ESM enabled. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
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
run(node, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)], env);
