// How agents are started: the remote computer name travels as its own process argument (bound by
// the script's param block, never spliced into script text); bundles find their agents beside them.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { createBackend } from '../../src/backends/index.js';
import { hypervAgentCandidates, hypervAgentCommand } from '../../src/backends/hyperv/launch.js';
import { simAgentCandidates } from '../../src/backends/sim/locate.js';

describe('hyperv agent launch', () => {
  it('passes -ComputerName as a separate argument, whatever the name contains', () => {
    const evil = "hv01'; Remove-VM -Name * -Force; '";
    const spec = hypervAgentCommand(evil, { powershell: '/usr/bin/pwsh' });
    expect(spec.command).toBe('/usr/bin/pwsh');
    expect(spec.args.slice(-2)).toEqual(['-ComputerName', evil]);
    expect(spec.args).toContain('-File');
    expect(spec.args[spec.args.indexOf('-File') + 1]).toMatch(/hyperv-agent\.ps1$/);
    expect(spec.args.some((a) => a.includes('-Command'))).toBe(false);
    expect(hypervAgentCommand(null, { powershell: '/usr/bin/pwsh' }).args).not.toContain('-ComputerName');
  });

  it('a missing PowerShell makes observe incomplete (agent-failed) with the reason, never a throw, and starts nothing', async () => {
    const b = createBackend({ kind: 'hyperv', computerName: 'hv01', powershell: '/nonexistent/pwsh' });
    b.prestart?.(3);
    const o = await b.observe({ paths: [], neighbors: false });
    expect(o).toMatchObject({ backend: 'hyperv', complete: false, host: { computerName: 'hv01' } });
    expect(o.incomplete[0]!.code).toBe('agent-failed');
    expect(o.incomplete[0]!.message).toContain("the PowerShell executable '/nonexistent/pwsh' (--powershell) does not exist");
    const runner = await b.runner(2);
    const out = await runner.run({ op: 'vm.start', args: { id: 'x', name: 'x' } }, 1000);
    expect(out).toMatchObject({ ok: false, error: { code: 'agent-launch-failed' } });
    await runner.close();
    expect(b.stats().launches).toBe(0);
    await b.close();
  });
});

describe('locating bundled agents', () => {
  it('from dist/index.js and dist/cli/index.js, the agents beside the bundle come first', () => {
    expect(simAgentCandidates('/x/dist')[0]).toBe(join('/x/dist', 'sim-agent', 'index.js'));
    expect(simAgentCandidates('/x/dist/cli')[1]).toBe(join('/x/dist/cli', '..', 'sim-agent', 'index.js'));
    expect(hypervAgentCandidates('/x/dist')[0]).toBe(join('/x/dist', 'agent', 'hyperv-agent.ps1'));
    expect(hypervAgentCandidates('/x/dist/cli')[1]).toBe(join('/x/dist/cli', '..', 'agent', 'hyperv-agent.ps1'));
  });
});
