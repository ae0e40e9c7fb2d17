// Hyper-V sets a VM's memory weight as Set-VMMemory -Priority 0..100 (Learn: Set-VMMemory), so the
// file's 0..10000 weight must be a multiple of 100: anything else is a located config error at
// validate time, not a refusal from the host halfway through an apply.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const file = (weight: number) => `version: 1
project: w
vms:
  - name: a
    path: D:\\vms
    memory: { startup: 1GB, minimum: 512MB, maximum: 2GB }
    cpus: 1
    memoryWeight: ${weight}
`;

describe('memoryWeight', () => {
  it('8050 is refused with its location; 8000 validates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), file(8050));
    writeFileSync(join(dir, 'good.yaml'), file(8000));
    const bad = await runCli(['validate', '--config', 'bad.yaml'], { cwd: dir });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/bad\.yaml:8:\d+.*memoryWeight.*multiple of 100/s);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    const good = await runCli(['validate', '--config', 'good.yaml'], { cwd: dir });
    expect(good.code).toBe(0);
  });
});
