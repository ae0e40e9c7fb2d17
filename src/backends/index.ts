// Picks the Backend for a run. sim and hyperv speak the agent protocol through long-lived agent
// processes; replay reads a saved current.json.
import type { LaunchSpec } from '../agent/client.js';
import type { Backend } from '../core/ports.js';
import { AgentBackend } from './agent-backend.js';
import { hypervAgentCommand } from './hyperv/launch.js';
import { createReplayBackend } from './replay.js';
import { simAgentCommand } from './sim/locate.js';
import { ensureSimState } from './sim/state.js';

export type BackendSpec =
  | { kind: 'sim'; stateFile: string }
  | { kind: 'hyperv'; computerName: string | null; powershell?: string; stripEnv?: string[] }
  | { kind: 'replay'; file: string };

/**
 * A launch that cannot be built (no PowerShell found) still yields a backend: its agent fails to
 * start with the reason on stderr, so observe reports an incomplete observation instead of throwing.
 */
function launchOrExplain(build: () => LaunchSpec): LaunchSpec {
  try {
    return build();
  } catch (e) {
    return { command: process.execPath, args: ['-e', 'process.stderr.write(process.env.HVC_LAUNCH_ERROR ?? ""); process.exit(2)'], env: { HVC_LAUNCH_ERROR: (e as Error).message } };
  }
}

export function createBackend(spec: BackendSpec, opts: { launchTimeoutMs?: number; onLaunch?: (pid: number) => void } = {}): Backend {
  switch (spec.kind) {
    case 'sim':
      // A missing state file becomes the built-in lab host, so a first run works on any machine.
      ensureSimState(spec.stateFile);
      return new AgentBackend({ kind: 'sim', launch: simAgentCommand(spec.stateFile), computerName: 'sim', launchTimeoutMs: opts.launchTimeoutMs, onLaunch: opts.onLaunch });
    case 'hyperv':
      return new AgentBackend({
        kind: 'hyperv',
        launch: launchOrExplain(() =>
          hypervAgentCommand(spec.computerName, { ...(spec.powershell ? { powershell: spec.powershell } : {}), ...(spec.stripEnv ? { stripEnv: spec.stripEnv } : {}) }),
        ),
        computerName: spec.computerName ?? 'localhost',
        launchTimeoutMs: opts.launchTimeoutMs,
        onLaunch: opts.onLaunch,
      });
    case 'replay':
      return createReplayBackend(spec.file);
  }
}

export { AgentBackend } from './agent-backend.js';
