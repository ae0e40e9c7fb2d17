// The sim state's lock, attacked with real processes: a lock left by a dead holder is broken by
// several waiting agents at the same moment. Exactly one of them may hold it at a time, so every
// read-modify-write survives (none is lost to a second holder's write).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import { tempDir, transpileForNode } from '../apply/helpers.js';

const CONTENDER = `
import { existsSync } from 'node:fs';
import { updateSimCounters } from './src/backends/sim/state.js';
const [file, go] = process.argv.slice(2);
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 1));
await updateSimCounters(file, (c) => {
  const n = c.stats.operations;
  const until = Date.now() + 15;
  while (Date.now() < until) { /* hold the lock a while: a second holder would overlap */ }
  c.stats.operations = n + 1;
});
`;

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir('hvc-simlock-');
  transpileForNode(['src/backends/sim/state.ts'], t.dir);
  writeFileSync(join(t.dir, 'contender.mjs'), CONTENDER);
});
afterAll(() => t.cleanup());

/** A pid that ran and has ended (the holder killed while holding the lock). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('sim state lock', () => {
  it.each([['a dead holder', () => String(deadPid())], ['a holder killed before it wrote its pid', () => '']])(
    'a stale lock of %s broken by 8 agents at once: one holder at a time, no update lost',
    async (label, content) => {
      for (let round = 0; round < 3; round++) {
        const tag = `${label.length}-${round}`;
        const file = join(t.dir, `host-${tag}.json`);
        createSimState(file, {});
        const before = readSimState(file).stats.operations;
        const text = content();
        writeFileSync(`${file}.lock`, text);
        // An empty lock counts as stale only once it is older than a moment.
        if (text === '') utimesSync(`${file}.lock`, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
        const go = join(t.dir, `go-${tag}`);
        const kids = Array.from({ length: 8 }, () => spawn(process.execPath, [join(t.dir, 'contender.mjs'), file, go], { cwd: t.dir, stdio: ['ignore', 'ignore', 'pipe'] }));
        const errs: string[] = [];
        const done = kids.map((k) => new Promise<number | null>((res) => { k.stderr!.on('data', (d: Buffer) => errs.push(d.toString())); k.on('close', res); }));
        await new Promise((r) => setTimeout(r, 300));
        writeFileSync(go, '');
        expect(await Promise.all(done)).toEqual(Array(8).fill(0));
        expect(errs.join('')).toBe('');
        expect(readSimState(file).stats.operations - before).toBe(8);
        expect(existsSync(`${file}.lock`)).toBe(false);
      }
    },
    60_000,
  );
});
