// The action reads its config file once: to mask the SSH key named in it, to find the Hyper-V host
// (backend hyperv without a computer), and for the run itself (a 10,000-VM file costs a fifth of a
// second to read, and it was read three times). Attacked as cli/config-read-once.test.ts does: the
// config is a named pipe holding the text for one reader only, so a second read waits forever and
// the step never ends. No PowerShell agent can start here: the run ends with the observation's
// typed failure, not with a config problem, and the key's value never reaches the log.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushToOtherBranch } from '../support/payloads.js';
import { actionHarness, runAction } from '../support/run-action.js';

const harness = actionHarness();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the action reads its config file once', () => {
  it('plan with backend hyperv and an ssh key: the config on a named pipe, the step ends and masks the key', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'hvc-action-once-'));
    dirs.push(workspace);
    const fifo = join(workspace, 'vms.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const text =
      "version: 1\nproject: p\nssh: { user: ops, privateKeyEnv: LAB_SSH_KEY }\n" +
      "defaults: { cpus: 1, memory: 1GB, switch: lab-net, image: 'D:\\img.vhdx', path: 'D:\\vms' }\nvms:\n  - name: web-1\n";
    const writer = createWriteStream(fifo);
    writer.end(text);
    const secret = 'AAAA-the-key-itself-3f9c';
    const r = await runAction({
      bundle: harness.bundle,
      workspace,
      event: pushToOtherBranch(),
      inputs: { config: 'vms.yaml', mode: 'plan', backend: 'hyperv', 'upload-artifact': 'false', comment: 'false' },
      apiUrl: 'http://127.0.0.1:9',
      artifacts: harness.artifacts,
      // No PowerShell on this PATH: the agent's launch fails, after the config was read.
      env: { LAB_SSH_KEY: secret, PATH: '/usr/bin:/bin' },
    });
    writer.destroy();
    expect(r.outputs['failure-reason']).toBe('observation-incomplete');
    expect(r.stdout).not.toContain('invalid-config');
    expect(r.stdout).toContain('::add-mask::'); // the key's value was registered before any line
    expect((r.stdout + r.stderr).split('::add-mask::').slice(1).join('')).toContain(secret);
    expect(r.stdout.replaceAll(`::add-mask::${secret}`, '')).not.toContain(secret);
  }, 60_000);
});
