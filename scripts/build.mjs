// `npm run build`: generate the schema validators, typecheck, then bundle each entry with ncc into dist/, copy the static host agent
// script beside the bundles, and refuse a dist/ that carries anything else (native addons, copied
// assets).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// ajv's standalone validators are generated code (src/generated/validators.ts): refresh them first.
run(process.execPath, [join(root, 'scripts', 'gen-validators.mjs')]);
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

// Dependencies loaded only when used (ssh2, @actions/artifact) are dynamic import()s, which ncc
// writes as numbered chunks beside the entry (`<id>.index.js`; ids are webpack's deterministic
// module ids, so a rebuild gives the same names and bytes).
const isBundleFile = (n) => n === 'index.js' || /^\d+\.index\.js$/.test(n);

// ssh2 references its Windows Pageant helper (util/pagent.exe) by path, so ncc copies it. We never
// use an SSH agent (keys come from environment variables), so it is dropped; any other relocated
// asset means the bundler rewrote a path of ours (it does so for `resolve(dir, 'literal')`) and
// would make dist/ depend on where it was built: refuse it.
const problems = [];
for (const [, out] of entries) {
  const dir = join(root, out);
  rmSync(join(dir, 'pagent.exe'), { force: true });
  for (const file of readdirSync(dir).filter(isBundleFile)) {
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/__nccwpck_require__\.ab \+ "([^"]*)"/g)) {
      if (m[1] !== 'pagent.exe') problems.push(`${out}/${file} refers to a relocated asset "${m[1]}"`);
    }
  }
}
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (!isBundleFile(n) && !/^(package\.json|hyperv-agent\.ps1)$/.test(n)) problems.push(`unexpected file in dist/: ${relative(root, p)}`);
  }
};
walk(join(root, 'dist'));
if (problems.length) {
  console.error(`dist/ must hold only the bundles and the agent script:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
