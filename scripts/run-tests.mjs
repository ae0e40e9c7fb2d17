// `npm test`: build (typecheck + bundles, the tests start dist/ processes as a runner would), then
// run jest under Node 24 with ESM enabled. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24 } from './node24.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = node24();
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.HVC_SKIP_BUILD) run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
// PowerShell 7 for the suites that run the real agent script: HVC_PWSH, the copy .ci/run installs in
// .tools/pwsh, or pwsh on PATH. CI must have it; elsewhere those suites are skipped, loudly.
const executable = (p) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const pwshName = process.platform === 'win32' ? 'pwsh.exe' : 'pwsh';
let pwsh =
  process.env.HVC_PWSH ||
  [join(root, '.tools', 'pwsh', pwshName), ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, pwshName))].find(executable) ||
  '';
// The NuGet tool's `pwsh` is a launcher that starts `dotnet pwsh.dll` as its CHILD: a timeout that
// kills the launcher would orphan the real PowerShell (holding the agent's pipes open). Tests run
// pwsh.dll through an exec wrapper instead, so the process the client starts is PowerShell itself.
if (pwsh && !process.env.HVC_PWSH && pwsh.startsWith(join(root, '.tools', 'pwsh'))) {
  const store = join(root, '.tools', 'pwsh', '.store', 'powershell');
  const dll = existsSync(store)
    ? readdirSync(store).map((v) => join(store, v, 'powershell', v, 'tools')).filter(existsSync).flatMap((t) => readdirSync(t).map((fw) => join(t, fw, 'any', 'unix', 'pwsh.dll'))).find(existsSync)
    : undefined;
  if (dll && process.platform !== 'win32') {
    const wrapper = join(root, 'build', 'pwsh');
    mkdirSync(dirname(wrapper), { recursive: true });
    writeFileSync(wrapper, `#!/bin/sh\nexec dotnet ${JSON.stringify(dll)} "$@"\n`, { mode: 0o755 });
    pwsh = wrapper;
  }
}
if (!pwsh && process.env.CI === 'true') {
  process.stderr.write('PowerShell (pwsh) is required in CI and was not found: set HVC_PWSH, or run .ci/run (it installs PowerShell 7.6.9 into .tools/pwsh)\n');
  process.exit(1);
}
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(), HVC_NODE24: node, HVC_PWSH: pwsh };
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
if (!pwsh) process.stdout.write('SKIPPED: PowerShell suites (no pwsh): the real agent script was not run. Install PowerShell 7 or set HVC_PWSH.\n');
process.exit(r.status ?? 1);
