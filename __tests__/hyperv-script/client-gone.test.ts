// The real PowerShell agent (hyperv-agent.ps1 under pwsh 7) starts no operation once the client that
// launched it is gone (HVC_CLIENT_PID no longer runs, or names a process younger than the agent): a
// request already in its stdin is left unanswered and the agent exits. With its client alive it answers.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const PWSH = join(process.cwd(), '.tools', 'pwsh', 'pwsh');
const SCRIPT = join(process.cwd(), 'src', 'backends', 'hyperv', 'hyperv-agent.ps1');
const REQUEST = JSON.stringify({ id: 1, op: 'doctor', args: { paths: [], images: [], switches: [] } }) + '\n';

function agent(clientPid: number): string[] {
  const r = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', '-File', SCRIPT], {
    input: REQUEST,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HVC_CLIENT_PID: String(clientPid) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return r.stdout.split('\n').filter((l) => l.trim());
}

(existsSync(PWSH) ? describe : describe.skip)('hyperv-agent.ps1 and its client', () => {
  it('answers while its client runs', () => {
    const lines = agent(process.pid);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ id: 1 });
  }, 90_000);

  it('starts nothing once its client is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lines = agent(Number(gone.stdout));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'hello' });
  }, 90_000);
});
