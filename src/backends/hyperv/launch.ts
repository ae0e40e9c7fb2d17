// How to start the PowerShell agent: the static script shipped at dist/agent/hyperv-agent.ps1,
// with the remote computer name as a process argument (bound to the script's param block, never
// spliced into script text). The executable is started by FULL path (Windows looks for a bare
// `powershell.exe` in the working directory first, and the workspace is the repository: a committed
// powershell.exe would run), from the agent's own folder, with an environment that carries no token,
// action input or key the agent does not need.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchSpec, LaunchUnavailable } from '../../agent/client.js';

/** The launch cannot be built: what was not found, and how to fix it. */
export class AgentLaunchUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}: ${fix}`);
    this.name = 'AgentLaunchUnavailable';
  }
}

function here(): string {
  return dirname(fileURLToPath(import.meta.url));
}

export function hypervAgentCandidates(from = here()): string[] {
  return [
    join(from, 'agent', 'hyperv-agent.ps1'), // dist/index.js
    join(from, '..', 'agent', 'hyperv-agent.ps1'), // dist/cli/index.js
    join(from, 'hyperv-agent.ps1'), // src/backends/hyperv/ (tests, sources)
    resolve(from, '..', '..', '..', 'dist', 'agent', 'hyperv-agent.ps1'),
  ];
}

export function hypervAgentPath(): string {
  const c = hypervAgentCandidates();
  const found = c.find((p) => existsSync(p));
  if (!found) throw new AgentLaunchUnavailable(`hyperv-agent.ps1 was not found (looked at ${c.join(', ')})`, 'reinstall hyperv-converge: the agent script ships in dist/agent/ beside the bundle');
  return found;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Windows: Windows PowerShell 5.1 at its fixed place under %SystemRoot%. Elsewhere: `pwsh` from the
 * absolute entries of PATH only (an empty or relative entry would mean the working directory).
 */
export function defaultPowerShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const root = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? 'C:\\Windows';
    return `${root.replace(/[\\/]+$/, '')}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const p = join(dir, 'pwsh');
    if (executable(p)) return p;
  }
  throw new AgentLaunchUnavailable('PowerShell 7 (pwsh) was not found on PATH (absolute entries only)', 'install PowerShell 7 (pwsh) or pass --powershell PATH');
}

/** Variables the agent never needs and must never see: tokens, action inputs, keys, secrets. */
const SECRET_NAME = /^(INPUT_|ACTIONS_)|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_?KEY|API_?KEY|_KEY$/i;

/** The parent's environment without secrets (and without the named extras, e.g. the SSH key variable). */
export function agentEnvironment(env: NodeJS.ProcessEnv, alsoStrip: readonly string[] = []): Record<string, string> {
  const drop = new Set(alsoStrip.map((n) => n.toUpperCase()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || SECRET_NAME.test(k) || drop.has(k.toUpperCase())) continue;
    out[k] = v;
  }
  return out;
}

export interface HypervLaunchOptions {
  /** The PowerShell executable (an absolute path; default: defaultPowerShell()). */
  powershell?: string;
  /** Environment variable names to withhold besides the secret-looking ones (the SSH key variable). */
  stripEnv?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

export function hypervAgentCommand(computerName: string | null, opts: HypervLaunchOptions = {}): LaunchSpec {
  const env = opts.env ?? process.env;
  const script = hypervAgentPath();
  const powershell = opts.powershell ?? defaultPowerShell(env);
  if (!isAbsolute(powershell)) {
    throw new AgentLaunchUnavailable(`the PowerShell executable must be an absolute path, not '${powershell}' (a bare name could run a file from the working directory)`, 'pass --powershell with a full path');
  }
  const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script];
  if (computerName) args.push('-ComputerName', computerName);
  return { command: powershell, args, cwd: dirname(script), env: agentEnvironment(env, opts.stripEnv), replaceEnv: true };
}

/**
 * The launch a backend uses: hypervAgentCommand, and the PowerShell it names is an executable file
 * now. When it cannot be built the reason and fix are returned, never a process to start (a
 * stand-in that "crashes" would count as an agent launch and hide the reason in its stderr).
 */
export function hypervAgentLaunch(computerName: string | null, opts: HypervLaunchOptions = {}): LaunchSpec | LaunchUnavailable {
  try {
    const spec = hypervAgentCommand(computerName, opts);
    if (!executable(spec.command)) {
      throw opts.powershell
        ? new AgentLaunchUnavailable(`the PowerShell executable '${spec.command}' (--powershell) does not exist or is not an executable file`, 'pass --powershell with the full path of pwsh or powershell.exe, or leave it out to use pwsh from PATH')
        : new AgentLaunchUnavailable(`Windows PowerShell 5.1 was not found at ${spec.command}`, 'pass --powershell with the full path of powershell.exe or pwsh.exe');
    }
    return spec;
  } catch (e) {
    if (e instanceof AgentLaunchUnavailable) return { unavailable: { reason: e.reason, fix: e.fix } };
    throw e;
  }
}
