// The interruption and lock guarantees attacked from outside, as an operator or a hostile neighbour
// on the runner would: through the built CLI (dist/cli/index.js), a signal at each place an apply
// waits, a crafted lock file in the shared state directory, and a second Ctrl-C.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { hostFileKey } from '../../src/engine/apply/state-files.js';
import { hostKeyOf } from '../../src/engine/state-location.js';
import { killAgents, ok, startApply, waitFor } from './cli-apply.js';
import { configText, ensureSimAgentBundle, makeLab, type Lab } from './scenario.js';

beforeAll(() => ensureSimAgentBundle());
let labs: Lab[] = [];
afterEach(() => {
  for (const l of labs) {
    killAgents(l.dir);
    l.cleanup();
  }
  labs = [];
});
function lab(opts: Parameters<typeof makeLab>[0] = {}): Lab {
  const l = makeLab(opts);
  labs.push(l);
  return l;
}
interface Res {
  status: string;
  failureReason: string | null;
  steps: { vm: string; action: string; outcome: string }[];
}
const result = (l: Lab, label: string): Res => JSON.parse(readFileSync(join(l.dir, 'out', label, 'result.json'), 'utf8')) as Res;
const NO_STACK = /at .*\.js:\d+|internal error/;
/** Lock, guard and temp files left in the state and output folders. */
function leftovers(l: Lab, label: string): string[] {
  const out = join(l.dir, 'out', label);
  return [...readdirSync(l.stateDir), ...(existsSync(out) ? readdirSync(out) : [])].filter((n) => /\.lock$|\.guard$|\.tmp|\.release$/.test(n));
}
/** Starts an apply whose steps take 3 s each and waits until its first step is in flight. */
async function slowHolder(l: Lab): Promise<ReturnType<typeof startApply>> {
  await l.setKnobs({ opLatencyMs: { default: 3000, observe: 0 } });
  const h = startApply(l, 'holder', ['--concurrency', '1']);
  await waitFor(() => l.host().stats.operations >= 2);
  return h;
}

describe('a signal wherever an apply waits ends it in bounded time, with result.json', () => {
  it('SIGINT while waiting for the host lock: cancelled at once, the holder goes on untouched', async () => {
    const l = lab();
    const h = await slowHolder(l);
    const waiter = startApply(l, 'waiter', ['--lock-wait', '600']);
    await waitFor(() => /project 'lab'/.test(waiter.stderr()));
    await new Promise((r) => setTimeout(r, 500)); // inside the wait
    const t0 = Date.now();
    waiter.child.kill('SIGINT');
    const end = await waiter.done;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(end.code).toBe(130);
    expect(end.stderr).not.toMatch(NO_STACK);
    expect(result(l, 'waiter')).toMatchObject({ status: 'cancelled', failureReason: 'cancelled', steps: [] });
    expect(leftovers(l, 'waiter')).toEqual([`${hostFileKey(hostKeyOf({ kind: 'sim', stateFile: l.stateFile }))}.lock`]); // the holder's
    expect(ok(await h.done)).toBe(true);
    expect(leftovers(l, 'waiter')).toEqual([]);
  }, 90_000);

  it('SIGINT while waiting for the agents of an interrupted apply: cancelled at once, nothing observed', async () => {
    const l = lab();
    await l.setKnobs({ opLatencyMs: { default: 9000, observe: 0 } });
    const killed = startApply(l, 'killed', ['--concurrency', '1']);
    await waitFor(() => l.host().stats.operations >= 2);
    killed.child.kill('SIGKILL');
    await killed.done;
    const rerun = startApply(l, 'rerun');
    await waitFor(() => /waiting up to .* agent\(s\) of an interrupted apply/.test(rerun.stderr()));
    const t0 = Date.now();
    rerun.child.kill('SIGINT');
    const end = await rerun.done;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(end.code).toBe(130);
    expect(end.stderr).not.toMatch(NO_STACK);
    expect(result(l, 'rerun')).toMatchObject({ status: 'cancelled', failureReason: 'cancelled', steps: [] });
    expect(l.host().stats.operations).toBe(2); // the orphaned step only: the rerun observed nothing
    expect(leftovers(l, 'rerun')).toEqual([]);
  }, 90_000);

  it('SIGINT during the guest phase: the applied steps reach result.json, the run ends at once', async () => {
    const config = configText({ concurrency: 3 }).replace(
      'vms:',
      'ssh:\n  user: ubuntu\n  privateKeyEnv: LAB_SSH_KEY\n  hosts: { sync: false }\n  discoveryTimeout: 60\nvms:',
    );
    const l = lab({ config });
    const run = startApply(l, 'guests');
    // The guests never report an address: discovery polls for up to 60 s.
    await waitFor(() => /discovering addresses/.test(run.stderr()), 60_000);
    const t0 = Date.now();
    run.child.kill('SIGINT');
    const end = await run.done;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(end.code).toBe(130);
    expect(end.stderr).not.toMatch(NO_STACK);
    const r = result(l, 'guests');
    expect(r).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
    expect(r.steps.length).toBeGreaterThan(0);
    expect(r.steps.every((s) => s.outcome === 'succeeded')).toBe(true);
    expect(leftovers(l, 'guests')).toEqual([]);
  }, 120_000);

  it('a second Ctrl-C during the grace still leaves result.json (the in-flight step interrupted)', async () => {
    const l = lab({ concurrency: 1 });
    await l.setKnobs({ opLatencyMs: { default: 8000, observe: 0 } });
    const run = startApply(l, 'twice');
    await waitFor(() => l.host().stats.operations >= 2);
    run.child.kill('SIGINT');
    await waitFor(() => /cancelling/.test(run.stderr()));
    const t0 = Date.now();
    run.child.kill('SIGINT');
    const end = await run.done;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(end.code).toBe(130);
    const r = result(l, 'twice');
    expect(r).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
    expect(r.steps[0]).toMatchObject({ outcome: 'interrupted' });
    expect(leftovers(l, 'twice')).toEqual([]);
  }, 60_000);
});

describe('the terminal goes away during an apply', () => {
  it('a closed stdout/stderr (`apply 2>&1 | head`, a dropped session) neither kills the run nor loses result.json', async () => {
    const l = lab({ concurrency: 1 });
    await l.setKnobs({ opLatencyMs: { default: 500, observe: 0 } });
    const run = startApply(l, 'no-reader');
    await waitFor(() => l.host().stats.operations >= 2);
    run.child.stdout!.destroy();
    run.child.stderr!.destroy();
    const end = await run.done;
    expect(end.signal).toBeNull();
    expect(end.code).toBe(3); // the lab's protected VM: safety-refused, everything else applied
    const r = result(l, 'no-reader');
    expect(r.failureReason).toBe('safety-refused');
    expect(r.steps.every((s) => s.outcome === 'succeeded')).toBe(true);
    expect(leftovers(l, 'no-reader')).toEqual([]);
  }, 60_000);

  it('SIGHUP (the terminal closed) is a cancellation: result.json says cancelled, the locks are released', async () => {
    const l = lab({ concurrency: 1 });
    await l.setKnobs({ opLatencyMs: { default: 1500, observe: 0 } });
    const run = startApply(l, 'hangup');
    await waitFor(() => l.host().stats.operations >= 3);
    run.child.kill('SIGHUP');
    const end = await run.done;
    expect(end.code).toBe(130);
    expect(result(l, 'hangup')).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
    expect(l.host().stats.operations).toBe(3);
    expect(leftovers(l, 'hangup')).toEqual([]);
  }, 60_000);
});

describe('the shared state directory is read as untrusted input', () => {
  it('a crafted lock file never puts its fields on screen as they are', async () => {
    const l = lab();
    const key = hostFileKey(hostKeyOf({ kind: 'sim', stateFile: l.stateFile }));
    const evil = '\u001b]0;owned\u0007\u001b[2J\u001b[31mPWNED';
    // A live holder (pid 1 on another host: judged by its fresh heartbeat alone).
    writeFileSync(
      join(l.stateDir, `${key}.lock`),
      JSON.stringify({ v: 1, hostKey: `x${evil}`, token: 't', runId: `run${evil}`, pid: 1, hostname: `other-${hostname()}${evil}`, startedAt: `now${evil}` }),
    );
    const run = await startApply(l, 'crafted').done;
    expect(run.stdout + run.stderr).toMatch(/locked/);
    expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(run.stderr).not.toMatch(NO_STACK);
    const r = result(l, 'crafted');
    expect((r as Res & { message: string }).message).not.toMatch(/[\u001b\u0007]/);
    expect(r.failureReason).toBe('locked');
  }, 60_000);

  it('a damaged agent record file is never read as "no agents": the rerun refuses, nothing is replayed', async () => {
    const l = lab({ concurrency: 1 });
    await l.setKnobs({ opLatencyMs: { default: 4000, observe: 0 } });
    const killed = startApply(l, 'killed');
    await waitFor(() => l.host().stats.operations >= 2);
    killed.child.kill('SIGKILL');
    await killed.done;
    const records = join(l.stateDir, `${hostFileKey(hostKeyOf({ kind: 'sim', stateFile: l.stateFile }))}.agents.json`);
    expect(existsSync(records)).toBe(true);
    writeFileSync(records, '[{"pid": 12'); // torn by hand, a foreign tool, a file system without atomic rename
    const rerun = await startApply(l, 'rerun').done;
    expect(rerun.stderr).not.toMatch(NO_STACK);
    const r = result(l, 'rerun');
    expect(r).toMatchObject({ status: 'refused', failureReason: 'agents-running', steps: [] });
    expect(rerun.stderr).toContain(records);
    expect(l.host().stats.operations).toBe(2); // nothing observed, nothing sent again
  }, 60_000);
});

