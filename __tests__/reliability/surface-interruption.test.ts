// The wider VM surface under a kill, attacked through the built CLI: an apply whose plan adds a data
// disk, a second adapter on a VLAN, a DVD drive and a cloud-init seed to a running VM is SIGKILLed
// inside each of its operations and rerun at once. The rerun must report exactly the operations the
// killed run had begun and not ended (its journal must recognise every kind of step, not count them
// as damaged lines), replay nothing and converge.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../support/run-cli.js';
import { journal, killAgents, ok, startApply, waitFor, type JournalLine } from './cli-apply.js';
import { ensureSimAgentBundle, makeLab, seed } from './scenario.js';

const CONFIG = `version: 1
project: lab
host:
  concurrency: 1
  operationTimeout: 10
defaults:
  generation: 2
  cpus: 2
  memory: 2GB
  switch: lab-net
  image: D:\\images\\base.vhdx
  disk: { strategy: differencing }
  path: D:\\Hyper-V\\lab
policy:
  allowRestart: true
  maxDisruptive: 20
vms:
  - name: keep-1
    networkAdapters:
      - name: Network Adapter
        switch: lab-net
      - name: storage
        switch: lab-net
        vlan: 20
    dataDisks:
      - size: 1GB
    cloudInit:
      userData: |
        #cloud-config
        hostname: keep-1
`;

/** What the killed run began and never ended, as `action stepId`. */
function begunNotEnded(lines: JournalLine[]): string[] {
  const ended = new Set(lines.filter((l) => l.type === 'end').map((l) => `${l.session}/${l.stepId}`));
  return lines.filter((l) => l.type === 'begin' && !ended.has(`${l.session}/${l.stepId}`)).map((l) => `${l.action} ${l.stepId}`);
}

const labSeed = () => ({ ...seed(), vms: (seed().vms ?? []).filter((v) => v.name === 'keep-1') });
let actions: string[] = [];

beforeAll(async () => {
  ensureSimAgentBundle();
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  const lab = makeLab({ config: CONFIG, seed: labSeed() });
  try {
    const run = await startApply(lab, 'clean').done;
    expect(ok(run)).toBe(true);
    const plan = JSON.parse(readFileSync(join(lab.dir, 'out', 'clean', 'plan.json'), 'utf8')) as { steps: { action: string }[] };
    actions = plan.steps.map((s) => s.action);
  } finally {
    lab.cleanup();
  }
}, 60_000);

describe('a surface apply SIGKILLed inside each operation, rerun at once', () => {
  it('the plan exercises the surface steps', () => {
    expect(actions).toEqual(expect.arrayContaining(['add-disk', 'add-adapter', 'write-seed']));
  });

  it('the rerun reports the operation in flight by its action, counts no damaged journal line, replays nothing and converges', async () => {
    const rows: { k: number; inFlight: string[]; reported: string[]; damaged: unknown; converged: boolean }[] = [];
    for (let k = 2; k <= actions.length + 1; k++) {
      const lab = makeLab({ config: CONFIG, seed: labSeed() });
      try {
        await lab.setKnobs({ opLatencyMs: { default: 400, observe: 0 } });
        const first = startApply(lab, 'killed');
        await waitFor(() => lab.host().stats.operations >= k);
        first.child.kill('SIGKILL');
        await first.done;
        const inFlight = begunNotEnded(journal(lab));
        const rerun = await startApply(lab, 'rerun').done;
        expect(rerun.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
        const result = JSON.parse(readFileSync(join(lab.dir, 'out', 'rerun', 'result.json'), 'utf8')) as { extra: { recovery?: { unfinished: { stepId: string; action: string }[] }; journal?: unknown } };
        const reported = (result.extra.recovery?.unfinished ?? []).map((u) => `${u.action} ${u.stepId}`);
        await lab.setKnobs({ opLatencyMs: {} });
        const check = await startApply(lab, 'check').done;
        const checkPlan = JSON.parse(readFileSync(join(lab.dir, 'out', 'check', 'plan.json'), 'utf8')) as { steps: unknown[] };
        rows.push({ k, inFlight, reported, damaged: result.extra.journal ?? null, converged: ok(rerun) && ok(check) && checkPlan.steps.length === 0 });
      } finally {
        killAgents(lab.dir);
        lab.cleanup();
      }
    }
    // Every kill landed inside a journaled operation at least once, and each was reported as it was.
    expect(rows.filter((r) => r.inFlight.length > 0).length).toBeGreaterThanOrEqual(actions.length - 1);
    expect(rows.filter((r) => r.damaged !== null || r.reported.join() !== r.inFlight.join() || !r.converged)).toEqual([]);
  }, 300_000);
});
