// How to start the PowerShell agent: the static script shipped at dist/agent/hyperv-agent.ps1,
// with the remote computer name as a process argument (bound to the script's param block, never
// spliced into script text).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchSpec } from '../../agent/client.js';

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
  if (!found) throw new Error(`hyperv-agent.ps1 not found (looked at ${c.join(', ')})`);
  return found;
}

/** Windows PowerShell 5.1 on Windows, pwsh elsewhere, unless told. */
export function defaultPowerShell(): string {
  return process.platform === 'win32' ? 'powershell.exe' : 'pwsh';
}

export function hypervAgentCommand(computerName: string | null, powershell = defaultPowerShell()): LaunchSpec {
  const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', hypervAgentPath()];
  if (computerName) args.push('-ComputerName', computerName);
  return { command: powershell, args };
}
