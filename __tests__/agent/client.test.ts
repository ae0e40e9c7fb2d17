// The agent client against real child processes: every way an agent can misbehave becomes a typed
// error, never a success.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgentProcess, AgentStartError, type LaunchSpec } from '../../src/agent/client.js';
import type { HostOperation } from '../../src/core/plan/operations.js';

const fake = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fake-agent.mjs');
const dir = mkdtempSync(join(tmpdir(), 'hvc-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (mode: string, env: Record<string, string> = {}): LaunchSpec => ({ command: process.execPath, args: [fake], env: { FAKE_MODE: mode, ...env } });
const op: HostOperation = { op: 'vm.start', args: { id: '6a0b5e0e-3c1c-4e43-9d39-5b6c1f0e2a11', name: 'web-1' } };

async function startError(s: LaunchSpec, launchTimeoutMs = 10_000): Promise<AgentStartError> {
  try {
    const a = await AgentProcess.start(s, { launchTimeoutMs });
    await a.close();
  } catch (e) {
    expect(e).toBeInstanceOf(AgentStartError);
    return e as AgentStartError;
  }
  throw new Error('agent started although it should not');
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('start', () => {
  it('reads the hello and answers requests in order, with args passed as data', async () => {
    const a = await AgentProcess.start(spec('echo'));
    expect(a.hello).toEqual({ type: 'hello', agent: 'sim', protocol: 1, pid: a.pid });
    const r1 = await a.request(op, 5000);
    const r2 = await a.request({ op: 'vm.setNotes', args: { id: 'x', name: "it's \"quoted\"; $(rm -rf /) ünïcødé", notes: 'line1\nline2' } }, 5000);
    expect(r1).toMatchObject({ ok: true, result: { op: 'vm.start', n: 1 } });
    expect(r2).toMatchObject({ ok: true, result: { args: { name: "it's \"quoted\"; $(rm -rf /) ünïcødé", notes: 'line1\nline2' }, n: 2 } });
    await a.close();
    expect(a.alive).toBe(false);
  });

  it('CRLF line ends (the CR even in another write than its LF) and blank lines, ASCII or Unicode whitespace, around a 2 MB answer', async () => {
    // Windows PowerShell ends lines with CRLF; a pipe splits a long line anywhere.
    const script = `
      const w = (s) => new Promise((r) => process.stdout.write(s, r));
      (async () => {
        await w(JSON.stringify({ type: 'hello', agent: 'sim', protocol: 1, pid: process.pid }) + '\\r\\n');
        process.stdin.once('data', async () => {
          await w('   \\r\\n\\u00a0\\u2028\\n\\r\\n');
          await w(JSON.stringify({ id: 1, ok: true, result: { big: 'x'.repeat(2 * 1024 * 1024), tail: 'ü' } }) + '\\r');
          await new Promise((r) => setTimeout(r, 50));
          await w('\\n');
          process.stdin.once('end', () => process.exit(0));
        });
      })();`;
    const a = await AgentProcess.start({ command: process.execPath, args: ['-e', script] });
    expect(a.hello).toMatchObject({ type: 'hello', agent: 'sim' });
    const r = await a.request(op, 10_000);
    expect(r.ok).toBe(true);
    const result = (r as { result: { big: string; tail: string } }).result;
    expect({ length: result.big.length, tail: result.tail }).toEqual({ length: 2 * 1024 * 1024, tail: 'ü' });
    await a.close();
  });

  it('a command that cannot start → agent-launch-failed', async () => {
    const e = await startError({ command: join(dir, 'no-such-powershell'), args: [] });
    expect(e.error.code).toBe('agent-launch-failed');
    expect(e.error.message).toMatch(/no-such-powershell/);
  });

  it('exit before hello → agent-launch-failed with the stderr tail', async () => {
    const e = await startError(spec('exit-before-hello'));
    expect(e.error.code).toBe('agent-launch-failed');
    expect(e.error.stderr).toContain('cannot load the Hyper-V module');
  });

  it('no hello within the launch bound → agent-launch-failed, process killed', async () => {
    const e = await startError(spec('no-hello'), 300);
    expect(e.error.code).toBe('agent-launch-failed');
    expect(e.error.message).toMatch(/hello within 300 ms/);
  });

  it('a first line that is not a hello → agent-protocol', async () => {
    expect((await startError(spec('garbage-hello'))).error.code).toBe('agent-protocol');
    const wrong = await startError(spec('wrong-protocol'));
    expect(wrong.error.code).toBe('agent-protocol');
    expect(wrong.error.message).toMatch(/protocol 99/);
  });
});

describe('requests', () => {
  it('an agent that dies with a request outstanding → agent-crashed with stderr, never success', async () => {
    const a = await AgentProcess.start(spec('crash-on-op'));
    const r = await a.request(op, 5000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('agent-crashed');
    expect(r.error.stderr).toContain('boom: op vm.start failed hard');
    expect(r.error.message).toMatch(/code 7/);
    expect(a.alive).toBe(false);
    const again = await a.request(op, 5000);
    expect(again.ok).toBe(false);
  });

  it('an agent that hangs → agent-timeout and the process is killed', async () => {
    const a = await AgentProcess.start(spec('hang-on-op'));
    const pid = a.pid!;
    const r = await a.request(op, 300);
    expect(r).toMatchObject({ ok: false, error: { code: 'agent-timeout' } });
    expect(a.alive).toBe(false);
    expect(isAlive(pid)).toBe(false);
  });

  it('garbage output → agent-protocol', async () => {
    const a = await AgentProcess.start(spec('garbage-response'));
    const r = await a.request(op, 5000);
    expect(r).toMatchObject({ ok: false, error: { code: 'agent-protocol' } });
    expect(a.alive).toBe(false);
  });

  it('a response for another id → agent-protocol', async () => {
    const a = await AgentProcess.start(spec('wrong-id'));
    const r = await a.request(op, 5000);
    expect(r).toMatchObject({ ok: false, error: { code: 'agent-protocol' } });
    if (!r.ok) expect(r.error.message).toMatch(/does not match/);
  });

  it('a line over the size limit → agent-protocol, agent killed', async () => {
    const a = await AgentProcess.start(spec('oversize'), { maxLineBytes: 64 * 1024 });
    const pid = a.pid!;
    const r = await a.request(op, 5000);
    expect(r).toMatchObject({ ok: false, error: { code: 'agent-protocol' } });
    if (!r.ok) expect(r.error.message).toMatch(/longer than 65536 bytes/);
    await new Promise((res) => setTimeout(res, 100));
    expect(isAlive(pid)).toBe(false);
  });

  it("the agent's own typed errors pass through; unknown codes become hyperv-error", async () => {
    const a = await AgentProcess.start(spec('error-response'));
    expect(await a.request(op, 5000)).toMatchObject({ ok: false, error: { code: 'invalid-state', message: 'VM is running' } });
    expect(a.alive).toBe(true);
    await a.close();
    const b = await AgentProcess.start(spec('unknown-code'));
    expect(await b.request(op, 5000)).toMatchObject({ ok: false, error: { code: 'hyperv-error', message: 'weird: odd' } });
    await b.close();
  });

  it('one request at a time per agent', async () => {
    const a = await AgentProcess.start(spec('slow', { FAKE_DELAY_MS: '100' }));
    const [r1, r2] = await Promise.all([a.request(op, 5000), a.request(op, 5000)]);
    expect(r1.ok).toBe(true);
    expect(r2).toMatchObject({ ok: false, error: { code: 'agent-protocol' } });
    await a.close();
  });

  it('close() ends the agent through stdin EOF (exit 0)', async () => {
    const log = join(dir, 'eof.log');
    const a = await AgentProcess.start(spec('echo', { FAKE_LOG: log }));
    const pid = Number(readFileSync(log, 'utf8').trim());
    await a.close();
    expect(isAlive(pid)).toBe(false);
  });
});
