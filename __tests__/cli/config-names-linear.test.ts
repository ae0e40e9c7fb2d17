// Reading a config compares VM names (duplicates, ssh.hostKeys pins) in time linear in the names: a
// file that pins a host key for each of its VMs made `validate` look through every pin for every VM
// (20,000 VMs: minutes of CPU for a 1.5 MB file, past any CI step's patience). Attacked through the
// built CLI with such a file, and held by a structural figure, not a clock: the names put in
// comparable form (the nameKeys counter, written by HVC_COUNTERS) stay a few per VM.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function pinnedFleet(n: number): string {
  const pad = (i: number) => String(i).padStart(5, '0');
  const lines = ['version: 1', 'project: pinned', 'defaults:', '  cpus: 2', '  memory: 2GB', "  path: 'D:\\Hyper-V\\pinned'", 'ssh:', '  user: ubuntu', '  privateKeyEnv: KEY', '  hostKeys:'];
  for (let i = 0; i < n; i++) lines.push(`    VM-${pad(i)}: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${pad(i)}`);
  lines.push('vms:');
  for (let i = 0; i < n; i++) lines.push(`  - name: vm-${pad(i)}`);
  return lines.join('\n') + '\n';
}

describe('config names are compared in linear time', () => {
  it('validate of a file pinning a host key for each of its 1,000 and 3,000 VMs: a few name keys per VM', async () => {
    for (const n of [1000, 3000]) {
      const dir = tempDir('hvc-names-');
      dirs.push(dir);
      const file = join(dir, 'vms.yaml');
      writeFileSync(file, pinnedFleet(n));
      const counters = join(dir, 'counters.json');
      const r = await runCli(['validate', '--config', file], { cwd: dir, env: { HVC_COUNTERS: counters } });
      expect({ n, code: r.code, stderr: r.stderr }).toEqual({ n, code: 0, stderr: expect.stringContaining(`valid — project 'pinned', ${n} VM(s)`) });
      const { nameKeys } = JSON.parse(readFileSync(counters, 'utf8')) as { nameKeys: number };
      // Each VM's name and each pin are keyed a bounded number of times (duplicate check, pin
      // lookup, pins checked against the VMs); a scan of the pins per VM is n² = 1,000,000 at 1,000.
      expect(nameKeys).toBeLessThanOrEqual(8 * n);
    }
  }, 120_000);
});
