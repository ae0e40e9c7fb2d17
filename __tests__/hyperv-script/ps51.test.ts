// Windows PowerShell 5.1 cannot run here, so the agent is parsed with PowerShell's OWN parser (pwsh)
// and rejected for any parse error or syntax 5.1 lacks (ps51-syntax.ps1). Injected constructs prove
// the check sees each one. The tree-sitter grammar and cmdlet-reference checks stay beside it.
import { expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePwsh } from '../support/pwsh.js';
import { agentScriptPath, repoRoot } from './ps-checker.js';

const checker = join(repoRoot, '__tests__', 'hyperv-script', 'ps51-syntax.ps1');

describePwsh('the agent parses as Windows PowerShell 5.1 syntax (PowerShell parser)', (pwsh) => {
  const check = (file: string): { kind: string; line: number; text: string }[] =>
    JSON.parse(execFileSync(pwsh, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', checker, '-Path', file], { encoding: 'utf8' }));

  it('src and dist agent scripts: no parse error, nothing 5.1 lacks', () => {
    expect(check(agentScriptPath)).toEqual([]);
    const dist = join(repoRoot, 'dist', 'agent', 'hyperv-agent.ps1');
    if (existsSync(dist)) expect(check(dist)).toEqual([]);
  });

  it('each construct 5.1 lacks, injected into a copy of the agent, is reported', () => {
    const script = readFileSync(agentScriptPath, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'hvc-ps51-'));
    try {
      const cases: [string, string][] = [
        ['$x = $null ?? 1', 'null-coalescing ??'],
        ['$x ??= 1', 'null-coalescing assignment ??='],
        ['$x = $true ? 1 : 2', 'ternary'],
        ['${x}?.Name', 'null-conditional ?.'],
        ['Get-Date && Get-Date', 'pipeline chain &&'],
        ['Get-Date || Get-Date', 'pipeline chain ||'],
        ['function Test-Clean { process { 1 } clean { 2 } }', 'clean block'],
        ['1..2 | ForEach-Object -Parallel { $_ }', 'ForEach-Object -Parallel'],
        ['$x = "`e[0m"', 'escape'],
        ['$x = (', 'parse-error'],
      ];
      for (const [code, kind] of cases) {
        const file = join(dir, 'agent.ps1');
        writeFileSync(file, script.replace('# --- main loop', `${code}\n# --- main loop`));
        const found = check(file);
        expect(found.map((f) => f.kind).join('; ')).toContain(kind);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
