// Where durable run state lives (journal, host lock, guest address memory) and which host a run is
// about. The state outlives jobs: by default a folder in the runner user's home, not the workspace
// (actions/checkout cleans the workspace between jobs).
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BackendSpec } from '../backends/index.js';

export function defaultStateDir(): string {
  return process.env.HVC_STATE_DIR || join(homedir(), '.hyperv-converge');
}

/** The lock/journal key: one per host (a sim or replay file stands for its own host). */
export function hostKeyOf(spec: BackendSpec): string {
  if (spec.kind === 'hyperv') return spec.computerName ?? 'local';
  const file = spec.kind === 'sim' ? spec.stateFile : spec.file;
  return `${spec.kind}-${createHash('sha256').update(resolve(file)).digest('hex').slice(0, 12)}`;
}
