// The host agents an apply launched, recorded in the state directory (`<host>.agents.json`). A run
// that is killed cannot end its agents: each one finishes the operation it is inside (a Hyper-V
// operation cannot be taken back halfway) and then sees its client gone. The next apply therefore
// waits, bounded, for every agent of an earlier run before it observes; one that outlives the bound
// is refused with 'agents-running', so an operation still in flight is never planned again.
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HvcError } from '../../core/errors.js';
import { hostFileKey } from './state-files.js';
import { identityOf, liveness, type ProcessIdentity } from './process-identity.js';

export interface AgentRecord extends ProcessIdentity {
  runId: string;
  launchedAt: string;
}

export function agentsPath(stateDir: string, hostKey: string): string {
  return join(stateDir, `${hostFileKey(hostKey)}.agents.json`);
}

export class AgentRecords {
  readonly path: string;
  private active = false;

  constructor(stateDir: string, hostKey: string, private readonly runId: string) {
    this.path = agentsPath(stateDir, hostKey);
  }

  /**
   * Waits up to boundMs for the agents of earlier runs to exit. Returns those still running (empty
   * when none). From then on, this run's launches are recorded. A signal ends the wait early (the
   * ones still running are returned: the caller must not observe).
   */
  async waitForEarlier(boundMs: number, onWait: (left: AgentRecord[]) => void, pollMs = 100, signal?: AbortSignal): Promise<AgentRecord[]> {
    const until = Date.now() + boundMs;
    let told = false;
    for (;;) {
      const left = this.read().filter((r) => liveness(r) !== 'dead');
      if (left.length === 0 || Date.now() >= until || signal?.aborted) {
        this.write(left);
        if (left.length === 0) this.active = true;
        return left;
      }
      if (!told) onWait(left);
      told = true;
      await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(1, until - Date.now()))));
    }
  }

  /** Records one launched agent (synchronously: before its first request is sent). */
  add(pid: number): void {
    if (!this.active) return;
    this.write([...this.read(), { ...identityOf(pid), runId: this.runId, launchedAt: new Date().toISOString() }]);
  }

  /** Drops records of agents that have exited; called once this run has closed its agents. */
  forgetExited(): void {
    if (!this.active) return;
    this.write(this.read().filter((r) => liveness(r) !== 'dead'));
  }

  /** The records; a file that is there but unreadable is never taken for "no agents" (a replay). */
  private read(): AgentRecord[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw this.damaged((e as Error).message);
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw this.damaged('not JSON');
    }
    if (!Array.isArray(v) || !v.every(isRecord)) throw this.damaged('not a list of agent records');
    return v;
  }

  private damaged(why: string): HvcError {
    return new HvcError(
      'agents-running',
      `the agent record file ${this.path} is damaged (${why}): it may name agents of an interrupted apply still inside an operation, so nothing was observed or changed. ` +
        `Once no hyperv-converge agent runs on this machine (hyperv-agent.ps1 under PowerShell, or the sim agent), delete the file and rerun.`,
      { detail: { path: this.path } },
    );
  }

  private write(records: AgentRecord[]): void {
    if (records.length === 0) {
      rmSync(this.path, { force: true });
      return;
    }
    const tmp = `${this.path}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(records));
      renameSync(tmp, this.path);
    } finally {
      rmSync(tmp, { force: true });
    }
  }
}

function isRecord(r: unknown): r is AgentRecord {
  const x = r as Partial<AgentRecord> | null;
  return !!x && typeof x === 'object' && Number.isInteger(x.pid) && (x.pid as number) > 0 && typeof x.hostname === 'string' && typeof x.runId === 'string';
}
