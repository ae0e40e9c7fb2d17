// The boundary between the pure core and the adapters. The engine talks to a host only through
// Backend; adapters (hyperv, sim, replay) implement it and depend on the core, never the reverse.
import type { BackendKind, Observation } from './model/observed.js';
import type { HostOperation, QueryOperation } from './plan/operations.js';

export type AgentErrorCode =
  // reported by the agent for one request
  | 'invalid-request' // the request did not match the protocol
  | 'unsupported' // op unknown to this agent
  | 'not-found' // the VM / switch / file named is not there
  | 'invalid-state' // the VM's power state forbids the change (e.g. CPU count while Running)
  | 'invalid-argument' // a value Hyper-V rejects (e.g. memory bounds)
  | 'permission-denied'
  | 'timeout' // the agent's own bound on an operation (e.g. graceful stop)
  | 'hyperv-error' // a cmdlet threw; message carries its text
  // reported by the client about the agent process
  | 'agent-launch-failed'
  | 'agent-crashed' // the process exited (or closed stdout) with requests outstanding
  | 'agent-timeout' // no answer within the operation's bound; the agent is killed
  | 'agent-protocol'; // unparseable or mismatched output

export interface AgentError {
  code: AgentErrorCode;
  message: string;
  /** Tail of the agent's stderr, when the process failed. */
  stderr?: string;
  detail?: unknown;
}

export type OperationOutcome =
  | { ok: true; result: unknown; durationMs: number }
  | { ok: false; error: AgentError; durationMs: number };

export interface ObserveRequest {
  /** Folders and base images to report existence of, in host facts. */
  paths: string[];
  /** Include the host's neighbor (ARP) table. */
  neighbors: boolean;
  /** VMs the file names: the bound on the size of the host's answer grows with it. */
  expectedVms?: number;
  /** Files whose sha256 to report in host facts (seed images); omitted: none. */
  hashes?: string[];
}

/** A pool of long-lived agents; run() may be called concurrently up to its size. */
export interface OperationRunner {
  run(op: HostOperation, timeoutMs: number): Promise<OperationOutcome>;
  close(): Promise<void>;
}

export interface BackendStats {
  /** Agent processes started since the backend was created. */
  launches: number;
  /** Requests sent (observe and queries included). */
  operations: number;
}

export interface Backend {
  readonly kind: BackendKind;
  /** False for replay: a recording cannot be changed. */
  readonly mutable: boolean;
  /** One agent launch per host; never throws for host-side trouble: it returns complete=false. */
  observe(req: ObserveRequest): Promise<Observation>;
  /**
   * Starts up to `agents` agents ahead of need (an apply, before observe), so the pool's launches
   * overlap observe and plan; unused ones are ended by close(). Optional: replay has no agents.
   */
  prestart?(agents: number): void;
  /** The apply pool (size = concurrency). Throws HvcError('backend-error') when not mutable. */
  runner(concurrency: number): Promise<OperationRunner>;
  /**
   * Read-only requests other than observe (doctor, guest.addresses). Reuses a live agent when there
   * is one; otherwise at most one launch. Never mutates.
   */
  query(op: QueryOperation, timeoutMs: number): Promise<OperationOutcome>;
  stats(): BackendStats;
  /**
   * leaveBusy (a cancelled run that changes the host): an agent inside an operation finishes it on its
   * own. killBusy (a cancelled run that only reads): it is ended now, so none outlives the run.
   */
  close(opts?: { leaveBusy?: boolean; killBusy?: boolean }): Promise<void>;
}
