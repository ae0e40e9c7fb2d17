// The CLI end to end: the bundled dist/cli/index.js in its own process, driving the simulated host's
// agent processes over the same stdio protocol the Hyper-V agent speaks.
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactProblems } from '../../src/artifacts/validate.js';
import { createSimState, readSimState, type SimSeed } from '../../src/backends/sim/state.js';
import { readJson, ROOT, runCli, snapshotTree, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const NOW = { HVC_NOW: '2026-11-22T12:00:00.000Z' };
const GiB = 1024 ** 3;

/** A small lab: three VMs of ours on a simulated host, one of them to create. */
function smallLab(dir: string, extraYaml = '', seed: Partial<SimSeed> = {}) {
  writeFileSync(
    join(dir, 'vms.yaml'),
    `version: 1
project: t
host: { concurrency: 3 }
defaults: { cpus: 2, memory: 1GB, switch: lab-net, image: 'D:\\img\\base.vhdx', path: 'D:\\vms' }
policy: { allowRestart: true }
vms:
  - name: a
    cpus: 4
  - name: b
    state: stopped
  - name: c
  - name: gone
    state: absent
${extraYaml}`,
  );
  const mk = (name: string, id: string) => ({
    name,
    id,
    state: 'Running',
    cpus: 2,
    memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
    notes: 'hyperv-converge: project=t',
    path: 'D:\\vms',
    adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: `00155D0000${id.slice(-2)}`, dynamicMac: true, ips: [] }],
  });
  createSimState(join(dir, 'host.json'), {
    computerName: 'HV-T',
    switches: [{ name: 'lab-net', type: 'External' }],
    folders: ['D:\\vms'],
    files: { 'D:\\img\\base.vhdx': { sizeBytes: 20 * GiB } },
    vms: [mk('a', '00000000-0000-4000-8000-000000000001'), mk('b', '00000000-0000-4000-8000-000000000002'), mk('gone', '00000000-0000-4000-8000-000000000003')],
    ...seed,
  });
  return ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'];
}

describe('hyperv-converge CLI', () => {
  it('validate: exit 0 for a valid file; exit 1 with file:line:column for a bad one', async () => {
    const dir = work();
    smallLab(dir);
    expect((await runCli(['validate', '--config', 'vms.yaml'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nproject: t\nvms:\n  - name: a\n    cpus: 2\n    memroy: 1GB\n    path: D:\\vms\n');
    const bad = await runCli(['validate', '--config', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.yaml:6:5: .*memroy/);
    expect(bad.stderr).toContain('invalid-config');
  });

  it('a UNC base image with a remote host is refused at its line with the second-hop fix; the same file for the local host is valid', async () => {
    const dir = work();
    const yaml = (hostLine: string) => `version: 1\nproject: t\n${hostLine}defaults: { cpus: 2, memory: 1GB, path: 'D:\\vms' }\nvms:\n  - name: a\n    image: '\\\\files\\images\\base.vhdx'\n`;
    writeFileSync(join(dir, 'remote.yaml'), yaml('host: { computerName: HV01 }\n'));
    writeFileSync(join(dir, 'local.yaml'), yaml(''));
    const bad = await runCli(['validate', '--config', 'remote.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/remote\.yaml:7:12: image '\\\\files\\images\\base\.vhdx' is on a network share, which remote host 'HV01' cannot read/);
    expect(bad.stderr).toContain('copy the image to a local path on HV01 (such as D:\\images\\base.vhdx)');
    expect(bad.stderr).toContain('https://learn.microsoft.com/en-us/powershell/scripting/security/remoting/ps-remoting-second-hop');
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await runCli(['validate', '--config', 'local.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('uses ./vms.yaml of the working directory when no --config is given', async () => {
    const dir = work();
    smallLab(dir);
    const r = await runCli(['plan', '--backend', 'sim', '--sim-state', 'host.json', '--json'], { cwd: dir });
    expect(r.stderr).not.toContain('embedded example');
    expect(r.stderr).toContain(`config ${join(dir, 'vms.yaml')}: project 't'`);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'changes', counts: { create: 1 } });
  });

  it('usage errors exit 64', async () => {
    const dir = work();
    expect((await runCli(['frobnicate'], { cwd: dir })).code).toBe(64);
    expect((await runCli(['plan', '--bogus'], { cwd: dir })).code).toBe(64);
    smallLab(dir);
    expect((await runCli(['plan', '--config', 'vms.yaml', '--backend', 'replay'], { cwd: dir })).code).toBe(64);
  });

  it('the embedded default plans the lab example: refusals exit 3, artifacts valid, nothing mutated', async () => {
    const dir = work();
    const r = await runCli(['plan'], { cwd: dir, env: NOW });
    expect(r.stderr).toContain('using the embedded example');
    expect(r.stderr).toMatch(/\+ web-2/);
    expect(r.stderr).toMatch(/! prod-db-1 +refused \(protected\)/);
    expect(r.stderr).toMatch(/! legacy-app +refused \(unmanaged\)/);
    expect(r.stderr).toMatch(/Plan: 1 to create, 2 to change, 1 to destroy, 3 refused\/blocked/);
    expect(r.code).toBe(3);
    for (const kind of ['current', 'plan', 'result'] as const) {
      expect(artifactProblems(kind, readJson(join(dir, 'out', `${kind}.json`)))).toEqual([]);
    }
    const state = readSimState(join(dir, '.hvc', 'sim', 'vms-host.json'));
    const seed = readJson<{ vms: { name: string; state: string }[] }>(join(ROOT, 'examples', 'lab', 'host.json'));
    expect(state.vms.map((v) => `${v.name}:${v.state}`)).toEqual(seed.vms.map((v) => `${v.name}:${v.state}`));
  });

  it('plan performs zero mutations and writes nothing outside --out (replay: not one byte)', async () => {
    const dir = work();
    const args = smallLab(dir);
    await runCli(['plan', ...args, '--out', 'rec'], { cwd: dir, env: NOW });
    const before = readSimState(join(dir, 'host.json'));
    const r = await runCli(['plan', ...args], { cwd: dir, env: NOW });
    expect(r.code).toBe(2);
    const after = readSimState(join(dir, 'host.json'));
    expect(after.vms).toEqual(before.vms);
    expect(after.stats.operations - before.stats.operations).toBe(1); // the one observe
    // With a recording as the host, the whole tree outside out/ stays byte-identical.
    const snap = snapshotTree(dir);
    const replay = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'replay', '--replay', 'rec/current.json', '--out', 'out2'], { cwd: dir, env: NOW });
    expect(replay.code).toBe(2);
    const later = snapshotTree(dir);
    for (const k of Object.keys(later)) if (!k.startsWith('out2')) expect([k, later[k]]).toEqual([k, snap[k]]);
    expect(Object.keys(later).filter((k) => !(k in snap)).sort()).toEqual(['out2/current.json', 'out2/plan.json', 'out2/result.json']);
    // A recording replays to the very plan the live host gave.
    expect(readJson(join(dir, 'out2', 'plan.json')).planHash).toBe(readJson(join(dir, 'out', 'plan.json')).planHash);
  });

  it('same inputs give byte-identical artifacts', async () => {
    const dir = work();
    const args = smallLab(dir);
    await runCli(['plan', ...args, '--out', 'one'], { cwd: dir, env: NOW });
    await runCli(['plan', ...args, '--out', 'two'], { cwd: dir, env: NOW });
    for (const f of ['current.json', 'plan.json', 'result.json']) {
      const text = readFileSync(join(dir, 'one', f), 'utf8');
      expect(readFileSync(join(dir, 'two', f), 'utf8')).toBe(text);
      // Short files are indented with two spaces (docs/artifacts.md); past 1 MiB, one line (structural.test.ts).
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    }
  });

  it('apply converges (create, change with restart, stop, remove); a second apply is a no-op', async () => {
    const dir = work();
    const args = smallLab(dir);
    const first = await runCli(['apply', '--auto-approve', ...args, '--json'], { cwd: dir, env: NOW });
    expect(first.stderr).not.toContain('FAIL');
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'applied', failureReason: null, converged: true });
    expect(first.code).toBe(0);
    const state = readSimState(join(dir, 'host.json'));
    const byName = Object.fromEntries(state.vms.map((v) => [v.name, v]));
    expect(Object.keys(byName).sort()).toEqual(['a', 'b', 'c']);
    expect(byName.a).toMatchObject({ cpus: 4, state: 'Running' });
    expect(byName.b!.state).toBe('Off');
    expect(byName.c).toMatchObject({ state: 'Running', notes: 'hyperv-converge: project=t' });
    const result = readJson<{ steps: { outcome: string }[]; converged: boolean }>(join(dir, 'out', 'result.json'));
    expect(result.converged).toBe(true);
    expect(result.steps.every((s) => s.outcome === 'succeeded')).toBe(true);

    const opsBefore = readSimState(join(dir, 'host.json')).stats.operations;
    const second = await runCli(['apply', '--auto-approve', ...args, '--json'], { cwd: dir, env: NOW });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: 'applied', converged: true, counts: { create: 0, change: 0, destroy: 0, refused: 0 } });
    expect(readSimState(join(dir, 'host.json')).stats.operations - opsBefore).toBe(2); // observe + verify, no mutation
  });

  it('apply refuses the replay backend and a changed plan, mutating nothing', async () => {
    const dir = work();
    const args = smallLab(dir);
    await runCli(['plan', ...args], { cwd: dir });
    const replay = await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'replay', '--replay', 'out/current.json'], { cwd: dir });
    expect(replay.code).toBe(64);
    expect(replay.stderr).toContain('apply refuses the replay backend');
    const before = readSimState(join(dir, 'host.json'));
    const changed = await runCli(['apply', ...args, '--plan-hash', `sha256:${'0'.repeat(64)}`], { cwd: dir });
    expect(changed.code).toBe(3);
    expect(changed.stderr).toContain('plan-changed');
    expect(readSimState(join(dir, 'host.json')).vms).toEqual(before.vms);
    const reviewed = readJson<{ planHash: string }>(join(dir, 'out', 'plan.json')).planHash;
    expect((await runCli(['apply', ...args, '--plan-hash', reviewed], { cwd: dir })).code).toBe(0);
  });

  it('drift: exit 0 when the host matches, 2 when it drifted', async () => {
    const dir = work();
    const args = smallLab(dir);
    expect((await runCli(['drift', ...args], { cwd: dir })).code).toBe(2);
    await runCli(['apply', '--auto-approve', ...args], { cwd: dir });
    const clean = await runCli(['drift', ...args], { cwd: dir });
    expect(clean.stderr).toContain('drift: none');
    expect(clean.code).toBe(0);
  });

  it('an unreachable host is an incomplete observation: exit 1, nothing planned, the reason in plan.json', async () => {
    const dir = work();
    const args = smallLab(dir, '', { knobs: { failLaunch: true } });
    const r = await runCli(['plan', ...args], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('observation-incomplete');
    const plan = readJson<{ actionable: boolean; steps: unknown[]; refusals: { code: string }[] }>(join(dir, 'out', 'plan.json'));
    expect(plan).toMatchObject({ actionable: false, steps: [] });
    expect(plan.refusals[0]!.code).toBe('observation-incomplete');
  });

  it('apply of a 50-VM plan costs at most `concurrency` agent launches', async () => {
    const dir = work();
    const vms = Array.from({ length: 50 }, (_, i) => `  - name: vm-${String(i).padStart(2, '0')}`).join('\n');
    writeFileSync(join(dir, 'vms.yaml'), `version: 1\nproject: t\ndefaults: { cpus: 1, memory: 512MB, path: 'D:\\vms' }\nvms:\n${vms}\n`);
    createSimState(join(dir, 'host.json'), { folders: ['D:\\vms'] });
    const r = await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--concurrency', '4', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'applied', counts: { create: 50 } });
    const state = readSimState(join(dir, 'host.json'));
    expect(state.vms).toHaveLength(50);
    expect(state.vms.every((v) => v.state === 'Running')).toBe(true);
    expect(state.stats.launches).toBeLessThanOrEqual(4);
    expect(state.stats.operations).toBe(1 + 100 + 1); // observe, create+start per VM, verify
  });

  it('reconcile reports per VM why no address was found, as a typed failure in result.json', async () => {
    const dir = work();
    writeFileSync(
      join(dir, 'vms.yaml'),
      `version: 1\nproject: t\ndefaults: { cpus: 1, memory: 512MB, path: 'D:\\vms' }\nssh: { user: ubuntu, privateKeyEnv: T_KEY, discoveryTimeout: 5 }\nvms:\n  - name: quiet\n`,
    );
    createSimState(join(dir, 'host.json'), {
      folders: ['D:\\vms'],
      vms: [{ name: 'quiet', state: 'Running', notes: 'hyperv-converge: project=t', guest: { ips: ['10.0.0.9'], via: 'none' } }],
    });
    const r = await runCli(['reconcile', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--dry-run', '--json'], { cwd: dir, env: { T_KEY: 'not-a-real-key' } });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ command: 'reconcile', status: 'failed', failureReason: 'backend-error' });
    expect(r.stderr).toMatch(/quiet +none: /);
    const result = readJson<{ mode: string; extra: { guests: { addresses: { vm: string; address: string | null; reason: string }[] } } }>(join(dir, 'out', 'result.json'));
    expect(result.mode).toBe('reconcile');
    expect(result.extra.guests.addresses).toEqual([expect.objectContaining({ vm: 'quiet', address: null, reason: expect.stringMatching(/\S/) })]);
    expect(readFileSync(join(dir, 'out', 'result.json'), 'utf8')).not.toContain('not-a-real-key');
  });

  it('doctor: every check passes on the lab host; a missing base image and switch fail with their fix', async () => {
    const dir = work();
    const ok = await runCli(['doctor'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/ok +switch 'lab-net' exists/);
    const args = smallLab(dir, '', { switches: [], files: {} });
    const bad = await runCli(['doctor', ...args, '--json'], { cwd: dir });
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { ok: boolean; checks: { id: string; ok: boolean; fix: string | null }[] };
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((c) => typeof c.fix === 'string' && c.fix.length > 0)).toBe(true);
    expect(bad.stderr).toMatch(/FAIL .*lab-net[\s\S]*fix: /);
    expect(bad.stderr).toMatch(/FAIL .*base\.vhdx/);
  });

  it('seeds its simulated host only once and leaves the example untouched', async () => {
    const dir = work();
    cpSync(join(ROOT, 'examples', 'lab'), join(dir, 'lab'), { recursive: true });
    const before = snapshotTree(join(ROOT, 'examples'));
    await runCli(['apply', '--auto-approve', '--config', 'lab/vms.yaml', '--backend', 'sim'], { cwd: dir });
    expect(existsSync(join(dir, '.hvc', 'sim', 'vms-host.json'))).toBe(true);
    expect(snapshotTree(join(ROOT, 'examples'))).toEqual(before);
  });
});
