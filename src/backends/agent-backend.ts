// A Backend over agent processes speaking the JSON-lines protocol (the real PowerShell agent or the
// simulator). observe() costs one launch and keeps that agent as the first member of the apply
// pool, so plan + apply in one run launch at most `concurrency` agents in total.
import { HvcError } from '../core/errors.js';
import type { BackendKind, Observation } from '../core/model/observed.js';
import type { QueryOperation } from '../core/plan/operations.js';
import type { Backend, BackendStats, ObserveRequest, OperationOutcome, OperationRunner } from '../core/ports.js';
import { AgentProcess, AgentStartError, type LaunchSpec, type LaunchUnavailable } from '../agent/client.js';
import { failedObservation, toGuestAddressReport, toObservation } from '../agent/observation.js';
import { AgentSet, PoolRunner } from '../agent/pool.js';
import { MAX_LINE_BYTES, OBSERVE_BYTES_PER_VM, observeLineCap } from '../agent/protocol.js';

export interface AgentBackendOptions {
  kind: Exclude<BackendKind, 'replay'>;
  /** How to start an agent, or why none can be started (every request then fails as agent-launch-failed). */
  launch: LaunchSpec | LaunchUnavailable;
  /** Name reported when the host cannot be reached (the remote computer, or 'localhost'). */
  computerName: string;
  launchTimeoutMs?: number;
  /** Bound for one observe request (the agent walks every VM). */
  observeTimeoutMs?: number;
  /** Told the pid of every agent started, before its first request (apply records them). */
  onLaunch?: (pid: number) => void;
}

export const DEFAULT_OBSERVE_TIMEOUT_MS = 10 * 60_000;

export class AgentBackend implements Backend {
  readonly kind: Exclude<BackendKind, 'replay'>;
  readonly mutable = true;
  private agents: AgentSet;
  /** VMs the last complete observe saw: a re-observe (verify) is bounded by at least that. */
  private lastVms = 0;

  constructor(private readonly opts: AgentBackendOptions) {
    this.kind = opts.kind;
    const spec = opts.launch;
    if ('unavailable' in spec) {
      const { reason, fix } = spec.unavailable;
      const error = { code: 'agent-launch-failed' as const, message: `cannot start the ${opts.kind} agent: ${reason}: ${fix}`, detail: { reason, fix } };
      this.agents = new AgentSet(() => Promise.reject(new AgentStartError(error)), error);
      return;
    }
    // The first launch serves observe (plan's only agent; apply's first prestarted one).
    let first = true;
    this.agents = new AgentSet(async (signal) => {
      const { firstEnv, ...launch } = spec;
      if (first && firstEnv) launch.env = { ...launch.env, ...firstEnv };
      first = false;
      const agent = await AgentProcess.start(launch, { launchTimeoutMs: opts.launchTimeoutMs }, signal);
      try {
        if (agent.pid !== undefined) opts.onLaunch?.(agent.pid);
      } catch (e) {
        // An agent nobody could wait for after a crash must not be sent an operation.
        await agent.close();
        throw new AgentStartError({ code: 'agent-launch-failed', message: `agent started but could not be recorded: ${(e as Error).message}` });
      }
      return agent;
    });
  }

  async observe(req: ObserveRequest): Promise<Observation> {
    const vms = Math.max(req.expectedVms ?? 0, this.lastVms);
    const maxLineBytes = observeLineCap(vms);
    const out = await this.agents.run({ op: 'observe', args: { paths: req.paths, neighbors: req.neighbors, ...(req.hashes?.length ? { hashes: req.hashes } : {}) } }, this.opts.observeTimeoutMs ?? DEFAULT_OBSERVE_TIMEOUT_MS, { maxLineBytes });
    if (out.ok) {
      const obs = toObservation(this.kind, out.result, this.opts.computerName);
      this.lastVms = Math.max(this.lastVms, obs.vms.length);
      return obs;
    }
    const e = out.error;
    if (e.code === 'agent-protocol' && (e.detail as { maxLineBytes?: number } | undefined)?.maxLineBytes !== undefined) {
      const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
      return failedObservation(this.kind, this.opts.computerName, {
        code: 'unparseable',
        message: `observe failed (answer too large): the host's answer is longer than ${mib(maxLineBytes)}, the bound for ${vms} VM(s) (${mib(MAX_LINE_BYTES)} + ${OBSERVE_BYTES_PER_VM / 1024} KiB per VM the file names); nothing was planned from it`,
      });
    }
    // The process failed → agent-failed; the account may not manage Hyper-V → permission-denied;
    // the host could not be queried (remoting, the service) → host-unreachable; the host answered
    // but something it holds could not be read (e.g. a VM's disk file is gone) → query-failed.
    const code =
      e.code === 'agent-protocol'
        ? 'unparseable'
        : e.code.startsWith('agent-')
          ? 'agent-failed'
          : e.code === 'permission-denied'
            ? 'permission-denied'
            : e.code === 'hyperv-error' || e.code === 'timeout'
              ? 'host-unreachable'
              : 'query-failed';
    return failedObservation(this.kind, this.opts.computerName, { code, message: `observe failed (${e.code}): ${e.message}` });
  }

  prestart(agents: number): void {
    this.agents.prestart(agents);
  }

  async runner(concurrency: number): Promise<OperationRunner> {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new HvcError('usage', `concurrency must be a positive integer, got ${concurrency}`);
    return new PoolRunner(this.agents, concurrency);
  }

  async query(op: QueryOperation, timeoutMs: number): Promise<OperationOutcome> {
    if (op.op === 'observe') {
      // Allowed, but observe() is the way: it validates and maps the result.
      return this.agents.run(op, timeoutMs);
    }
    const out = await this.agents.run(op, timeoutMs);
    if (out.ok && op.op === 'guest.addresses') {
      const report = toGuestAddressReport(out.result);
      if (typeof report === 'string') return { ok: false, error: { code: 'agent-protocol', message: report }, durationMs: out.durationMs };
      return { ...out, result: report };
    }
    return out;
  }

  stats(): BackendStats {
    return { launches: this.agents.launches, operations: this.agents.operations };
  }

  /** Agents alive now (for tests and diagnostics). */
  liveAgents(): number {
    return this.agents.liveCount();
  }

  async close(opts: { leaveBusy?: boolean; killBusy?: boolean } = {}): Promise<void> {
    await this.agents.closeAll(opts.leaveBusy ?? false, opts.killBusy ?? false);
  }
}
