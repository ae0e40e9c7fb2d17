// The apply pool over real agent processes: N operations at concurrency c launch at most c
// agents, never run more than c at once, and replace an agent that died.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgentBackend } from '../../src/backends/agent-backend.js';
import type { HostOperation } from '../../src/core/plan/operations.js';

const fake = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fake-agent.mjs');
const dir = mkdtempSync(join(tmpdir(), 'hvc-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const launches = (log: string) => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length;
const op = (i: number): HostOperation => ({ op: 'vm.setNotes', args: { id: `id-${i}`, name: `vm-${i}`, notes: String(i) } });

function backend(mode: string, log: string, env: Record<string, string> = {}) {
  return new AgentBackend({ kind: 'sim', computerName: 'fake', launch: { command: process.execPath, args: [fake], env: { FAKE_MODE: mode, FAKE_LOG: log, ...env } } });
}

describe('PoolRunner', () => {
  for (const [n, c] of [
    [20, 1],
    [20, 3],
    [50, 4],
  ] as const) {
    it(`${n} operations at concurrency ${c} cost at most ${c} launches`, async () => {
      const log = join(dir, `pool-${n}-${c}.log`);
      const b = backend('slow', log, { FAKE_DELAY_MS: '20' });
      const runner = await b.runner(c);
      const outs = await Promise.all(Array.from({ length: n }, (_, i) => runner.run(op(i), 10_000)));
      expect(outs.every((o) => o.ok)).toBe(true);
      const pids = new Set(outs.map((o) => (o.ok ? (o.result as { pid: number }).pid : 0)));
      expect(pids.size).toBeLessThanOrEqual(c);
      expect(launches(log)).toBeLessThanOrEqual(c);
      expect(b.stats()).toEqual({ launches: launches(log), operations: n });
      await runner.close();
      await b.close();
      expect(b.liveAgents()).toBe(0);
    });
  }

  it('firstEnv reaches the first launch only, and that agent serves the first request (the sim observes on it)', async () => {
    const log = join(dir, 'first.log');
    const b = new AgentBackend({
      kind: 'sim',
      computerName: 'fake',
      launch: { command: process.execPath, args: [fake], env: { FAKE_MODE: 'echo', FAKE_LOG: log }, firstEnv: { FAKE_FIRST: 'first' } },
    });
    b.prestart(3); // as apply does before observe
    const first = await b.query({ op: 'doctor', args: { paths: [], images: [], switches: [] } }, 5000);
    const runner = await b.runner(3);
    await Promise.all(Array.from({ length: 6 }, (_, i) => runner.run(op(i), 5000)));
    await runner.close();
    await b.close();
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const marked = lines.filter((l) => l.endsWith(' first'));
    expect(marked).toHaveLength(1);
    expect(first.ok && String((first.result as { pid: number }).pid)).toBe(marked[0]!.split(' ')[0]);
  });

  it('observe + apply + re-observe in one run: still at most `concurrency` launches', async () => {
    const log = join(dir, 'run.log');
    const b = backend('echo', log);
    await b.query({ op: 'doctor', args: { paths: [], images: [], switches: [] } }, 5000);
    const runner = await b.runner(2);
    await Promise.all(Array.from({ length: 10 }, (_, i) => runner.run(op(i), 5000)));
    await runner.close();
    await b.query({ op: 'doctor', args: { paths: [], images: [], switches: [] } }, 5000);
    expect(launches(log)).toBeLessThanOrEqual(2);
    expect(b.stats().operations).toBe(12);
    await b.close();
  });

  it('a crashed agent is reported as agent-crashed and replaced by a new launch', async () => {
    const log = join(dir, 'crash.log');
    const b = backend('crash-second', log);
    const runner = await b.runner(1);
    const outs = [];
    for (let i = 0; i < 4; i++) outs.push(await runner.run(op(i), 5000));
    expect(outs.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['ok', 'agent-crashed', 'ok', 'agent-crashed']);
    expect(launches(log)).toBe(2);
    await b.close();
  });

  it('observe errors the agent reports: host trouble → host-unreachable, unreadable content → query-failed', async () => {
    const unreachable = backend('unknown-code', join(dir, 'u.log')); // answers hyperv-error
    const o1 = await unreachable.observe({ paths: [], neighbors: false });
    expect(o1).toMatchObject({ complete: false, incomplete: [{ code: 'host-unreachable' }] });
    await unreachable.close();
    const unreadable = backend('error-response', join(dir, 'q.log')); // answers invalid-state
    const o2 = await unreadable.observe({ paths: [], neighbors: false });
    expect(o2).toMatchObject({ complete: false, incomplete: [{ code: 'query-failed' }] });
    await unreadable.close();
  });

  it('a launch failure is a typed outcome, not a throw', async () => {
    const b = new AgentBackend({ kind: 'hyperv', computerName: 'hv01', launch: { command: join(dir, 'missing-pwsh'), args: [] } });
    const runner = await b.runner(2);
    const out = await runner.run(op(0), 5000);
    expect(out).toMatchObject({ ok: false, error: { code: 'agent-launch-failed' } });
    const obs = await b.observe({ paths: [], neighbors: false });
    expect(obs.complete).toBe(false);
    expect(obs.incomplete[0]!.code).toBe('agent-failed');
    await b.close();
  });
});
