// A Hyper-V host for the REAL agent script: pwsh runs src/backends/hyperv/hyperv-agent.ps1 (or the
// dist copy) with __tests__/hyperv-double on PSModulePath, over a state file in the simulator's format
// (so the simulator's seeds describe both hosts). See __tests__/hyperv-double/HvdCore.ps1.
import { afterEach } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentBackend } from '../../src/backends/agent-backend.js';
import { hypervAgentCommand } from '../../src/backends/hyperv/launch.js';
import { createSimState, readSimState, type SimSeed, type SimState } from '../../src/backends/sim/state.js';
import { repoRoot } from '../hyperv-script/ps-checker.js';

export const doubleModules = join(repoRoot, '__tests__', 'hyperv-double');

export interface DoubleHost {
  dir: string;
  stateFile: string;
  /** Where the host's drive letters live (D:\x is <root>/D/x). */
  root: string;
  /** The environment the agent process needs to find the double and its state. */
  env: Record<string, string>;
  backend: (opts?: { launchTimeoutMs?: number; observeTimeoutMs?: number; script?: string }) => AgentBackend;
  /** The host's state as the double left it. */
  state: () => SimState & { host: { double?: Record<string, unknown> } };
  /** Patches host.double (knobs: access, failCmdlets, hangCmdlets, busyPaths, vmms, brokenCimSessions). */
  knobs: (k: Record<string, unknown>) => void;
  /** Cmdlet invocations so far, by name. */
  calls: () => Record<string, number>;
  /** The local file behind a Windows path. */
  local: (windowsPath: string) => string;
  cleanup: () => void;
}

export function doubleHost(pwsh: string, seed: SimSeed = {}): DoubleHost {
  const dir = mkdtempSync(join(tmpdir(), 'hvc-double-'));
  const stateFile = join(dir, 'host.json');
  const root = join(dir, 'host');
  const callsFile = join(dir, 'calls.log');
  createSimState(stateFile, seed);
  const env = {
    PSModulePath: doubleModules,
    HVC_DOUBLE_STATE: stateFile,
    HVC_DOUBLE_ROOT: root,
    HVC_DOUBLE_CALLS: callsFile,
    COMPUTERNAME: seed.computerName ?? 'SIM-HV01',
  };
  const local = (p: string) => join(root, p[0]!.toUpperCase(), ...p.slice(3).split('\\'));
  return {
    dir,
    stateFile,
    root,
    env,
    backend: (opts = {}) => {
      // The real launcher (full path, own folder, stripped environment) with the double's variables.
      const launch = hypervAgentCommand(null, { powershell: pwsh, env: { ...process.env, ...env } });
      if (opts.script) launch.args = launch.args.map((a) => (a.endsWith('hyperv-agent.ps1') ? opts.script! : a));
      const { script: _script, ...rest } = opts;
      void _script;
      return new AgentBackend({ kind: 'hyperv', computerName: 'localhost', launch, ...rest });
    },
    state: () => readSimState(stateFile) as ReturnType<DoubleHost['state']>,
    knobs: (k) => {
      const s = JSON.parse(readFileSync(stateFile, 'utf8'));
      s.host.double = { ...(s.host.double ?? {}), ...k };
      writeFileSync(stateFile, JSON.stringify(s));
    },
    calls: () => {
      const out: Record<string, number> = {};
      if (!existsSync(callsFile)) return out;
      for (const line of readFileSync(callsFile, 'utf8').split('\n')) {
        const name = line.split(' ')[1];
        if (name) out[name] = (out[name] ?? 0) + 1;
      }
      return out;
    },
    local,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh double host per test: `fresh(seed)` makes one and its backend, `track(b)` adds a backend a
 * test made itself; after each test the backends are closed and the host removed.
 */
export function doubleHostPerTest(pwsh: string, backendOpts: Parameters<DoubleHost['backend']>[0] = {}): { fresh: (seed: SimSeed) => { dbl: DoubleHost; b: AgentBackend }; track: (b: AgentBackend) => void } {
  let dbl: DoubleHost | null = null;
  const backends: AgentBackend[] = [];
  afterEach(async () => {
    for (const b of backends.splice(0)) await b.close();
    dbl?.cleanup();
    dbl = null;
  });
  return {
    fresh: (seed) => {
      dbl = doubleHost(pwsh, seed);
      const b = dbl.backend(backendOpts);
      backends.push(b);
      return { dbl, b };
    },
    track: (b) => void backends.push(b),
  };
}
