// The operator's CLI experience (issue 13), through the bundled dist/cli/index.js as a user runs it:
// per-command options and help, confirmation before apply, progress lines, the host lock's holder,
// unlock, status, adopt, --target, apply --plan, colours, and a simulated host seeded from the file.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createSimState, readSimState, updateSimState, type SimSeed } from '../../src/backends/sim/state.js';
import { acquireHostLock } from '../../src/engine/apply/lock.js';
import { hostKeyOf } from '../../src/engine/state-location.js';
import { CLI, readJson, ROOT, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir('hvc-ux-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const GiB = 1024 ** 3;
const NOW = { HVC_NOW: '2026-11-22T12:00:00.000Z' };

/** Three VMs of ours (one to create), one made by hand; returns the args that select it. */
function lab(dir: string, seed: Partial<SimSeed> = {}) {
  writeFileSync(
    join(dir, 'vms.yaml'),
    `version: 1
project: t
defaults: { cpus: 2, memory: 1GB, switch: lab-net, image: 'D:\\img\\base.vhdx', path: 'D:\\vms' }
policy: { allowRestart: true }
vms:
  - name: a
    cpus: 4
  - name: b
    state: stopped
  - name: c
  - name: handmade
`,
  );
  const mk = (name: string, n: number, notes = 'hyperv-converge: project=t') => ({
    name,
    id: `00000000-0000-4000-8000-00000000000${n}`,
    state: 'Running',
    cpus: 2,
    memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
    notes,
    path: 'D:\\vms',
    adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: `00155D00000${n}`, dynamicMac: true, ips: [] }],
    guest: { ips: [`10.0.0.${n}`] },
  });
  createSimState(join(dir, 'host.json'), {
    computerName: 'HV-T',
    switches: [{ name: 'lab-net', type: 'External' }],
    folders: ['D:\\vms'],
    files: { 'D:\\img\\base.vhdx': { sizeBytes: 20 * GiB } },
    vms: [mk('a', 1), mk('b', 2), mk('handmade', 4, 'built by hand')],
    ...seed,
  });
  return ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'];
}

const vmsOf = (dir: string) => readSimState(join(dir, 'host.json')).vms.map((v) => `${v.name}:${v.state}:${v.cpus}:${v.notes}`).sort();

describe('command line: options fit the command, help, version, typos', () => {
  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], { cwd: work() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`hyperv-converge ${readJson<{ version: string }>(join(ROOT, 'package.json')).version}`);
  });

  it('each command has its own help; the global help lists every command', async () => {
    const dir = work();
    const global = await runCli(['--help'], { cwd: dir });
    const apply = await runCli(['apply', '--help'], { cwd: dir });
    expect(apply.code).toBe(0);
    expect(apply.stdout).not.toBe(global.stdout);
    expect(apply.stdout).toMatch(/^usage: hyperv-converge apply/);
    expect(apply.stdout).toContain('--auto-approve');
    expect((await runCli(['validate', '--help'], { cwd: dir })).stdout).not.toContain('--plan-hash');
    for (const c of ['validate', 'plan', 'apply', 'drift', 'status', 'adopt', 'unlock', 'doctor', 'reconcile']) expect(global.stdout).toContain(`  ${c} `);
  });

  it('an option the command does not take is a usage error naming it (not silently ignored)', async () => {
    const r = await runCli(['plan', '--concurrency', '9', '--plan-hash', 'x'], { cwd: work() });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('plan does not take --concurrency, --plan-hash');
    expect(r.stdout).toBe('');
  });

  it('a mistyped command or option suggests the right one', async () => {
    const dir = work();
    const cmd = await runCli(['aply'], { cwd: dir });
    expect(cmd.code).toBe(64);
    expect(cmd.stderr).toContain("unknown command 'aply'; did you mean 'apply'?");
    const opt = await runCli(['plan', '--taget', 'a'], { cwd: dir });
    expect(opt.code).toBe(64);
    expect(opt.stderr).toContain("did you mean '--target'?");
  });

  it('colours: only on a terminal or with FORCE_COLOR; NO_COLOR and --no-color turn them off', async () => {
    const dir = work();
    const args = lab(dir);
    const esc = /\x1b\[/;
    expect((await runCli(['plan', ...args], { cwd: dir })).stderr).not.toMatch(esc);
    expect((await runCli(['plan', ...args], { cwd: dir, env: { FORCE_COLOR: '1' } })).stderr).toMatch(esc);
    expect((await runCli(['plan', ...args, '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stderr).not.toMatch(esc);
    expect((await runCli(['plan', ...args], { cwd: dir, env: { NO_COLOR: '1' } })).stderr).not.toMatch(esc);
  });
});

describe('apply: the plan first, a confirmation, one line per step', () => {
  it('without a terminal and without --auto-approve, apply is a usage error that changes nothing', async () => {
    const dir = work();
    const args = lab(dir);
    const before = vmsOf(dir);
    const r = await runCli(['apply', ...args], { cwd: dir });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('pass --auto-approve');
    expect(vmsOf(dir)).toEqual(before);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('prints the plan before any step, numbers each step [n/N] as it starts and ends, and each result once', async () => {
    const dir = work();
    const args = lab(dir);
    const r = await runCli(['apply', ...args, '--auto-approve'], { cwd: dir });
    const lines = r.stderr.split('\n');
    const planAt = lines.findIndex((l) => l.startsWith('Plan: '));
    const firstStep = lines.findIndex((l) => /^\[1\/\d+\]/.test(l));
    expect(planAt).toBeGreaterThan(0);
    expect(firstStep).toBeGreaterThan(planAt);
    expect(lines.filter((l) => l.startsWith('Plan for project')).length).toBe(1);
    const n = Number(/^\[1\/(\d+)\]/.exec(lines[firstStep]!)![1]);
    const ends = lines.filter((l) => /^\[\d+\/\d+\] .* (done|FAILED|TIMED OUT|skipped)/.test(l));
    const starts = lines.filter((l) => /^\[\d+\/\d+\] .* …$/.test(l));
    expect(starts.length).toBe(n);
    expect(ends.length).toBe(n);
    expect(new Set(ends.map((l) => l.replace(/ \(\d+ ms\)$/, ''))).size).toBe(n);
    for (const e of ends) expect(lines.filter((l) => l.includes(e.replace(/^\[\d+\/\d+\] /, '').replace(/ done.*$/, ' done'))).length).toBe(1);
    expect(r.stderr).toMatch(/Apply: \d+ of \d+ step\(s\) succeeded/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? it : it.skip)('on a terminal it asks; anything but "yes" cancels with nothing changed, "yes" applies', async () => {
    const dir = work();
    const args = lab(dir);
    const before = vmsOf(dir);
    // util-linux `script` gives the CLI a pseudo-terminal; the answer arrives on it.
    const onTty = (answer: string) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        const cmd = [process.execPath, CLI, 'apply', ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
        const child = execFile('script', ['-qfec', cmd, '/dev/null'], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state'), TERM: 'dumb' } }, (err, stdout) => {
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout });
        });
        child.stdin!.write(`${answer}\n`);
      });
    const no = await onTty('no');
    expect(no.out).toContain('Plan: ');
    expect(no.out).toContain("Only 'yes' is accepted");
    expect(no.out).toContain('Apply cancelled.');
    expect(no.out).toContain('not-approved');
    expect(no.code).toBe(1);
    expect(vmsOf(dir)).toEqual(before);
    const yes = await onTty('yes');
    expect(yes.code).toBe(3); // applied; the hand-made VM stays refused
    expect(yes.out).toMatch(/apply: safety-refused: 6 step\(s\) applied/);
    expect(yes.out.indexOf('Plan: ')).toBeLessThan(yes.out.indexOf('[1/'));
    expect(vmsOf(dir)).not.toEqual(before);
  });

  it('waiting for the host lock says who holds it and for how long it waits; unlock shows and releases it', async () => {
    const dir = work();
    const args = lab(dir);
    const stateDir = join(dir, '.state');
    const hostKey = hostKeyOf({ kind: 'sim', stateFile: join(dir, 'host.json') });
    const held = await acquireHostLock(stateDir, hostKey, { holder: { runId: 'run-4711', pid: process.pid, hostname: hostname(), startedAt: '2026-11-22T11:00:00.000Z' }, waitMs: 0 });
    try {
      const r = await runCli(['apply', ...args, '--auto-approve', '--lock-wait', '1'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`waiting up to 1 s for the host lock of '${hostKey}', held by run run-4711 (pid ${process.pid} on ${hostname()}, since 2026-11-22T11:00:00.000Z)`);
      expect(r.stderr).toContain('apply: locked:');
      const show = await runCli(['unlock', ...args], { cwd: dir });
      expect(show.code).toBe(1);
      expect(show.stderr).toContain('held by run run-4711');
      expect(show.stderr).toContain('hyperv-converge unlock run-4711');
      const wrong = await runCli(['unlock', 'run-1', ...args], { cwd: dir });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('not released');
      const ok = await runCli(['unlock', 'run-4711', ...args, '--json'], { cwd: dir });
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ released: true, holder: { runId: 'run-4711' } });
      expect((await runCli(['apply', ...args, '--auto-approve', '--lock-wait', '0'], { cwd: dir })).stderr).toContain('step(s) applied');
    } finally {
      await held.release();
    }
    expect((await runCli(['apply', ...args, '--lock-wait', 'soon', '--auto-approve'], { cwd: dir })).code).toBe(64);
  });
});

describe('saved plans, targets, status, adopt', () => {
  it('apply --plan applies exactly a saved plan while it hashes the same, and refuses it once the host moved', async () => {
    const dir = work();
    const args = lab(dir);
    expect((await runCli(['plan', ...args, '--target', 'a', '-o', 'saved'], { cwd: dir, env: NOW })).code).toBe(2);
    const saved = readJson<{ planHash: string; targets: string[]; steps: { vm: string }[] }>(join(dir, 'saved', 'plan.json'));
    expect(saved.targets).toEqual(['a']);
    expect(new Set(saved.steps.map((s) => s.vm))).toEqual(new Set(['a']));
    // The host moves after the review: the saved plan no longer holds; nothing is applied.
    await updateSimState(join(dir, 'host.json'), (s) => {
      s.vms.find((v) => v.name === 'a')!.cpus = 3;
    });
    const before = vmsOf(dir);
    const stale = await runCli(['apply', ...args, '--plan', 'saved/plan.json'], { cwd: dir, env: NOW });
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain('plan-changed');
    expect(vmsOf(dir)).toEqual(before);
    // Planned again and applied from the file: only a's steps ran, without a prompt.
    await runCli(['plan', ...args, '--target', 'a', '-o', 'saved'], { cwd: dir, env: NOW });
    const r = await runCli(['apply', ...args, '--plan', 'saved/plan.json', '--json'], { cwd: dir, env: NOW });
    const out = JSON.parse(r.stdout);
    expect(out.planHash).toBe(readJson(join(dir, 'saved', 'plan.json')).planHash);
    expect(readJson<{ steps: { vm: string }[] }>(join(dir, 'out', 'result.json')).steps.map((s) => s.vm)).toEqual(expect.arrayContaining(['a']));
    expect(readJson<{ steps: { vm: string }[] }>(join(dir, 'out', 'result.json')).steps.every((s) => s.vm === 'a')).toBe(true);
    expect(readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'b')!.state).toBe('Running');
    // Not a plan.json, or a target beside it: usage errors.
    writeFileSync(join(dir, 'junk.json'), '{"schemaVersion": 1}');
    expect((await runCli(['apply', ...args, '--plan', 'junk.json'], { cwd: dir })).code).toBe(64);
    expect((await runCli(['apply', ...args, '--plan', 'saved/plan.json', '--target', 'b'], { cwd: dir })).code).toBe(64);
  });

  it('--target limits plan to the named VMs (repeatable) and rejects a name that matches nothing', async () => {
    const dir = work();
    const args = lab(dir);
    const full = await runCli(['plan', ...args, '--json'], { cwd: dir, env: NOW });
    const two = await runCli(['plan', ...args, '--target', 'b', '--target', 'C', '--json'], { cwd: dir, env: NOW });
    expect(JSON.parse(two.stdout).counts).toMatchObject({ create: 1, change: 1, refused: 0 });
    expect(JSON.parse(two.stdout).planHash).not.toBe(JSON.parse(full.stdout).planHash);
    const typo = await runCli(['plan', ...args, '--target', 'handmde'], { cwd: dir });
    expect(typo.code).toBe(64);
    expect(typo.stderr).toContain("did you mean 'handmade'?");
  });

  it('status: each VM with its state, addresses, owner and drift; writes nothing', async () => {
    const dir = work();
    const args = lab(dir);
    const r = await runCli(['status', ...args, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.host).toBe('HV-T');
    const by = Object.fromEntries(s.vms.map((v: { vm: string }) => [v.vm, v]));
    expect(by.a).toMatchObject({ state: 'Running', addresses: ['10.0.0.1'], owner: 't', drift: 'drift', detail: ['stop', 'set-cpus', 'start'] });
    expect(by.c).toMatchObject({ state: 'absent', owner: null, drift: 'drift', detail: ['create', 'start'] });
    expect(by.handmade).toMatchObject({ owner: null, drift: 'refused', detail: ['unmanaged'] });
    expect(r.stderr).toMatch(/handmade +Running +10\.0\.0\.4 +— +refused: unmanaged/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('adopt: a plan with one step that writes the marker, confirmed; the user notes are kept', async () => {
    const dir = work();
    const args = lab(dir);
    expect((await runCli(['adopt', 'handmade', ...args], { cwd: dir })).code).toBe(64); // no terminal, not approved
    expect((await runCli(['adopt', 'nosuch', ...args, '--auto-approve'], { cwd: dir })).code).toBe(64);
    expect((await runCli(['adopt', ...args, '--auto-approve'], { cwd: dir })).code).toBe(64);
    const r = await runCli(['adopt', 'handmade', ...args, '--auto-approve', '--json'], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    const plan = readJson<{ steps: { vm: string; action: string }[] }>(join(dir, 'out', 'plan.json'));
    expect(plan.steps.map((s) => `${s.vm} ${s.action}`)).toEqual(['handmade set-notes']);
    expect(r.stderr).toContain('set-notes        no ownership marker → hyperv-converge: project=t');
    expect(readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'handmade')!.notes).toBe('built by hand\nhyperv-converge: project=t');
    const after = JSON.parse((await runCli(['status', ...args, '--json'], { cwd: dir })).stdout);
    expect(after.vms.find((v: { vm: string }) => v.vm === 'handmade')).toMatchObject({ owner: 't' });
    // Owned by another project: refused, unchanged.
    await updateSimState(join(dir, 'host.json'), (s) => {
      s.vms.find((v) => v.name === 'a')!.notes = 'hyperv-converge: project=other';
    });
    const other = await runCli(['adopt', 'a', ...args, '--auto-approve'], { cwd: dir });
    expect(other.stderr).toContain('owned-by-other');
    expect(readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'a')!.notes).toBe('hyperv-converge: project=other');
  });
});

describe("the README's quick start", () => {
  it('apply applies the eight steps policy allows and names what still differs; a second apply runs no step', async () => {
    const dir = work();
    expect((await runCli(['plan'], { cwd: dir })).code).toBe(3);
    const first = await runCli(['apply', '--auto-approve', '--json'], { cwd: dir });
    expect(first.code).toBe(3);
    expect(readJson<{ steps: { outcome: string }[] }>(join(dir, 'out', 'result.json')).steps.filter((s) => s.outcome === 'succeeded')).toHaveLength(8);
    expect(first.stderr).toContain('Still differs: web-1 (blocked: needs-restart), legacy-app (refused: unmanaged), prod-db-1 (refused: protected)');
    const second = await runCli(['apply', '--auto-approve'], { cwd: dir });
    expect(readJson<{ steps: unknown[] }>(join(dir, 'out', 'result.json')).steps).toEqual([]);
    expect(second.stderr).not.toMatch(/^\[1\//m);
    expect(second.stderr).toContain('apply: safety-refused: 0 step(s) applied');
  });
});

describe('the simulated host', () => {
  it('--sim-state with a missing file seeds an empty host with the config\'s switches and images, then plans creates', async () => {
    const dir = work();
    lab(dir);
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'new.json', '--json'], { cwd: dir });
    expect(r.stderr).toContain("seeded the simulated host");
    expect(r.stderr).toContain("as an empty host with the config's 1 switch, 1 folder and 1 base image");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ create: 4, refused: 0 });
    const s = readSimState(join(dir, 'new.json'));
    expect(s.host.switches.map((w) => w.name)).toEqual(['lab-net']);
    expect(s.vms).toEqual([]);
  });

  it('the CLI and the action\'s sim backend seed the same lab host (examples/lab/host.json)', async () => {
    const { createBackend } = await import('../../src/backends/index.js');
    const dir = work();
    const be = createBackend({ kind: 'sim', stateFile: join(dir, 'action-host.json') });
    try {
      const obs = await be.observe({ paths: [], neighbors: false });
      const seed = JSON.parse(readFileSync(join(ROOT, 'examples', 'lab', 'host.json'), 'utf8')) as { computerName: string; vms: { name: string }[] };
      expect(obs.host.computerName).toBe(seed.computerName);
      expect(obs.vms.map((v) => v.name).sort()).toEqual(seed.vms.map((v) => v.name).sort());
    } finally {
      await be.close();
    }
  });
});
