// Apply progress through the engine's logger (what both the CLI and the action log show): a step that
// runs long gets 'still running' lines, numbered like its start and end lines; a quick one gets none.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import type { Logger } from '../../src/engine/log.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import { tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function capture(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`), error: (m) => lines.push(`error: ${m}`), debug() {}, group: (_n, fn) => fn() } };
}

describe('apply progress', () => {
  it('a long step gets heartbeat lines between its start and its end; each step ends once', async () => {
    const dir = tempDir('hvc-progress-');
    dirs.push(dir);
    writeFileSync(join(dir, 'vms.yaml'), "version: 1\nproject: p\ndefaults: { cpus: 1, memory: 1GB, switch: null, image: null, path: 'D:\\vms' }\nvms:\n  - name: slow\n    state: stopped\n  - name: quick\n    state: running\n");
    const GiB = 1024 ** 3;
    const vm = (name: string, n: number, state: string) => ({
      name, id: `00000000-0000-4000-8000-00000000000${n}`, state, cpus: 1, notes: 'hyperv-converge: project=p', path: 'D:\\vms',
      memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB }, adapters: [],
    });
    createSimState(join(dir, 'host.json'), { folders: ['D:\\vms'], vms: [vm('slow', 1, 'Running'), vm('quick', 2, 'Off')], knobs: { opLatencyMs: { 'vm.stop': 700 } } });
    const { log, lines } = capture();
    const out = await runPipeline({ mode: 'apply', configPath: join(dir, 'vms.yaml'), backend: { kind: 'sim', stateFile: join(dir, 'host.json') }, outDir: join(dir, 'out'), stateDir: join(dir, 'state'), log, heartbeatMs: 150 });
    expect(out.result.status).toBe('applied');
    const slow = lines.filter((l) => l.includes('slow: stop'));
    expect(slow[0]).toMatch(/^\[\d\/2\] slow: stop …$/);
    expect(slow.at(-1)).toMatch(/^\[\d\/2\] slow: stop done \(\d+ ms\)$/);
    const beats = slow.filter((l) => l.includes('still running'));
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(beats[0]).toMatch(/^\[\d\/2\] slow: stop: still running \(\d+ s elapsed\)$/);
    const tag = slow[0]!.slice(0, 5);
    expect(slow.every((l) => l.startsWith(tag))).toBe(true);
    // Every heartbeat falls between its own step's start and end lines.
    lines.forEach((l, i) => {
      const m = /^(\[\d\/2\] \S+: \S+): still running/.exec(l);
      if (!m) return;
      expect(lines.slice(0, i).some((x) => x === `${m[1]} …`)).toBe(true);
      expect(lines.slice(i + 1).some((x) => x.startsWith(`${m[1]} done`))).toBe(true);
    });
    expect(lines.filter((l) => / done \(/.test(l)).length).toBe(2);
  });
});
