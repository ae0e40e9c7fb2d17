// The config load path and the config hash were made faster; the whole command must still write the
// same artifacts, byte for byte but their timestamps and what configHash decides. The built CLI plans
// the bench fleet (1,000 VMs, from its YAML file, replayed) and the lab example (seeded simulator);
// every artifact is compared with what the shipped bundle of main 64d6ffd wrote for the same input.
// configHash is now taken over the document as written (it was over the resolved config): it, the
// planHash that covers it and the checkpoint name made of it are masked in that comparison, and
// checked on their own — configHash is the document's, planHash the plan body's. The resolved config
// itself is pinned case by case in __tests__/config/load-equivalence.test.ts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { writeFleetFiles } from '../../bench/fixtures.js';
import { sha256Of } from '../../src/core/canonical.js';
import { ROOT, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** sha256 of an artifact with its timestamps (outside every hash) and what configHash decides masked. */
function digestOf(file: string): string {
  const text = readFileSync(file, 'utf8')
    .replace(/"(generatedAt|observedAt|startedAt|finishedAt)": ?"[^"]*"/g, '"$1": "T"')
    .replace(/"(configHash|planHash)": ?"sha256:[0-9a-f]{64}"/g, '"$1": "H"')
    .replace(/hyperv-converge before [0-9a-f]{12}/g, 'hyperv-converge before C');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function artifacts(out: string, configFile: string): { hashes: Record<string, string>; digests: Record<string, string> } {
  const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as Record<string, unknown>;
  const { backend: _b, observedHash: _o, generatedAt: _g, planHash, ...body } = plan;
  // configHash: the config's document as written; planHash: the plan body's.
  expect(plan.configHash).toBe(sha256Of(load(readFileSync(configFile, 'utf8'))));
  expect(planHash).toBe(sha256Of(body));
  return {
    hashes: { basisHash: plan.basisHash as string, observedHash: plan.observedHash as string },
    digests: Object.fromEntries(['current.json', 'plan.json', 'result.json'].map((f) => [f, digestOf(join(out, f))])),
  };
}

describe('plan writes the artifacts it wrote before the config load path was made faster', () => {
  it('for the bench fleet of 1,000 VMs, read from its YAML file and planned against its replayed observation', async () => {
    const dir = tempDir('hvc-config-eq-');
    dirs.push(dir);
    const f = writeFleetFiles(join(dir, 'fleet'), 1000);
    const out = join(dir, 'out');
    const run = await runCli(['plan', '--config', f.config, '--backend', 'replay', '--replay', f.replay, '--json', '--out', out], { cwd: dir });
    expect(run.stderr).not.toContain('invalid-config');
    // basisHash and observedHash: the same as the in-memory fleet's (__tests__/core/hash-equivalence.test.ts).
    expect(artifacts(out, f.config)).toEqual({
      hashes: {
        basisHash: 'sha256:d20825a502de98eb3a911c4b92fc36c8291be279590e91ae32e76a87ac6c0330',
        observedHash: 'sha256:462f670a3bf30a50cc283af54d8f2ccb3497a4a13099861f96013e2f3ccade75',
      },
      digests: {
        'current.json': '75125444105c0dfaf75e849d031e9b4665eaec171d7c87d0cc3d67a80a0010e2',
        'plan.json': 'a8127ce11ace195d1cd90536d2b4c1eb77084254b854fc2387952eb30f44c800',
        'result.json': 'ad1b1f466a07bc657a8013d57a16e6d0a2bf0efc1fb53a082a2c020fcaab3a8a',
      },
    });
  }, 60_000);

  it('for the lab example on its seeded simulated host', async () => {
    const dir = tempDir('hvc-config-eq-');
    dirs.push(dir);
    const out = join(dir, 'out');
    await runCli(['plan', '--config', join(ROOT, 'examples', 'lab', 'vms.yaml'), '--backend', 'sim', '--json', '--out', out], { cwd: dir });
    expect(artifacts(out, join(ROOT, 'examples', 'lab', 'vms.yaml'))).toEqual({
      hashes: {
        basisHash: 'sha256:a64e3c7bf5ef5fd84a1a60e3653faf44b3817f73f6e3461aebf2d646eb7cd54e',
        observedHash: 'sha256:573e3e7d618a9ab08ac4bbaada057c5223913f37a45f010377433752b4ee4baf',
      },
      digests: {
        'current.json': '41f18d4684016edf91c0ccc2ccbf88dafc49444a68430a9f4624ceeaa40e10fc',
        'plan.json': '78e92f66dd1e22af7ec0cf97f9c0a7bce08c83276d7804ab999d80862815487c',
        'result.json': '230071271420bb3db4609c718440c2a1d6c100eee646ca403465602593fe8110',
      },
    });
  }, 60_000);
});
