// Outside attacks on the CLI's exit at 'beforeExit' (src/entry/cli.ts): every command's exit code,
// output read slowly through pipes, the HVC_COUNTERS file, SIGINT during an apply, and no lock or
// agent record left behind.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, type SimSeed } from '../../src/backends/sim/state.js';
import { CLI, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir('hvc-att16-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const GiB = 1024 ** 3;
const NOW = { HVC_NOW: '2026-11-22T12:00:00.000Z' };

function lab(dir: string, n: number, seed: Partial<SimSeed> = {}): string[] {
  const names = Array.from({ length: n }, (_, i) => `  - name: vm-${String(i).padStart(4, '0')}\n    cpus: 4`).join('\n');
  writeFileSync(
    join(dir, 'vms.yaml'),
    `version: 1
project: t
host: { concurrency: 3 }
defaults: { cpus: 2, memory: 1GB, switch: lab-net, image: 'D:\\img\\base.vhdx', path: 'D:\\vms' }
policy: { allowRestart: true }
vms:
${names}
`,
  );
  const mk = (i: number) => ({
    name: `vm-${String(i).padStart(4, '0')}`,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    state: 'Running',
    cpus: 2,
    memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
    notes: 'hyperv-converge: project=t',
    path: 'D:\\vms',
    adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: `00155D${String(i).padStart(6, '0')}`, dynamicMac: true, ips: [] }],
  });
  createSimState(join(dir, 'host.json'), {
    computerName: 'HV-T',
    switches: [{ name: 'lab-net', type: 'External' }],
    folders: ['D:\\vms'],
    files: { 'D:\\img\\base.vhdx': { sizeBytes: 20 * GiB } },
    vms: Array.from({ length: Math.min(n, 3) }, (_, i) => mk(i)),
    ...seed,
  });
  return ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'];
}

const env = (dir: string, extra: NodeJS.ProcessEnv = {}) => ({ PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state'), ...NOW, ...extra });
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI with stdout and stderr each read by `(sleep 2; cat)`: the exit code and both texts. */
function slowPipes(dir: string, args: string[], extra: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const cmd = `${q(process.execPath)} ${q(CLI)} ${args.map(q).join(' ')} 2> >(sleep 2; cat > err.txt) | (sleep 2; cat > out.txt); echo "\${PIPESTATUS[0]}" > code.txt; wait`;
  const r = spawnSync('bash', ['-c', cmd], { cwd: dir, env: env(dir, extra), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`bash: ${r.stderr}`);
  // The process substitution for stderr may finish after bash; wait for it.
  for (let i = 0; i < 100 && !(existsSync(join(dir, 'err.txt')) && readFileSync(join(dir, 'code.txt'), 'utf8')); i++) spawnSync('sleep', ['0.1']);
  spawnSync('sleep', ['2.5']);
  return { code: Number(readFileSync(join(dir, 'code.txt'), 'utf8').trim()), stdout: readFileSync(join(dir, 'out.txt'), 'utf8'), stderr: readFileSync(join(dir, 'err.txt'), 'utf8') };
}

describe('exit codes of every command (the exit at beforeExit keeps each)', () => {
  it('help, version, usage errors, validate', async () => {
    const dir = work();
    const args = lab(dir, 3);
    expect((await runCli(['--help'], { cwd: dir, env: NOW })).code).toBe(0);
    expect((await runCli(['--version'], { cwd: dir, env: NOW })).code).toBe(0);
    expect((await runCli(['frobnicate'], { cwd: dir, env: NOW })).code).toBe(64);
    expect((await runCli(['plan', '--no-such-flag'], { cwd: dir, env: NOW })).code).toBe(64);
    expect((await runCli(['validate', ...args.slice(0, 2)], { cwd: dir, env: NOW })).code).toBe(0);
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nproject: t\nvms:\n  - cpus: many\n');
    expect((await runCli(['validate', '--config', 'bad.yaml'], { cwd: dir, env: NOW })).code).toBe(1);
  });

  it('plan (changes: 2), drift (2), apply (0), then plan/drift on the converged host (0), status, unlock', async () => {
    const dir = work();
    const args = lab(dir, 5);
    expect((await runCli(['plan', ...args], { cwd: dir, env: NOW })).code).toBe(2);
    expect((await runCli(['drift', ...args], { cwd: dir, env: NOW })).code).toBe(2);
    const applied = await runCli(['apply', ...args, '--auto-approve'], { cwd: dir, env: NOW });
    expect(applied.code).toBe(0);
    expect((await runCli(['plan', ...args], { cwd: dir, env: NOW })).code).toBe(0);
    expect((await runCli(['drift', ...args], { cwd: dir, env: NOW })).code).toBe(0);
    expect((await runCli(['status', ...args], { cwd: dir, env: NOW })).code).toBe(0);
    expect((await runCli(['unlock', ...args], { cwd: dir, env: NOW })).code).toBe(0);
    // Nothing of the run left behind: no lock, no live agent records.
    const state = join(dir, '.state');
    const files = existsSync(state) ? readdirSync(state) : [];
    expect(files.filter((f) => f.endsWith('.lock'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.agents.json'))) expect(JSON.parse(readFileSync(join(state, f), 'utf8'))).toEqual([]);
  });

  it('a failing apply (agent cannot start) exits 1 and leaves no lock', async () => {
    const dir = work();
    const args = lab(dir, 3, { knobs: { failLaunch: true } } as Partial<SimSeed>);
    const r = await runCli(['apply', ...args, '--auto-approve'], { cwd: dir, env: NOW });
    expect(r.code).toBe(1);
    const state = join(dir, '.state');
    expect((existsSync(state) ? readdirSync(state) : []).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});

describe('output read slowly through pipes is complete', () => {
  it('plan --json and the human plan of 400 VMs through `| (sleep 2; cat)` equal the fast read', async () => {
    const dir = work();
    const args = lab(dir, 400);
    const fast = await runCli(['plan', ...args], { cwd: dir, env: NOW });
    expect(fast.code).toBe(2);
    const slow = slowPipes(dir, ['plan', ...args]);
    expect(slow.code).toBe(2);
    expect(slow.stdout.length + slow.stderr.length).toBeGreaterThan(64 * 1024); // more than a pipe holds
    expect(slow.stdout.length).toBe(fast.stdout.length);
    expect(slow.stdout).toBe(fast.stdout);
    expect(slow.stderr.replace(/\d+(\.\d+)? ?m?s\b/g, 'T')).toBe(fast.stderr.replace(/\d+(\.\d+)? ?m?s\b/g, 'T'));
    const fastJson = await runCli(['plan', '--json', ...args], { cwd: dir, env: NOW });
    const slowJson = slowPipes(dir, ['plan', '--json', ...args]);
    expect(slowJson.code).toBe(2);
    expect(() => JSON.parse(slowJson.stdout)).not.toThrow();
    expect(slowJson.stdout).toBe(fastJson.stdout);
  });
});

describe('HVC_COUNTERS', () => {
  it('is written at exit by plan, validate, a usage error and apply', async () => {
    const dir = work();
    const args = lab(dir, 5);
    for (const [i, cmd] of [['plan', ...args], ['validate', '--config', 'vms.yaml'], ['plan', '--bogus'], ['apply', ...args, '--auto-approve']].entries()) {
      const file = join(dir, `counters-${i}.json`);
      const r = await runCli(cmd, { cwd: dir, env: { ...NOW, HVC_COUNTERS: file } });
      expect([0, 2, 64]).toContain(r.code);
      expect(existsSync(file)).toBe(true);
      const c = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
      if (cmd[0] === 'plan' && r.code === 2) expect(c.canonicalizations).toBeGreaterThan(0);
    }
  });
});

describe('SIGINT during an apply', () => {
  it('exits 130, writes result.json, and leaves no lock; the agent records name only agents still alive', async () => {
    const dir = work();
    const args = lab(dir, 6, { knobs: { opLatencyMs: { 'vm.stop': 1500, 'vm.setCpus': 1500 } } } as Partial<SimSeed>);
    const child = spawn(process.execPath, [CLI, 'apply', ...args, '--auto-approve'], { cwd: dir, env: env(dir) });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.resume();
    // Once a step is in flight.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (/stop|set-cpus|vm-0000/.test(stderr) || existsSync(join(dir, '.state'))) {
          clearInterval(t);
          setTimeout(resolve, 700);
        }
      }, 50);
    });
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: cancelling/);
    expect(existsSync(join(dir, 'out', 'result.json'))).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as { status: string }).status).toBe('cancelled');
    const state = join(dir, '.state');
    const files = existsSync(state) ? readdirSync(state) : [];
    expect(files.filter((f) => f.endsWith('.lock'))).toEqual([]);
    // A later apply proceeds once the detached agent finished (no stuck record).
    const again = await runCli(['apply', ...args, '--auto-approve'], { cwd: dir, env: NOW });
    expect([0, 1]).toContain(again.code);
    expect(again.stderr).not.toMatch(/damaged/);
  }, 90_000);

  it('SIGINT while a plan observes a slow host exits 130 and leaves no lock or output lock; SIGTERM likewise', async () => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      const dir = work();
      const args = lab(dir, 20, { knobs: { observePerVmMs: 1500 } } as Partial<SimSeed>); // 3 VMs on the host: ~4.5 s
      const child = spawn(process.execPath, [CLI, 'plan', ...args], { cwd: dir, env: env(dir) });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.stdout.resume();
      await new Promise((r) => setTimeout(r, 900));
      child.kill(sig);
      const code = await exited;
      expect({ sig, code }).toEqual({ sig, code: 130 });
      expect(stderr).toMatch(new RegExp(`${sig}: cancelling`));
      const state = join(dir, '.state');
      expect((existsSync(state) ? readdirSync(state) : []).filter((f) => f.endsWith('.lock'))).toEqual([]);
      expect((existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).filter((f) => /lock/.test(f))).toEqual([]);
    }
  }, 90_000);
});
