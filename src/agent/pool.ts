// Long-lived agents shared by one backend: observe, queries and the apply runner borrow an idle
// agent and give it back, so a plan + apply run costs at most `concurrency` launches in total. A
// dead agent is dropped and replaced by the next launch.
import type { AgentError, OperationOutcome, OperationRunner } from '../core/ports.js';
import type { AgentOperation, HostOperation } from '../core/plan/operations.js';
import { counters } from '../core/counters.js';
import { AgentProcess, AgentStartError } from './client.js';

export type Launcher = (signal?: AbortSignal) => Promise<AgentProcess>;

export class AgentSet {
  private idle: AgentProcess[] = [];
  private all = new Set<AgentProcess>();
  /** Launches started ahead of need (prestart), taken by acquire() in order. */
  private pending: Promise<AgentProcess | null>[] = [];
  private aborter = new AbortController();
  private closed = false;
  launches = 0;
  operations = 0;

  /**
   * unavailable: the launch could not be built, so every acquire fails with this error at once and
   * nothing is started or counted as a launch.
   */
  constructor(
    private readonly launch: Launcher,
    private readonly unavailable: AgentError | null = null,
  ) {}

  /**
   * Starts agents now, in parallel, so that `total` are live or starting: an apply's pool starts
   * while observe and plan run, and pays one launch time instead of two. A prestarted launch that
   * fails is forgotten (acquire() launches again and reports that failure).
   */
  prestart(total: number): void {
    if (this.closed || this.unavailable) return;
    const have = [...this.all].filter((a) => a.alive).length + this.pending.length;
    for (let i = have; i < total; i++) {
      this.launches++;
      counters.agentLaunches++;
      const p = this.launch(this.aborter.signal).then(
        (a) => {
          if (this.closed) {
            void a.kill();
            return null;
          }
          this.all.add(a);
          return a;
        },
        () => null,
      );
      this.pending.push(p);
    }
  }

  /** An idle live agent, a prestarted one, or a new one. Throws AgentStartError when the launch fails. */
  async acquire(): Promise<AgentProcess> {
    if (this.closed) throw new AgentStartError({ code: 'agent-launch-failed', message: 'backend is closed' });
    while (this.idle.length > 0) {
      const a = this.idle.pop()!;
      if (a.alive) return a;
      this.all.delete(a);
    }
    while (this.pending.length > 0) {
      const a = await this.pending.shift()!;
      if (a?.alive) return a;
      if (a) this.all.delete(a);
    }
    if (this.closed) throw new AgentStartError({ code: 'agent-launch-failed', message: 'backend is closed' });
    if (this.unavailable) throw new AgentStartError(this.unavailable);
    this.launches++;
    counters.agentLaunches++;
    const a = await this.launch(this.aborter.signal);
    this.all.add(a);
    return a;
  }

  release(a: AgentProcess): void {
    if (a.alive && !this.closed) this.idle.push(a);
    else {
      this.all.delete(a);
      if (this.closed) void a.close();
    }
  }

  /** Borrows an agent for one request. Never throws: launch trouble is a typed outcome. */
  async run(op: AgentOperation, timeoutMs: number, opts: { maxLineBytes?: number } = {}): Promise<OperationOutcome> {
    const started = Date.now();
    let agent: AgentProcess;
    try {
      agent = await this.acquire();
    } catch (e) {
      const error: AgentError = e instanceof AgentStartError ? e.error : { code: 'agent-launch-failed', message: String(e) };
      return { ok: false, error, durationMs: Date.now() - started };
    }
    try {
      this.operations++;
      counters.agentRequests++;
      return await agent.request(op, timeoutMs, opts);
    } finally {
      this.release(agent);
    }
  }

  liveCount(): number {
    return [...this.all].filter((a) => a.alive).length;
  }

  /**
   * Ends every agent; with leaveBusy, one inside an operation is detached to finish it instead; with
   * killBusy (a read nobody waits for any more), it is killed rather than waited for.
   * Launches still under way (prestarted, unused) are killed.
   */
  async closeAll(leaveBusy = false, killBusy = false): Promise<void> {
    this.closed = true;
    this.aborter.abort();
    const pending = this.pending;
    this.pending = [];
    const agents = [...this.all];
    this.all.clear();
    this.idle = [];
    const busy = leaveBusy ? agents.filter((a) => a.alive && a.inFlight) : [];
    for (const a of busy) a.detach();
    await Promise.all([...agents.filter((a) => !busy.includes(a)).map((a) => (killBusy && a.alive && a.inFlight ? a.kill() : a.close())), ...pending]);
  }
}

/** A counting semaphore: at most `size` holders at once, FIFO. */
class Semaphore {
  private holders = 0;
  private queue: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async take(): Promise<void> {
    if (this.holders < this.size) {
      this.holders++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }
  give(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.holders--;
  }
}

/**
 * The apply pool: at most `concurrency` requests in flight, each on its own agent, so it never
 * needs more than `concurrency` live agents. close() waits for in-flight requests and hands the
 * agents back to the set (the backend's close() ends them).
 */
export class PoolRunner implements OperationRunner {
  private sem: Semaphore;
  private inFlight = new Set<Promise<OperationOutcome>>();
  private closed = false;

  constructor(
    private readonly agents: AgentSet,
    readonly concurrency: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    this.sem = new Semaphore(concurrency);
  }

  async run(op: HostOperation, timeoutMs: number): Promise<OperationOutcome> {
    if (this.closed) return { ok: false, error: { code: 'agent-launch-failed', message: 'runner is closed' }, durationMs: 0 };
    await this.sem.take();
    const p = this.agents.run(op, timeoutMs);
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
      this.sem.give();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }
}
