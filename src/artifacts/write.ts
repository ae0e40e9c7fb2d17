// Writes the three artifacts into the output folder: key-sorted, pretty JSON so equal content gives
// equal bytes. Nothing is written anywhere else.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prettyTree, stableStringify, type Json } from '../core/canonical.js';
import { HvcError } from '../core/errors.js';

export type ArtifactName = 'current.json' | 'plan.json' | 'result.json';

export function writeArtifact(outDir: string, name: ArtifactName, value: unknown): string {
  return writeText(outDir, name, () => stableStringify(value));
}

/** writeArtifact of a value canonicalTree already normalized (no second pass over it). */
export function writeArtifactTree(outDir: string, name: ArtifactName, tree: Json): string {
  return writeText(outDir, name, () => prettyTree(tree));
}

function writeText(outDir: string, name: ArtifactName, text: () => string): string {
  const file = join(outDir, name);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(tmp, text());
    renameSync(tmp, file); // a reader never sees half a file
    return file;
  } catch (e) {
    rmSync(tmp, { force: true, recursive: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new HvcError('output-failed', `${name} cannot be written in ${outDir}${code ? ` (${code})` : ''}: ${(e as Error).message}`, { cause: e });
  }
}

/** Removes an earlier run's artifacts from the output folder, so it never mixes two runs. */
export function clearArtifacts(outDir: string): void {
  for (const name of ['current.json', 'plan.json', 'result.json'] satisfies ArtifactName[]) {
    try {
      rmSync(join(outDir, name), { force: true });
    } catch (e) {
      throw new HvcError('output-failed', `the earlier ${name} in ${outDir} cannot be removed: ${(e as Error).message}`, { cause: e });
    }
  }
}
