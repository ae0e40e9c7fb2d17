// The built CLI's apply on a reliability lab, as its own process (cwd = the lab), for tests that kill,
// signal or race it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../support/run-cli.js';
import type { Lab } from './scenario.js';

export interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** The lab's config has a protected VM whose stop is refused: a good apply ends `refused` (exit 3). */
export function ok(run: Run): boolean {
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(last) as { failureReason: string | null };
    return j.failureReason === null || j.failureReason === 'safety-refused';
  } catch {
    return false;
  }
}

function cliEnv(lab: Lab): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: lab.dir, HVC_STATE_DIR: lab.stateDir };
}

/** Starts `hyperv-converge apply` on the lab (its own process, cwd = the lab). */
export function startApply(lab: Lab, label: string, extra: string[] = [], prefix: string[] = [], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<Run>; stderr: () => string } {
  // Later options win (parseArgs keeps the last): extra may name another config or backend.
  // --sim-state belongs to the sim backend only (the CLI refuses it with another backend).
  const hyperv = extra.some((a, i) => a === 'hyperv' && (extra[i - 1] === '-b' || extra[i - 1] === '--backend'));
  const args = [CLI, 'apply', '--auto-approve', '-c', 'vms.yaml', '-b', 'sim', ...(hyperv ? [] : ['--sim-state', 'host.json']), '-o', join('out', label), '--lock-wait', '0', '--json', ...extra];
  const [cmd, ...pre] = prefix.length ? prefix : [process.execPath];
  const child = spawn(cmd!, prefix.length ? [...pre, process.execPath, ...args] : args, { cwd: lab.dir, env: { ...cliEnv(lab), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

export async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Sim agents still running on this lab's folder, by pid (only processes this test started). */
function agentsOf(dir: string): number[] {
  if (!existsSync('/proc')) return [];
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd.includes('--state') && cmd.some((c) => c.startsWith(dir))) out.push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return out;
}
export function killAgents(dir: string): void {
  for (const pid of agentsOf(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}


/** One record of the lab's apply journal, as far as these tests read it. */
export interface JournalLine {
  type: string;
  session: string;
  stepId?: string;
  vm?: string;
  action?: string;
}
/** The lab's apply journal, record by record (a torn line is skipped). */
export function journal(lab: Lab): JournalLine[] {
  const f = readdirSync(lab.stateDir).find((n) => n.endsWith('.journal.jsonl'));
  if (!f) return [];
  return readFileSync(join(lab.stateDir, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as JournalLine];
      } catch {
        return [];
      }
    });
}
