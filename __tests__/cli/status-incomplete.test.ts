// `status` when the host could not be observed: it must never say the VMs match the file. It did: a
// host-wide incomplete observation (no PowerShell, an account that may not manage Hyper-V and so sees
// an empty VM list) made the plan refuse as a whole with no steps, and status read "no steps" as
// "in sync" — every VM `absent`, `in sync`, and "All N VM(s) match the file." (exit 1 only).
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../support/run-cli.js';

const LAB = join(ROOT, 'examples', 'lab', 'vms.yaml');

interface StatusJson {
  complete: boolean;
  incomplete: string[];
  vms: { vm: string; state: string; drift: string; detail: string[]; reason: string | null }[];
}

function statusJson(stdout: string): StatusJson {
  return JSON.parse(stdout.trim().split('\n').pop()!) as StatusJson;
}

describe('status of a host that could not be observed', () => {
  it('no PowerShell: every VM is unknown, none in sync, and the summary says so', async () => {
    const dir = tempDir();
    copyFileSync(LAB, join(dir, 'vms.yaml'));
    const emptyPath = join(dir, 'no-bin');
    mkdirSync(emptyPath);
    const r = await runCli(['status', '--config', 'vms.yaml', '--backend', 'hyperv', '--json'], { cwd: dir, env: { PATH: emptyPath } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/All \d+ VM\(s\) match the file|VM\(s\) of the file match it/);
    expect(r.stderr).not.toMatch(/in sync/);
    expect(r.stderr).toMatch(/could not be observed/);
    const s = statusJson(r.stdout);
    expect(s.complete).toBe(false);
    expect(s.vms.length).toBeGreaterThan(0);
    for (const v of s.vms) expect(v).toMatchObject({ state: 'unknown', drift: 'unknown', detail: ['observation-incomplete'] });
    expect(s.vms[0]!.reason).toMatch(/PowerShell 7 \(pwsh\) was not found/);
  });

  it('an empty VM list that proves nothing (permission-denied, replayed): unknown, not absent', async () => {
    const dir = tempDir();
    copyFileSync(LAB, join(dir, 'vms.yaml'));
    const made = await runCli(['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--out', 'first'], { cwd: dir });
    expect(made.code).toBe(2); // a plan with changes
    const current = JSON.parse(readFileSync(join(dir, 'first', 'current.json'), 'utf8')) as Record<string, unknown>;
    current.vms = [];
    current.complete = false;
    current.incomplete = [{ code: 'permission-denied', message: 'the account may not manage Hyper-V: an empty VM list proves nothing' }];
    writeFileSync(join(dir, 'blind.json'), JSON.stringify(current));
    const r = await runCli(['status', '--config', 'vms.yaml', '--backend', 'replay', '--replay', 'blind.json', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/All \d+ VM\(s\) match the file|VM\(s\) of the file match it/);
    const s = statusJson(r.stdout);
    for (const v of s.vms) expect(v).toMatchObject({ state: 'unknown', drift: 'unknown' });
    expect(r.stderr).toMatch(new RegExp(`${s.vms.length} of ${s.vms.length} VM\\(s\\) could not be observed`));
  });

  it('a complete observation still reads as before (VMs to create drift, none unknown)', async () => {
    const dir = tempDir();
    copyFileSync(LAB, join(dir, 'vms.yaml'));
    const r = await runCli(['status', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = statusJson(r.stdout);
    expect(s.complete).toBe(true);
    expect(s.vms.filter((v) => v.drift === 'unknown' || v.state === 'unknown')).toEqual([]);
    expect(s.vms[0]).toMatchObject({ vm: 'web-1', state: 'absent', drift: 'drift', detail: ['create', 'start'] });
  });
});

// Attack: a VM of this project that the file does not name (kept: no prune) was counted among the
// VMs that "match the file" — "All 8 VM(s) match the file." for a file of 7 — and, when only that VM
// could not be observed, "The 8 VM(s) of the file match it" with no reason on the VM itself.
describe('status with a VM of the project that the file does not name', () => {
  /** The lab converged on the simulator, as a recording, plus `old-web`: owned by the project, not in the file. */
  async function converged(dir: string, oldWebState: string): Promise<string> {
    copyFileSync(LAB, join(dir, 'vms.yaml'));
    const sim = ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'];
    expect((await runCli(['apply', ...sim, '--auto-approve', '--out', 'applied'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['plan', ...sim, '--out', 'after'], { cwd: dir })).code).toBe(0);
    const current = JSON.parse(readFileSync(join(dir, 'after', 'current.json'), 'utf8')) as { vms: { name: string; id: string; notes: string; state: string }[] };
    const owned = current.vms.find((v) => v.notes.includes('hyperv-converge: project=lab'))!;
    current.vms.push({ ...owned, name: 'old-web', id: '11111111-2222-3333-4444-555555555555', state: oldWebState });
    writeFileSync(join(dir, 'recorded.json'), JSON.stringify(current));
    return 'recorded.json';
  }
  const files = 7; // VMs the lab's file names

  it('complete: the file\'s VMs match, and the summary says so of them only, naming the VM not in the file', async () => {
    const dir = tempDir();
    const rec = await converged(dir, 'Running');
    const r = await runCli(['status', '--config', 'vms.yaml', '--backend', 'replay', '--replay', rec, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = statusJson(r.stdout);
    expect(s.vms.length).toBe(files + 1);
    expect(s.vms.find((v) => v.vm === 'old-web')).toMatchObject({ drift: 'not in file', state: 'Running' });
    expect(r.stderr).not.toMatch(/All 8 VM\(s\) match the file/);
    expect(r.stderr).toMatch(new RegExp(`All ${files} VM\\(s\\) of the file match it; 1 other VM\\(s\\) of project 'lab' (is|are) not in the file`));
  });

  // Attack: one VM of the file mid-transition refuses the plan as a whole. Every VM's drift is then
  // unknown (nothing was planned), but status also said all 7 "could not be observed" and made the VM
  // the file wants absent 'unknown', though the host's VM list (no host-wide reason) vouches for both.
  it('a VM of the file mid-transition: every drift unknown, but only that VM is unobserved; an absent VM stays absent', async () => {
    const dir = tempDir();
    const rec = await converged(dir, 'Running');
    const current = JSON.parse(readFileSync(join(dir, rec), 'utf8')) as { vms: { name: string; state: string }[] };
    current.vms = current.vms.filter((v) => v.name !== 'old-web');
    current.vms.find((v) => v.name === 'web-1')!.state = 'Saving';
    writeFileSync(join(dir, rec), JSON.stringify(current));
    const r = await runCli(['status', '--config', 'vms.yaml', '--backend', 'replay', '--replay', rec, '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const s = statusJson(r.stdout);
    for (const v of s.vms) expect(v.drift).toBe('unknown');
    expect(s.vms.find((v) => v.vm === 'web-1')).toMatchObject({ state: 'unknown' });
    expect(s.vms.find((v) => v.vm === 'web-2')).toMatchObject({ state: 'Running' });
    expect(s.vms.find((v) => v.vm === 'old-1')).toMatchObject({ state: 'absent' });
    expect(r.stderr).not.toMatch(/7 of 7 VM\(s\) could not be observed/);
    expect(r.stderr).toMatch(/Whether 7 of 7 VM\(s\) match the file is unknown: the observation was incomplete \(1 could not be observed\)/);
    expect(r.stderr).not.toMatch(/match the file\.|in sync/);
  });

  it('only that VM could not be observed: it is unknown with its own reason, and the count is the file\'s', async () => {
    const dir = tempDir();
    const rec = await converged(dir, 'Saving');
    const r = await runCli(['status', '--config', 'vms.yaml', '--backend', 'replay', '--replay', rec, '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const s = statusJson(r.stdout);
    expect(s.complete).toBe(false);
    const oldWeb = s.vms.find((v) => v.vm === 'old-web')!;
    expect(oldWeb).toMatchObject({ state: 'unknown', drift: 'not in file' });
    expect(oldWeb.reason).toMatch(/VM 'old-web' is Saving/);
    expect(r.stderr).not.toMatch(/The 8 VM\(s\) of the file match it/);
    expect(r.stderr).toMatch(new RegExp(`The ${files} VM\\(s\\) of the file match it; other VMs on the host could not be observed`));
  });
});
