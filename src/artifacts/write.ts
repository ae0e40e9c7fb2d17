// Writes the three artifacts into the output folder: key-sorted JSON so equal content gives equal
// bytes, indented for a person up to ONE_LINE_OVER characters and on one line past that (a host of
// thousands of VMs: `jq .` shows it indented). Nothing is written anywhere else.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CanonicalTexts, canonicalTree, prettyTree, type Json } from '../core/canonical.js';
import { HvcError } from '../core/errors.js';

export type ArtifactName = 'current.json' | 'plan.json' | 'result.json';

/**
 * An artifact whose JSON is longer than this many characters is written on one line: indenting a
 * 10,000-VM observation prints it a second time and makes the file half as large again, for a file
 * no one reads without a tool. About 1,700 VMs of current.json fit under it.
 */
export const ONE_LINE_OVER = 1 << 20;

export function writeArtifact(outDir: string, name: ArtifactName, value: unknown): string {
  return writeArtifactTree(outDir, name, canonicalTree(value));
}

/**
 * writeArtifact of a value canonicalTree already normalized (no second pass over it). With the
 * run's `texts`, members already printed (for a hash) are not printed again.
 */
export function writeArtifactTree(outDir: string, name: ArtifactName, tree: Json, texts: CanonicalTexts = new CanonicalTexts()): string {
  return writeText(outDir, name, () => artifactText(tree, texts));
}

/**
 * The artifact's text in parts (written in turn, never joined): the compact canonical JSON composed
 * from printed members, or the indented text when it is short.
 */
export function artifactText(tree: Json, texts: CanonicalTexts = new CanonicalTexts()): string[] {
  const parts = tree !== null && typeof tree === 'object' && !Array.isArray(tree) ? texts.objectParts(tree) : [texts.of(tree)];
  let length = 0;
  for (const p of parts) length += p.length;
  if (length <= ONE_LINE_OVER) return [prettyTree(tree)];
  parts.push('\n');
  return parts;
}

function writeText(outDir: string, name: ArtifactName, text: () => string[]): string {
  const file = join(outDir, name);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(outDir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      for (const part of text()) if (part.length > 0) writeFileSync(fd, part); // whole, at the file's position
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file); // a reader never sees half a file
    return file;
  } catch (e) {
    rmSync(tmp, { force: true, recursive: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new HvcError('output-failed', `${name} cannot be written in ${outDir}${code ? ` (${code})` : ''}: ${(e as Error).message}`, { cause: e });
  }
}

/** The name of the output folder's own lock file (never an artifact): one run per folder. */
export const OUT_LOCK = '.hyperv-converge-out.lock';

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
