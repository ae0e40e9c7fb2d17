// One long-lived agent process: start it, wait for its hello, send one request at a time and read
// the matching response. Every way the process can misbehave (no start, exit, silence, garbage,
// oversize output) becomes a typed AgentError; it is never mistaken for a success.
import { spawn, type ChildProcess } from 'node:child_process';
import type { AgentError, AgentErrorCode, OperationOutcome } from '../core/ports.js';
import type { AgentOperation } from '../core/plan/operations.js';
import { MAX_LINE_BYTES, encodeRequest, parseHello, parseResponse, type AgentHello } from './protocol.js';

export interface LaunchSpec {
  command: string;
  args: string[];
  /** Added to the parent's environment (or, with replaceEnv, the whole environment). */
  env?: Record<string, string>;
  /** Added for a backend's first agent only, the one its observe uses (the sim reads its host at start). */
  firstEnv?: Record<string, string>;
  replaceEnv?: boolean;
  cwd?: string;
}

/**
 * A launch that cannot be built (no PowerShell found, the agent script missing): carried by the
 * backend as a typed launch failure; nothing is started.
 */
export interface LaunchUnavailable {
  unavailable: { reason: string; fix: string };
}

export interface AgentClientOptions {
  /** Bound for the process to start and say hello. */
  launchTimeoutMs?: number;
  /** Longest accepted stdout line. */
  maxLineBytes?: number;
}

export const DEFAULT_LAUNCH_TIMEOUT_MS = 60_000;
const STDERR_TAIL_BYTES = 8 * 1024;
const EXIT_GRACE_MS = 2_000;

/** Thrown by start() only; request() never throws. */
export class AgentStartError extends Error {
  constructor(readonly error: AgentError) {
    super(error.message);
    this.name = 'AgentStartError';
  }
}

type Waiter = (line: string | null, failure?: AgentError) => void;

/** The line's text is only whitespace (as String.prototype.trim sees it), judged from its first bytes. */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 32 || (b >= 9 && b <= 13)) continue;
    // Not ASCII whitespace: a line (JSON starts with '{'), unless it is Unicode whitespace.
    return b < 0x80 ? false : bytes.toString('utf8').trim() === '';
  }
  return true;
}

export class AgentProcess {
  private child: ChildProcess;
  private buf: Buffer[] = [];
  private bufLen = 0;
  private lines: string[] = [];
  private waiter: Waiter | null = null;
  private stderrTail = '';
  private deadReason: AgentError | null = null;
  private exited: Promise<void>;
  private nextId = 1;
  private busy = false;
  readonly maxLineBytes: number;
  /** The bound for the line being read now: maxLineBytes, or a request's own (observe). */
  private lineCap: number;
  hello: AgentHello | null = null;

  private constructor(spec: LaunchSpec, opts: AgentClientOptions) {
    this.maxLineBytes = opts.maxLineBytes ?? MAX_LINE_BYTES;
    this.lineCap = this.maxLineBytes;
    this.child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      // HVC_CLIENT_PID: the agent checks it before each operation and starts none once we are gone.
      // replaceEnv: the PowerShell agent gets only the environment its launcher built (no secrets).
      env: { ...(spec.replaceEnv ? {} : process.env), ...(spec.env ?? {}), HVC_CLIENT_PID: String(process.pid) },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.exited = new Promise((resolve) => {
      this.child.once('close', (code, signal) => {
        this.die('agent-crashed', `agent exited (${signal ? `signal ${signal}` : `code ${code}`})`);
        resolve();
      });
      this.child.once('error', (err) => {
        // spawn failure (ENOENT, EACCES): 'close' may not follow.
        this.die('agent-launch-failed', `cannot start ${spec.command}: ${err.message}`);
        resolve();
      });
    });
    this.child.stdin?.on('error', () => undefined); // EPIPE when the agent is gone: reported via close
    this.child.stdout?.on('data', (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
  }

  /** Starts the agent and waits for a valid hello line. */
  static async start(spec: LaunchSpec, opts: AgentClientOptions = {}, signal?: AbortSignal): Promise<AgentProcess> {
    const agent = new AgentProcess(spec, opts);
    // A launch nobody needs any more (a prestarted pool agent when the run ends early) is killed
    // at once, not waited for.
    const abort = () => void agent.kill();
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await AgentProcess.handshake(agent, opts);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  private static async handshake(agent: AgentProcess, opts: AgentClientOptions): Promise<AgentProcess> {
    const timeoutMs = opts.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
    const got = await agent.nextLine(timeoutMs);
    if (got.failure) {
      const code: AgentErrorCode = got.failure.code === 'agent-protocol' ? 'agent-protocol' : 'agent-launch-failed';
      const message =
        got.failure.code === 'agent-timeout' ? `agent did not say hello within ${timeoutMs} ms` : `agent failed to start: ${got.failure.message}`;
      await agent.kill();
      throw new AgentStartError({ code, message, ...(agent.stderr() ? { stderr: agent.stderr() } : {}) });
    }
    const hello = parseHello(got.line);
    if (typeof hello === 'string') {
      await agent.kill();
      throw new AgentStartError({ code: 'agent-protocol', message: hello, ...(agent.stderr() ? { stderr: agent.stderr() } : {}) });
    }
    agent.hello = hello;
    agent.setIdle(true);
    return agent;
  }

  get alive(): boolean {
    return this.deadReason === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stderr(): string {
    return this.stderrTail.trim();
  }

  /**
   * Sends one request and waits for its response. Never throws. `maxLineBytes` raises the bound for
   * this response only (observe of a large host); other responses keep the agent's own.
   */
  async request(op: AgentOperation, timeoutMs: number, opts: { maxLineBytes?: number } = {}): Promise<OperationOutcome> {
    const started = Date.now();
    const fail = (error: AgentError): OperationOutcome => ({ ok: false, error, durationMs: Date.now() - started });
    if (this.busy) return fail({ code: 'agent-protocol', message: 'agent is busy: one request at a time per agent' });
    if (this.deadReason) return fail(this.withStderr(this.deadReason));
    this.busy = true;
    this.setIdle(false);
    try {
      const id = this.nextId++;
      this.lineCap = Math.max(this.maxLineBytes, opts.maxLineBytes ?? 0);
      this.child.stdin?.write(encodeRequest({ id, op: op.op, args: op.args }));
      const got = await this.nextLine(timeoutMs);
      if (got.failure) {
        if (got.failure.code === 'agent-timeout') {
          const err: AgentError = { code: 'agent-timeout', message: `${op.op}: no answer within ${timeoutMs} ms; agent killed` };
          this.deadReason = err;
          await this.kill();
          return fail(this.withStderr(err));
        }
        if (got.failure.code === 'agent-protocol') await this.kill();
        return fail(this.withStderr({ ...got.failure, message: `${op.op}: ${got.failure.message}` }));
      }
      const res = parseResponse(got.line);
      if (typeof res === 'string' || res.id !== id) {
        const message = typeof res === 'string' ? res : `response id ${res.id} does not match request id ${id}`;
        this.deadReason = { code: 'agent-protocol', message };
        await this.kill();
        return fail(this.withStderr({ code: 'agent-protocol', message: `${op.op}: ${message}` }));
      }
      if (res.ok) return { ok: true, result: res.result, durationMs: Date.now() - started };
      return fail({ code: res.error.code, message: res.error.message });
    } finally {
      this.lineCap = this.maxLineBytes;
      this.busy = false;
      if (this.alive) this.setIdle(true);
    }
  }

  /** True while a request is outstanding. */
  get inFlight(): boolean {
    return this.busy;
  }

  /**
   * Leaves a busy agent to finish its operation on its own (a cancelled run): stdin is closed so it
   * starts nothing more, and it is neither killed nor waited for. The next apply waits for it.
   */
  detach(): void {
    this.setIdle(true);
    this.child.stdin?.end();
  }

  /** Closes stdin (the agent exits 0 on EOF), then kills it if it lingers. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.setIdle(false);
    if (!this.deadReason) this.deadReason = { code: 'agent-crashed', message: 'agent closed' };
    this.child.stdin?.end();
    const t = setTimeout(() => this.child.kill('SIGKILL'), EXIT_GRACE_MS);
    await this.exited;
    clearTimeout(t);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    if (this.child.pid === undefined) return; // never started: 'error' resolves exited
    await this.exited;
  }

  // An idle agent must not keep the caller's process alive; a busy one must.
  private setIdle(idle: boolean): void {
    const streams = [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as ({ ref?: () => void; unref?: () => void } | null)[];
    if (idle) {
      this.child.unref();
      for (const s of streams) s?.unref?.();
    } else {
      this.child.ref();
      for (const s of streams) s?.ref?.();
    }
  }

  private withStderr(e: AgentError): AgentError {
    const tail = this.stderr();
    return tail && !e.stderr ? { ...e, stderr: tail, message: `${e.message}; stderr: ${tail.slice(-500)}` } : e;
  }

  private die(code: AgentErrorCode, message: string): void {
    if (!this.deadReason) this.deadReason = { code, message };
    const w = this.waiter;
    this.waiter = null;
    w?.(null, this.deadReason);
  }

  private onStdout(chunk: Buffer): void {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, i);
      this.buf.push(part);
      // One CR before the LF is dropped and blank lines skipped on the bytes: an observe answer is one
      // line of many MB, and string passes over it (a regex, trim) would each walk all of it.
      let bytes = this.buf.length === 1 ? part : Buffer.concat(this.buf, this.bufLen + part.length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
      this.buf = [];
      this.bufLen = 0;
      start = i + 1;
      if (isBlank(bytes)) continue;
      this.lines.push(bytes.toString('utf8'));
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.buf.push(rest);
      this.bufLen += rest.length;
    }
    if (this.bufLen > this.lineCap) {
      this.buf = [];
      this.bufLen = 0;
      this.deadReason = { code: 'agent-protocol', message: `agent wrote a line longer than ${this.lineCap} bytes`, detail: { maxLineBytes: this.lineCap } };
      const w = this.waiter;
      this.waiter = null;
      w?.(null, this.deadReason);
      this.child.kill('SIGKILL');
      return;
    }
    this.flush();
  }

  private flush(): void {
    if (this.waiter && this.lines.length > 0) {
      const w = this.waiter;
      this.waiter = null;
      w(this.lines.shift()!);
    }
  }

  private nextLine(timeoutMs: number): Promise<{ line: string; failure?: undefined } | { line?: undefined; failure: AgentError }> {
    return new Promise((resolve) => {
      if (this.lines.length > 0) return resolve({ line: this.lines.shift()! });
      if (this.deadReason) return resolve({ failure: this.deadReason });
      const t = setTimeout(() => {
        this.waiter = null;
        resolve({ failure: { code: 'agent-timeout', message: `no answer within ${timeoutMs} ms` } });
      }, timeoutMs);
      this.waiter = (line, failure) => {
        clearTimeout(t);
        resolve(line === null ? { failure: failure! } : { line });
      };
    });
  }
}
