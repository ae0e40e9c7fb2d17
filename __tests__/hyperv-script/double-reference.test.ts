// The Hyper-V double's param() blocks are generated from Microsoft's cmdlet reference: regenerating
// them gives exactly the committed text, and the double really refuses calls that would not bind on a
// real host. The reference is the repository's copy of ../shared/reference/: equal to it wherever the
// shared one is present.
import { expect, it, describe } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DOUBLE_MODULES, generate, outputPath, referencePath, sharedReferencePath } from '../hyperv-double/generate.mjs';
import { doubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';
import { agentScriptPath } from './ps-checker.js';

describe('the cmdlet reference', () => {
  it('is in the repository, so every clone checks the agent and the double against it', () => {
    expect(existsSync(referencePath)).toBe(true);
  });
  const shared = existsSync(sharedReferencePath) && !process.env.HVC_CMDLET_REFERENCE;
  if (!shared) console.warn(`the repository's cmdlet reference is not compared with ${sharedReferencePath}: absent here`);
  (shared ? it : it.skip)('is a byte-for-byte copy of the shared one (copy it again when that changes)', () => {
    expect(readFileSync(referencePath).equals(readFileSync(sharedReferencePath))).toBe(true);
  });
});

describe('generated parameter sets', () => {
  const present = existsSync(referencePath);
  if (!present) console.warn(`SKIPPING the double's regeneration check: ${referencePath} is absent`);
  (present ? it : it.skip)('regenerating from the reference gives the committed files', () => {
    const reference = JSON.parse(readFileSync(referencePath, 'utf8'));
    const script = readFileSync(agentScriptPath, 'utf8');
    for (const m of DOUBLE_MODULES) expect(readFileSync(outputPath(m), 'utf8')).toBe(generate(reference, script, m));
  });
});

describePwsh('the double binds as Hyper-V does', (pwsh) => {
  const run = (dbl: ReturnType<typeof doubleHost>, code: string): unknown => {
    const out = execFileSync(pwsh, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `$ErrorActionPreference='Stop'; Import-Module Hyper-V; ${code}`], {
      encoding: 'utf8',
      env: { ...process.env, ...dbl.env },
    });
    return JSON.parse(out);
  };

  it('objects: type names, VMState by name and number, bytes, component ids, ConvertTo-Json', () => {
    const dbl = doubleHost(pwsh, { vms: [{ id: '0b3c5a10-0000-4000-8000-000000000001', name: 'web-1', state: 'Running', memory: { startupBytes: 2 * 1024 ** 3 } }] });
    try {
      const r = run(
        dbl,
        `$vm = Hyper-V\\Get-VM; $s = @(Hyper-V\\Get-VMIntegrationService -VM $vm)[0]
        [ordered]@{ types = @($vm.PSObject.TypeNames)[0]; name = "$($vm.State)"; number = [int]$vm.State; mem = $vm.MemoryStartup; json = (ConvertTo-Json -InputObject $vm.State); sid = $s.Id
          bad = $(try { Hyper-V\\Get-VM -Id $vm.Id -Name 'x'; 'bound' } catch { "$($_.FullyQualifiedErrorId)" })
          str = $(try { Hyper-V\\Stop-VM -VM 'web-1'; 'bound' } catch { "$($_.FullyQualifiedErrorId)" })
          nope = $(try { Hyper-V\\Get-VM -Name 'nope'; 'found' } catch { "$($_.CategoryInfo.Category)" }) } | ConvertTo-Json -Compress`,
      );
      expect(r).toEqual({
        types: 'Microsoft.HyperV.PowerShell.VirtualMachine',
        name: 'Running',
        number: 2,
        mem: 2 * 1024 ** 3,
        json: '2',
        sid: 'Microsoft:0B3C5A10-0000-4000-8000-000000000001\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47',
        bad: expect.stringMatching(/^AmbiguousParameterSet|^ParameterSetCannotBeResolved|Ambiguous/),
        str: expect.stringMatching(/^ParameterArgumentValidationError/),
        nope: 'InvalidArgument',
      });
    } finally {
      dbl.cleanup();
    }
  });
});
