// A disk size below the base image's size used to be found only when apply failed half-way (the
// host refuses New-VHD / Resize-VHD below the parent's size). The observation now carries the
// image's virtual size and the plan blocks the VM, through the built CLI and the simulator.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import { toObservation } from '../../src/agent/observation.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const GiB = 1024 ** 3;
const IMAGE = 'D:\\img\\base.vhdx';

describe('a disk size below the base image', () => {
  it('is blocked in the plan with the sizes named; apply sends nothing for that VM and creates the others', async () => {
    const dir = tempDir('hvc-disk-');
    dirs.push(dir);
    writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms', image: '${IMAGE}', state: stopped }
vms:
  - name: small
    disk: { size: 10GB }
  - name: fine
    disk: { size: 30GB }
`);
    createSimState(join(dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: { [IMAGE]: { sizeBytes: 20 * GiB } }, vms: [] });
    const r = await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--out', 'out', '--json'], { cwd: dir });
    const current = readJson<{ host: { paths: Array<{ path: string; sizeBytes?: number }> } }>(join(dir, 'out', 'current.json'));
    expect(current.host.paths.find((p) => p.path === IMAGE)?.sizeBytes).toBe(20 * GiB);
    const plan = readJson<{ steps: Array<{ vm: string }>; refusals: Array<{ vm: string; code: string; message: string }> }>(join(dir, 'out', 'plan.json'));
    expect(plan.refusals).toEqual([expect.objectContaining({ vm: 'small', code: 'disk-below-image', message: expect.stringMatching(/disk size 10 ?GB is smaller than base image .*base\.vhdx \(20 ?GB\)/) })]);
    expect(plan.steps.map((s) => s.vm)).toEqual(['fine']);
    const result = JSON.parse(r.stdout) as { status: string; failureReason: string | null };
    expect(result.failureReason).not.toBe('apply-failed');
    expect(readSimState(join(dir, 'host.json')).vms.map((v) => v.name)).toEqual(['fine']);
  });

  it('an agent that reports no size (or null) leaves it unknown; a malformed size makes the observation unparseable', () => {
    const base = { host: { computerName: 'h', switches: [], paths: [{ path: IMAGE, exists: true }] }, vms: [] };
    expect(toObservation('hyperv', base, 'h').host.paths[0]).toEqual({ path: IMAGE, exists: true });
    expect(toObservation('hyperv', { ...base, host: { ...base.host, paths: [{ path: IMAGE, exists: true, sizeBytes: null }] } }, 'h').complete).toBe(true);
    const bad = toObservation('hyperv', { ...base, host: { ...base.host, paths: [{ path: IMAGE, exists: true, sizeBytes: -1 }] } }, 'h');
    expect(bad.complete).toBe(false);
    expect(bad.incomplete[0]!.message).toMatch(/\/host\/paths\/0\/sizeBytes/);
  });
});
