// The structural figures of the benchmarks, held by tests (time and memory stay in `npm run bench`):
// whole commands of the built CLI, run with HVC_COUNTERS so the process writes its counters when it
// exits. A plan launches one agent and sends it one request, and canonicalizes a fixed number of
// whole values, whatever the VM count; an apply launches at most `concurrency` agents in all; the
// observe answer's bound grows with the VM count, and a host answering more than it is refused with
// a typed reason.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import { writeFleetFiles } from '../../bench/fixtures.js';
import { doubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';
import { ONE_LINE_OVER } from '../../src/artifacts/write.js';
import { load } from 'js-yaml';
import { canonicalJson, canonicalTree, sha256OfParts } from '../../src/core/canonical.js';
import { counters as processCounters } from '../../src/core/counters.js';
import { loadConfig } from '../../src/core/config/load.js';
import type { Observation } from '../../src/core/model/observed.js';
import { basisOf } from '../../src/core/plan/hashes.js';
import { checkpointNameFor } from '../../src/core/plan/hashes.js';
import type { Plan } from '../../src/core/plan/types.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir('hvc-structural-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The YAML document of a config file as read (js-yaml's own load), in canonical order: the text configHash is taken over. */
const documentText = (file: string) => canonicalJson(load(readFileSync(file, 'utf8')));

/** The objects putting a config file's document in canonical order copies: its mappings written with keys out of sorted order, and what holds them. */
function documentCopies(file: string): number {
  const before = processCounters.canonicalCopies;
  canonicalTree(load(readFileSync(file, 'utf8')));
  return processCounters.canonicalCopies - before;
}

interface Counters {
  canonicalizations: number;
  agentLaunches: number;
  agentRequests: number;
  printedChars: number;
  nameKeys: number;
  canonicalCopies: number;
  configsFast: number;
  configsDeclined: number;
}

async function counted(args: string[], cwd: string): Promise<{ code: number; counters: Counters; stderr: string; stdout: string }> {
  const file = join(cwd, `counters-${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli(args, { cwd, env: { HVC_COUNTERS: file } });
  return { code: r.code, stderr: r.stderr, stdout: r.stdout, counters: JSON.parse(readFileSync(file, 'utf8')) as Counters };
}

describe('plan: counts constant in the VM count', () => {
  it('one agent launch, one request and five canonicalizations, copying a few top-level objects, at 100 and at 2,000 VMs', async () => {
    for (const n of [100, 2000]) {
      const dir = work();
      const f = writeFleetFiles(dir, n);
      const r = await counted(['plan', '--config', f.config, '--backend', 'sim', '--sim-state', f.simState, '--out', join(dir, 'out')], dir);
      expect({ n, code: r.code }).toEqual({ n, code: 3 }); // the fleet's plan has refusals: exit 3
      // config hash; the observation once (current.json, its hash and the basis hash of the facts
      // the plan compared); plan hash; plan.json (a walk of the plan, already canonical); result.json
      const { printedChars: _p, nameKeys, canonicalCopies, configsFast, configsDeclined, ...counts } = r.counters;
      expect({ n, ...counts }).toEqual({ n, agentLaunches: 1, agentRequests: 1, canonicalizations: 5 });
      // The fleet's config is read once, by the fast YAML reader (js-yaml, cold, costs ~50 ms more at 10,000 VMs).
      expect({ n, configsFast, configsDeclined }).toEqual({ n, configsFast: 1, configsDeclined: 0 });
      // Each name is put in comparable form about once per list it is in (the file's VMs, the host's),
      // not again by each of plan, basis and safety.
      const names = n + readSimState(f.simState).vms.length;
      expect({ n, keysPerName: nameKeys / names <= 2 }).toEqual({ n, keysPerName: true });
      // The agent's answer and the plan are built with their keys in canonical order: the
      // canonicalizations walk them and copy only a few top-level objects, at any VM count. The config
      // is hashed as written: its mappings written in another key order than the sorted one are copied.
      expect({ n, canonicalCopies: canonicalCopies <= 8 + documentCopies(f.config) }).toEqual({ n, canonicalCopies: true });
      expect(readSimState(f.simState).stats.launches).toBe(1);
    }
  });

  it('replay: no agent, the same five canonicalizations, and a recording is walked, not copied', async () => {
    const dir = work();
    const f = writeFleetFiles(dir, 500);
    const r = await counted(['plan', '--config', f.config, '--backend', 'replay', '--replay', f.replay, '--out', join(dir, 'out')], dir);
    const { printedChars: _p, nameKeys: _k, canonicalCopies, configsFast, configsDeclined, ...counts } = r.counters;
    expect(counts).toEqual({ agentLaunches: 0, agentRequests: 0, canonicalizations: 5 });
    expect({ configsFast, configsDeclined }).toEqual({ configsFast: 1, configsDeclined: 0 });
    // A recording as a run writes it (canonical) is walked, not copied, VM by VM.
    expect(canonicalCopies).toBeLessThanOrEqual(12 + documentCopies(f.config));
  });

  it('the bench fleet’s config takes the fast YAML reader; a config outside its subset is declined to js-yaml, and both validate alike', async () => {
    const dir = work();
    const f = writeFleetFiles(dir, 300);
    const fast = await counted(['validate', '--config', f.config], dir);
    expect({ code: fast.code, configsFast: fast.counters.configsFast, configsDeclined: fast.counters.configsDeclined }).toEqual({ code: 0, configsFast: 1, configsDeclined: 0 });
    // The same fleet with an anchor (outside the subset): read by js-yaml, with the same verdict.
    const anchored = join(dir, 'anchored.yaml');
    writeFileSync(anchored, readFileSync(f.config, 'utf8').replace('  cpus: 2\n', '  cpus: &two 2\n'));
    const slow = await counted(['validate', '--config', anchored], dir);
    expect({ code: slow.code, configsFast: slow.counters.configsFast, configsDeclined: slow.counters.configsDeclined }).toEqual({ code: 0, configsFast: 0, configsDeclined: 1 });
    expect({ out: slow.stdout, err: slow.stderr }).toEqual({ out: fast.stdout.replaceAll(f.config, anchored), err: fast.stderr.replaceAll(f.config, anchored) });
    expect(fast.stderr).toContain('300 VM(s)');
  });

  // Printing is most of what hashing costs: each value a run hashes or writes is printed once. Past
  // ONE_LINE_OVER an artifact is the compact text its hash was taken over, composed of the members
  // printed for that hash; so the JSON a run prints is at most its three artifacts plus the two
  // values hashed and written nowhere (the config, and the basis: the facts the plan compared).
  it.each(['sim', 'replay'] as const)('%s: past one line, every value is printed once (JSON printed ≤ artifacts + config document + basis)', async (backend) => {
    const dir = work();
    const f = writeFleetFiles(dir, 5000);
    const out = join(dir, 'out');
    const source = backend === 'sim' ? ['--sim-state', f.simState] : ['--replay', f.replay];
    const r = await counted(['plan', '--config', f.config, '--backend', backend, ...source, '--out', out], dir);
    expect(r.code).toBe(3);
    const size = (name: string) => readFileSync(join(out, name), 'utf8').length;
    expect(Math.min(size('current.json'), size('plan.json'))).toBeGreaterThan(ONE_LINE_OVER);
    for (const name of ['current.json', 'plan.json']) {
      // One line: the compact canonical text (keys sorted: parsing keeps the order it printed).
      const text = readFileSync(join(out, name), 'utf8');
      expect(text).toBe(JSON.stringify(canonicalTree(JSON.parse(text))) + '\n');
    }
    const config = loadConfig(f.config).config;
    const configText = documentText(f.config);
    const observation = readJson(join(out, 'current.json')) as Observation;
    const plan = readJson(join(out, 'plan.json')) as Plan;
    const basisText = canonicalJson(basisOf(config, observation, checkpointNameFor(config, plan.configHash)));
    expect(sha256OfParts([basisText])).toBe(plan.basisHash); // the basis measured is the one hashed
    expect(sha256OfParts([configText])).toBe(plan.configHash); // and so is the config's document
    const bound = size('current.json') + size('plan.json') + size('result.json') + configText.length + basisText.length;
    expect(r.counters.printedChars).toBeLessThanOrEqual(bound);
    // Before each value was printed once, current.json alone was printed twice (compact for its
    // hash, indented for the file): the bound would be missed by more than its size.
    expect(r.counters.printedChars).toBeGreaterThan(bound - size('current.json') / 2);
  });
});

describe('apply: the pool', () => {
  const yaml = (n: number) =>
    `version: 1\nproject: s\ndefaults: { cpus: 1, memory: 1GB, switch: lab-net, image: 'D:\\img\\base.vhdx', path: 'D:\\vms' }\nvms:\n${Array.from({ length: n }, (_, i) => `  - name: vm-${i}\n`).join('')}`;
  const host = (dir: string) =>
    createSimState(join(dir, 'host.json'), { switches: [{ name: 'lab-net', type: 'External' }], folders: ['D:\\vms'], files: { 'D:\\img\\base.vhdx': { sizeBytes: 1024 ** 3 } } });

  it('at most `concurrency` agents in all (observe, the pool, verify), prestarted while observe runs', async () => {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), yaml(6));
    host(dir);
    const r = await counted(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--concurrency', '3'], dir);
    expect(r.code).toBe(0);
    // 6 VMs × create + start, plus observe and the verify's observe.
    expect(r.counters).toMatchObject({ agentLaunches: 3, agentRequests: 14 });
    expect(readSimState(join(dir, 'host.json')).stats.launches).toBe(3);
  });

  it('an empty plan: the pool’s prestarted agents are its only launches and the run ends applied', async () => {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), yaml(2));
    host(dir);
    expect((await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--concurrency', '2'], { cwd: dir })).code).toBe(0);
    const r = await counted(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--concurrency', '2'], dir);
    expect(r.code).toBe(0);
    expect(r.counters).toMatchObject({ agentLaunches: 2, agentRequests: 2 }); // observe + verify, no step
    expect(readJson<{ status: string }>(join(dir, 'out', 'result.json')).status).toBe('applied');
  });

  it('a file of 1 VM prestarts 1 agent whatever the concurrency', async () => {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), yaml(1));
    host(dir);
    const r = await counted(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--concurrency', '8'], dir);
    expect(r.code).toBe(0);
    expect(r.counters.agentLaunches).toBe(1);
  });
});

describe('observe: the answer is bounded by the VM count', () => {
  // 1,000 VMs whose notes are 70 KB each: a ~70 MB observe answer, over the old fixed 64 MiB cap.
  const bigHost = (dir: string, named: number) => {
    const vms = Array.from({ length: 1000 }, (_, i) => ({ name: `big-${String(i).padStart(4, '0')}`, state: 'Off', notes: 'x'.repeat(70_000) }));
    createSimState(join(dir, 'host.json'), { computerName: 'BIG', vms });
    const lines = ['version: 1', 'project: big', "defaults: { cpus: 1, memory: 1GB, switch: Default Switch, image: 'D:\\img.vhdx', path: 'D:\\vms' }", 'vms:'];
    for (let i = 0; i < named; i++) lines.push(`  - name: big-${String(i).padStart(4, '0')}`, '    state: stopped');
    writeFileSync(join(dir, 'vms.yaml'), lines.join('\n') + '\n');
  };

  it('a 70 MB answer for a file naming those 1,000 VMs is read whole (64 MiB + 16 KiB per VM)', async () => {
    const dir = work();
    bigHost(dir, 1000);
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'], { cwd: dir });
    const current = readJson<{ complete: boolean; vms: unknown[] }>(join(dir, 'out', 'current.json'));
    expect({ complete: current.complete, vms: current.vms.length }).toEqual({ complete: true, vms: 1000 });
    expect(r.stderr).not.toContain('too large');
  }, 120_000);

  it('the same answer for a file naming 2 VMs is over its bound: incomplete, typed, nothing planned', async () => {
    const dir = work();
    bigHost(dir, 2);
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'], { cwd: dir });
    expect(r.code).toBe(1);
    const current = readJson<{ complete: boolean; incomplete: { code: string; message: string }[] }>(join(dir, 'out', 'current.json'));
    expect(current.complete).toBe(false);
    expect(current.incomplete[0]).toMatchObject({ code: 'unparseable' });
    expect(current.incomplete[0]!.message).toContain('answer too large');
    expect(current.incomplete[0]!.message).toContain('64 MiB + 16 KiB per VM');
    expect(r.stderr).toContain('observation-incomplete');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);
});

describePwsh('observe through the real agent over the Hyper-V double', (pwsh) => {
  it('costs the same cmdlet calls at 1, 5 and 40 VMs: one bulk call per component kind', async () => {
    const seen: Record<number, Record<string, number>> = {};
    for (const n of [1, 5, 40]) {
      const dbl = doubleHost(pwsh, {
        switches: [{ name: 'lab-net', type: 'External' }],
        vms: Array.from({ length: n }, (_, i) => ({ name: `vm-${i}`, state: i % 2 ? 'Running' : 'Off', notes: 'x' })),
      });
      const backend = dbl.backend();
      try {
        const o = await backend.observe({ paths: [], neighbors: false, expectedVms: n });
        expect({ n, complete: o.complete, vms: o.vms.length }).toEqual({ n, complete: true, vms: n });
        seen[n] = dbl.calls();
      } finally {
        await backend.close();
        dbl.cleanup();
      }
    }
    expect(seen[5]).toEqual(seen[1]);
    expect(seen[40]).toEqual(seen[1]);
    expect(Object.values(seen[1]!).every((c) => c === 1)).toBe(true);
    expect(Object.keys(seen[1]!)).toContain('Get-VM');
  }, 180_000);
});
