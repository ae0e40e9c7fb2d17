// Plants secrets (a real OpenSSH private key in the variable privateKeyEnv names, the GitHub token,
// and a key pasted into the config by mistake) and scans every output the tool produces for them:
// CLI stdout/stderr, the bundled action's log, outputs, job summary, PR comments, issues, uploaded
// artifacts, and every file written under the workspace and state directories.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createSimState, type SimSeed } from '../../src/backends/sim/state.js';
import { main } from '../../src/cli/main.js';
import { markerLine } from '../../src/core/model/ownership.js';
import { makeWorld, TOKEN } from '../support/action-world.js';
import { startArtifactService, unzipEntries, type ArtifactService } from '../support/artifact-service.js';
import { pullRequestOpened, pushToDefaultBranch, schedule } from '../support/payloads.js';
import { actionBundle } from '../support/run-action.js';
import { ensureSimAgentBundle } from './scenario.js';

const GiB = 1024 ** 3;
let keyDir: string;
let KEY: string;
let closedPort: number;
const scanned = { sources: 0, bytes: 0 };

/** The secret and every line of it long enough to be recognizable on its own. */
function needles(): string[] {
  return [KEY.trim(), ...KEY.split('\n').map((l) => l.trim()).filter((l) => l.length >= 16 && !l.startsWith('-----')), TOKEN];
}

/** Where in `text` a secret shows; `::add-mask::` lines are the runner's masking commands themselves. */
function leaks(source: string, text: string): string[] {
  scanned.sources++;
  scanned.bytes += text.length;
  const visible = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return needles()
    .filter((n) => visible.includes(n))
    .map((n) => `${source} contains ${n === TOKEN ? 'the token' : `key material '${n.slice(0, 12)}…'`}`);
}

function filesUnder(dir: string, skip: (rel: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (!skip(relative(dir, p))) out.push([relative(dir, p), readFileSync(p).toString('utf8')]);
    }
  };
  walk(dir);
  return out;
}

async function freePortThatRefuses(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port; // closed again: connections are refused
}

const config = (extra = '') => `version: 1
project: gate
defaults:
  generation: 2
  cpus: 2
  memory: 2GB
  switch: lab-net
  image: D:\\images\\ubuntu-24.04.vhdx
  disk: { strategy: differencing }
  path: D:\\Hyper-V\\gate
ssh:
  user: ubuntu
  privateKeyEnv: LAB_SSH_KEY
  port: PORT
  discoveryTimeout: 5
  hosts: { sync: true }${extra}
vms:
  - name: app-1
  - name: app-2
    cpus: 4
`;

const seed = (): SimSeed => ({
  computerName: 'HV-GATE',
  switches: [{ name: 'lab-net', type: 'External' }],
  folders: ['D:\\Hyper-V\\gate'],
  files: { 'D:\\images\\ubuntu-24.04.vhdx': { sizeBytes: 64 * GiB } },
  vms: [
    {
      name: 'app-1',
      state: 'Running',
      notes: markerLine('gate'),
      path: 'D:\\Hyper-V\\gate',
      adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: '00155D00AA01', dynamicMac: true, ips: [] }],
      disks: [{ path: 'D:\\Hyper-V\\gate\\app-1\\Virtual Hard Disks\\app-1.vhdx', sizeBytes: 64 * GiB, parentPath: 'D:\\images\\ubuntu-24.04.vhdx' }],
      // The guest answers on loopback, where nothing listens on the ssh port: every sync fails.
      guest: { ips: ['127.0.0.1'], via: 'kvp' },
    },
  ],
});

beforeAll(async () => {
  ensureSimAgentBundle();
  keyDir = mkdtempSync(join(tmpdir(), 'hvc-secret-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'planted', '-f', join(keyDir, 'id')]);
  KEY = readFileSync(join(keyDir, 'id'), 'utf8');
  closedPort = await freePortThatRefuses();
});
afterAll(() => {
  rmSync(keyDir, { recursive: true, force: true });
  process.stdout.write(`secret scan figures: ${JSON.stringify(scanned)}\n`);
});

describe('planted secrets never reach an output', () => {
  it('CLI: validate, plan, apply (with failing guest sync), drift, reconcile, and a key pasted into the config', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'hvc-secret-cli-'));
    try {
      const cfg = config().replace('PORT', String(closedPort));
      writeFileSync(join(ws, 'vms.yaml'), cfg);
      // A key pasted into the file by mistake (YAML block scalar), in a second config.
      const indented = KEY.trim().split('\n').map((l) => `    ${l}`).join('\n');
      writeFileSync(join(ws, 'mistake.yaml'), cfg.replace('  hosts: { sync: true }', `  hosts: { sync: true }\n  privateKey: |\n${indented}`));
      createSimState(join(ws, 'host.json'), seed());
      const env = { LAB_SSH_KEY: KEY, GITHUB_TOKEN: TOKEN, HVC_STATE_DIR: join(ws, '.state'), PATH: process.env.PATH };
      const problems: string[] = [];
      const codes: Record<string, number> = {};
      const commands: [string, string[]][] = [
        ['validate', ['validate', '-c', 'vms.yaml']],
        ['plan', ['plan', '-c', 'vms.yaml', '-b', 'sim', '--sim-state', 'host.json', '-o', 'out/plan', '--json', '-v']],
        ['apply', ['apply', '--auto-approve', '-c', 'vms.yaml', '-b', 'sim', '--sim-state', 'host.json', '-o', 'out/apply', '--json', '-v']],
        ['drift', ['drift', '-c', 'vms.yaml', '-b', 'sim', '--sim-state', 'host.json', '-o', 'out/drift', '--json', '-v']],
        ['reconcile', ['reconcile', '-c', 'vms.yaml', '-b', 'sim', '--sim-state', 'host.json', '--json', '-v']],
        ['mistake-validate', ['validate', '-c', 'mistake.yaml']],
        ['mistake-plan', ['plan', '-c', 'mistake.yaml', '-b', 'sim', '--sim-state', 'host.json', '-o', 'out/mistake', '--json']],
      ];
      for (const [label, argv] of commands) {
        let out = '';
        let err = '';
        codes[label] = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), env, workDir: ws, isTty: false });
        problems.push(...leaks(`${label} stdout`, out), ...leaks(`${label} stderr`, err));
      }
      // The runs really exercised the risky paths: the apply reached the guest sync, the mistake was refused.
      expect(codes.apply).not.toBe(64);
      expect(codes['mistake-validate']).toBe(1);
      for (const [rel, text] of filesUnder(ws, (r) => r === 'vms.yaml' || r === 'mistake.yaml')) problems.push(...leaks(rel, text));
      expect(problems).toEqual([]);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  }, 120_000);

  describe('the bundled action', () => {
    let bundle: { file: string; dir: string | null };
    let artifacts: ArtifactService;
    beforeAll(async () => {
      // Started apart so that the service is closed even when the bundle build fails.
      artifacts = await startArtifactService();
      bundle = await actionBundle();
    }, 240_000);
    afterAll(async () => {
      await artifacts?.close();
      if (bundle?.dir) rmSync(bundle.dir, { recursive: true, force: true });
    });

    it('PR plan, gated apply with failing guest sync, drift, and a key pasted into the config', async () => {
      const problems: string[] = [];
      const statuses: Record<string, string> = {};
      const cfg = config().replace('PORT', String(closedPort));
      const runs: [string, ReturnType<typeof pullRequestOpened>, Record<string, string>, string][] = [
        ['pr-plan', pullRequestOpened(), { mode: 'plan' }, cfg],
        ['push-apply', pushToDefaultBranch(), { mode: 'apply', 'push-requires-reviewed-plan': 'false' }, cfg],
        ['schedule-drift', schedule(), { mode: 'drift', 'fail-on-drift': 'true' }, cfg],
        ['pr-plan-mistake', pullRequestOpened(), { mode: 'plan' }, cfg.replace('  hosts: { sync: true }', `  hosts: { sync: true }\n  privateKey: "${KEY.trim().replace(/\n/g, '\\n')}"`)],
      ];
      for (const [label, event, inputs, text] of runs) {
        const w = await makeWorld({ bundle: bundle.file, artifacts, event, config: text, seed: seed() });
        try {
          const before = artifacts.artifacts.length;
          const r = await w.run(event, inputs, { env: { LAB_SSH_KEY: KEY } });
          statuses[label] = `${r.code}:${r.outputs.status}:${r.outputs['failure-reason']}`;
          expect(r.code === 0 || r.code === 1).toBe(true);
          problems.push(...leaks(`${label} log`, r.stdout), ...leaks(`${label} stderr`, r.stderr), ...leaks(`${label} summary`, r.summary));
          problems.push(...leaks(`${label} outputs`, JSON.stringify(r.outputs)));
          for (const c of w.gh.comments) problems.push(...leaks(`${label} comment ${c.id}`, c.body));
          for (const i of w.gh.issues as unknown as { title: string; body: string }[]) problems.push(...leaks(`${label} issue`, `${i.title}\n${i.body}`));
          for (const a of artifacts.artifacts.slice(before)) {
            if (!a.zip) continue;
            for (const [name, data] of await unzipEntries(a.zip)) problems.push(...leaks(`${label} artifact ${a.name}/${name}`, data.toString('utf8')));
          }
          for (const [rel, t] of filesUnder(w.workspace, (x) => x === 'vms.yaml')) problems.push(...leaks(`${label} file ${rel}`, t));
        } finally {
          await w.close();
        }
      }
      process.stdout.write(`secret scan action runs: ${JSON.stringify(statuses)}\n`);
      // The runs reached the paths that handle the key: the plan and drift ran, the apply reached the
      // host and the guest sync, and the pasted key was refused as invalid config.
      expect(statuses['pr-plan']).toMatch(/^0:changes:/);
      expect(statuses['push-apply']).toMatch(/^[01]:(applied|failed):/);
      expect(statuses['pr-plan-mistake']).toBe('1:failed:invalid-config');
      expect(problems).toEqual([]);
    }, 240_000);
  });
});
