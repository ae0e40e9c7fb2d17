// Where the bundled sim agent is. A bundle (dist/index.js, dist/cli/index.js) finds
// dist/sim-agent/index.js beside itself; sources run by the tests (src/backends/sim/) fall back to
// the repository's dist/ (build it with `npx ncc build src/entry/sim-agent.ts -o dist/sim-agent`).
import { existsSync, statSync } from 'node:fs';
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

const MiB = 1024 * 1024;
/** Largest state file whose parse is given a young generation to fit in (see simAgentHeapFlags). */
export const SIM_YOUNG_STATE_BYTES = 10 * MiB;

/**
 * V8 flags for the agent's heap, from its state file's size. An agent parses the whole state, and
 * that parse lives until the process ends: in V8's default young generation (semi-spaces starting
 * at 1 MiB) the parse of the 10,000-VM bench state went through 8 scavenges, each copying what was
 * parsed so far (~75 ms of a ~300 ms launch-to-answer). A young generation the parse fits in (about
 * three times the file's bytes) is reserved at start instead, and none runs. Past 10 MiB of state
 * the default stays: at 100,000 VMs a 32 or 64 MiB one measured no fewer GC milliseconds, and more
 * memory.
 */
export function simAgentHeapFlags(stateFile: string): string[] {
  let bytes: number;
  try {
    bytes = statSync(stateFile).size;
  } catch {
    return []; // no file yet: the agent reports that itself
  }
  if (bytes <= MiB || bytes > SIM_YOUNG_STATE_BYTES) return [];
  const semi = Math.ceil((3 * bytes) / MiB);
  return [`--min-semi-space-size=${semi}`, `--max-semi-space-size=${semi}`];
}

/**
 * How to start a sim agent on a state file: this very Node running the bundled agent. The first
 * agent (it observes) parses the state file at start, while the client still works.
 */
export function simAgentCommand(stateFile: string): LaunchSpec {
  return { command: process.execPath, args: [...simAgentHeapFlags(stateFile), simAgentPath(), '--state', stateFile], firstEnv: { HVC_SIM_READ_AHEAD: '1' } };
}
