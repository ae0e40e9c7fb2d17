// The config load path and the config hash were made faster; the whole command must still write the
// same artifacts, byte for byte but their timestamps. The built CLI plans the bench fleet (1,000 VMs,
// from its YAML file, replayed) and the lab example (seeded simulator); every artifact is compared with
// what the shipped bundle of main b93e47b wrote for the same input. The resolved config itself is
// pinned case by case in __tests__/config/load-equivalence.test.ts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFleetFiles } from '../../bench/fixtures.js';
import { ROOT, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** sha256 of an artifact with its timestamps (outside every hash) masked. */
function digestOf(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/"(generatedAt|observedAt|startedAt|finishedAt)": "[^"]*"/g, '"$1": "T"');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function artifacts(out: string): { hashes: Record<string, string>; digests: Record<string, string> } {
  const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as Record<string, string>;
  return {
    hashes: { configHash: plan.configHash!, basisHash: plan.basisHash!, observedHash: plan.observedHash!, planHash: plan.planHash! },
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
    // The same hashes as the in-memory fleet's (__tests__/core/hash-equivalence.test.ts).
    expect(artifacts(out)).toEqual({
      hashes: {
        configHash: 'sha256:0e3247b2b8b21785ed8a1c83aee37255b6f95d4a84ce79a5b00117790e41aa22',
        basisHash: 'sha256:d20825a502de98eb3a911c4b92fc36c8291be279590e91ae32e76a87ac6c0330',
        observedHash: 'sha256:462f670a3bf30a50cc283af54d8f2ccb3497a4a13099861f96013e2f3ccade75',
        planHash: 'sha256:c4cb34f6816893f0829adf097ffc13264a32a48001afdc4c63833dddac6b25a4',
      },
      digests: {
        'current.json': '75125444105c0dfaf75e849d031e9b4665eaec171d7c87d0cc3d67a80a0010e2',
        'plan.json': '11be18ea6e9419a22c16b794d9803b37418592cafd6eb3bee201ca205e122b55',
        'result.json': '74bc741236d1a38ab7194d90da6d00225ebd45782d9aaa4eff63d0ff992a2ee3',
      },
    });
  }, 60_000);

  it('for the lab example on its seeded simulated host', async () => {
    const dir = tempDir('hvc-config-eq-');
    dirs.push(dir);
    const out = join(dir, 'out');
    await runCli(['plan', '--config', join(ROOT, 'examples', 'lab', 'vms.yaml'), '--backend', 'sim', '--json', '--out', out], { cwd: dir });
    expect(artifacts(out)).toEqual({
      hashes: {
        configHash: 'sha256:1c21b1124c0a255d38a9a713dd59c663e11cbe546c7edb82abc03bba20f13ff1',
        basisHash: 'sha256:a64e3c7bf5ef5fd84a1a60e3653faf44b3817f73f6e3461aebf2d646eb7cd54e',
        observedHash: 'sha256:573e3e7d618a9ab08ac4bbaada057c5223913f37a45f010377433752b4ee4baf',
        planHash: 'sha256:e1e45256131646f66ceb5095f43ed9d238e7e01e206a2ab1e89887dc5dc089b1',
      },
      digests: {
        'current.json': '41f18d4684016edf91c0ccc2ccbf88dafc49444a68430a9f4624ceeaa40e10fc',
        'plan.json': 'ebe4e2068db8a8a580a2eee8497783b2d3791fdfdcb64bc7ea73f49274385b01',
        'result.json': '17e57833de8e27542546e60c8e9835e5ec3338fe74c49d1f015dc37af14e9881',
      },
    });
  }, 60_000);
});
