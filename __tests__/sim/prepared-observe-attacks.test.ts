// Outside attack (attack18) on the observing sim agent that prepares its answer ahead (8d67573):
// its replies and the counters it keeps must be those of an agent that prepares nothing.
// Findings are the tests that fail on the current code; the rest are guards.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState, updateSimCounters, updateSimState, type SimVmSeed } from '../../src/backends/sim/state.js';
import { tempDir } from '../support/run-cli.js';
import { inProcessSimAgent } from './sim-helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function host(vms: SimVmSeed[]): string {
  const dir = tempDir('hvc-a18-prep-');
  dirs.push(dir);
  const file = join(dir, 'host.json');
  createSimState(file, { vms });
  return file;
}
const OBSERVE = { op: 'observe', args: { paths: ['D:\\images\\base.vhdx'], neighbors: true } };

const agentOn = inProcessSimAgent;

const VMS: SimVmSeed[] = [
  { name: 'a', state: 'Running', guest: { ips: ['10.0.0.1'], ipDelayMs: 0 } } as SimVmSeed,
  { name: 'b', state: 'Off', notes: 'x " \\ é' } as SimVmSeed,
];

describe('finding: the launch of the agent that reads ahead is counted with its first request', () => {
  it('a first line that is not a valid request still leaves the launch counted (as an agent that prepares nothing counts it)', async () => {
    const counts: Record<string, number> = {};
    for (const readAhead of [false, true]) {
      const file = host(VMS);
      const before = readSimState(file).stats.launches;
      const agent = agentOn(file, readAhead);
      await agent.hello();
      await agent.raw('not json'); // answered with invalid-request, before anything is counted
      await agent.raw(JSON.stringify({ id: 1, ...OBSERVE }));
      await agent.end();
      counts[readAhead ? 'prepared' : 'plain'] = readSimState(file).stats.launches - before;
    }
    // The read-ahead agent hands its launch to the first line, which returns early: never counted.
    expect(counts).toEqual({ plain: 1, prepared: 1 });
  });
});

describe('guards: replies equal an agent that prepares nothing', () => {
  it.each(['1', '0.5', '-0', '1e21', '9007199254740993', '1.0', '1E3'])('request id %s: byte-equal replies', async (id) => {
    const file = host(VMS);
    const prepared = agentOn(file, true);
    await prepared.hello();
    const a = await prepared.raw(`{"id":${id},"op":"observe","args":${JSON.stringify(OBSERVE.args)}}`);
    await prepared.end();
    const plain = agentOn(file, false);
    await plain.hello();
    const b = await plain.raw(`{"id":${id},"op":"observe","args":${JSON.stringify(OBSERVE.args)}}`);
    await plain.end();
    expect(a).toBe(b);
  });

  it('the state changed by another agent between the preparation and the request: the change is reported', async () => {
    const file = host(VMS);
    const prepared = agentOn(file, true);
    await prepared.hello();
    await updateSimState(file, (s) => {
      s.vms[1]!.notes = 'changed';
      s.vms[0]!.cpus = 7;
    });
    const a = JSON.parse(await prepared.raw(JSON.stringify({ id: 1, ...OBSERVE }))) as { result: { vms: { notes: string; cpus: number }[] } };
    await prepared.end();
    expect(a.result.vms.map((v) => [v.notes, v.cpus])).toEqual([
      [expect.any(String), 7],
      ['changed', expect.any(Number)],
    ]);
  });

  it('knobs changed in the counters file between the preparation and the request are obeyed (failAt)', async () => {
    const file = host(VMS);
    const prepared = agentOn(file, true);
    await prepared.hello();
    const ops = readSimState(file).stats.operations;
    await updateSimCounters(file, (c) => void (c.knobs.failAt = ops + 1));
    const a = JSON.parse(await prepared.raw(JSON.stringify({ id: 1, ...OBSERVE }))) as { ok: boolean };
    await prepared.end();
    expect(a.ok).toBe(false);
  });

  it('invalid observe args: the same error either way', async () => {
    const file = host(VMS);
    const replies: string[] = [];
    for (const readAhead of [true, false]) {
      const agent = agentOn(file, readAhead);
      await agent.hello();
      replies.push(await agent.raw(JSON.stringify({ id: 3, op: 'observe', args: { paths: [1] } })));
      replies.push(await agent.raw(JSON.stringify({ id: 4, op: 'observe', args: [] })));
      await agent.end();
    }
    expect(replies.slice(0, 2)).toEqual(replies.slice(2));
  });
});

describe('finding: the preparation settles the parse at its own time, which the request then takes', () => {
  it('a clock stepped back between the preparation and the request (NTP): the request reports what its own time says', async () => {
    // Made with a fake clock in this process: preparation at T+1000, the request at T (a step back
    // of 1 s). A VM that settles at T+500 is Starting at the request's time; an agent that prepares
    // nothing says so, the preparing one reports it Running (its settle at T+1000 was kept in the
    // parse the request takes).
    const T = Date.now() + 60_000;
    const answers: Record<string, string> = {};
    for (const readAhead of [false, true]) {
      const file = host([{ name: 'booting', state: 'Starting', settlesAt: T + 500, settlesTo: 'Running' } as SimVmSeed]);
      const clock = jest.spyOn(Date, 'now').mockReturnValue(T + 1000);
      try {
        const agent = agentOn(file, readAhead);
        await agent.hello();
        clock.mockReturnValue(T);
        const r = JSON.parse(await agent.raw(JSON.stringify({ id: 1, ...OBSERVE }))) as { result: { vms: { state: string }[] } };
        answers[readAhead ? 'prepared' : 'plain'] = r.result.vms[0]!.state;
        await agent.end();
      } finally {
        clock.mockRestore();
      }
    }
    expect(answers).toEqual({ plain: 'Starting', prepared: 'Starting' });
  });
});
