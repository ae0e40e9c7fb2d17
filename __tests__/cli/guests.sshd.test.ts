// Guest network results in the CLI (issue 13): after apply, each guest's address, its /etc/hosts
// outcome and a first-contact host key fingerprint are printed, given in --json, and a failed sync
// is in the exit code. The guest is a real OpenSSH sshd on loopback, in its own mount namespace
// with a copy of /etc bound over /etc (this machine's own /etc/hosts is never touched).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import { runCli } from '../support/run-cli.js';
import { generateKeyPair, privateHostsUnavailable, sshdUnavailable, startSshd, type KeyPair, type Sshd } from '../support/sshd.js';

const skipWhy = sshdUnavailable() ?? privateHostsUnavailable();
if (skipWhy) console.warn(`SKIPPED: CLI guest network tests against a real sshd: ${skipWhy}`);
const describeSshd = skipWhy ? describe.skip : describe;
const GiB = 1024 ** 3;

describeSshd('apply with an ssh section: guest network results', () => {
  let work: string;
  let client: KeyPair;
  let sshd: Sshd;
  const hostsFile = () => join(work, 'etc', 'hosts');

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hvc-cli-guests-'));
    client = generateKeyPair('hvc-cli');
    sshd = await startSshd({ authorizedKeys: [client.publicKey], privateEtc: join(work, 'etc') });
    writeFileSync(hostsFile(), '127.0.0.1 localhost\n');
  });
  afterAll(async () => {
    await sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  function lab(dir: string) {
    writeFileSync(
      join(dir, 'vms.yaml'),
      `version: 1
project: g
defaults: { cpus: 2, memory: 1GB, switch: lab-net, image: null, path: 'D:\\vms' }
ssh: { user: ${sshd.user}, port: ${sshd.port}, privateKeyEnv: LAB_SSH_KEY, knownHostsFile: known_hosts, discoveryTimeout: 10 }
vms:
  - name: web-1
`,
    );
    createSimState(join(dir, 'host.json'), {
      computerName: 'HV-G',
      switches: [{ name: 'lab-net', type: 'External' }],
      folders: ['D:\\vms'],
      vms: [
        {
          name: 'web-1', id: '00000000-0000-4000-8000-0000000000a1', state: 'Running', cpus: 2, notes: 'hyperv-converge: project=g', path: 'D:\\vms',
          memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
          adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: '00155D0000A1', dynamicMac: true, ips: [] }],
          guest: { ips: ['127.0.0.1'] },
        },
      ],
    });
    return ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--auto-approve', '--json'];
  }

  it('prints the address, the sync and the first-contact fingerprint, in --json too; exit 0', async () => {
    const dir = mkdtempSync(join(work, 'ok-'));
    const r = await runCli(['apply', ...lab(dir)], { cwd: dir, env: { LAB_SSH_KEY: client.privateKey } });
    const fingerprint = `SHA256:${createHash('sha256').update(Buffer.from(sshd.hostKey.split(/\s+/)[1]!, 'base64')).digest('base64').replace(/=+$/, '')}`;
    expect(r.stderr).toMatch(/Guest addresses:\n  web-1 +127\.0\.0\.1 +\(kvp\)/);
    expect(r.stderr).toMatch(/\/etc\/hosts:\n  web-1 +synced/);
    expect(r.stderr).toContain(`first contact: host key ${fingerprint} recorded`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.guests).toMatchObject({ synced: ['web-1'], failed: [], addresses: [{ vm: 'web-1', address: '127.0.0.1', tier: 'kvp' }], firstContact: [{ vm: 'web-1', fingerprint, recorded: true }] });
    expect(readFileSync(hostsFile(), 'utf8')).toMatch(/127\.0\.0\.1\s+web-1/);
  });

  it('a guest whose sync fails makes apply exit 1 and says which', async () => {
    const dir = mkdtempSync(join(work, 'fail-'));
    const stranger = generateKeyPair('not-authorized');
    const r = await runCli(['apply', ...lab(dir)], { cwd: dir, env: { LAB_SSH_KEY: stranger.privateKey } });
    expect(r.stderr).toMatch(/web-1 +failed \(auth-failed\)/);
    expect(r.stderr).toContain('apply: guest network: /etc/hosts sync failed on web-1');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).guests).toMatchObject({ failed: ['web-1'], synced: [] });
  });
});
