// The host agent script, checked without a Windows host: it parses with the tree-sitter PowerShell
// grammar, every command it runs is a real cmdlet of Microsoft's reference (or a function of the
// script), every call's named parameters fit ONE parameter set, and no code is built from strings.
// Mutations injected into a copy prove each rule reports what it should.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { AGENT_OPS, SETTINGS_KEYS } from '../../src/agent/protocol.js';
import { agentScriptPath, checkScript, loadReference, powershellParser, referencePath, type Reference } from './ps-checker.js';

const script = readFileSync(agentScriptPath, 'utf8');
const ref = loadReference();
if (!ref) console.warn(`SKIPPING the cmdlet reference checks: ${referencePath} is absent`);
const itRef = ref ? it : it.skip;
const reference = ref as Reference;

/** Replaces exactly one occurrence, so a mutation can never silently miss. */
function mutate(from: string, to: string): string {
  const i = script.indexOf(from);
  expect(i).toBeGreaterThanOrEqual(0);
  expect(script.indexOf(from, i + 1)).toBe(-1);
  return script.slice(0, i) + to + script.slice(i + from.length);
}

describe('grammar', () => {
  it('parses with no error or missing nodes', async () => {
    const parser = await powershellParser();
    const tree = parser.parse(script)!;
    expect(tree.rootNode.hasError).toBe(false);
    expect(tree.rootNode.descendantsOfType('function_statement').length).toBeGreaterThan(10);
  });

  it('the grammar does reject broken PowerShell', async () => {
    const parser = await powershellParser();
    const broken = mutate("        'vm.stop' { return Invoke-Stop $A }", "        'vm.stop' { return Invoke-Stop $A ");
    expect(parser.parse(broken)!.rootNode.hasError).toBe(true);
  });
});

describe('against the cmdlet reference', () => {
  itRef('every command is a real cmdlet or a script function, every call fits one parameter set', async () => {
    const r = await checkScript(script, reference);
    expect(r.violations).toEqual([]);
    const cmdlets = r.commands.filter((c) => c.kind === 'cmdlet');
    const distinct = new Set(cmdlets.map((c) => c.name));
    const params = cmdlets.reduce((n, c) => n + c.parameters.length, 0);
    console.log(`checked ${cmdlets.length} cmdlet calls (${distinct.size} distinct cmdlets, ${params} named/splatted parameters) and ${r.commands.length - cmdlets.length} script-function calls`);
    // The operations the issue names are really there.
    for (const c of ['Get-VM', 'New-VM', 'New-VHD', 'Resize-VHD', 'Stop-VM', 'Start-VM', 'Set-VMProcessor', 'Set-VMMemory', 'Set-VMFirmware', 'Set-VMNetworkAdapter', 'Connect-VMNetworkAdapter', 'Set-VM', 'Checkpoint-VM', 'Remove-VM', 'Get-VMIntegrationService', 'Get-NetNeighbor', 'Get-VMSwitch', 'Get-VHD', 'Copy-Item', 'Resume-VM', 'Remove-VMSavedState'])
      expect(distinct).toContain(c);
  });

  itRef('Hyper-V cmdlets are module-qualified and remote-aware (-ComputerName via @Remote, or a VM object)', async () => {
    const r = await checkScript(script, reference);
    const hv = r.commands.filter((c) => c.kind === 'cmdlet' && reference.cmdlets[c.name.toLowerCase()]?.module === 'Hyper-V');
    expect(hv.length).toBeGreaterThan(30);
    for (const c of hv) expect(c.module).toBe('Hyper-V');
    expect(r.splatKeys.remote).toEqual(['ComputerName']);
    expect(r.splatKeys.cim).toEqual(['CimSession']);
  });

  itRef('the JSON output uses an explicit depth and compact lines', async () => {
    const r = await checkScript(script, reference);
    const toJson = r.commands.filter((c) => c.name === 'ConvertTo-Json');
    expect(toJson.length).toBeGreaterThan(0);
    for (const c of toJson) expect(c.parameters).toEqual(expect.arrayContaining(['Depth', 'Compress']));
  });
});

describe('the checker reports injected mistakes', () => {
  const cases: [string, string, string, string][] = [
    ['unknown cmdlet', "{ Hyper-V\\Start-VM -VM $vm }", "{ Hyper-V\\Start-VMz -VM $vm }", 'unknown-command'],
    ['misspelt parameter', '$cp = Hyper-V\\Checkpoint-VM -VM $vm -SnapshotName', '$cp = Hyper-V\\Checkpoint-VM -VM $vm -SnapshotNmae', 'no-parameter-set'],
    [
      'parameters from two sets (-NoVHD with -VHDPath)',
      "-Path $path -NoVHD @Remote",
      "-Path $path -NoVHD -VHDPath 'x' @Remote",
      'no-parameter-set',
    ],
    ['splatting -ComputerName into a VM-object set', 'Hyper-V\\Set-VMProcessor -VM $vm -Count $count', 'Hyper-V\\Set-VMProcessor -VM $vm -Count $count @Remote', 'no-parameter-set'],
    ['wrong module qualifier', 'NetTCPIP\\Get-NetNeighbor @Cim', 'Hyper-V\\Get-NetNeighbor @Cim', 'wrong-module'],
    ['unqualified Hyper-V cmdlet', "Hyper-V\\Remove-VM -VM $vm -Force\n    if ($deleteDisks", "Remove-VM -VM $vm -Force\n    if ($deleteDisks", 'unqualified-hyperv'],
    ['a Hyper-V call that ignores the remote host', '$vhd = Hyper-V\\Get-VHD -Path $path @Remote', '$vhd = Hyper-V\\Get-VHD -Path $path', 'not-remote-aware'],
    ['Invoke-Expression', "    $line = $In.ReadLine()", "    $line = $In.ReadLine()\n    Invoke-Expression -Command $line", 'forbidden'],
    ['Add-Type', "    $line = $In.ReadLine()", "    $line = $In.ReadLine()\n    Add-Type -TypeDefinition $line", 'forbidden'],
    ['& $variable', "    $line = $In.ReadLine()", "    $line = $In.ReadLine()\n    & $line", 'dynamic-invocation'],
    ["& 'string'", "    $line = $In.ReadLine()", "    $line = $In.ReadLine()\n    & 'Get-VM'", 'dynamic-invocation'],
    ['[scriptblock]::Create', "    $line = $In.ReadLine()", "    $line = $In.ReadLine()\n    $sb = [scriptblock]::Create($line)", 'forbidden'],
    ['a splat of an unknown variable', '$vhd = Hyper-V\\Get-VHD -Path $path @Remote', '$vhd = Hyper-V\\Get-VHD -Path $path @Other', 'forbidden'],
  ];
  for (const [what, from, to, rule] of cases) {
    itRef(`${what} → ${rule}`, async () => {
      const r = await checkScript(mutate(from, to), reference);
      expect(r.violations.map((v) => v.rule)).toContain(rule);
    });
  }
});

describe('protocol and safety by construction', () => {
  it('answers every operation of the core vocabulary', () => {
    for (const op of AGENT_OPS) expect(script).toContain(`'${op}' {`);
    // vm.setSettings knows every settings key: the script's list is the protocol's, exactly.
    expect(script).toContain(`$SettingsKeys = @(${SETTINGS_KEYS.map((k) => `'${k}'`).join(', ')})\n`);
  });

  it('takes the remote computer as a parameter and sets UTF-8 streams explicitly', () => {
    expect(script).toMatch(/param\(\s*\[string\]\$ComputerName = ''\s*\)/);
    expect(script).toContain('[System.Text.UTF8Encoding]::new($false)');
    expect(script).toContain('[Console]::OpenStandardInput()');
    expect(script).toContain("Write-Line @{ type = 'hello'; agent = 'hyperv'; protocol = 1; pid = $PID }");
  });

  it('reports enums by name and matches the KVP service by GUID, never by its localized name', () => {
    expect(script).toContain('state               = "$($vm.State)"');
    expect(script).toContain("$KvpServiceGuid = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F'");
    expect(script).not.toMatch(/Key-Value Pair Exchange/);
  });
});
