// The fault scenario: a simulated host with owned, unowned and protected VMs, and a config whose
// plan touches several VMs with every kind of step (create, start, online change, stop, checkpoint,
// remove). Runs go through the real pipeline and the real sim agent processes.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSimState, updateSimState, writeSimState, buildSimState } from '../../src/backends/sim/state.js';
import type { SimKnobs, SimSeed, SimState } from '../../src/backends/sim/state.js';
import { markerLine } from '../../src/core/model/ownership.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import type { PipelineOutcome } from '../../src/engine/pipeline.js';
import type { Logger } from '../../src/engine/log.js';

const GiB = 1024 ** 3;
export const repoRoot = resolve(__dirnameOf(), '..', '..');
function __dirnameOf(): string {
  return new URL('.', import.meta.url).pathname;
}

/** The bundled sim agent the sim backend launches; built once if missing (it is the sim's own entry). */
export function ensureSimAgentBundle(): void {
  if (existsSync(join(repoRoot, 'dist', 'sim-agent', 'index.js'))) return;
  const r = spawnSync('npx', ['ncc', 'build', 'src/entry/sim-agent.ts', '-o', 'dist/sim-agent', '--quiet'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot build the sim agent: ${r.stderr}`);
}

export const CONFIG = `version: 1
project: lab
host:
  concurrency: 3
  operationTimeout: 10
defaults:
  generation: 2
  cpus: 2
  memory: 2GB
  switch: lab-net
  image: D:\\images\\base.vhdx
  disk: { strategy: differencing }
  path: D:\\Hyper-V\\lab
policy:
  protect: ["prod-*"]
  allowRestart: true
  maxDisruptive: 20
  checkpointBeforeDisruptive: CHECKPOINTS
vms:
  - name: web-1            # running: dynamic memory range widens online, notes change
    memory: { startup: 2GB, minimum: 1GB, maximum: 4GB }
    notes: front end
  - name: web-2            # new: created and started
  - name: web-3            # new, stays off
    state: stopped
  - name: db-1             # running with 2 CPUs: stop, set 4 CPUs, start (restarts allowed)
    cpus: 4
  - name: old-1            # retired: removed, disk kept
    state: absent
  - name: keep-1           # already as described: never touched
  - name: prod-db-1        # protected: its stop is refused
    state: stopped
`;

export function configText(opts: { checkpoints?: boolean; concurrency?: number } = {}): string {
  return CONFIG.replace('CHECKPOINTS', opts.checkpoints ? 'true' : 'false').replace('concurrency: 3', `concurrency: ${opts.concurrency ?? 3}`);
}

export function seed(): SimSeed {
  const owned = markerLine('lab');
  const disk = (name: string) => [{ path: `D:\\Hyper-V\\lab\\${name}\\Virtual Hard Disks\\${name}.vhdx`, sizeBytes: 20 * GiB, parentPath: 'D:\\images\\base.vhdx' }];
  const adapter = (mac: string) => [{ name: 'Network Adapter', switch: 'lab-net', mac, dynamicMac: true, ips: [] }];
  const base = (name: string, mac: string) => ({ name, path: 'D:\\Hyper-V\\lab', notes: owned, adapters: adapter(mac), disks: disk(name) });
  return {
    computerName: 'SIM-HV01',
    switches: [{ name: 'lab-net', type: 'External' }],
    folders: ['D:\\Hyper-V\\lab'],
    files: { 'D:\\images\\base.vhdx': { sizeBytes: 20 * GiB } },
    vms: [
      { ...base('web-1', '00155D000001'), state: 'Running', memory: { dynamic: true, startupBytes: 2 * GiB, minimumBytes: 2 * GiB, maximumBytes: 2 * GiB } },
      { ...base('db-1', '00155D000002'), state: 'Running' },
      { ...base('old-1', '00155D000003'), state: 'Off' },
      { ...base('keep-1', '00155D000004'), state: 'Running' },
      { ...base('prod-db-1', '00155D000005'), state: 'Running' },
      // Not ours: never changed or removed.
      { name: 'stranger', state: 'Running', notes: 'hand-made', path: 'D:\\Hyper-V\\lab', adapters: adapter('00155D000006'), disks: disk('stranger') },
    ],
  };
}

export interface Lab {
  dir: string;
  stateFile: string;
  stateDir: string;
  configPath: string;
  initial: SimState;
  cleanup(): void;
  setKnobs(k: Partial<SimKnobs>): Promise<void>;
  host(): SimState;
  run(label: string, opts?: { log?: Logger }): Promise<PipelineOutcome>;
}

export function makeLab(opts: { checkpoints?: boolean; concurrency?: number; config?: string; seed?: SimSeed } = {}): Lab {
  const dir = mkdtempSync(join(tmpdir(), 'hvc-rel-'));
  const stateFile = join(dir, 'host.json');
  const stateDir = join(dir, 'state');
  const configPath = join(dir, 'vms.yaml');
  mkdirSync(stateDir);
  writeFileSync(configPath, opts.config ?? configText(opts));
  const initial = buildSimState(opts.seed ?? seed());
  writeSimState(stateFile, initial);
  return {
    dir,
    stateFile,
    stateDir,
    configPath,
    initial,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
    setKnobs: async (k) => {
      await updateSimState(stateFile, (s) => {
        s.knobs = { ...s.knobs, ...k };
      });
    },
    host: () => readSimState(stateFile),
    run: (label, o = {}) =>
      runPipeline({
        mode: 'apply',
        configPath,
        backend: { kind: 'sim', stateFile },
        outDir: join(dir, 'out', label),
        stateDir,
        lockWaitMs: 0,
        log: o.log,
      }),
  };
}

/** Problems with the host relative to the invariants; empty when all hold. */
export function invariantViolations(initial: SimState, now: SimState, removable: Set<string>): string[] {
  const out: string[] = [];
  const byId = new Map(now.vms.map((v) => [v.id, v]));
  for (const v of initial.vms) {
    if (!byId.has(v.id) && !removable.has(v.name)) out.push(`VM ${v.name} was removed but the plan never removes it`);
  }
  const stranger = initial.vms.find((v) => v.name === 'stranger');
  const strangerNow = stranger && byId.get(stranger.id);
  if (stranger && strangerNow && JSON.stringify({ ...strangerNow, startedAt: 0 }) !== JSON.stringify({ ...stranger, startedAt: 0 })) {
    out.push('the unowned VM stranger was changed');
  }
  const names = new Map<string, number>();
  for (const v of now.vms) names.set(v.name.toLowerCase(), (names.get(v.name.toLowerCase()) ?? 0) + 1);
  for (const [n, c] of names) if (c > 1) out.push(`${c} VMs named ${n}: a create ran twice`);
  for (const v of now.vms) {
    const cps = v.checkpoints.length;
    if (cps > 1) out.push(`${v.name} holds ${cps} checkpoints: a checkpoint ran twice`);
  }
  return out;
}

/** What a converged host looks like, independent of fresh ids, MACs and clocks. */
export function hostShape(s: SimState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of [...s.vms].sort((a, b) => a.name.localeCompare(b.name))) {
    out[v.name] = {
      state: v.state,
      cpus: v.cpus,
      memory: v.memory,
      notes: v.notes,
      secureBoot: v.secureBoot,
      generation: v.generation,
      switches: v.adapters.map((a) => a.switch),
      disks: v.disks.map((d) => `${d.path}:${d.sizeBytes}:${d.parentPath}`),
      checkpoints: v.checkpoints.map((c) => c.name),
    };
  }
  return out;
}
