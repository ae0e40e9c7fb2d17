// How an apply ends when something outside it goes wrong, attacked through the built CLI: SIGTERM and
// SIGINT (a cancelled workflow), a failed change inside a stop → change → start group, a damaged or
// crafted journal, side files that cannot be written, and two runs sharing one --out folder.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killAgents, ok, startApply, waitFor } from './cli-apply.js';
import type { SimSeed } from '../../src/backends/sim/state.js';
import { hostFileKey } from '../../src/engine/apply/state-files.js';
import { hostKeyOf } from '../../src/engine/state-location.js';
import { ensureSimAgentBundle, makeLab, seed, type Lab } from './scenario.js';

beforeAll(() => ensureSimAgentBundle());
let labs: Lab[] = [];
afterEach(() => {
  for (const lab of labs) {
    killAgents(lab.dir);
    lab.cleanup();
  }
  labs = [];
});
function lab(opts: Parameters<typeof makeLab>[0] = {}): Lab {
  const l = makeLab(opts);
  labs.push(l);
  return l;
}
const json = <T = Record<string, unknown>>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;
interface Res {
  status: string;
  failureReason: string | null;
  steps: { vm: string; action: string; outcome: string; error: { code: string } | null }[];
  extra: Record<string, unknown>;
}
/** Files a run left behind in the state and output folders other than its own. */
function leftovers(l: Lab, out: string): string[] {
  const names = [...readdirSync(l.stateDir), ...(existsSync(out) ? readdirSync(out) : [])];
  return names.filter((n) => /\.lock$|\.guard$|\.tmp|\.release$/.test(n));
}

describe('SIGTERM / SIGINT during apply', () => {
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`${sig}: no new step is sent, the one in flight finishes, result.json says cancelled, the locks are released`, async () => {
      const l = lab({ concurrency: 1 });
      await l.setKnobs({ opLatencyMs: { default: 1500, observe: 0 } });
      const run = startApply(l, 'cancelled');
      await waitFor(() => l.host().stats.operations >= 3); // the second step is in flight
      run.child.kill(sig);
      const end = await run.done;
      expect(end.code).toBe(130);
      expect(end.stderr).not.toMatch(/at .*\.js:\d+|internal error/);
      const r = json<Res>(join(l.dir, 'out', 'cancelled', 'result.json'));
      expect(r).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
      expect(r.steps.slice(0, 2).map((s) => s.outcome)).toEqual(['succeeded', 'succeeded']);
      expect(r.steps.slice(2).every((s) => s.outcome === 'skipped' && s.error?.code === 'cancelled')).toBe(true);
      expect(l.host().stats.operations).toBe(3); // nothing sent after the signal
      expect(leftovers(l, join(l.dir, 'out', 'cancelled'))).toEqual([]);
      await l.setKnobs({ opLatencyMs: {} });
      expect(ok(await startApply(l, 'after').done)).toBe(true);
    }, 60_000);
  }

  it('an operation longer than the grace is reported interrupted; the run still ends in time and the next one waits for it', async () => {
    const l = lab({ concurrency: 1 });
    await l.setKnobs({ opLatencyMs: { default: 8000, observe: 0 } });
    const run = startApply(l, 'cancelled');
    await waitFor(() => l.host().stats.operations >= 2);
    const t0 = Date.now();
    run.child.kill('SIGINT');
    const end = await run.done;
    expect(Date.now() - t0).toBeLessThan(7500); // before a runner's SIGTERM follow-up
    expect(end.code).toBe(130);
    const r = json<Res>(join(l.dir, 'out', 'cancelled', 'result.json'));
    expect(r.steps[0]).toMatchObject({ outcome: 'interrupted', error: { code: 'cancelled' } });
    expect(leftovers(l, join(l.dir, 'out', 'cancelled'))).toEqual([]);
    await l.setKnobs({ opLatencyMs: {} });
    const next = await startApply(l, 'after').done;
    expect(next.stderr).toMatch(/waiting up to .* for 1 agent\(s\) of an interrupted apply/);
    expect(ok(next)).toBe(true);
    const after = json<Res>(join(l.dir, 'out', 'after', 'result.json'));
    expect(after.steps.some((s) => s.vm === r.steps[0]!.vm && s.action === r.steps[0]!.action)).toBe(false); // not replayed
  }, 60_000);
});

describe('a failure inside a stop → change → start group', () => {
  it('starts the VM again when the change failed definitely, and says so', async () => {
    const l = lab({ concurrency: 1 });
    // Operation 1 observes; db-1's stop, set-cpus and start follow web-1's, web-2's and web-3's steps.
    const plan = await startApply(l, 'plan', ['--plan-hash', 'sha256:' + '0'.repeat(64)]).done;
    void plan;
    const steps = json<{ steps: { vm: string; action: string }[] }>(join(l.dir, 'out', 'plan', 'plan.json')).steps;
    const setCpus = steps.findIndex((s) => s.vm === 'db-1' && s.action === 'set-cpus');
    await l.setKnobs({ failAt: l.host().stats.operations + 2 + setCpus });
    const run = await startApply(l, 'fail');
    const end = await run.done;
    const r = json<Res>(join(l.dir, 'out', 'fail', 'result.json'));
    expect(r.failureReason).toBe('apply-failed');
    expect(r.steps.find((s) => s.vm === 'db-1' && s.action === 'set-cpus')).toMatchObject({ outcome: 'failed' });
    expect(r.steps.find((s) => s.vm === 'db-1' && s.action === 'start')).toMatchObject({ outcome: 'succeeded' });
    expect(r.extra.restored).toEqual([expect.objectContaining({ vm: 'db-1', outcome: 'succeeded' })]);
    expect(end.stderr).toMatch(/db-1: set-cpus failed after the VM was stopped for it; started it again/);
    expect(l.host().vms.find((v) => v.name === 'db-1')!.state).toBe('Running');
  }, 60_000);
});

describe('the apply journal', () => {
  it('reports damaged lines and never prints a crafted field as it is', async () => {
    const l = lab();
    expect(ok(await startApply(l, 'first').done)).toBe(true);
    const file = join(l.stateDir, readdirSync(l.stateDir).find((n) => n.endsWith('.journal.jsonl'))!);
    const crafted = { v: 1, type: 'begin', session: 'evil', runId: 'evil', at: new Date().toISOString(), pid: 1, hostname: 'x', planHash: 'sha256:' + 'a'.repeat(64), stepId: 'web-1/1', vm: 'web-1\u001b[2J\u001b]0;owned\u0007', vmId: null, action: 'set-notes', operation: { op: 'vm.setNotes', args: {} } };
    appendFileSync(file, `${JSON.stringify(crafted)}\n{"torn\n`);
    const run = await startApply(l, 'second').done;
    expect(run.stderr).not.toMatch(/\u001b|\u0007/);
    expect(run.stderr).toMatch(/holds 2 damaged line\(s\)/);
    const r = json<Res>(join(l.dir, 'out', 'second', 'result.json'));
    expect(r.extra.journal).toMatchObject({ damagedLines: 2 });
    expect(r.extra.recovery).toBeUndefined();
  }, 60_000);
});

describe('side files that cannot be written', () => {
  it('a result.json that cannot be written: the result goes to stderr with a typed reason, no stack, no temp file', async () => {
    const l = lab();
    const out = join(l.dir, 'out', 'blocked');
    mkdirSync(join(out, 'result.json'), { recursive: true });
    writeFileSync(join(out, 'result.json', 'keep'), 'x'); // a non-empty directory where result.json goes
    const run = await startApply(l, 'blocked').done;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/output-failed: /);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+|internal error/);
    expect(readdirSync(out).filter((n) => n.includes('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('the guest address memory cannot be written', () => {
  // ssh.discoveryTimeout (5–3600 s, default 120) bounds the address wait; the guests here already
  // answer through KVP, so discovery ends at its first poll and the 5 s bound is never reached.
  const CONFIG = `version: 1
project: lab
host: { concurrency: 1, operationTimeout: 10 }
defaults: { generation: 2, cpus: 2, memory: 2GB, switch: lab-net, image: 'D:\\images\\base.vhdx', disk: { strategy: differencing }, path: 'D:\\Hyper-V\\lab' }
ssh:
  user: ubuntu
  privateKeyEnv: LAB_SSH_KEY
  hosts: { sync: false }
  discoveryTimeout: 5
vms:
  - name: web-1
    memory: { startup: 2GB, minimum: 1GB, maximum: 4GB }
    notes: front end
  - name: keep-1
`;
  function seedWithAddresses(): SimSeed {
    const s = seed();
    const ip: Record<string, string> = { 'web-1': '192.0.2.11', 'keep-1': '192.0.2.14' };
    return { ...s, vms: (s.vms ?? []).filter((v) => v.name! in ip).map((v) => ({ ...v, guest: { ips: [ip[v.name!]!], via: 'kvp' as const } })) };
  }

  it('is a state-write-failed warning: the steps reach result.json, no stack, no temp file', async () => {
    const l = lab({ config: CONFIG, seed: seedWithAddresses() });
    const memory = join(l.stateDir, `guests-${hostFileKey(hostKeyOf({ kind: 'sim', stateFile: l.stateFile }))}.json`);
    mkdirSync(memory);
    writeFileSync(join(memory, 'keep'), 'x'); // a non-empty directory where the memory file goes
    const run = await startApply(l, 'memory').done;
    expect(run.stderr).toMatch(/state-write-failed: the guest address memory .* cannot be written/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+|internal error/);
    expect(run.code).toBe(0);
    const r = json<Res>(join(l.dir, 'out', 'memory', 'result.json'));
    expect(r).toMatchObject({ status: 'applied', failureReason: null });
    expect(r.steps.map((s) => `${s.vm} ${s.action} ${s.outcome}`)).toEqual(expect.arrayContaining(['web-1 set-notes succeeded']));
    const guests = r.extra.guests as { addresses: { vm: string; address: string | null }[] };
    expect(guests.addresses.map((a) => `${a.vm}=${a.address}`).sort()).toEqual(['keep-1=192.0.2.14', 'web-1=192.0.2.11']);
    expect(readdirSync(l.stateDir).filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(leftovers(l, join(l.dir, 'out', 'memory'))).toEqual([]);
  }, 60_000);
});

describe('one run per --out folder', () => {
  it('a plan into the folder of a running apply is refused and writes nothing there', async () => {
    const l = lab({ concurrency: 1 });
    await l.setKnobs({ opLatencyMs: { default: 1500, observe: 0 } });
    const apply = startApply(l, 'shared');
    await waitFor(() => l.host().stats.operations >= 2);
    const planRun = await startApply(l, 'shared', ['--plan-hash', 'sha256:' + '1'.repeat(64)]).done;
    expect(planRun.stderr).toMatch(/locked: .*output folder/);
    await apply.done;
    const r = json<Res>(join(l.dir, 'out', 'shared', 'result.json'));
    expect(planRun.code).toBe(1);
    // The apply's own result (its protected VM makes it safety-refused), not the refused run's.
    expect(r.failureReason).toBe('safety-refused');
    expect(r.steps.length).toBeGreaterThan(0);
  }, 60_000);

  it("a failed run leaves none of the previous run's artifacts beside its result.json", async () => {
    const l = lab();
    expect(ok(await startApply(l, 'same').done)).toBe(true);
    expect(existsSync(join(l.dir, 'out', 'same', 'plan.json'))).toBe(true);
    writeFileSync(l.configPath, 'version: 1\nproject: [broken\n');
    const bad = await startApply(l, 'same').done;
    expect(bad.code).toBe(1);
    expect(readdirSync(join(l.dir, 'out', 'same')).sort()).toEqual(['result.json']);
  }, 60_000);
});
