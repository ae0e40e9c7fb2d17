// The observing sim agent of a host of thousands of VMs runs without a garbage collection: its parse
// of the state lives until it exits, and in V8's default young generation every scavenge copied
// what was parsed so far (8 of them for the 10,000-VM bench host). Counted through V8's own trace on
// the very launch the backend uses (simAgentCommand), not timed.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SIM_YOUNG_STATE_BYTES, simAgentCommand, simAgentHeapFlags } from '../../src/backends/sim/locate.js';
import { createSimState, type SimVmSeed } from '../../src/backends/sim/state.js';
import { tempDir } from '../support/run-cli.js';
import { ensureSimAgentBuilt } from './sim-helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function host(n: number): string {
  const dir = tempDir('hvc-heap-');
  dirs.push(dir);
  const vms: SimVmSeed[] = Array.from({ length: n }, (_, i) => ({
    name: `vm-${String(i).padStart(5, '0')}`,
    state: i % 3 === 0 ? 'Off' : 'Running',
    notes: 'hyperv-converge: project=heap',
    disks: [{ path: `D:\\vms\\vm-${i}.vhdx`, sizeBytes: 68719476736, parentPath: 'D:\\images\\base.vhdx' }],
  }));
  const file = join(dir, 'host.json');
  createSimState(file, { vms });
  return file;
}

/** Runs the backend's own launch of the observing agent with V8's GC trace; counts the collections. */
async function observeCountingGcs(file: string): Promise<{ gcs: number; vms: number }> {
  const { command, args, firstEnv } = simAgentCommand(file);
  const child = spawn(command, ['--trace-gc', ...args], { env: { ...process.env, ...firstEnv }, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => {
    out += c;
    // stdin stays open until the answer is in: the agent ends when it ends.
    if (out.includes('{"id":1') && out.endsWith('\n') && out.slice(out.indexOf('{"id":1')).includes('\n')) child.stdin.end();
  });
  child.stdin.write('{"id":1,"op":"observe","args":{"paths":[],"neighbors":false}}\n');
  await new Promise((resolve) => child.once('close', resolve));
  const lines = out.split('\n');
  const answer = JSON.parse(lines.find((l) => l.startsWith('{"id":1'))!) as { ok: boolean; result: { vms: unknown[] } };
  expect(answer.ok).toBe(true);
  return { gcs: lines.filter((l) => /: (Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep)/i.test(l)).length, vms: answer.result.vms.length };
}

describe('the sim agent heap', () => {
  it('observes a host of 7,000 VMs (a state file of several MiB) without one garbage collection', async () => {
    ensureSimAgentBuilt();
    const file = host(7000);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    expect(size).toBeLessThanOrEqual(SIM_YOUNG_STATE_BYTES);
    expect(await observeCountingGcs(file)).toEqual({ gcs: 0, vms: 7000 });
  }, 120_000);

  it('leaves a small or a very large state to V8 defaults', () => {
    const small = host(10);
    expect(simAgentHeapFlags(small)).toEqual([]);
    expect(simAgentHeapFlags(join(small, '..', 'missing.json'))).toEqual([]);
  });
});
