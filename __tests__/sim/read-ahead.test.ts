// The observing sim agent reads its host ahead of the request (at start, while its client hashes
// the config): counted, not timed. The parse made then is taken by the first request only while the
// state file still holds the very bytes parsed, so a request never sees a state older than itself —
// attacked here with another agent's change (a new file) and with a same-size write in place.
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentProcess } from '../../src/agent/client.js';
import { simAgentCommand } from '../../src/backends/sim/locate.js';
import { createSimState, fileHoldsBytes, simStateReads, updateSimState, type SimVmSeed } from '../../src/backends/sim/state.js';
import { tempDir } from '../support/run-cli.js';
import { ensureSimAgentBuilt, inProcessSimAgent } from './sim-helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function host(n: number): string {
  const dir = tempDir('hvc-readahead-');
  dirs.push(dir);
  const vms: SimVmSeed[] = Array.from({ length: n }, (_, i) => ({ name: `vm-${String(i).padStart(4, '0')}`, state: 'Off', notes: 'before' }));
  const file = join(dir, 'host.json');
  createSimState(file, { vms });
  return file;
}

const OBSERVE = { op: 'observe', args: { paths: [], neighbors: false } };
type Answer = { id: number; ok: boolean; result?: { vms: { name: string; notes: string }[] }; error?: { code: string; message: string } };

/** The in-process agent, its replies parsed. */
function inProcessAgent(file: string, readAhead: boolean) {
  const agent = inProcessSimAgent(file, readAhead);
  return { ...agent, ask: async (req: object): Promise<Answer> => JSON.parse(await agent.ask(req)) as Answer };
}

describe('the observing agent reads its host ahead', () => {
  it('parses the state file once, before its hello, and its observe takes that parse', async () => {
    const file = host(200);
    const before = simStateReads.parsed;
    const agent = inProcessAgent(file, true);
    expect(JSON.parse(await agent.hello())).toMatchObject({ type: 'hello', agent: 'sim' });
    expect(simStateReads.parsed - before).toBe(1); // read ahead, before the hello
    const a = await agent.ask(OBSERVE);
    expect(a.ok).toBe(true);
    expect(a.result!.vms).toHaveLength(200);
    expect(simStateReads.parsed - before).toBe(1); // the request parsed nothing more
    // Handed out once: a second observe reads the file again.
    expect((await agent.ask(OBSERVE)).ok).toBe(true);
    expect(simStateReads.parsed - before).toBe(2);
    await agent.end();
  });

  it('an agent not asked to (a pool member) reads at the request, as before', async () => {
    const file = host(20);
    const before = simStateReads.parsed;
    const agent = inProcessAgent(file, false);
    await agent.hello();
    expect(simStateReads.parsed - before).toBe(0);
    expect((await agent.ask(OBSERVE)).result!.vms).toHaveLength(20);
    expect(simStateReads.parsed - before).toBe(1);
    await agent.end();
  });

  it('a change another agent made after the read-ahead is what the request sees', async () => {
    const file = host(50);
    const agent = inProcessAgent(file, true);
    await agent.hello();
    // As another agent's change lands: a new file renamed over the state (not through this
    // process's own reader, which would take the parse itself).
    const state = JSON.parse(readFileSync(file, 'utf8')) as { vms: { notes: string }[] };
    state.vms[7]!.notes = 'changed by another agent';
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
    const before = simStateReads.parsed;
    const a = await agent.ask(OBSERVE);
    expect(a.result!.vms.find((v) => v.name === 'vm-0007')!.notes).toBe('changed by another agent');
    expect(simStateReads.parsed - before).toBe(1); // the stale parse was dropped, the file read again
    await agent.end();
  });

  it('a write in place of the same size (same file, same length) is seen too', async () => {
    const file = host(50);
    const agent = inProcessAgent(file, true);
    await agent.hello();
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/("name": ?"vm-0031",\s*"state": ?)"Off"/, '$1"Run"').replace(/("notes": ?)"before"/, '$1"after!"');
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    writeFileSync(file, edited); // in place: same inode, same size
    const a = await agent.ask(OBSERVE);
    expect(a.result!.vms.find((v) => v.name === 'vm-0000')!.notes).toBe('after!');
    expect(a.result!.vms.find((v) => v.name === 'vm-0031')).toMatchObject({ state: 'Run' });
    await agent.end();
  });

  it('a write in place past the first MiB of a large state (the bytes are compared piece by piece) is seen too', async () => {
    const file = host(3000);
    const text = readFileSync(file, 'latin1');
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const agent = inProcessAgent(file, true);
    await agent.hello();
    // The last VM's notes: in the file's third MiB, same length, same inode.
    const at = text.lastIndexOf('"notes":"before"');
    expect(at).toBeGreaterThan(2 * 1024 * 1024);
    writeFileSync(file, text.slice(0, at) + '"notes":"after!"' + text.slice(at + '"notes":"before"'.length), 'latin1');
    const before = simStateReads.parsed;
    const a = await agent.ask(OBSERVE);
    expect(a.result!.vms.find((v) => v.name === 'vm-2999')!.notes).toBe('after!');
    expect(simStateReads.parsed - before).toBe(1);
    await agent.end();
  });

  it('fileHoldsBytes is Buffer.equals of the file, whatever the piece size', () => {
    const dir = tempDir('hvc-holds-');
    dirs.push(dir);
    const file = join(dir, 'f');
    const bytes = fc.uint8Array({ maxLength: 40 });
    fc.assert(
      fc.property(bytes, fc.oneof(fc.constant(null), bytes), fc.integer({ min: 1, max: 50 }), fc.nat(), (a, other, chunk, flip) => {
        // The file: the same bytes, others, or the same with one byte changed, cut or added.
        let b = Buffer.from(other ?? a);
        if (other === null && flip % 4 === 1 && b.length > 0) b[flip % b.length] ^= 1;
        if (other === null && flip % 4 === 2) b = b.subarray(0, Math.max(0, b.length - 1));
        if (other === null && flip % 4 === 3) b = Buffer.concat([b, Buffer.from([flip & 255])]);
        writeFileSync(file, b);
        expect(fileHoldsBytes(file, Buffer.from(a), chunk)).toBe(Buffer.from(a).equals(b));
      }),
      { numRuns: 400 },
    );
    expect(fileHoldsBytes(join(dir, 'missing'), Buffer.alloc(0))).toBe(false);
  });

  it('a state file that turns unreadable after the read-ahead is reported by the request, not hidden', async () => {
    const file = host(10);
    const agent = inProcessAgent(file, true);
    await agent.hello();
    writeFileSync(file, '{"format":"hyperv-converge-sim","version":1,');
    const a = await agent.ask(OBSERVE);
    expect(a.ok).toBe(false);
    expect(a.error!.message).toContain('cannot read sim state');
    await agent.end();
  });
});

describe('through the built agent process', () => {
  it('the first agent a backend launches reads ahead; a change made after its hello is still seen', async () => {
    ensureSimAgentBuilt();
    const file = host(300);
    const { firstEnv, ...spec } = simAgentCommand(file);
    expect(firstEnv).toEqual({ HVC_SIM_READ_AHEAD: '1' });
    const agent = await AgentProcess.start({ ...spec, env: { ...firstEnv } });
    try {
      await updateSimState(file, (s) => {
        s.vms[299]!.notes = 'after the hello';
      });
      const out = await agent.request({ op: 'observe', args: { paths: [], neighbors: false } }, 30_000);
      expect(out.ok).toBe(true);
      const vms = (out as { result: { vms: { name: string; notes: string }[] } }).result.vms;
      expect(vms.find((v) => v.name === 'vm-0299')!.notes).toBe('after the hello');
    } finally {
      await agent.close();
    }
  });
});
