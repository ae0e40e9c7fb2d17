// The wider VM surface end to end through the built CLI on the simulator: the K3s example plans and
// applies (seed written and inserted, adapter list, settings), converges, and a second plan is empty.
// Secrets in the seed never reach plan.json, result.json, current.json or the CLI's output.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import { readJson, ROOT, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
const work = (): string => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SECRET = 'k3s-token-VERY-SECRET-77aa';
const ENV = { K3S_TOKEN: SECRET, K3S_SSH_PUBLIC_KEY: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPUB dev@example', HVC_NOW: '2026-11-22T12:00:00.000Z' };

function k3sDir(): string {
  const dir = work();
  cpSync(join(ROOT, 'examples/k3s'), dir, { recursive: true });
  // No guest answers on the simulated network here: keep the guest phase's wait short.
  writeFileSync(join(dir, 'vms.yaml'), readFileSync(join(dir, 'vms.yaml'), 'utf8').replace('  hosts: { sync: true }', '  discoveryTimeout: 5\n  hosts: { sync: true }'));
  createSimState(join(dir, 'sim.json'), JSON.parse(readFileSync(join(dir, 'host.json'), 'utf8')));
  return dir;
}
const args = ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'sim.json'];

function allOutput(dir: string, r: { stdout: string; stderr: string }): string {
  const files = ['current.json', 'plan.json', 'result.json'].map((f) => {
    try {
      return readFileSync(join(dir, '.hvc', f), 'utf8');
    } catch {
      return '';
    }
  });
  return [r.stdout, r.stderr, ...files].join('\n');
}

describe('examples/k3s on the simulator', () => {
  it('plans: seed written first (hash only), the VM created with its adapter, seed DVD and secure boot template', async () => {
    const dir = k3sDir();
    const r = await runCli(['plan', ...args, '--out', '.hvc'], { cwd: dir, env: ENV });
    expect(r.stderr).not.toMatch(/internal error/);
    const plan = readJson(join(dir, '.hvc', 'plan.json')) as { steps: { action: string; operation: { op: string; args: Record<string, unknown> } }[] };
    expect(plan.steps.map((s) => s.action)).toEqual(['create-switch', 'write-seed', 'create', 'start']);
    expect(plan.steps[0]!.operation).toEqual({ op: 'switch.create', args: { name: 'k3s-nat', type: 'Internal', notes: 'hyperv-converge: project=k3s', nat: { subnet: '192.168.77.0/24', gateway: '192.168.77.1', prefixLength: 24 } } });
    const seed = plan.steps[1]!.operation.args;
    expect(seed.path).toBe('D:\\Hyper-V\\k3s\\k3s-dev\\cidata.iso');
    expect(String(seed.sha256)).toMatch(/^[0-9a-f]{64}$/);
    expect(seed).not.toHaveProperty('contentBase64');
    const create = plan.steps[2]!.operation.args;
    expect(create.adapters).toEqual([{ name: 'lan', switch: 'k3s-nat', mac: null, vlan: null }]);
    expect(create.dvdDrives).toEqual([{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: 'D:\\Hyper-V\\k3s\\k3s-dev\\cidata.iso' }]);
    expect(create.settings).toEqual({ secureBootTemplate: 'MicrosoftUEFICertificateAuthority' });
    expect(allOutput(dir, r)).not.toContain(SECRET);
  });

  const hash = (r: { stdout: string }) => (JSON.parse(r.stdout) as { planHash: string }).planHash;
  const planOf = (dir: string, out: string) => readJson(join(dir, out, 'plan.json')) as { steps: { action: string }[]; refusals: { code: string; message: string }[] };

  it('the same inputs give the same plan hash; another secret value gives another seed hash', async () => {
    const dir = k3sDir();
    const one = await runCli(['plan', ...args, '--json'], { cwd: dir, env: ENV });
    const two = await runCli(['plan', ...args, '--json'], { cwd: dir, env: ENV });
    const three = await runCli(['plan', ...args, '--json'], { cwd: dir, env: { ...ENV, K3S_TOKEN: 'other' } });
    expect(hash(one)).toMatch(/^sha256:/);
    expect(hash(one)).toBe(hash(two));
    expect(hash(three)).not.toBe(hash(one));
  });

  it('without the secret the seed is blocked, naming the variable and never guessing', async () => {
    const dir = k3sDir();
    await runCli(['plan', ...args, '--out', 'p'], { cwd: dir, env: { K3S_SSH_PUBLIC_KEY: ENV.K3S_SSH_PUBLIC_KEY } });
    const plan = planOf(dir, 'p');
    expect(plan.steps.map((x) => x.action)).toEqual(['create-switch']); // the VM waits; its switch does not
    expect(plan.refusals.map((x) => x.code)).toContain('seed-unavailable');
    expect(plan.refusals.find((x) => x.code === 'seed-unavailable')!.message).toMatch(/K3S_TOKEN/);
  });

  it('applies: the host holds the VM as declared and the seed image, converged; a second plan is empty', async () => {
    const dir = k3sDir();
    const r = await runCli(['apply', '--auto-approve', ...args, '--out', '.hvc'], { cwd: dir, env: ENV });
    const result = readJson(join(dir, '.hvc', 'result.json')) as { status: string; converged: boolean; message: string };
    // The host converged. No guest boots on the simulator, so the guest network phase finds no address
    // and, as documented (docs/guest-network.md), a guest that cannot be reached fails the run.
    expect({ status: result.status, converged: result.converged }).toEqual({ status: 'failed', converged: true });
    expect(result.message).toMatch(/the host matches the file, but the guest network failed: no address for k3s-dev/);
    const s = readSimState(join(dir, 'sim.json'));
    const vm = s.vms.find((v) => v.name === 'k3s-dev')!;
    expect(vm.state).toBe('Running');
    expect(vm.adapters.map((a) => [a.name, a.switch])).toEqual([['lan', 'k3s-nat']]);
    expect(s.host.switches.find((w) => w.name === 'k3s-nat')).toEqual({ name: 'k3s-nat', type: 'Internal', notes: 'hyperv-converge: project=k3s', nat: '192.168.77.0/24' });
    expect(vm.secureBootTemplate).toBe('MicrosoftUEFICertificateAuthority');
    expect(vm.dvdDrives).toEqual([{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: 'D:\\Hyper-V\\k3s\\k3s-dev\\cidata.iso' }]);
    expect(s.host.files['D:\\Hyper-V\\k3s\\k3s-dev\\cidata.iso']!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(allOutput(dir, r)).not.toContain(SECRET);
    expect(readFileSync(join(dir, 'sim.json'), 'utf8')).not.toContain(SECRET); // the sim keeps the hash, not the bytes

    await runCli(['plan', ...args, '--out', 'again'], { cwd: dir, env: ENV });
    expect(planOf(dir, 'again').steps).toEqual([]);

    // A new token: the running VM's seed is ejected, rewritten and inserted again, online.
    await runCli(['plan', ...args, '--out', 'next'], { cwd: dir, env: { ...ENV, K3S_TOKEN: 'rotated-token-1' } });
    const steps = planOf(dir, 'next').steps.map((x) => x.action);
    expect(steps).toEqual(['set-dvd', 'write-seed', 'set-dvd']);
    const applied = await runCli(['apply', '--auto-approve', ...args, '--out', '.hvc2'], { cwd: dir, env: { ...ENV, K3S_TOKEN: 'rotated-token-1' } });
    const second = readJson(join(dir, '.hvc2', 'result.json')) as { converged: boolean; steps: { outcome: string }[] };
    expect(second.converged).toBe(true); // the guest network phase fails again, as in the first apply: no guest boots here
    expect(second.steps.map((x) => x.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(applied.stderr).not.toContain('rotated-token-1');
  });
});

describe('seed files stay next to the configuration', () => {
  it('a userData file outside the config folder is refused, located, and nothing is observed', async () => {
    const dir = k3sDir();
    writeFileSync(join(dir, 'vms.yaml'), readFileSync(join(dir, 'vms.yaml'), 'utf8').replace('{ file: cloud-init/user-data.yaml }', '{ file: ../../etc/passwd }'));
    const r = await runCli(['plan', ...args], { cwd: dir, env: ENV });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/vms\.yaml:\d+:\d+/);
    expect(r.stderr).toMatch(/relative to the configuration file|outside the configuration's folder/);
    expect(r.stderr).not.toMatch(/root:x:0/);
    expect(readSimState(join(dir, 'sim.json')).stats.operations).toBe(0);
  });

  it('a literal password in user data is refused: secrets come from the environment', async () => {
    const dir = k3sDir();
    writeFileSync(join(dir, 'cloud-init', 'user-data.yaml'), '#cloud-config\nusers:\n  - name: ops\n    plain_text_passwd: hunter2\n');
    const r = await runCli(['plan', ...args], { cwd: dir, env: ENV });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/writes a password in the file \(users\[0\]\.plain_text_passwd\)/);
    expect(r.stderr).not.toContain('hunter2');
  });
});

describe('examples/k3s/fetch-kubeconfig.sh (the README guide)', () => {
  const K3S_YAML = 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: Q0E=\n    server: https://127.0.0.1:6443\n  name: default\nkind: Config\nusers:\n- name: default\n  user:\n    client-key-data: S0VZ\n';
  function setup(sshBody: string): { dir: string; env: NodeJS.ProcessEnv } {
    const dir = work();
    cpSync(join(ROOT, 'examples/k3s/fetch-kubeconfig.sh'), join(dir, 'fetch-kubeconfig.sh'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // An ssh double that records its arguments and answers as the VM would.
    writeFileSync(join(bin, 'ssh'), `#!/bin/sh\necho "$@" > "${dir}/ssh-args"\n${sshBody}\n`, { mode: 0o755 });
    mkdirSync(join(dir, 'home'));
    return { dir, env: { PATH: `${bin}:${process.env.PATH}`, HOME: join(dir, 'home') } };
  }

  it('writes ./kubeconfig (mode 600) pointed at the VM, and never ~/.kube/config', () => {
    const { dir, env } = setup(`cat <<'Y'\n${K3S_YAML}Y`);
    const r = spawnSync('bash', [join(dir, 'fetch-kubeconfig.sh'), 'k3s-dev', 'ubuntu'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = readFileSync(join(dir, 'kubeconfig'), 'utf8');
    expect(out).toContain('server: https://k3s-dev:6443');
    expect(out).not.toContain('127.0.0.1');
    expect(statSync(join(dir, 'kubeconfig')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'ssh-args'), 'utf8').trim()).toBe('-o BatchMode=yes ubuntu@k3s-dev sudo cat /etc/rancher/k3s/k3s.yaml');
    expect(existsSync(join(dir, 'home', '.kube'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bin', 'fetch-kubeconfig.sh', 'home', 'kubeconfig', 'ssh-args']);
  });

  it('an answer that is not a kubeconfig leaves nothing behind and says so', () => {
    const { dir, env } = setup('echo "sudo: a password is required" >&2; exit 1');
    const r = spawnSync('bash', [join(dir, 'fetch-kubeconfig.sh')], { env, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(existsSync(join(dir, 'kubeconfig'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('kubeconfig'))).toEqual([]);
  });
});

describe('virtual switches the file declares', () => {
  function lab(yaml: string, host: object): string {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), yaml);
    createSimState(join(dir, 'sim.json'), host as Parameters<typeof createSimState>[1]);
    return dir;
  }
  const swArgs = ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'sim.json', '--out', 'o'];
  const planOf = (dir: string) => readJson(join(dir, 'o', 'plan.json')) as { steps: { action: string; vm: string }[]; refusals: { vm: string; code: string; message: string }[] };
  const owned = 'hyperv-converge: project=t';
  const vmOn = (sw: string) => ({ id: '00000000-0000-4000-8000-000000000001', name: 'a', state: 'Running', notes: owned, adapters: [{ name: 'Network Adapter', switch: sw, mac: '00155D000001', dynamicMac: true, ips: [] }] });

  it('removing a switch a VM still uses is blocked, naming the VM; once free it is removed', async () => {
    const yaml = 'version: 1\nproject: t\nswitches:\n  - { name: lab-int, type: Internal, state: absent }\nvms: []\n';
    const dir = lab(yaml, { switches: [{ name: 'lab-int', type: 'Internal', notes: owned }], vms: [vmOn('lab-int')] });
    await runCli(['plan', ...swArgs], { cwd: dir });
    expect(planOf(dir).steps).toEqual([]);
    expect(planOf(dir).refusals).toEqual([expect.objectContaining({ vm: 'switch:lab-int', code: 'switch-in-use', message: expect.stringContaining("'a'") })]);
    const free = lab(yaml, { switches: [{ name: 'lab-int', type: 'Internal', notes: owned }], vms: [] });
    await runCli(['apply', '--auto-approve', ...swArgs], { cwd: free });
    expect(readSimState(join(free, 'sim.json')).host.switches.map((w) => w.name)).not.toContain('lab-int');
  });

  it('a switch without this project’s marker is never removed; an external switch is never created', async () => {
    const dir = lab('version: 1\nproject: t\nswitches:\n  - { name: theirs, type: Private, state: absent }\n  - { name: uplink, type: External }\nvms: []\n', { switches: [{ name: 'theirs', type: 'Private', notes: '' }] });
    await runCli(['apply', '--auto-approve', ...swArgs], { cwd: dir });
    const p = planOf(dir);
    expect(p.steps).toEqual([]);
    expect(p.refusals.map((r) => [r.vm, r.code])).toEqual([['switch:theirs', 'unmanaged'], ['switch:uplink', 'missing-switch']]);
    expect(readSimState(join(dir, 'sim.json')).host.switches.map((w) => w.name)).toContain('theirs');
  });

  it('an external switch cannot be marked absent, and NAT needs an internal switch (located config errors)', async () => {
    const dir = lab('version: 1\nproject: t\nswitches:\n  - { name: uplink, type: External, state: absent }\n  - { name: p, type: Private, nat: { subnet: 10.0.0.1/24 } }\nvms: []\n', {});
    const r = await runCli(['plan', ...swArgs], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/vms\.yaml:4:\d+: .*external switch 'uplink' is never removed/);
    expect(r.stderr).toMatch(/vms\.yaml:5:\d+: .*NAT needs an internal switch/);
    expect(r.stderr).toMatch(/not a network address \(the network of 10\.0\.0\.1\/24 is 10\.0\.0\.0\/24\)/);
  });
});

describe('settings planned by their disruption class', () => {
  const owned = 'hyperv-converge: project=t';
  const host = {
    switches: [{ name: 'net', type: 'Internal' }],
    folders: ['D:\\vms'],
    vms: [{ id: '00000000-0000-4000-8000-0000000000aa', name: 'a', state: 'Running', notes: owned, cpus: 2, memory: { dynamic: true, startupBytes: 2 * 1024 ** 3, minimumBytes: 1024 ** 3, maximumBytes: 4 * 1024 ** 3 }, adapters: [{ name: 'Network Adapter', switch: 'net', mac: '00155D000001', dynamicMac: true, ips: [] }], checkpointType: 'Production', memoryWeight: 5000, automaticStopAction: 'Save' }],
  };
  const vm = (extra: string, policy = '') => `version: 1\nproject: t\n${policy}vms:\n  - name: a\n    cpus: 2\n    path: 'D:\\vms'\n    switch: net\n    memory: { startup: 2GB, minimum: 1GB, maximum: 4GB }\n${extra}`;
  async function planFor(yaml: string) {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), yaml);
    createSimState(join(dir, 'sim.json'), host as Parameters<typeof createSimState>[1]);
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'sim.json', '--out', 'o'], { cwd: dir });
    return { r, plan: readJson(join(dir, 'o', 'plan.json')) as { steps: { action: string; operation: { args: Record<string, unknown> } }[]; refusals: { code: string; message: string }[] } };
  }

  it('online settings (checkpoint type, memory weight, integration services by id) change while running, without a restart', async () => {
    const { plan } = await planFor(vm('    checkpointType: Standard\n    memoryWeight: 9000\n    integrationServices: { 2a34b1c2-fd73-4043-8a5b-dd2159bc743f: false }\n'));
    expect(plan.refusals).toEqual([]);
    expect(plan.steps.map((s) => s.action)).toEqual(['set-settings', 'set-integration-services']);
    expect(plan.steps[0]!.operation.args.settings).toEqual({ checkpointType: 'Standard', memoryWeight: 9000 });
    expect(plan.steps[1]!.operation.args.services).toEqual([{ id: '2A34B1C2-FD73-4043-8A5B-DD2159BC743F', enabled: false }]);
  });

  it('offline settings are blocked without restarts, and planned as stop → change → start with them', async () => {
    const blocked = await planFor(vm('    automaticStopAction: ShutDown\n    nestedVirtualization: true\n'));
    expect(blocked.plan.steps).toEqual([]);
    expect(blocked.plan.refusals.map((r) => r.code)).toEqual(['needs-restart']);
    const allowed = await planFor(vm('    automaticStopAction: ShutDown\n    nestedVirtualization: true\n', 'policy: { allowRestart: true }\n'));
    expect(allowed.plan.steps.map((s) => s.action)).toEqual(['stop', 'set-settings', 'start']);
  });

  it('an integration service id the VM does not have is blocked with the ids it has; a memory buffer on static memory is a config error', async () => {
    const { plan } = await planFor(vm('    integrationServices: { 00000000-1111-2222-3333-444444444444: true }\n'));
    expect(plan.refusals[0]).toMatchObject({ code: 'unknown-integration-service', message: expect.stringContaining('2A34B1C2-FD73-4043-8A5B-DD2159BC743F') });
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), "version: 1\nproject: t\nvms:\n  - name: a\n    cpus: 2\n    path: 'D:\\vms'\n    memory: 2GB\n    memoryBuffer: 20\n");
    createSimState(join(dir, 'sim.json'), host as Parameters<typeof createSimState>[1]);
    const r = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'sim.json'], { cwd: dir });
    expect(r.stderr).toMatch(/vms\.yaml:8:\d+: memoryBuffer applies to dynamic memory/);
  });
});
