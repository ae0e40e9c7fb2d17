// Runs the agent contract against three hosts: the simulator and the real PowerShell agent in pwsh
// over the Hyper-V double (both by default), or, with HVC_CONTRACT_BACKEND=hyperv on a Windows
// Hyper-V host, the real agent on real Hyper-V (see docs/agent.md). The contract itself
// (agent-contract.ts) is the same for all three.
import { describe, it } from '@jest/globals';
import { createBackend } from '../../src/backends/index.js';
import { simHost } from '../sim/sim-helpers.js';
import { doubleHost } from '../support/hyperv-double.js';
import { describePwsh } from '../support/pwsh.js';
import { agentContract } from './agent-contract.js';

const contractSeed = {
  switches: [{ name: 'Default Switch', type: 'Internal' }],
  folders: ['D:\\contract'],
  files: { 'D:\\images\\base.vhdx': { sizeBytes: 20 * 1024 ** 3 } },
};

const target = process.env.HVC_CONTRACT_BACKEND ?? 'sim';

if (target === 'hyperv') {
  if (process.platform !== 'win32') {
    console.warn('SKIPPING the Hyper-V agent contract: HVC_CONTRACT_BACKEND=hyperv needs a Windows Hyper-V host');
    describe('agent contract: hyperv', () => it.skip('needs a Windows Hyper-V host', () => undefined));
  } else {
    const folder = process.env.HVC_CONTRACT_FOLDER;
    const sw = process.env.HVC_CONTRACT_SWITCH ?? 'Default Switch';
    if (!folder) throw new Error('HVC_CONTRACT_FOLDER (an existing folder on the host for throw-away VMs) is required');
    agentContract('hyperv', async () => {
      const backend = createBackend({ kind: 'hyperv', computerName: process.env.HVC_CONTRACT_COMPUTER || null, ...(process.env.HVC_CONTRACT_POWERSHELL ? { powershell: process.env.HVC_CONTRACT_POWERSHELL } : {}) });
      return { backend, switch: sw, folder, image: process.env.HVC_CONTRACT_IMAGE || null, cleanup: () => backend.close() };
    });
  }
} else {
  agentContract('sim', async () => {
    const sim = simHost(contractSeed);
    const backend = sim.backend();
    return {
      backend,
      switch: 'Default Switch',
      folder: 'D:\\contract',
      image: 'D:\\images\\base.vhdx',
      cleanup: async () => {
        await backend.close();
        sim.cleanup();
      },
    };
  });
}
if (target !== 'hyperv') {
  describePwsh('agent contract over the Hyper-V double', (pwsh) => {
    agentContract('hyperv-agent.ps1 in pwsh over the Hyper-V double', async () => {
      const dbl = doubleHost(pwsh, contractSeed);
      const backend = dbl.backend();
      return {
        backend,
        switch: 'Default Switch',
        folder: 'D:\\contract',
        image: 'D:\\images\\base.vhdx',
        cleanup: async () => {
          await backend.close();
          dbl.cleanup();
        },
      };
    });
  });
}
