// Where durable run state lives (journal, host lock, guest address memory) and which host a run is
// about. The state outlives jobs: by default a folder in the runner user's home, not the workspace
// (actions/checkout cleans the workspace between jobs).
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir, hostname as osHostname } from 'node:os';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import type { BackendSpec } from '../backends/index.js';

export function defaultStateDir(): string {
  return process.env.HVC_STATE_DIR || join(homedir(), '.hyperv-converge');
}

/**
 * The lock/journal key: one per host, whatever name reaches it. A Windows computer name is its
 * NetBIOS name, so `HV01`, `hv01` and `hv01.corp.example.com` are one host (two hosts with one short
 * name in different domains then share a lock: one apply waits, never two at once). This machine's
 * own name, `localhost`, `.` and loopback addresses are `local`. Addresses are kept as they are
 * (no DNS look-up: an address and a name of one host remain two keys; docs/reliability.md).
 * A sim or replay file stands for its own host, by its real path (symlinks resolved).
 */
export function hostKeyOf(spec: BackendSpec): string {
  if (spec.kind === 'hyperv') return canonicalHost(spec.computerName);
  const file = spec.kind === 'sim' ? spec.stateFile : spec.file;
  return `${spec.kind}-${createHash('sha256').update(realPath(file)).digest('hex').slice(0, 12)}`;
}

export function canonicalHost(name: string | null): string {
  if (name === null) return 'local';
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  if (n === '' || n === '.' || n === 'localhost' || n === '::1' || /^127\./.test(n)) return 'local';
  if (isIP(n)) return n;
  const short = n.split('.')[0]!;
  return short === osHostname().toLowerCase().split('.')[0] ? 'local' : short;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file); // not there yet: its own path
  }
}
