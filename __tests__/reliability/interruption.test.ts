// Interruption, attacked from the outside through the built CLI (dist/cli/index.js): the apply is
// SIGKILLed while an agent is inside a slow operation and rerun at once (the orphaned agent must
// finish before the rerun observes, never be replayed); and the host lock is attacked from another
// PID namespace and under other names for the same host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimState } from '../../src/backends/sim/state.js';
import { CLI } from '../support/run-cli.js';
import { killAgents, ok, startApply, waitFor, type Run } from './cli-apply.js';
import { configText, ensureSimAgentBundle, hostShape, invariantViolations, makeLab, repoRoot, type Lab } from './scenario.js';

const figures: Record<string, number> = {};
const SLOW = { default: 400, observe: 0 };

beforeAll(() => {
  ensureSimAgentBundle();
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
});
afterAll(() => {
  process.stdout.write(`reliability figures (kill sweep): ${JSON.stringify(figures)}\n`);
});

/** Disk files on the host that no VM holds and that were not there before: orphaned disks. */
function orphanedDisks(initial: SimState, now: SimState): string[] {
  const held = new Set(now.vms.flatMap((v) => v.disks.map((d) => d.path)));
  return Object.keys(now.host.files).filter((p) => !(p in initial.host.files) && !held.has(p));
}

interface Clean {
  shape: Record<string, unknown>;
  removable: Set<string>;
  steps: number;
}
/** What a run without interruption does (per concurrency: the config, so the checkpoint name, differs). */
const clean = new Map<number, Clean>();

describe('apply SIGKILLed inside a slow operation, rerun at once', () => {
  beforeAll(async () => {
    for (const concurrency of [1, 3]) {
      const lab = makeLab({ checkpoints: true, concurrency });
      try {
        const run = await startApply(lab, 'clean').done;
        expect(run.stderr).not.toMatch(/internal error/);
        expect(ok(run)).toBe(true);
        const plan = JSON.parse(readFileSync(join(lab.dir, 'out', 'clean', 'plan.json'), 'utf8')) as { steps: { vm: string; action: string }[] };
        clean.set(concurrency, { shape: hostShape(lab.host()), removable: new Set(plan.steps.filter((s) => s.action === 'remove').map((s) => s.vm)), steps: plan.steps.length });
      } finally {
        lab.cleanup();
      }
    }
  }, 60_000);

  /** One kill moment: operation k (1 = observe) in flight, then SIGKILL and an immediate rerun. */
  async function killAndRerun(k: number, concurrency: number): Promise<{ replays: number; duplicates: number; orphans: number; converged: boolean; waited: boolean }> {
    const base = clean.get(concurrency)!;
    const lab = makeLab({ checkpoints: true, concurrency });
    try {
      await lab.setKnobs({ opLatencyMs: SLOW });
      const first = startApply(lab, 'killed');
      await waitFor(() => lab.host().stats.operations >= k);
      first.child.kill('SIGKILL');
      await first.done;
      // Rerun at once, while the orphaned agent is still inside its operation.
      const rerun = await startApply(lab, 'rerun').done;
      expect(rerun.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      // Operations the host executed: all but the two runs' observes (1 + observe and verify). Each
      // planned change is needed once; every one beyond the clean run's count ran twice.
      const executed = lab.host().stats.operations - 3;
      const violations = invariantViolations(lab.initial, lab.host(), base.removable);
      const orphans = orphanedDisks(lab.initial, lab.host());
      await lab.setKnobs({ opLatencyMs: {} });
      const check = await startApply(lab, 'check').done;
      const checkPlan = JSON.parse(readFileSync(join(lab.dir, 'out', 'check', 'plan.json'), 'utf8')) as { steps: unknown[] };
      const converged = ok(rerun) && ok(check) && checkPlan.steps.length === 0 && JSON.stringify(hostShape(lab.host())) === JSON.stringify(base.shape);
      return {
        replays: Math.max(0, executed - base.steps),
        duplicates: violations.length,
        orphans: orphans.length,
        converged,
        waited: /waiting up to .* agent\(s\) of an interrupted apply/.test(rerun.stderr),
      };
    } finally {
      killAgents(lab.dir);
      lab.cleanup();
    }
  }

  it('every step index (concurrency 1): 0 replays, 0 duplicates, 0 orphaned disks, the rerun converges', async () => {
    const rows = [];
    for (let k = 2; k <= clean.get(1)!.steps + 1; k++) rows.push({ k, ...(await killAndRerun(k, 1)) });
    figures.sweepIndices = rows.length;
    figures.replays = rows.reduce((n, r) => n + r.replays, 0);
    figures.duplicates = rows.reduce((n, r) => n + r.duplicates, 0);
    figures.orphanedDisks = rows.reduce((n, r) => n + r.orphans, 0);
    figures.converged = rows.filter((r) => r.converged).length;
    figures.rerunsThatWaited = rows.filter((r) => r.waited).length;
    expect(rows.filter((r) => r.replays || r.duplicates || r.orphans || !r.converged)).toEqual([]);
  }, 600_000);

  it('several agents in flight (concurrency 3), killed at each of the first operations: the same', async () => {
    const rows = [];
    for (let k = 2; k <= 5; k++) rows.push({ k, ...(await killAndRerun(k, 3)) });
    figures.sweepIndicesConcurrent = rows.length;
    figures.replaysConcurrent = rows.reduce((n, r) => n + r.replays + r.duplicates + r.orphans, 0);
    figures.convergedConcurrent = rows.filter((r) => r.converged).length;
    expect(rows.filter((r) => r.replays || r.duplicates || r.orphans || !r.converged)).toEqual([]);
  }, 300_000);
});

describe('one holder of the host lock', () => {
  /** Starts an apply that holds the lock for a while (a slow first change), and waits until it does. */
  async function holder(lab: Lab): Promise<{ child: ChildProcess; done: Promise<Run> }> {
    await lab.setKnobs({ opLatencyMs: { default: 3000, observe: 0 } });
    const h = startApply(lab, 'holder');
    await waitFor(() => lab.host().stats.operations >= 2);
    return h;
  }

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canUnshare = isRoot && spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;
  (canUnshare ? it : it.skip)('an apply in another PID namespace on the same host name is refused while the holder lives', async () => {
    const lab = makeLab();
    try {
      const h = await holder(lab);
      const other = await startApply(lab, 'other-ns', [], ['unshare', '--pid', '--fork', '--mount-proc']).done;
      expect(other.stderr).not.toMatch(/took over a stale host lock/);
      expect(JSON.parse(other.stdout.trim().split('\n').pop()!)).toMatchObject({ failureReason: 'locked' });
      expect(other.code).toBe(1);
      expect(ok(await h.done)).toBe(true);
    } finally {
      killAgents(lab.dir);
      lab.cleanup();
    }
  }, 60_000);

  it('the same simulated host reached through a symlinked state file shares one lock', async () => {
    const lab = makeLab();
    try {
      symlinkSync(lab.stateFile, join(lab.dir, 'link.json'));
      const h = await holder(lab);
      const other = await startApply(lab, 'via-link', ['--sim-state', 'link.json']).done;
      expect(JSON.parse(other.stdout.trim().split('\n').pop()!)).toMatchObject({ failureReason: 'locked' });
      expect(ok(await h.done)).toBe(true);
    } finally {
      killAgents(lab.dir);
      lab.cleanup();
    }
  }, 60_000);

  // The hyperv backend through the built CLI, down to the process it launches: the CLI starts `pwsh`
  // (PATH) with hyperv-agent.ps1 and `-ComputerName <name>`. No Hyper-V host exists here, so a
  // `pwsh` first on PATH stands in for PowerShell and serves the agent protocol from the simulator.
  // Everything above that process boundary — config, host key, lock, journal, agent records — is
  // the product's own, exactly as on a runner.
  function fakePowerShell(lab: Lab): NodeJS.ProcessEnv {
    const bin = join(lab.dir, 'bin');
    mkdirSync(bin);
    const agent = join(repoRoot, 'dist', 'sim-agent', 'index.js');
    writeFileSync(join(bin, 'pwsh'), `#!/bin/sh\n# called as: pwsh -NoLogo … -File hyperv-agent.ps1 -ComputerName <name>\nexec '${process.execPath}' '${agent}' --state '${lab.stateFile}'\n`);
    chmodSync(join(bin, 'pwsh'), 0o755);
    return { PATH: `${bin}:${process.env.PATH}` };
  }
  function hypervConfig(lab: Lab, file: string, computerName: string): string {
    writeFileSync(join(lab.dir, file), configText().replace('host:\n', `host:\n  computerName: ${JSON.stringify(computerName)}\n`));
    return file;
  }

  it('one Hyper-V host named by its short name, its FQDN or in other letter case shares one lock', async () => {
    const lab = makeLab();
    try {
      const env = fakePowerShell(lab);
      await lab.setKnobs({ opLatencyMs: { default: 3000, observe: 0 } });
      const h = startApply(lab, 'holder', ['-b', 'hyperv', '-c', hypervConfig(lab, 'short.yaml', 'hv01')], [], env);
      await waitFor(() => lab.host().stats.operations >= 2);
      for (const [i, name] of ['HV01.corp.example.com', 'HV01', 'hv01.Corp.Example.COM'].entries()) {
        const other = await startApply(lab, `other-${i}`, ['-b', 'hyperv', '-c', hypervConfig(lab, `other-${i}.yaml`, name)], [], env).done;
        expect(other.stderr).not.toMatch(/took over|at .*\.js:\d+|internal error/);
        expect(JSON.parse(other.stdout.trim().split('\n').pop()!)).toMatchObject({ failureReason: 'locked' });
        expect(other.stderr).toMatch(/hv01\.lock/);
      }
      const held = await h.done;
      expect(ok(held)).toBe(true);
      // The lock and journal are one file each, named for the short name.
      expect(readdirSync(lab.stateDir).filter((n) => /\.(lock|journal\.jsonl)$/.test(n)).sort()).toEqual(['hv01.journal.jsonl']);
    } finally {
      killAgents(lab.dir);
      lab.cleanup();
    }
  }, 90_000);
});
