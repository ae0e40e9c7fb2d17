// Names and notes an adversary (or an unlucky editor) writes, through the built CLI and the
// simulator: Windows device names, invisible format characters, Unicode case folding that Windows
// does not do, and notes ending in '\r'. One name rule (vmNameKey) decides sameness everywhere.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimState, readSimState } from '../../src/backends/sim/state.js';
import { protectKey, sameName, vmNameKey } from '../../src/core/config/vm-name.js';
import { matchesPattern } from '../../src/core/safety/safety.js';
import { readJson, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const GiB = 1024 ** 3;
const SIM = ['--backend', 'sim', '--sim-state', 'host.json', '--out', 'out', '--json'];

function lab(yaml: string, vms: Array<{ name: string; id: string; notes: string }> = []) {
  const dir = tempDir('hvc-names-');
  dirs.push(dir);
  writeFileSync(join(dir, 'vms.yaml'), `version: 1\nproject: t\ndefaults: { memory: 1GB, switch: lab-net, path: 'D:\\vms', state: stopped, cpus: 2 }\n${yaml}`);
  createSimState(join(dir, 'host.json'), {
    computerName: 'HV-T', switches: [{ name: 'lab-net', type: 'External' }], folders: ['D:\\vms'], files: {},
    vms: vms.map((v) => ({
      ...v, state: 'Off', cpus: 2, path: 'D:\\vms',
      memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
      adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: `00155D0000${v.id.slice(-2)}`, dynamicMac: true, ips: [] }],
    })),
  });
  return dir;
}

describe('names the host cannot hold, or that look like other names, are refused with a located message', () => {
  it.each([
    ['CON', /'CON' is a Windows device name/],
    ['nul.lab', /'nul' is a Windows device name/],
    ['LPT1', /'LPT1' is a Windows device name/],
    ['COM\u00b9', /Windows device name/],
    ['prod\u200b-db', /U\+200B is an invisible format character/],
    ['web\ufeff', /U\+FEFF is an invisible format character/],
    ['\u202eevil', /U\+202E is an invisible format character/],
  ])('%j', async (name, why) => {
    const dir = lab(`vms:\n  - name: ${JSON.stringify(name)}\n`);
    const r = await runCli(['validate', '--config', 'vms.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { failureReason: string; problems: Array<{ path: string; line: number; message: string }> };
    expect(out.failureReason).toBe('invalid-config');
    expect(out.problems).toEqual([expect.objectContaining({ path: '/vms/0/name', line: 5, message: expect.stringMatching(why) })]);
  });
});

describe('protect patterns see through invisible characters on the host', () => {
  it("an owned VM named 'prod\\u200b-db' on the host is not pruned past protect: prod-*", async () => {
    const dir = lab('policy: { prune: true, allowRestart: true }\nvms: []\n', [{ name: 'prod\u200b-db', id: '00000000-0000-4000-8000-000000000001', notes: 'hyperv-converge: project=t' }]);
    const r = await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', ...SIM], { cwd: dir });
    expect(JSON.parse(r.stdout).failureReason).toBe('safety-refused');
    const plan = readJson<{ steps: unknown[]; refusals: Array<{ code: string; vm: string }> }>(join(dir, 'out', 'plan.json'));
    expect(plan.steps).toEqual([]);
    expect(plan.refusals).toEqual([expect.objectContaining({ code: 'protected', vm: 'prod\u200b-db' })]);
    expect(readSimState(join(dir, 'host.json')).vms.map((v) => v.name)).toEqual(['prod\u200b-db']);
  });
});

describe('case is ignored the way Windows ignores it, no further', () => {
  it("the Kelvin sign is not 'k': a VM 'K8s' (U+212A) on the host is not the file's 'k8s'", async () => {
    const kelvin = '\u212a8s';
    const dir = lab('vms:\n  - name: k8s\n    cpus: 4\n', [{ name: kelvin, id: '00000000-0000-4000-8000-000000000001', notes: 'hyperv-converge: project=t' }]);
    const r = await runCli(['plan', '--config', 'vms.yaml', ...SIM], { cwd: dir });
    expect(r.code).toBe(2);
    const plan = readJson<{ steps: Array<{ vm: string; action: string; vmId: string | null }> }>(join(dir, 'out', 'plan.json'));
    expect(plan.steps.map((s) => [s.vm, s.action, s.vmId])).toEqual([['k8s', 'create', null]]);
  });

  it('the rule, spelled out', () => {
    expect(sameName('Web-1', 'WEB-1')).toBe(true);
    expect(sameName('naïve', 'NAÏVE')).toBe(true);
    expect(sameName('\u212a', 'k')).toBe(false); // Kelvin sign
    expect(sameName('\u0131', 'i')).toBe(false); // dotless i never equals ASCII
    expect(sameName('\u017f', 's')).toBe(false); // long s
    expect(sameName('straße', 'STRASSE')).toBe(false); // no full case folding
    expect(sameName('e\u0301', '\u00e9')).toBe(false); // no normalization
    expect(vmNameKey('web-1')).toBe('WEB-1');
    expect(protectKey('prod\u200b-db\u2060')).toBe('PROD-DB');
    expect(matchesPattern('Prod\u200d-DB', 'prod-*')).toBe(true);
    expect(matchesPattern('pr?d', 'PR?D')).toBe(true);
    expect(matchesPattern('\u212aube', 'k*')).toBe(false);
  });
});

describe('notes', () => {
  it("notes ending in '\\r' converge: the run after apply plans nothing", async () => {
    const dir = lab('vms:\n  - name: n1\n    notes: "first line\\r\\nsecond\\r"\n', [{ name: 'n1', id: '00000000-0000-4000-8000-000000000001', notes: 'hyperv-converge: project=t' }]);
    const a = await runCli(['apply', '--auto-approve', '--config', 'vms.yaml', ...SIM], { cwd: dir });
    expect(JSON.parse(a.stdout).status).toBe('applied');
    const p = await runCli(['plan', '--config', 'vms.yaml', ...SIM], { cwd: dir });
    expect(JSON.parse(p.stdout).status).toBe('no-changes');
    expect(p.code).toBe(0);
  });

  it('notes edited by hand on Windows (CRLF before the marker) are not a change', async () => {
    const dir = lab('vms:\n  - name: n1\n    notes: "one\\ntwo"\n', [{ name: 'n1', id: '00000000-0000-4000-8000-000000000001', notes: 'one\r\ntwo\r\nhyperv-converge: project=t' }]);
    const p = await runCli(['plan', '--config', 'vms.yaml', ...SIM], { cwd: dir });
    expect(JSON.parse(p.stdout).status).toBe('no-changes');
  });
});
