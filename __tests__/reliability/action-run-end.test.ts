// How the action bundle (dist/index.js) ends when something outside it goes wrong, run as the runner
// runs it. A cancelled workflow: the runner sends SIGINT, then SIGTERM 7.5 s later; the apply in
// flight must send no new step, bound the wait for the operation in flight, write result.json with
// `cancelled`, set its outputs and release the host and output-folder locks; the next run converges
// without replaying anything. An output folder where result.json cannot be written: a typed reason,
// the result in the log, no stack trace.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateSimState } from '../../src/backends/sim/state.js';
import { makeWorld, type World } from '../support/action-world.js';
import { pushToDefaultBranch, pushToOtherBranch } from '../support/payloads.js';
import { actionHarness } from '../support/run-action.js';
import { killAgents, waitFor } from './cli-apply.js';

const harness = actionHarness();
let w: World | null = null;
afterEach(async () => {
  if (w) killAgents(w.workspace);
  await w?.close();
  w = null;
});

interface Res {
  status: string;
  failureReason: string | null;
  steps: { vm: string; action: string; outcome: string; error: { code: string } | null }[];
}

/** Lock, guard and temp files left in the state and output folders. */
function leftovers(world: World, out: string): string[] {
  const dirs = [join(world.workspace, '.hvc-home'), out];
  return dirs.flatMap((d) => (existsSync(d) ? readdirSync(d) : [])).filter((n) => /\.lock$|\.guard$|\.tmp|\.release$/.test(n));
}

async function slowWorld(latencyMs: number): Promise<World> {
  w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event: pushToDefaultBranch() });
  await updateSimState(w.stateFile, (s) => {
    s.knobs = { ...s.knobs, opLatencyMs: { default: latencyMs, observe: 0 } };
  });
  return w;
}

describe('the action cancelled during apply', () => {
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`${sig}: the step in flight finishes, nothing more is sent, result.json and the outputs say cancelled, the locks are released`, async () => {
      const world = await slowWorld(1500);
      const event = pushToDefaultBranch();
      const run = world.start(event, { mode: 'apply', concurrency: '1', 'push-requires-reviewed-plan': 'false' });
      await waitFor(() => world.operations() >= 3, 60_000); // observe, the first step done, the second in flight
      run.child.kill(sig);
      const end = await run.done;
      expect(end.signal).toBeNull(); // ended by itself, not killed by the signal
      expect(end.code).not.toBe(0);
      expect(end.stdout + end.stderr).not.toMatch(/at .*\.js:\d+|internal error/);
      expect(end.outputs).toMatchObject({ status: 'cancelled', 'failure-reason': 'cancelled' });
      const r = JSON.parse(readFileSync(end.outputs['result-path']!, 'utf8')) as Res;
      expect(r).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
      expect(r.steps.slice(0, 2).map((s) => s.outcome)).toEqual(['succeeded', 'succeeded']);
      expect(r.steps.length).toBeGreaterThan(2);
      expect(r.steps.slice(2).every((s) => s.outcome === 'skipped' && s.error?.code === 'cancelled')).toBe(true);
      await new Promise((res) => setTimeout(res, 2000)); // an agent that went on would have sent by now
      expect(world.operations()).toBe(3);
      expect(leftovers(world, join(end.outputs['result-path']!, '..'))).toEqual([]);
      expect(end.summary).toMatch(/cancelled/i);

      await updateSimState(world.stateFile, (s) => {
        s.knobs = { ...s.knobs, opLatencyMs: {} };
      });
      const next = await world.run(event, { mode: 'apply', 'push-requires-reviewed-plan': 'false' });
      expect(next.outputs).toMatchObject({ status: 'applied', 'failure-reason': '' });
      expect(JSON.parse(world.host()).vms.map((v: { name: string; state: string }) => `${v.name}:${v.state}`).sort()).toEqual(['app-1:Running', 'app-2:Running']);
    }, 120_000);
  }

  it('an operation longer than the grace: reported interrupted, the action ends before the runner sends SIGTERM, the next run waits for it', async () => {
    const world = await slowWorld(9000);
    const event = pushToDefaultBranch();
    const run = world.start(event, { mode: 'apply', concurrency: '1', 'push-requires-reviewed-plan': 'false' });
    await waitFor(() => world.operations() >= 2, 60_000); // the first step in flight
    const t0 = Date.now();
    run.child.kill('SIGINT');
    const end = await run.done;
    expect(Date.now() - t0).toBeLessThan(7500);
    expect(end.signal).toBeNull();
    expect(end.outputs).toMatchObject({ status: 'cancelled', 'failure-reason': 'cancelled' });
    const r = JSON.parse(readFileSync(end.outputs['result-path']!, 'utf8')) as Res;
    expect(r.steps[0]).toMatchObject({ outcome: 'interrupted', error: { code: 'cancelled' } });
    expect(r.steps.slice(1).every((s) => s.outcome === 'skipped')).toBe(true);
    expect(leftovers(world, join(end.outputs['result-path']!, '..'))).toEqual([]);

    await updateSimState(world.stateFile, (s) => {
      s.knobs = { ...s.knobs, opLatencyMs: {} };
    });
    const next = await world.run(event, { mode: 'apply', 'push-requires-reviewed-plan': 'false' });
    expect(next.stdout).toMatch(/waiting up to .* for 1 agent\(s\) of an interrupted apply/);
    expect(next.outputs).toMatchObject({ status: 'applied', 'failure-reason': '' });
    const after = JSON.parse(readFileSync(next.outputs['result-path']!, 'utf8')) as Res;
    expect(after.steps.some((s) => s.vm === r.steps[0]!.vm && s.action === r.steps[0]!.action)).toBe(false); // not replayed
    expect(JSON.parse(world.host()).vms.map((v: { name: string }) => v.name).sort()).toEqual(['app-1', 'app-2']);
  }, 120_000);
});

describe('the action where result.json cannot be written', () => {
  const NO_STACK = /at .*\.js:\d+|internal error/;
  /** A non-empty directory where result.json goes. */
  function blockResult(world: World): void {
    mkdirSync(join(world.workspace, 'out', 'result.json'), { recursive: true });
    writeFileSync(join(world.workspace, 'out', 'result.json', 'keep'), 'x');
  }

  it('a refused apply: the refusal is reported with its reason, the result goes to the log, no stack trace', async () => {
    const event = pushToOtherBranch();
    const world = (w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event }));
    blockResult(world);
    const r = await world.run(event, { mode: 'apply', 'output-dir': 'out' });
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'refused', 'failure-reason': 'not-approved' });
    expect(r.stdout).toMatch(/output-failed: result\.json cannot be written/);
    expect(r.summary).toMatch(/Refused/);
    expect(world.operations()).toBe(0);
  }, 120_000);

  it('a plan: output-failed, the result in the log, no stack trace, no temp file', async () => {
    const event = pushToDefaultBranch();
    const world = (w = await makeWorld({ bundle: harness.bundle, artifacts: harness.artifacts, event }));
    blockResult(world);
    const r = await world.run(event, { mode: 'plan', 'output-dir': 'out' });
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
    expect(r.code).toBe(1);
    expect(r.outputs['failure-reason']).toBe('output-failed');
    expect(r.stdout).toMatch(/output-failed: result\.json cannot be written/);
    expect(readdirSync(join(world.workspace, 'out')).filter((n) => n.includes('.tmp'))).toEqual([]);
  }, 120_000);
});
