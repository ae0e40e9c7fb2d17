// Where the bundled sim agent is. A bundle (dist/index.js, dist/cli/index.js) finds
// dist/sim-agent/index.js beside itself; sources run by the tests (src/backends/sim/) fall back to
// the repository's dist/ (build it with `npx ncc build src/entry/sim-agent.ts -o dist/sim-agent`).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchSpec } from '../../agent/client.js';

function here(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/** Candidate paths, most specific first. */
export function simAgentCandidates(from = here()): string[] {
  return [join(from, 'sim-agent', 'index.js'), join(from, '..', 'sim-agent', 'index.js'), resolve(from, '..', '..', '..', 'dist', 'sim-agent', 'index.js')];
}

export function simAgentPath(): string {
  const c = simAgentCandidates();
  const found = c.find((p) => existsSync(p));
  if (!found) throw new Error(`sim agent bundle not found (looked at ${c.join(', ')}); build it: npx ncc build src/entry/sim-agent.ts -o dist/sim-agent`);
  return found;
}

/**
 * How to start a sim agent on a state file: this very Node running the bundled agent. The first
 * agent (it observes) parses the state file at start, while the client still works.
 */
export function simAgentCommand(stateFile: string): LaunchSpec {
  return { command: process.execPath, args: [simAgentPath(), '--state', stateFile], firstEnv: { HVC_SIM_READ_AHEAD: '1' } };
}
