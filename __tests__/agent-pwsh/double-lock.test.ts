// The Hyper-V double's state lock under contention: several pwsh processes (an apply pool's agents)
// each update the state many times. Every update must land: a lost update makes a step that succeeded
// vanish from the host (seen as a flaky "converged: false" in the CLI test over the double). Before the
// fix it lost 17 and 32 of 200 in two of three runs: a waiter broke the lock it read as written in
// 1601 (File.GetLastWriteTimeUtc of a lock just released), which was by then the next holder's.
import { expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import { doubleModules } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';

const WORKER = `param([string]$State, [int]$N, [long]$StartAt)
$env:HVC_DOUBLE_STATE = $State
. (Join-Path '${doubleModules.replace(/'/g, "''")}' 'HvdCore.ps1')
# All workers start together (pwsh start-up times differ by seconds).
while ([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() -lt $StartAt) { Start-Sleep -Milliseconds 5 }
for ($i = 0; $i -lt $N; $i++) { $null = Update-HvdState { param($s) $s['stats']['operations'] = [int]$s['stats']['operations'] + 1 } }
`;

describePwsh('the Hyper-V double state lock', (pwsh) => {
  it('4 processes × 50 updates: all 200 land', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-lock-'));
    try {
      const state = join(dir, 'host.json');
      createSimState(state, {});
      const worker = join(dir, 'worker.ps1');
      writeFileSync(worker, WORKER);
      const startAt = String(Date.now() + 8000);
      await Promise.all(
        Array.from({ length: 4 }, () => new Promise<void>((res, rej) => {
          const p = spawn(pwsh, ['-NoProfile', '-NonInteractive', '-File', worker, '-State', state, '-N', '50', '-StartAt', startAt], { stdio: ['ignore', 'ignore', 'inherit'] });
          p.on('error', rej);
          p.on('exit', (code) => (code === 0 ? res() : rej(new Error(`worker exited ${code}`))));
        })),
      );
      expect(JSON.parse(readFileSync(state, 'utf8')).stats.operations).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
