// Attack: the Hyper-V agent's launch cannot be built (no pwsh on PATH, a --powershell that is not
// there, hyperv-agent.ps1 missing beside the bundle). Through the built CLI as an operator runs it:
// the run says what was not found and how to fix it, exits as a failed observation with the right
// failureReason, and starts no process at all (the agentLaunches counter, HVC_COUNTERS, stays 0) —
// no stand-in process that "crashes" with the reason on its stderr.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, readJson, runCli, tempDir, type CliRun } from '../support/run-cli.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir('hvc-launch-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function lab(): { dir: string; emptyPath: string } {
  const dir = work();
  writeFileSync(join(dir, 'vms.yaml'), "version: 1\nproject: t\ndefaults: { cpus: 2, memory: 1GB, path: 'D:\\vms' }\nvms:\n  - name: a\n");
  const emptyPath = join(dir, 'empty-bin');
  mkdirSync(emptyPath);
  return { dir, emptyPath };
}

const launches = (file: string): number => (JSON.parse(readFileSync(file, 'utf8')) as { agentLaunches: number }).agentLaunches;

/** What every one of these runs must show: the reason, the fix, no crash story, no stack. */
function expectExplained(out: string, reason: RegExp, fix: RegExp): void {
  expect(out).toMatch(reason);
  expect(out).toMatch(fix);
  expect(out).not.toMatch(/agent exited|exited \(code|ENOENT/);
  expect(out).not.toMatch(/\n\s+at \S+ \(/); // no stack trace
}

describe('a Hyper-V agent launch that cannot be built', () => {
  it.each(['plan', 'drift', 'apply'])('%s with no pwsh on PATH: observation incomplete with the reason and fix, exit 1, no process started', async (command) => {
    const { dir, emptyPath } = lab();
    const counters = join(dir, 'counters.json');
    const args = [command, '--config', 'vms.yaml', '--backend', 'hyperv', '--out', 'out', ...(command === 'apply' ? ['--auto-approve'] : [])];
    const r = await runCli(args, { cwd: dir, env: { PATH: emptyPath, HVC_COUNTERS: counters } });
    expect(r.code).toBe(1);
    expectExplained(r.stdout + r.stderr, /PowerShell 7 \(pwsh\) was not found on PATH/, /install PowerShell 7 \(pwsh\) or pass --powershell PATH/);
    const result = readJson<{ status: string; failureReason: string; message: string }>(join(dir, 'out', 'result.json'));
    expect(result).toMatchObject({ status: 'failed', failureReason: 'observation-incomplete' });
    expect(result.message).toMatch(/agent-launch-failed.*pwsh\) was not found on PATH/);
    const current = readJson<{ complete: boolean; incomplete: { code: string; message: string }[] }>(join(dir, 'out', 'current.json'));
    expect(current.complete).toBe(false);
    expect(current.incomplete).toEqual([{ code: 'agent-failed', message: expect.stringMatching(/pwsh\) was not found on PATH/) }]);
    expect(launches(counters)).toBe(0);
  });

  it('plan with a --powershell that does not exist: names the path and the fix, no process started', async () => {
    const { dir } = lab();
    const counters = join(dir, 'counters.json');
    const missing = join(dir, 'no-such', 'pwsh');
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'hyperv', '--powershell', missing, '--out', 'out'], { cwd: dir, env: { HVC_COUNTERS: counters } });
    expect(r.code).toBe(1);
    expectExplained(r.stdout + r.stderr, new RegExp(`PowerShell executable '${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' \\(--powershell\\) does not exist`), /--powershell/);
    expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'failed', failureReason: 'observation-incomplete' });
    expect(launches(counters)).toBe(0);
  });

  it('doctor with no pwsh: a failed check with the fix, exit 1, no process started', async () => {
    const { dir, emptyPath } = lab();
    const counters = join(dir, 'counters.json');
    const r = await runCli(['doctor', '--config', 'vms.yaml', '--backend', 'hyperv'], { cwd: dir, env: { PATH: emptyPath, HVC_COUNTERS: counters } });
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/FAIL .*PowerShell 7 \(pwsh\) was not found on PATH/);
    expect(out).toMatch(/fix: install PowerShell 7 \(pwsh\) or pass --powershell PATH/);
    expectExplained(out, /not found/, /--powershell/);
    expect(launches(counters)).toBe(0);
  });

  it('hyperv-agent.ps1 missing beside the bundle: names the script and the fix, no process started', async () => {
    const { dir } = lab();
    // The CLI bundle alone, far from any dist/agent/: its agent script cannot be found.
    const lone = join(dir, 'a', 'b', 'cli');
    cpSync(dirname(CLI), lone, { recursive: true });
    const counters = join(dir, 'counters.json');
    // An existing executable as --powershell: were anything started, it would be this.
    const args = ['plan', '--config', 'vms.yaml', '--backend', 'hyperv', '--powershell', process.execPath, '--out', 'out'];
    const r = await new Promise<CliRun>((resolve) =>
      execFile(process.execPath, [join(lone, 'index.js'), ...args], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state'), HVC_COUNTERS: counters } }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      ),
    );
    expect(r.code).toBe(1);
    expectExplained(r.stdout + r.stderr, /hyperv-agent\.ps1 was not found/, /reinstall/);
    expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'failed', failureReason: 'observation-incomplete' });
    expect(launches(counters)).toBe(0);
  });

  // Attack: an empty --powershell (a variable that was not set: --powershell "$PWSH") was taken as
  // "not given": the run started whatever pwsh came first on PATH instead of the one meant.
  it('an empty --powershell is a usage error: nothing is started, not even the pwsh on PATH', async () => {
    const { dir } = lab();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const marker = join(dir, 'started');
    writeFileSync(join(bin, 'pwsh'), `#!/bin/sh\necho started > '${marker}'\nexit 3\n`, { mode: 0o755 });
    const counters = join(dir, 'counters.json');
    for (const empty of ['', ' ']) {
      const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'hyperv', '--powershell', empty, '--out', 'out'], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH}`, HVC_COUNTERS: counters } });
      expect(r.stderr).toMatch(/--powershell was given an empty value/);
      expect(r.code).toBe(64);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(counters) ? launches(counters) : 0).toBe(0);
    }
  });

  // Held (pinned): PATH shapes that must never yield a pwsh, and --powershell values that are no
  // executable file. Every would-be pwsh here writes a marker when started.
  it('PATH: a relative entry, an empty one (the working directory), a directory named pwsh, a pwsh without x bits: not found, nothing started', async () => {
    const { dir } = lab();
    const marker = join(dir, 'started');
    const fake = `#!/bin/sh\necho started > '${marker}'\nexit 3\n`;
    mkdirSync(join(dir, 'rel'));
    writeFileSync(join(dir, 'rel', 'pwsh'), fake, { mode: 0o755 }); // reached only through the relative entry
    writeFileSync(join(dir, 'pwsh'), fake, { mode: 0o755 }); // reached only through the empty entry
    mkdirSync(join(dir, 'dirs', 'pwsh'), { recursive: true });
    mkdirSync(join(dir, 'noexec'));
    writeFileSync(join(dir, 'noexec', 'pwsh'), fake, { mode: 0o644 });
    const counters = join(dir, 'counters.json');
    const PATH = ['rel', '', join(dir, 'dirs'), join(dir, 'noexec')].join(':');
    for (const command of ['status', 'doctor']) {
      const r = await runCli([command, '--config', 'vms.yaml', '--backend', 'hyperv'], { cwd: dir, env: { PATH, HVC_COUNTERS: counters } });
      expect(r.code).toBe(1);
      expectExplained(r.stdout + r.stderr, /PowerShell 7 \(pwsh\) was not found on PATH/, /install PowerShell 7/);
    }
    expect(existsSync(marker)).toBe(false);
    expect(launches(counters)).toBe(0);
  });

  it('--powershell that is a directory or a symlink loop: named with the fix, nothing started', async () => {
    const { dir } = lab();
    mkdirSync(join(dir, 'pwsh-dir'));
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    const counters = join(dir, 'counters.json');
    for (const ps of [join(dir, 'pwsh-dir'), join(dir, 'loop-a')]) {
      const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'hyperv', '--powershell', ps, '--out', 'out'], { cwd: dir, env: { HVC_COUNTERS: counters } });
      expect(r.code).toBe(1);
      expectExplained(r.stdout + r.stderr, /\(--powershell\) does not exist or is not an executable file/, /--powershell/);
      expect(launches(counters)).toBe(0);
    }
  });

  it('reconcile with no pwsh: observation-incomplete in result.json, exit 1, nothing started', async () => {
    const { dir, emptyPath } = lab();
    writeFileSync(join(dir, 'vms.yaml'), "version: 1\nproject: t\ndefaults: { cpus: 2, memory: 1GB, path: 'D:\\vms' }\nssh:\n  user: ubuntu\n  privateKeyEnv: T_SSH_KEY\nvms:\n  - name: a\n");
    const counters = join(dir, 'counters.json');
    const r = await runCli(['reconcile', '--config', 'vms.yaml', '--backend', 'hyperv', '--out', 'out'], { cwd: dir, env: { PATH: emptyPath, HVC_COUNTERS: counters, T_SSH_KEY: 'unused' } });
    expect(r.code).toBe(1);
    expectExplained(r.stdout + r.stderr, /PowerShell 7 \(pwsh\) was not found on PATH/, /install PowerShell 7/);
    expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'failed', failureReason: 'observation-incomplete' });
    expect(launches(counters)).toBe(0);
  });
});
