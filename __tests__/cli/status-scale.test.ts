// `status` on a large fleet: every lookup by name is one map read. It compared every row with every
// file VM and every plan step (150,000 VMs: billions of comparisons, a hang) and took the widest
// cell with Math.max(...rows), which throws RangeError past ~120,000 rows: a stack trace for a
// fleet the config accepts (8 MiB holds well over 150,000 short VM entries).
import { describe, expect, it } from '@jest/globals';
import { renderStatus, statusOf } from '../../src/cli/status.js';
import type { Plan } from '../../src/core/plan/types.js';
import { config, desired, observation, observed } from '../support/core-fixtures.js';

describe('status of 150,000 VMs', () => {
  it('reports every VM in file order (then owned VMs not in the file) and renders without throwing', () => {
    const n = 150_000;
    const cfg = config(Array.from({ length: n }, (_, i) => desired(`vm-${i}`)));
    // The host has the file's VMs but the first, plus two owned VMs the file no longer names.
    const obs = observation([...Array.from({ length: n - 1 }, (_, i) => observed(`VM-${i + 1}`)), observed('old-1'), observed('old-2')]);
    const plan = {
      planHash: 'sha256:' + '0'.repeat(64),
      steps: [{ vm: 'vm-0', action: 'create' }, { vm: 'VM-7', action: 'set-cpu' }],
      refusals: [{ vm: 'old-2', kind: 'refused', code: 'prune-disabled', message: 'not removed: pruning is off' }],
    } as unknown as Plan;
    const r = statusOf(cfg, obs, plan);
    expect(r.vms).toHaveLength(n + 2);
    expect(r.vms[0]).toMatchObject({ vm: 'vm-0', state: 'absent', drift: 'drift', detail: ['create'] });
    expect(r.vms[7]).toMatchObject({ vm: 'vm-7', drift: 'drift', detail: ['set-cpu'] });
    expect(r.vms[8]).toMatchObject({ vm: 'vm-8', drift: 'in sync', owner: 'lab' });
    expect(r.vms.slice(-2)).toMatchObject([
      { vm: 'old-1', drift: 'not in file' },
      { vm: 'old-2', drift: 'refused', detail: ['prune-disabled'] },
    ]);
    const text = renderStatus(r);
    expect(text.split('\n')).toHaveLength(n + 2 + 5);
    expect(text).toContain(`3 of ${n + 2} VM(s) differ from the file`);
  }, 60_000);
});
