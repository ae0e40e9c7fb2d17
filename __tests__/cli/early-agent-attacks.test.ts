// Outside attack (attack18) on the observe agent that plan/drift start before the config is read
// (commit 8d67573): through the built CLI. Its promise: a run whose config is refused, or that is
// ended, changes nothing and leaves no agent process — as before, when no agent started until the
// config was accepted. Findings are the tests that fail on the current code; the rest are guards.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, updateSimCounters } from '../../src/backends/sim/state.js';
import { CLI, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function work(): { dir: string; state: string } {
  const dir = tempDir('hvc-a18-');
  dirs.push(dir);
  const state = join(dir, 'host.json');
  createSimState(state, { computerName: 'HV-A18', vms: [{ name: 'web-1', state: 'Off' }] });
  return { dir, state };
}

/** A refused config that takes a while to load (20,000 valid VMs, then one wrong value), as a big fleet's does. */
function slowRefusedConfig(): string {
  let s = "version: 1\nproject: a18\ndefaults: { cpus: 1, memory: 1GB, path: 'D:\\vms', image: 'D:\\img\\base.vhdx' }\nvms:\n";
  for (let i = 0; i < 20_000; i++) s += `  - name: vm-${i}\n    state: stopped\n`;
  return s + '  - name: web-1\n    cpus: many\n';
}

function agentsAlive(state: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('sim-agent') && l.includes(state));
}

describe('finding: the agent started before the config is read acts on its own launch knobs', () => {
  it('plan with a refused (slow to load) config and knobs.failLaunch: the counters file is unchanged', async () => {
    const { dir, state } = work();
    await updateSimCounters(state, (c) => void (c.knobs.failLaunch = true));
    writeFileSync(join(dir, 'vms.yaml'), slowRefusedConfig());
    const before = readFileSync(`${state}.counters`, 'utf8');
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', state, '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid-config/);
    await sleep(300);
    // Before 8d67573 no agent started for a refused config; now the early agent counts its failed
    // launch (stats.launches 0 -> 1) when the config takes longer to load than the agent to start.
    expect(readFileSync(`${state}.counters`, 'utf8')).toBe(before);
    expect(agentsAlive(state)).toEqual([]);
  }, 60_000);

  it('plan killed (SIGKILL) while it reads its config: no agent outlives it and nothing is written after', async () => {
    const { dir, state } = work();
    await updateSimCounters(state, (c) => {
      c.knobs.launchDelayMs = 3_000;
      c.knobs.failLaunch = true;
    });
    writeFileSync(join(dir, 'vms.yaml'), slowRefusedConfig());
    const before = readFileSync(`${state}.counters`, 'utf8');
    const child = execFile(process.execPath, [CLI, 'plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', state, '--out', 'out'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state') },
    });
    const ended = new Promise((r) => child.on('exit', r));
    // Wait until the early agent is up (it is started before the config is read), then kill the run.
    for (let i = 0; i < 100 && agentsAlive(state).length === 0; i++) await sleep(20);
    child.kill('SIGKILL');
    await ended;
    await sleep(500);
    const orphans = agentsAlive(state);
    await sleep(3_500);
    const after = readFileSync(`${state}.counters`, 'utf8');
    // Before 8d67573 a run killed while reading its config had started nothing. Now the orphaned
    // agent (parent pid 1) sleeps out its launch delay and then counts its failed launch.
    expect({ orphans, counters: after }).toEqual({ orphans: [], counters: before });
  }, 60_000);
});

describe('guards', () => {
  it('plan with a refused slow config and no knobs: files unchanged, no agent left', async () => {
    const { dir, state } = work();
    writeFileSync(join(dir, 'vms.yaml'), slowRefusedConfig());
    const files = () => ({ state: readFileSync(state, 'utf8'), counters: readFileSync(`${state}.counters`, 'utf8') });
    const before = files();
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', state, '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    await sleep(300);
    expect(files()).toEqual(before);
    expect(agentsAlive(state)).toEqual([]);
  }, 60_000);
});
