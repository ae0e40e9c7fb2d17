// The guest phase of an apply, through the built CLI: a guest sync that fails makes the run fail
// (apply-failed, exit 1) and names the guest; the default known_hosts file lives in the durable
// state directory (not the workspace checkout cleans), and a damaged line there fails loudly.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import { hostFileKey } from '../../src/engine/apply/state-files.js';
import { hostKeyOf } from '../../src/engine/state-location.js';
import { closedPort, generateKeyPair } from '../support/sshd.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const GiB = 1024 ** 3;

async function lab() {
  const dir = tempDir('hvc-guestcli-');
  dirs.push(dir);
  const port = await closedPort(); // nothing listens there
  writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms' }
ssh: { user: ubuntu, privateKeyEnv: T_KEY, port: ${port}, discoveryTimeout: 5 }
vms:
  - name: web-1
`);
  createSimState(join(dir, 'host.json'), {
    computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {},
    vms: [{ name: 'web-1', id: '00000000-0000-4000-8000-000000000001', state: 'Running', cpus: 1, path: 'D:\\vms', notes: 'hyperv-converge: project=t',
      memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB }, guest: { ips: ['127.0.0.1'], via: 'kvp' } }],
  });
  return dir;
}
const SIM = ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--out', 'out', '--json'];

describe('apply with a failing guest phase', () => {
  it('fails the run (apply-failed, exit 1), names the guest and its reason, keeps every report in result.json', async () => {
    const dir = await lab();
    const r = await runCli(['apply', '--auto-approve', ...SIM], { cwd: dir, env: { T_KEY: generateKeyPair().privateKey } });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { status: string; failureReason: string; message: string };
    expect(out).toMatchObject({ status: 'failed', failureReason: 'apply-failed' });
    expect(out.message).toMatch(/the host matches the file, but the guest network failed: hosts sync failed on 1 guest\(s\): web-1 \(unreachable\)/);
    const result = readJson<{ extra: { guests: { ok: boolean; hosts: { failed: string[] } } } }>(join(dir, 'out', 'result.json'));
    expect(result.extra.guests).toMatchObject({ ok: false, hosts: { failed: ['web-1'] } });
    // Nothing was recorded in the workspace: the old default .hvc/known_hosts is not used.
    expect(existsSync(join(dir, '.hvc', 'known_hosts'))).toBe(false);
  });

  it('reads known_hosts from the state directory by default, and a damaged line there fails the guest loudly', async () => {
    const dir = await lab();
    const file = join(dir, '.state', `known_hosts-${hostFileKey(hostKeyOf({ kind: 'sim', stateFile: join(dir, 'host.json') }))}`);
    mkdirSync(join(dir, '.state'), { recursive: true });
    writeFileSync(file, 'web-1 ssh-ed25519 not-base64!\n');
    const r = await runCli(['apply', '--auto-approve', ...SIM], { cwd: dir, env: { T_KEY: generateKeyPair().privateKey } });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { message: string };
    expect(out.message).toMatch(/web-1 \(known-hosts-damaged\)/);
    expect(r.stderr).toContain(`${file}:1 is not a line this tool wrote`);
  });
});
