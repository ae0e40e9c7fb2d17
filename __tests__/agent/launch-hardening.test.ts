// Finding 14 of issue 10: the agent was started by bare name (`powershell.exe`) from the workspace
// with the runner's whole environment. On Windows a bare name is looked up in the working directory
// first, so a powershell.exe committed to the repository would run, and with it GITHUB_TOKEN, the
// action's inputs, the runtime token and the guests' SSH key. These tests start the REAL agent through
// the real launcher (createBackend) with a fake PowerShell in the workspace and on PATH.
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBackend } from '../../src/backends/index.js';
import { agentEnvironment, defaultPowerShell, hypervAgentCommand } from '../../src/backends/hyperv/launch.js';
import { doubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';

describe('launching PowerShell by full path', () => {
  it('on Windows: Windows PowerShell 5.1 under %SystemRoot%, never a bare name', () => {
    expect(defaultPowerShell({ SystemRoot: 'C:\\Windows', PATH: '.' }, 'win32')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(defaultPowerShell({ SystemRoot: 'D:\\WINNT\\' }, 'win32')).toBe('D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('elsewhere: pwsh from absolute PATH entries only; a pwsh in the working directory is never taken', () => {
    const ws = mkdtempSync(join(tmpdir(), 'hvc-ws-'));
    const bin = join(ws, 'bin');
    mkdirSync(bin);
    for (const p of [join(ws, 'pwsh'), join(bin, 'pwsh')]) {
      writeFileSync(p, '#!/bin/sh\necho pwned\n');
      chmodSync(p, 0o755);
    }
    const cwd = process.cwd();
    try {
      process.chdir(ws);
      expect(() => defaultPowerShell({ PATH: ['', '.', 'bin'].join(':') }, 'linux')).toThrow(/pwsh\) was not found on PATH/);
      expect(defaultPowerShell({ PATH: ['.', bin].join(':') }, 'linux')).toBe(join(bin, 'pwsh'));
    } finally {
      process.chdir(cwd);
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('a relative --powershell is refused rather than looked up', () => {
    expect(() => hypervAgentCommand(null, { powershell: 'powershell.exe' })).toThrow(/absolute path/);
  });

  it('the environment keeps what PowerShell needs and drops tokens, inputs and keys', () => {
    const env = agentEnvironment(
      { PATH: '/bin', SystemRoot: 'C:\\Windows', PSModulePath: 'x', COMPUTERNAME: 'HV', GITHUB_TOKEN: 't', INPUT_GITHUB_TOKEN: 't', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_ID_TOKEN_REQUEST_URL: 'u', LAB_SSH_KEY: 'k', GUEST_LOGIN: 'k', NPM_AUTH_TOKEN: 't', AWS_SECRET_ACCESS_KEY: 's' },
      ['GUEST_LOGIN'],
    );
    expect(Object.keys(env).sort()).toEqual(['COMPUTERNAME', 'PATH', 'PSModulePath', 'SystemRoot']);
  });
});

describePwsh('the real agent started by the real launcher', (pwsh) => {
  const ws = mkdtempSync(join(tmpdir(), 'hvc-ws-'));
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('runs the PowerShell on PATH by full path, from its own folder, without the runner secrets', async () => {
    const dbl = doubleHost(pwsh, {});
    // A PowerShell committed to the repository: it must never run.
    const planted = join(ws, 'pwsh');
    writeFileSync(planted, `#!/bin/sh\ntouch ${JSON.stringify(join(ws, 'PLANTED-RAN'))}\nexit 1\n`);
    chmodSync(planted, 0o755);
    // The PowerShell on PATH: records how it was started, then runs the real pwsh.
    const bin = join(ws, 'bin');
    mkdirSync(bin);
    const record = join(ws, 'launch.txt');
    writeFileSync(join(bin, 'pwsh'), `#!/bin/sh\n{ echo "cwd=$(pwd)"; env; } > ${JSON.stringify(record)}\nexec ${JSON.stringify(pwsh)} "$@"\n`);
    chmodSync(join(bin, 'pwsh'), 0o755);

    const saved = { ...process.env };
    const cwd = process.cwd();
    try {
      Object.assign(process.env, dbl.env, { PATH: `.:${bin}:${saved.PATH}`, GITHUB_TOKEN: 'ghs_secret', INPUT_GITHUB_TOKEN: 'ghs_input', ACTIONS_RUNTIME_TOKEN: 'jwt', LAB_SSH_KEY: '-----BEGIN OPENSSH PRIVATE KEY-----', GUEST_KEY_VAR: 'key' });
      process.chdir(ws);
      const backend = createBackend({ kind: 'hyperv', computerName: null, stripEnv: ['GUEST_KEY_VAR'] });
      const o = await backend.observe({ paths: [], neighbors: false });
      await backend.close();
      expect(o.incomplete).toEqual([]);
      expect(o.complete).toBe(true);
    } finally {
      process.chdir(cwd);
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      dbl.cleanup();
    }
    expect(existsSync(join(ws, 'PLANTED-RAN'))).toBe(false);
    const seen = readFileSync(record, 'utf8');
    expect(seen).toMatch(new RegExp(`^cwd=${dirname(require_agent())}$`, 'm'));
    for (const secret of ['GITHUB_TOKEN', 'INPUT_GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'LAB_SSH_KEY', 'GUEST_KEY_VAR']) expect(seen).not.toMatch(new RegExp(`^${secret}=`, 'm'));
    expect(seen).toMatch(/^HVC_DOUBLE_STATE=/m);
  });
});

function require_agent(): string {
  return hypervAgentCommand(null, { powershell: '/x/pwsh' }).args.find((a) => a.endsWith('hyperv-agent.ps1'))!;
}
