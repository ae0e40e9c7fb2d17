// How many Hyper-V cmdlet calls one observe costs the REAL agent, for 2, 10 and 100 VMs of both
// generations (counted by the double). Bulk calls take every VM at once (per generation where a
// cmdlet is generation-specific: Get-VMFirmware and Get-VMSecurity for 2, Get-VMBios for 1), so the
// count must not grow with the VM count; the figures are recorded in docs/benchmarks.md.
import { expect, it } from '@jest/globals';
import type { SimVmSeed } from '../../src/backends/sim/state.js';
import { doubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';

const GiB = 1024 ** 3;
const fleet = (n: number): SimVmSeed[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `vm-${String(i).padStart(3, '0')}`,
    state: i % 3 === 0 ? 'Off' : 'Running',
    generation: i % 5 === 1 ? 1 : 2,
    notes: 'hyperv-converge: project=bench',
    disks: [{ path: `D:\\vms\\vm-${i}\\vm-${i}.vhdx`, sizeBytes: 20 * GiB, parentPath: 'D:\\images\\base.vhdx' }],
    checkpoints: i % 10 === 1 ? [{ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: 'cp' }] : [],
  }));

describePwsh('cmdlet calls per observe (real agent over the double)', (pwsh) => {
  it('constant in the VM count: 2, 10 and 100 VMs cost the same calls', async () => {
    const figures: Record<number, Record<string, number>> = {};
    for (const n of [2, 10, 100]) {
      const dbl = doubleHost(pwsh, { files: { 'D:\\images\\base.vhdx': { sizeBytes: 20 * GiB } }, folders: ['D:\\vms'], vms: fleet(n) });
      const backend = dbl.backend();
      try {
        await backend.observe({ paths: ['D:\\vms', 'D:\\images\\base.vhdx'], neighbors: true }); // warm: first start materialises files
        const before = dbl.calls();
        const o = await backend.observe({ paths: ['D:\\vms', 'D:\\images\\base.vhdx'], neighbors: true });
        expect(o.complete).toBe(true);
        expect(o.vms).toHaveLength(n);
        const after = dbl.calls();
        figures[n] = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
      } finally {
        await backend.close();
        dbl.cleanup();
      }
    }
    const total = (n: number) => Object.values(figures[n]!).reduce((a, b) => a + b, 0);
    console.log(`cmdlet calls per observe: ${[2, 10, 100].map((n) => `${n} VM(s): ${total(n)} ${JSON.stringify(figures[n])}`).join('; ')}`);
    expect(figures[10]).toEqual(figures[2]);
    expect(figures[100]).toEqual(figures[2]);
    // The storage and settings surface: one bulk call each (issue 14).
    for (const c of ['Get-VMDvdDrive', 'Get-VMProcessor', 'Get-VMMemory', 'Get-VMSecurity', 'Get-VMBios']) expect(figures[2]![c]).toBe(1);
  }, 240_000);
});
