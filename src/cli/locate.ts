// Finds a file shipped with the project (examples/, the agent script) from wherever the running code
// sits: src/cli in a checkout, dist/cli in the bundle, or an installed package.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HvcError } from '../core/errors.js';

export function findProjectFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  // Joined from runtime parts on purpose: a path the bundler can evaluate statically gets copied into
  // dist/ as an asset (under the checkout's folder name, so dist/ would differ between clones).
  const parts = relative.split('/');
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, ...parts);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new HvcError('usage', `cannot find ${relative} next to this installation`);
}
