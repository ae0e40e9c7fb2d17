// plan and drift on the simulator start the observe agent before the config is read. Attacked
// through the built CLI: a refused config must still change nothing (the agent is ended unasked, no
// request, state and counters files as they were, no agent process left), a slow agent launch must
// not hold a refused run up until it is done, and a valid config is observed by that very agent.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState, updateSimCounters } from '../../src/backends/sim/state.js';
import { runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function work(): { dir: string; state: string } {
  const dir = tempDir('hvc-early-');
  dirs.push(dir);
  const state = join(dir, 'host.json');
  createSimState(state, { computerName: 'HV-EARLY', vms: [{ name: 'web-1', state: 'Off' }] });
  return { dir, state };
}

const VALID = "version: 1\nproject: early\ndefaults: { cpus: 1, memory: 1GB, path: 'D:\\vms', image: 'D:\\img\\base.vhdx' }\nvms:\n  - name: web-1\n    state: stopped\n";
const INVALID = 'version: 1\nproject: early\nvms:\n  - name: web-1\n    cpus: many\n';

/** Sim agent processes still running for this state file (their command line names it). */
function agentsAlive(state: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('sim-agent') && l.includes(state));
}

async function counted(dir: string, args: string[]) {
  const file = join(dir, `counters-${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli(args, { cwd: dir, env: { HVC_COUNTERS: file } });
  return { ...r, counters: JSON.parse(readFileSync(file, 'utf8')) as { agentLaunches: number; agentRequests: number } };
}

describe('the observe agent started while the config loads', () => {
  it.each(['plan', 'drift'])('%s with a refused config: the agent started is ended unasked and nothing changed', async (command) => {
    const { dir, state } = work();
    writeFileSync(join(dir, 'vms.yaml'), INVALID);
    const files = () => ({ state: readFileSync(state, 'utf8'), counters: readFileSync(`${state}.counters`, 'utf8'), mtime: statSync(`${state}.counters`).mtimeMs });
    const before = files();
    const r = await counted(dir, [command, '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', state, '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid-config/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.counters).toMatchObject({ agentLaunches: 1, agentRequests: 0 });
    expect(files()).toEqual(before);
    expect(agentsAlive(state)).toEqual([]);
  }, 60_000);

  it('a refused config does not wait for a slow agent launch to finish, and leaves no agent behind', async () => {
    const { dir, state } = work();
    // The launch takes 20 s (a knob of the simulator): the run ends long before, the agent with it.
    await updateSimCounters(state, (c) => void (c.knobs.launchDelayMs = 20_000));
    writeFileSync(join(dir, 'vms.yaml'), INVALID);
    const before = readFileSync(`${state}.counters`, 'utf8');
    const started = Date.now();
    const r = await counted(dir, ['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', state, '--out', 'out']);
    expect(r.code).toBe(1);
    // Structural, not a timing figure: it ended before the 20 s launch could have.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readFileSync(`${state}.counters`, 'utf8')).toBe(before);
    expect(agentsAlive(state)).toEqual([]);
  }, 60_000);

  it('a valid config is observed by that agent: one launch, one request, its launch counted once', async () => {
    const { dir, state } = work();
    writeFileSync(join(dir, 'vms.yaml'), VALID);
    const launches = readSimState(state).stats.launches;
    const r = await counted(dir, ['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', state, '--out', 'out']);
    expect(r.stderr).not.toMatch(/invalid-config|internal/);
    expect(r.counters).toMatchObject({ agentLaunches: 1, agentRequests: 1 });
    expect(readSimState(state).stats.launches).toBe(launches + 1);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'current.json'), 'utf8')).host.computerName).toBe('HV-EARLY');
    expect(agentsAlive(state)).toEqual([]);
  }, 60_000);

  it('no state file yet: nothing is started before the config is read (the file is made after it, as before)', async () => {
    const dir = tempDir('hvc-early-');
    dirs.push(dir);
    writeFileSync(join(dir, 'vms.yaml'), INVALID);
    const r = await counted(dir, ['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', join(dir, 'new-host.json'), '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.counters).toMatchObject({ agentLaunches: 0, agentRequests: 0 });
    expect(() => statSync(join(dir, 'new-host.json'))).toThrow();
  }, 60_000);
});
