// Hostile configuration files through the built CLI: an alias bomb, a file past the size bound, a
// file with hundreds of thousands of mistakes, a megabytes-long key. Each must end as
// invalid-config, name the bound it hit, write nothing and launch no agent. (Time and memory are
// measured on whole commands and reported in docs/reliability.md, not asserted here.)
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import { CLI, snapshotTree, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir('hvc-bounds-');
  dirs.push(d);
  createSimState(join(d, 'host.json'), { computerName: 'HV-T', switches: [], folders: [], files: {}, vms: [] });
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the CLI, killed after `limitMs` (an unbounded run must fail the test, not hang it). */
function run(args: string[], cwd: string, limitMs = 45_000): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH, HOME: cwd, HVC_STATE_DIR: join(cwd, '.state') }, timeout: limitMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: unknown; killed?: boolean }) | null;
      resolve({ code: e ? (e.killed ? 'killed' : typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The ~530-byte "billion laughs": nine aliases per level, eight levels: 9^9 values once expanded. */
export function aliasBomb(): string {
  const lines = ['version: 1', 'project: lab', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push('vms:', '  - name: web-1', '    notes: *a8');
  return lines.join('\n') + '\n';
}

const SIM = ['--backend', 'sim', '--sim-state', 'host.json', '--out', 'out'];

async function expectRefused(dir: string, file: string, names: RegExp) {
  const before = snapshotTree(dir);
  const v = await run(['validate', '--config', file, '--json'], dir);
  expect(v.code).toBe(1);
  const summary = JSON.parse(v.stdout) as { failureReason: string; message: string; problems: unknown[] };
  expect(summary.failureReason).toBe('invalid-config');
  expect(summary.message).toMatch(names);
  expect(summary.problems.length).toBeLessThanOrEqual(101);
  expect(v.stderr).not.toMatch(/\n\s+at /); // no stack trace
  // plan and apply with the simulator: refused before observing; host file, artifacts: untouched
  for (const command of ['plan', 'apply']) {
    const p = await run([command, ...(command === 'apply' ? ['--auto-approve'] : []), '--config', file, ...SIM], dir);
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/invalid-config/);
  }
  expect(existsSync(join(dir, 'out', 'plan.json'))).toBe(false);
  const after = snapshotTree(dir);
  for (const k of Object.keys(after)) if (k.startsWith('out/') || k.startsWith('.state/')) delete after[k];
  expect(after).toEqual(before);
  return summary;
}

describe('hostile configuration files end as a bounded, typed invalid-config', () => {
  it('a YAML alias bomb of ~530 bytes is refused at the alias that passes the bound', async () => {
    const dir = work();
    const text = aliasBomb();
    expect(text.length).toBeLessThan(600);
    writeFileSync(join(dir, 'vms.yaml'), text);
    const s = await expectRefused(dir, 'vms.yaml', /1 problem/);
    expect(JSON.stringify(s.problems)).toMatch(/expands to more than 1,000,000 values through YAML aliases/);
  });

  it('a file that writes out more than 1,000,000 values without any alias is refused at that bound', async () => {
    // The count that expands aliases is skipped for a stream without one; the bound holds all the same.
    const dir = work();
    const text = `version: 1\nproject: lab\nvms:\n  - name: web-1\n    notes: x\nextra: [${Array(1_000_001).fill('1').join(',')}]\n`;
    expect(text.length).toBeLessThan(8 * 1024 * 1024);
    expect(text).not.toMatch(/[*&]/);
    writeFileSync(join(dir, 'vms.yaml'), text);
    const s = await expectRefused(dir, 'vms.yaml', /1 problem/);
    expect(JSON.stringify(s.problems)).toMatch(/the document holds more than 1,000,000 values; a configuration is refused past that bound/);
  });

  it('a file past the size bound is refused without being read whole', async () => {
    const dir = work();
    const body = 'version: 1\nproject: lab\nvms:\n' + '  - { name: v, cpus: 1 }\n'.repeat(400_000); // ~9.6 MB
    writeFileSync(join(dir, 'vms.yaml'), body);
    const s = await expectRefused(dir, 'vms.yaml', /1 problem/);
    expect(JSON.stringify(s.problems)).toMatch(/the file is too large \([\d,]+ bytes\); a configuration has at most 8,388,608 bytes/);
  });

  it('a file with 200,000 mistakes lists the first 100 and counts the rest', async () => {
    const dir = work();
    const vms = Array.from({ length: 50_000 }, (_, i) => `  - { name: v${i}, cpus: x, bogus: 1 }`).join('\n');
    writeFileSync(join(dir, 'vms.yaml'), `version: 1\nproject: lab\nvms:\n${vms}\n`);
    const s = await expectRefused(dir, 'vms.yaml', /: \d{6} problems \(the first 100 listed, and \d+ more\)/);
    expect(s.problems).toHaveLength(101);
    expect(s.problems[100]).toEqual({ message: expect.stringMatching(/^… [\d,]+ more problems \(only the first 100 are listed\)$/) });
    const v = await run(['validate', '--config', 'vms.yaml'], dir);
    expect(v.stderr.split('\n').length).toBeLessThan(110);
  });

  it('a key of millions of characters gets no suggestion work and is quoted cut short', async () => {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), `version: 1\nproject: lab\n${'k'.repeat(5_000_000)}: 1\nvms: []\n`);
    const s = await expectRefused(dir, 'vms.yaml', /1 problem/);
    expect(JSON.stringify(s.problems)).toMatch(/unknown key 'k{57}\.\.\. \(5000000 characters\)' at the top level/);
    const v = await run(['validate', '--config', 'vms.yaml'], dir);
    expect(v.stderr.length).toBeLessThan(2_000);
  });
});
