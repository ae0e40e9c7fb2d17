// Observations that cannot be true of a real host, through the built CLI and the simulator's agent:
// the agent reports one id for two VMs. Steps address VMs by id, so acting on such a report changed
// (and adopted, through its Notes) a VM this project does not own. It must be an incomplete
// observation with the reason in plan.json, and nothing may be applied.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import { assessAgainst, assessObservation } from '../../src/core/model/assess.js';
import type { Observation } from '../../src/core/model/observed.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const GiB = 1024 ** 3;
const ID = '00000000-0000-4000-8000-0000000000aa';

function vm(name: string, id: string, notes: string) {
  return {
    name, id, state: 'Off', cpus: 2, notes, path: 'D:\\vms',
    memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
    adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: `00155D0000${id.slice(-2)}`, dynamicMac: true, ips: [] }],
  };
}

describe('an agent reporting one id for two VMs', () => {
  it('is an incomplete observation: nothing is applied, the unowned VM is untouched, plan.json says why', async () => {
    const dir = tempDir('hvc-dupid-');
    dirs.push(dir);
    writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, switch: lab-net, path: 'D:\\vms', state: stopped }
vms:
  - name: a
    cpus: 4
    notes: mine
`);
    // The unowned VM comes first: an agent that resolves the id finds it.
    createSimState(join(dir, 'host.json'), {
      computerName: 'HV-T', switches: [{ name: 'lab-net', type: 'External' }], folders: ['D:\\vms'], files: {},
      vms: [vm('someone-elses', ID, 'not ours'), vm('a', ID, 'hyperv-converge: project=t')],
    });
    const before = readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'someone-elses');
    const r = await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--out', 'out', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failureReason).toBe('observation-incomplete');
    const after = readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'someone-elses');
    expect(after).toEqual(before);
    const plan = readJson<{ actionable: boolean; steps: unknown[]; refusals: Array<{ code: string; message: string }> }>(join(dir, 'out', 'plan.json'));
    expect(plan.actionable).toBe(false);
    expect(plan.steps).toEqual([]);
    expect(plan.refusals[0]!.message).toMatch(/2 VMs report the same id 00000000-0000-4000-8000-0000000000aa \('a', 'someone-elses'\)/);
    const current = readJson<Observation>(join(dir, 'out', 'current.json'));
    expect(current.incomplete.map((i) => i.code)).toEqual(['duplicate-id', 'duplicate-id']);
  });
});

describe('an id that changes under a name within one run', () => {
  const obs = (vms: Array<{ name: string; id: string }>): Observation => ({
    schemaVersion: 1, backend: 'sim', host: { computerName: 'h', switches: [], paths: [], neighbors: [] }, complete: true, incomplete: [],
    vms: vms.map((v) => ({ ...v, state: 'Off', generation: 2, cpus: 1, memory: { dynamic: false, startupBytes: 1, minimumBytes: 1, maximumBytes: 1 }, secureBoot: true, notes: '', path: '', adapters: [], disks: [], checkpoints: [], integrationServices: [] })),
  });
  it('makes the later observation incomplete, unless this run created or removed that VM', () => {
    const first = assessObservation(obs([{ name: 'web', id: '00000000-0000-4000-8000-000000000001' }, { name: 'db', id: '00000000-0000-4000-8000-000000000002' }]));
    const later = assessObservation(obs([{ name: 'WEB', id: '00000000-0000-4000-8000-000000000009' }, { name: 'db', id: '00000000-0000-4000-8000-000000000002' }]));
    const judged = assessAgainst(first, later);
    expect(judged.complete).toBe(false);
    expect(judged.incomplete).toEqual([expect.objectContaining({ code: 'identity-changed', vm: 'WEB' })]);
    expect(assessAgainst(first, later, ['web']).complete).toBe(true);
  });
});
