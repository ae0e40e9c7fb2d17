// `plan --backend hyperv` reads the config to find its host (host.computerName) and hands that config
// to the run: the file is read once (a 10,000-VM file costs a quarter second to read). Attacked with
// a named pipe as the config file: it holds the text for one reader only, so a second read of it
// waits forever and the run never ends. The agent cannot start here (no PowerShell at that path):
// the run ends with the observation's typed failure, not with a config problem.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a hyperv run reads its config file once', () => {
  it('plan with the config on a named pipe ends (a second read would wait forever)', async () => {
    const dir = tempDir('hvc-read-once-');
    dirs.push(dir);
    const fifo = join(dir, 'vms.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const text = "version: 1\nproject: p\ndefaults: { cpus: 1, memory: 1GB, switch: lab-net, image: 'D:\\img.vhdx', path: 'D:\\vms' }\nvms:\n  - name: web-1\n";
    // One writer: whoever opens the pipe first for reading gets the text, then end of file.
    const writer = createWriteStream(fifo);
    writer.end(text);
    const run = await new Promise<{ code: number | null; stderr: string; stdout: string; killed: boolean }>((resolve) => {
      const child = execFile(
        process.execPath,
        [CLI, 'plan', '--config', fifo, '--backend', 'hyperv', '--powershell', join(dir, 'no-pwsh'), '--out', join(dir, 'out'), '--json'],
        { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state') }, timeout: 20_000, killSignal: 'SIGKILL' },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr, stdout, killed: Boolean(err && (err as { killed?: boolean }).killed) }),
      );
      child.stdin?.end();
    });
    writer.destroy();
    expect({ killed: run.killed, stderr: run.stderr.slice(-300) }).toEqual({ killed: false, stderr: expect.any(String) });
    const json = JSON.parse(run.stdout.trim().split('\n').pop()!) as { failureReason: string };
    expect(json.failureReason).toBe('observation-incomplete');
    expect(run.stderr).not.toContain('invalid-config');
  }, 40_000);
});
