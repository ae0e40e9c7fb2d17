// Writes the three artifacts into the output folder: key-sorted, pretty JSON so equal content gives
// equal bytes. Nothing is written anywhere else.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableStringify } from '../core/canonical.js';

export type ArtifactName = 'current.json' | 'plan.json' | 'result.json';

export function writeArtifact(outDir: string, name: ArtifactName, value: unknown): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, stableStringify(value));
  renameSync(tmp, file); // a reader never sees half a file
  return file;
}
