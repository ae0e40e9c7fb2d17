// An option given an empty value is not an option left out. `--config "$CFG"` with CFG unset planned
// (or applied) ./vms.yaml — or the embedded example — instead of the file meant; an empty --out,
// --state-dir, --sim-state or --replay fell back to its default the same way. Each is a usage error
// now (exit 64) that names the option, and nothing runs.
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../support/run-cli.js';

const LAB = join(ROOT, 'examples', 'lab', 'vms.yaml');

describe('an option given an empty value', () => {
  it('--config "": a usage error, not ./vms.yaml', async () => {
    const dir = tempDir();
    copyFileSync(LAB, join(dir, 'vms.yaml'));
    for (const empty of ['', '  ']) {
      const r = await runCli(['plan', '--config', empty, '--backend', 'sim', '--sim-state', 'host.json', '--out', 'out'], { cwd: dir });
      expect([r.code, r.stderr]).toEqual([64, expect.stringMatching(/--config was given an empty value/)]);
    }
    // Nothing ran: no simulated host seeded, no artifacts.
    expect(readdirSync(dir).sort()).toEqual(['vms.yaml']);
  });

  it.each([
    [['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--out', '']],
    [['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', '', '--out', 'out']],
    [['plan', '--config', 'vms.yaml', '--backend', 'replay', '--replay', '', '--out', 'out']],
    [['apply', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--state-dir', '', '--auto-approve']],
    [['plan', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--target', '']],
  ])('%j: a usage error naming the option; nothing runs', async (args) => {
    const dir = tempDir();
    copyFileSync(LAB, join(dir, 'vms.yaml'));
    const r = await runCli(args, { cwd: dir });
    const option = args[args.indexOf('') - 1];
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`${option} was given an empty value`);
    expect(existsSync(join(dir, 'host.json'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['vms.yaml']);
  });
});
