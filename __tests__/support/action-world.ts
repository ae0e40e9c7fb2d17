// One test "world" for the bundled action: a workspace with a config and a simulated host, the
// loopback GitHub API and artifact service, and helpers to run the action on an event and to check
// what changed on the host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimState, readSimState, type SimSeed } from '../../src/backends/sim/state.js';
import type { ArtifactService } from './artifact-service.js';
import { startGitHubApi, type FakeUser, type GitHubApiFake } from './github-api.js';
import type { EventFixture } from './payloads.js';
import { runAction, startAction, type ActionRun, type RunOptions } from './run-action.js';

export const TOKEN = 'ghs_loopbackTokenForTests0123456789';

/** A small host and config whose apply converges cleanly: two VMs to create. */
export const GATE_CONFIG = `version: 1
project: gate
defaults:
  generation: 2
  cpus: 2
  memory: 2GB
  switch: lab-net
  image: D:\\images\\ubuntu-24.04.vhdx
  disk: { strategy: differencing }
  path: D:\\Hyper-V\\gate
vms:
  - name: app-1
  - name: app-2
    cpus: 4
`;

export const GATE_SEED: SimSeed = {
  computerName: 'HV-GATE',
  switches: [{ name: 'lab-net', type: 'External' }],
  folders: ['D:\\Hyper-V\\gate'],
  files: { 'D:\\images\\ubuntu-24.04.vhdx': { sizeBytes: 64 * 1024 ** 3 } },
  vms: [],
};

export interface World {
  workspace: string;
  stateFile: string;
  gh: GitHubApiFake;
  run(event: EventFixture, inputs: Record<string, string>, o?: { workflow?: string; env?: Record<string, string> }): Promise<ActionRun>;
  /** The same run as a process the test can signal. */
  start(event: EventFixture, inputs: Record<string, string>): ReturnType<typeof startAction>;
  /** The host as the sim holds it, without counters. */
  host(): string;
  operations(): number;
  close(): Promise<void>;
}

export async function makeWorld(o: {
  bundle: string;
  artifacts: ArtifactService;
  event: EventFixture;
  config?: string;
  seed?: SimSeed;
  identity?: 'actions-bot' | FakeUser;
}): Promise<World> {
  const workspace = mkdtempSync(join(tmpdir(), 'hvc-ws-'));
  mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(workspace, 'vms.yaml'), o.config ?? GATE_CONFIG);
  const stateFile = join(workspace, 'host.json');
  createSimState(stateFile, o.seed ?? GATE_SEED);
  const [owner, repo] = o.event.repository.split('/') as [string, string];
  const options = (event: EventFixture, inputs: Record<string, string>, extra: { workflow?: string; env?: Record<string, string> } = {}): RunOptions => ({
    bundle: o.bundle,
    workspace,
    event,
    inputs: { config: 'vms.yaml', backend: 'sim:host.json', 'github-token': TOKEN, ...inputs },
    apiUrl: gh.url,
    artifacts: o.artifacts,
    ...(extra.workflow ? { workflow: extra.workflow } : {}),
    ...(extra.env ? { env: extra.env } : {}),
  });
  const gh = await startGitHubApi({ owner, repo, defaultBranch: o.event.payload.repository?.default_branch ?? 'main', identity: o.identity ?? 'actions-bot', token: TOKEN });
  return {
    workspace,
    stateFile,
    gh,
    run: (event, inputs, extra = {}) => runAction(options(event, inputs, extra)),
    start: (event, inputs) => startAction(options(event, inputs)),
    host: () => {
      const s = readSimState(stateFile);
      return JSON.stringify({ host: s.host, vms: s.vms });
    },
    operations: () => readSimState(stateFile).stats.operations,
    async close() {
      await gh.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
