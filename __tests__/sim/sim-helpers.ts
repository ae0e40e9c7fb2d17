// Test helpers for the simulated host: make sure dist/sim-agent/index.js is built from the current
// sources (rebuilt with ncc when a source is newer), and create backends over temp state files.
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentBackend } from '../../src/backends/agent-backend.js';
import { runSimAgent } from '../../src/backends/sim/agent.js';
import { simAgentCommand } from '../../src/backends/sim/locate.js';
import { createSimState, type SimSeed } from '../../src/backends/sim/state.js';
import { repoRoot } from '../hyperv-script/ps-checker.js';

const bundle = join(repoRoot, 'dist', 'sim-agent', 'index.js');
const sources = [join(repoRoot, 'src', 'backends', 'sim'), join(repoRoot, 'src', 'agent'), join(repoRoot, 'src', 'entry', 'sim-agent.ts')];

function newestSource(): number {
  let t = 0;
  for (const s of sources) {
    const st = statSync(s);
    if (st.isDirectory()) for (const f of readdirSync(s)) t = Math.max(t, statSync(join(s, f)).mtimeMs);
    else t = Math.max(t, st.mtimeMs);
  }
  return t;
}

export function ensureSimAgentBuilt(): void {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) return;
  const ncc = join(repoRoot, 'node_modules', '.bin', 'ncc');
  // --transpile-only: the type check is tsc's job, and others' in-progress files must not block us.
  const r = spawnSync(ncc, ['build', 'src/entry/sim-agent.ts', '-o', 'dist/sim-agent', '--quiet', '--transpile-only', '--target', 'es2023'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(bundle)) throw new Error(`building the sim agent failed: ${r.stderr}`);
}

export interface SimHost {
  dir: string;
  stateFile: string;
  backend: (opts?: { launchTimeoutMs?: number; observeTimeoutMs?: number }) => AgentBackend;
  cleanup: () => void;
}

export function simHost(seed: SimSeed = {}): SimHost {
  ensureSimAgentBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'hvc-sim-'));
  const stateFile = join(dir, 'host.json');
  createSimState(stateFile, seed);
  return {
    dir,
    stateFile,
    backend: (opts = {}) => new AgentBackend({ kind: 'sim', computerName: 'sim', launch: simAgentCommand(stateFile), ...opts }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * runSimAgent in this process over in-memory pipes (its parse count is this process's own): the
 * hello line, then each request's raw reply line (`ask` numbers the requests; `raw` sends a line as it is).
 */
export function inProcessSimAgent(file: string, readAhead: boolean) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let partial = '';
  stdout.on('data', (c: Buffer) => {
    partial += c.toString('utf8');
    for (let i = partial.indexOf('\n'); i !== -1; i = partial.indexOf('\n')) {
      const line = partial.slice(0, i);
      partial = partial.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const next = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiting.push(resolve)));
  const done = runSimAgent(file, { stdin, stdout, stderr: new PassThrough(), exit: () => undefined }, { readAhead });
  let id = 0;
  /** One line as written (a malformed one too), and the reply line. */
  const raw = async (line: string): Promise<string> => {
    stdin.write(line + '\n');
    return next();
  };
  return {
    hello: next,
    raw,
    ask: (req: object): Promise<string> => raw(JSON.stringify({ id: ++id, ...req })),
    end: async () => {
      stdin.end();
      await done;
    },
  };
}
