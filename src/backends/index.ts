// Picks the Backend for a run. sim and hyperv speak the agent protocol through long-lived agent
// processes; replay reads a saved current.json.
import type { Backend } from '../core/ports.js';
import { AgentBackend } from './agent-backend.js';
import { hypervAgentLaunch } from './hyperv/launch.js';
import { createReplayBackend } from './replay.js';
import { simAgentCommand } from './sim/locate.js';
import { existsSync } from 'node:fs';
import { ensureSimState } from './sim/state.js';

export type BackendSpec =
  | { kind: 'sim'; stateFile: string }
  | { kind: 'hyperv'; computerName: string | null; powershell?: string; stripEnv?: string[] }
  | { kind: 'replay'; file: string };

export function createBackend(spec: BackendSpec, opts: { launchTimeoutMs?: number; onLaunch?: (pid: number) => void } = {}): Backend {
  switch (spec.kind) {
    case 'sim':
      // A missing state file becomes the built-in lab host, so a first run works on any machine.
      ensureSimState(spec.stateFile);
      return new AgentBackend({ kind: 'sim', launch: simAgentCommand(spec.stateFile), computerName: 'sim', launchTimeoutMs: opts.launchTimeoutMs, onLaunch: opts.onLaunch });
    case 'hyperv':
      // A launch that cannot be built (no PowerShell found) still yields a backend: it starts nothing
      // and fails each request as agent-launch-failed with the reason and fix, so observe reports an
      // incomplete observation and doctor a failed check instead of throwing.
      return new AgentBackend({
        kind: 'hyperv',
        launch: hypervAgentLaunch(spec.computerName, { ...(spec.powershell ? { powershell: spec.powershell } : {}), ...(spec.stripEnv ? { stripEnv: spec.stripEnv } : {}) }),
        computerName: spec.computerName ?? 'localhost',
        launchTimeoutMs: opts.launchTimeoutMs,
        onLaunch: opts.onLaunch,
      });
    case 'replay':
      return createReplayBackend(spec.file);
  }
}

/**
 * plan and drift on the simulator: the backend whose observe agent starts now, before the config is
 * read, so its start and its read of the host overlap the config's loading. It writes nothing until it
 * is asked (its launch is counted with its first request), so a run whose config is refused ends it
 * unasked, having changed nothing. null where the backend is made after the config as before: a
 * replay (nothing to start), a sim state file still to be made (a write), and a Hyper-V host (the
 * config names the computer and the variables kept from the agent).
 */
export function createBackendEarly(spec: BackendSpec): Backend | null {
  if (spec.kind !== 'sim' || !existsSync(spec.stateFile)) return null;
  const be = createBackend(spec);
  be.prestart?.(1);
  return be;
}

export { AgentBackend } from './agent-backend.js';
