// Where the tests find PowerShell 7 (pwsh): HVC_PWSH, else PATH. `npm test` (scripts/run-tests.mjs)
// sets HVC_PWSH to the copy `.ci/run` installs in .tools/pwsh. In CI a missing pwsh is a failure,
// never a skip; on a machine without it the PowerShell suites are skipped and npm test says so.
import { describe } from '@jest/globals';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** The pwsh executable, or null when there is none. */
export function findPwsh(): string | null {
  const env = process.env.HVC_PWSH;
  if (env !== undefined && env !== '') return env;
  if (env === '') return null; // run-tests.mjs found none
  return onPath(process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
}

/** describe() when pwsh exists; otherwise a skipped describe, or a failure under CI=true. */
export function describePwsh(name: string, fn: (pwsh: string) => void): void {
  const pwsh = findPwsh();
  if (pwsh) {
    describe(name, () => fn(pwsh));
    return;
  }
  if (process.env.CI === 'true') throw new Error(`${name}: PowerShell (pwsh) is required in CI: set HVC_PWSH or put pwsh on PATH (.ci/run installs it into .tools/pwsh)`);
  console.warn(`SKIPPED: ${name} (no pwsh: set HVC_PWSH or put pwsh on PATH)`);
  describe.skip(`${name} (SKIPPED: no pwsh)`, () => fn('pwsh'));
}
