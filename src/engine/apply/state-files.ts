// Where apply keeps what must outlive a job (host lock, journal): one file per host key inside the
// state directory. Host keys are computer names or `local`; they are turned into safe file names so
// that a name like `..\hv01` or `HV01` can neither escape the directory nor split one host in two.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HvcError } from '../../core/errors.js';

/** A file-name-safe form of a host key; Windows computer names are case-insensitive. */
export function hostFileKey(hostKey: string): string {
  if (typeof hostKey !== 'string' || hostKey.trim() === '') {
    throw new HvcError('usage', 'host key for the state directory must be a non-empty string');
  }
  const lower = hostKey.trim().toLowerCase();
  const safe = lower.replace(/[^a-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 64);
  // Keep distinct hosts distinct when sanitizing changed the name.
  if (safe === lower) return safe;
  return `${safe}-${createHash('sha256').update(lower, 'utf8').digest('hex').slice(0, 8)}`;
}

export function lockPath(stateDir: string, hostKey: string): string {
  return join(stateDir, `${hostFileKey(hostKey)}.lock`);
}

export function journalPath(stateDir: string, hostKey: string): string {
  return join(stateDir, `${hostFileKey(hostKey)}.journal.jsonl`);
}

/** The journal's one previous generation, kept after a rotation (see journal.ts). */
export function previousJournalPath(stateDir: string, hostKey: string): string {
  return join(stateDir, `${hostFileKey(hostKey)}.journal.1.jsonl`);
}

export async function ensureStateDir(stateDir: string): Promise<void> {
  if (typeof stateDir !== 'string' || stateDir === '') {
    throw new HvcError('usage', 'state directory must be a non-empty path');
  }
  try {
    await mkdir(stateDir, { recursive: true });
  } catch (e) {
    throw new HvcError('usage', `state directory ${stateDir} cannot be created: ${(e as Error).message}`, { cause: e });
  }
}
