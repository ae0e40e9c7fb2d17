// Picks the Backend for a run. sim and hyperv speak the agent protocol through long-lived agent
// processes; replay reads a saved current.json.
import type { Backend } from '../core/ports.js';
import { AgentBackend } from './agent-backend.js';
import { hypervAgentCommand } from './hyperv/launch.js';
import { createReplayBackend } from './replay.js';
import { simAgentCommand } from './sim/locate.js';
import { ensureSimState } from './sim/state.js';

export type BackendSpec =
  | { kind: 'sim'; stateFile: string }
  | { kind: 'hyperv'; computerName: string | null; powershell?: string }
  | { kind: 'replay'; file: string };

export function createBackend(spec: BackendSpec, opts: { launchTimeoutMs?: number; onLaunch?: (pid: number) => void } = {}): Backend {
  switch (spec.kind) {
    case 'sim':
      // A missing state file becomes the built-in lab host, so a first run works on any machine.
      ensureSimState(spec.stateFile);
      return new AgentBackend({ kind: 'sim', launch: simAgentCommand(spec.stateFile), computerName: 'sim', launchTimeoutMs: opts.launchTimeoutMs, onLaunch: opts.onLaunch });
    case 'hyperv':
      return new AgentBackend({
        kind: 'hyperv',
        launch: hypervAgentCommand(spec.computerName, spec.powershell),
        computerName: spec.computerName ?? 'localhost',
        launchTimeoutMs: opts.launchTimeoutMs,
        onLaunch: opts.onLaunch,
      });
    case 'replay':
      return createReplayBackend(spec.file);
  }
}

export { AgentBackend } from './agent-backend.js';
