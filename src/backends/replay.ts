// The replay backend: a saved current.json stands in for the host. Read-only by nature: apply is
// refused, and a file that is missing or does not match the schema is an incomplete observation.
import { readFileSync, statSync } from 'node:fs';
import { HvcError } from '../core/errors.js';
import { MAX_RECORDING_BYTES } from '../core/input-limits.js';
import type { Observation } from '../core/model/observed.js';
import type { Backend, BackendStats, OperationOutcome, OperationRunner } from '../core/ports.js';

function unreadable(file: string, code: 'host-unreachable' | 'unparseable', message: string): Observation {
  return {
    schemaVersion: 1,
    backend: 'replay',
    host: { computerName: file, switches: [], paths: [], neighbors: [] },
    complete: false,
    incomplete: [{ code, message }],
    vms: [],
  };
}

export function createReplayBackend(file: string): Backend {
  const stats: BackendStats = { launches: 0, operations: 0 };
  return {
    kind: 'replay',
    mutable: false,
    async observe(): Promise<Observation> {
      stats.operations++;
      let text: string;
      try {
        const size = statSync(file).size;
        if (size > MAX_RECORDING_BYTES) return unreadable(file, 'unparseable', `recording ${file} is too large (${size} bytes; at most ${MAX_RECORDING_BYTES})`);
        text = readFileSync(file, 'utf8');
      } catch (e) {
        return unreadable(file, 'host-unreachable', `cannot read recording ${file}: ${(e as Error).message}`);
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        return unreadable(file, 'unparseable', `recording ${file} is not JSON: ${(e as Error).message}`);
      }
      // The artifact validators (a few hundred KB of generated code) load only for a recording.
      const { artifactProblems } = await import('../artifacts/validate.js');
      const problems = artifactProblems('current', data);
      if (problems.length) return unreadable(file, 'unparseable', `recording ${file} does not match current.schema.json: ${problems.slice(0, 5).join('; ')}`);
      const { observedAt: _t, guests: _g, ...obs } = data as Observation & { guests?: unknown };
      return { ...obs, backend: 'replay' };
    },
    async runner(): Promise<OperationRunner> {
      throw new HvcError('usage', 'the replay backend is a recording and cannot be changed: apply needs --backend sim or hyperv');
    },
    async query(): Promise<OperationOutcome> {
      return { ok: false, durationMs: 0, error: { code: 'unsupported', message: 'the replay backend answers no live queries' } };
    },
    stats: () => ({ ...stats }),
    async close() {},
  };
}
