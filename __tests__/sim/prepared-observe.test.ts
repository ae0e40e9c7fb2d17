// The observing sim agent prepares its observe answer's VM part ahead (while its client loads the
// config) and writes nothing until it is asked. Attacked here: time passing between the preparation
// and the request (a VM that settles, guest addresses that come up), the reply's exact bytes against
// an agent that prepares nothing, and the state and counters files of an agent ended unasked.
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { observedVmsSettled, simOperation } from '../../src/backends/sim/host.js';
import { buildSimState, createSimState, readSimState, type SimState, type SimVmSeed } from '../../src/backends/sim/state.js';
import { tempDir } from '../support/run-cli.js';
import { inProcessSimAgent } from './sim-helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function host(vms: SimVmSeed[]): string {
  const dir = tempDir('hvc-prepared-');
  dirs.push(dir);
  const file = join(dir, 'host.json');
  createSimState(file, { vms });
  return file;
}

const OBSERVE = { op: 'observe', args: { paths: ['D:\\images\\base.vhdx', 'D:\\nowhere'], neighbors: false } };
type Vm = { name: string; state: string; adapters: { ips: string[] }[] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const agentOn = inProcessSimAgent;

describe('the VM part prepared ahead is the answer the request would make', () => {
  it('a VM that settles between the preparation and the request is reported settled', async () => {
    const file = host([
      { name: 'steady', state: 'Off' },
      { name: 'starting', state: 'Starting', settleAfterMs: 150, settlesTo: 'Running' } as SimVmSeed,
    ]);
    const agent = agentOn(file, true);
    await agent.hello(); // prepared now: 'starting' is still Starting
    await sleep(300);
    const vms = (JSON.parse(await agent.ask(OBSERVE)) as { result: { vms: Vm[] } }).result.vms;
    expect(vms.find((v) => v.name === 'starting')!.state).toBe('Running');
    await agent.end();
  });

  it('guest addresses that come up between the preparation and the request are reported', async () => {
    const file = host([{ name: 'booting', state: 'Running', startedAt: Date.now(), guest: { ips: ['10.0.0.9'], ipDelayMs: 150 } } as SimVmSeed]);
    const agent = agentOn(file, true);
    await agent.hello();
    await sleep(300);
    const vms = (JSON.parse(await agent.ask(OBSERVE)) as { result: { vms: Vm[] } }).result.vms;
    expect(vms[0]!.adapters[0]!.ips).toEqual(['10.0.0.9']);
    await agent.end();
  });

  it('on a settled host the reply is byte for byte the reply of an agent that prepares nothing', async () => {
    const vms: SimVmSeed[] = Array.from({ length: 60 }, (_, i) => ({
      name: `vm-${i}`,
      state: i % 3 === 0 ? 'Running' : 'Off',
      notes: i % 5 === 0 ? 'quote " backslash \\ newline \n é' : '',
      guest: { ips: i % 3 === 0 ? [`10.0.0.${i}`] : [], ipDelayMs: 0 },
    }));
    const file = host(vms);
    const prepared = agentOn(file, true);
    await prepared.hello();
    const plain = agentOn(file, false);
    await plain.hello();
    const a = await prepared.ask(OBSERVE);
    const b = await plain.ask(OBSERVE);
    expect(a).toBe(b);
    await prepared.end();
    await plain.end();
  });

  it('observedVmsSettled: when it answers, every later answer from the same state is that one', () => {
    const state = fc.constantFrom('Off', 'Running', 'Starting', 'Stopping', 'Saved', 'Paused');
    const vm = fc.record({
      state,
      settleIn: fc.option(fc.integer({ min: -500, max: 500 }), { nil: undefined }),
      settlesTo: fc.constantFrom('Running', 'Off'),
      startedAgo: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      ipDelayMs: fc.integer({ min: 0, max: 800 }),
      ips: fc.array(fc.constantFrom('10.0.0.1', '10.0.0.2'), { maxLength: 2 }),
      via: fc.constantFrom('kvp', 'arp', 'none'),
    });
    fc.assert(
      fc.property(fc.array(vm, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1000 }), (specs, later) => {
        const t0 = 1_000_000;
        const seeds = specs.map((v, i) => ({
          name: `v${i}`,
          state: v.state,
          startedAt: v.startedAgo === null ? null : t0 - v.startedAgo,
          ...(v.settleIn === undefined ? {} : { settlesAt: t0 + v.settleIn, settlesTo: v.settlesTo }),
          guest: { ips: v.ips, ipDelayMs: v.ipDelayMs, via: v.via },
        })) as unknown as SimVmSeed[];
        const base = JSON.stringify(buildSimState({ vms: seeds }, t0)); // ids and MACs drawn once
        const fresh = (): SimState => JSON.parse(base) as SimState;
        const ahead = observedVmsSettled(fresh(), t0);
        const atLater = JSON.stringify((simOperation(fresh(), 'observe', OBSERVE.args, t0 + later) as { vms: unknown }).vms);
        if (ahead !== null) expect(JSON.stringify(ahead)).toBe(atLater);
        // And it does answer when nothing is pending: the preparation is not simply never used.
        const pending = seeds.some((s) => (s as { settlesAt?: number }).settlesAt !== undefined);
        if (!pending && specs.every((v) => v.state !== 'Running' || v.startedAgo === null || v.startedAgo >= v.ipDelayMs)) expect(ahead).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('an agent that reads ahead writes nothing until it is asked', () => {
  it('ended unasked, it leaves the state and counters files as they were; asked, it counts its launch then', async () => {
    const file = host([{ name: 'a', state: 'Off' }]);
    const counters = `${file}.counters`;
    const snap = () => ({ state: readFileSync(file, 'utf8'), counters: readFileSync(counters, 'utf8'), mtime: statSync(counters).mtimeMs });
    const before = snap();
    const unasked = agentOn(file, true);
    await unasked.hello();
    await unasked.end();
    expect(snap()).toEqual(before);

    const asked = agentOn(file, true);
    await asked.hello();
    expect(readSimState(file).stats).toEqual(before.counters && JSON.parse(before.counters).stats);
    await asked.ask(OBSERVE);
    const stats = readSimState(file).stats;
    expect(stats.launches).toBe(JSON.parse(before.counters).stats.launches + 1);
    expect(stats.operations).toBe(JSON.parse(before.counters).stats.operations + 1);
    await asked.ask(OBSERVE); // counted once
    expect(readSimState(file).stats.launches).toBe(stats.launches);
    await asked.end();
  });
});
