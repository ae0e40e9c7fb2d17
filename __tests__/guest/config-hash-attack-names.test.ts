// Found while attacking configHash (attack17): ssh.hostKeys is a plain object, and guest reconcile
// looks a VM's pinned key up in it by the VM's name (src/guest/reconcile.ts), so a VM named like a
// member of Object.prototype ('constructor', 'toString', '__proto__') gets that member as its
// "pinned key". No sshd is needed: the key is read before any connection (port 1, refused).
import { describe, expect, it } from '@jest/globals';
import type { Config, DesiredVm, VmSsh } from '../../src/core/config/types.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import type { Backend, OperationOutcome } from '../../src/core/ports.js';
import { reconcileGuests } from '../../src/guest/reconcile.js';
import { generateKeyPair, sshdUnavailable } from '../support/sshd.js';

const skipWhy = sshdUnavailable();
const maybe = skipWhy ? describe.skip : describe;

function desired(name: string, ssh: VmSsh): DesiredVm {
  return {
    name, state: 'running', generation: 2, cpus: 2, memory: { dynamic: false, startupBytes: 2 ** 31 }, secureBoot: true, switch: 'Default Switch', mac: null,
    disk: { strategy: 'differencing', image: null, sizeBytes: null, deleteOnDestroy: false }, path: 'D:\\Hyper-V\\lab', notes: '', ssh,
  };
}
function observed(name: string, id: string): ObservedVm {
  return {
    id, name, state: 'Running', generation: 2, cpus: 2, memory: { dynamic: false, startupBytes: 2 ** 31, minimumBytes: 2 ** 31, maximumBytes: 2 ** 31 },
    secureBoot: true, notes: '', path: 'D:\\Hyper-V\\lab', adapters: [], disks: [], checkpoints: [], integrationServices: [],
  };
}

maybe('a VM named like an Object.prototype member, with guest SSH and no pinned key', () => {
  for (const name of ['constructor', 'toString']) {
    it(`'${name}': fails as an unreachable guest (first contact), not on a "pinned key" it never had`, async () => {
      const id = 'aaaaaaaa-0000-0000-0000-000000000001';
      const vmSsh: VmSsh = { user: 'u', port: 1, hostKey: null, syncHosts: true };
      const config: Config = {
        version: 1, project: 'lab', host: { computerName: null, concurrency: 2, operationTimeoutSec: 30 },
        policy: { protect: [], allowRestart: false, allowTurnOff: false, maxDisruptive: 5, prune: false, checkpointBeforeDisruptive: false, stopTimeoutSec: 60 },
        ssh: { user: 'u', port: 1, privateKeyEnv: 'K', hostKeys: {}, knownHostsFile: '/nonexistent/known_hosts', syncHosts: true, ipv6: false, discoveryTimeoutSec: 5 },
        vms: [desired(name, vmSsh), desired('other', vmSsh)],
      };
      const observation: Observation = {
        schemaVersion: 1, backend: 'sim', host: { computerName: 'hv01', switches: [], paths: [], neighbors: [] }, complete: true, incomplete: [],
        vms: [observed(name, id), observed('other', 'aaaaaaaa-0000-0000-0000-000000000002')],
      };
      const vms = [
        { id, name, state: 'Running', adapters: [{ name: 'eth', mac: '00155D000001', ips: ['127.0.0.1'] }], kvp: { enabled: true, status: 'OK' } },
        { id: 'aaaaaaaa-0000-0000-0000-000000000002', name: 'other', state: 'Running', adapters: [{ name: 'eth', mac: '00155D000002', ips: ['127.0.0.2'] }], kvp: { enabled: true, status: 'OK' } },
      ];
      const backend: Backend = {
        kind: 'sim', mutable: true, observe: async () => observation,
        runner: async () => { throw new Error('no pool'); },
        query: async (op): Promise<OperationOutcome> => ({ ok: true, durationMs: 1, result: { vms: vms.filter((v) => (op.op === 'guest.addresses' ? op.args.ids : []).includes(v.id)), neighbors: [] } }),
        stats: () => ({ launches: 0, operations: 0 }), close: async () => undefined,
      };
      const key = generateKeyPair('hvc-att17');
      const report = await reconcileGuests(config, backend, { dryRun: true, env: { K: key.privateKey }, hostsPath: '/tmp/none', sshTimeoutMs: 3000, pollMs: 10 });
      const mine = JSON.stringify(report);
      // Both guests are the same case (no pinned key, refused port): they must fail alike.
      expect(mine).not.toMatch(/is not a function|TypeError|not a public key line/);
      const byVm = (n: string) => report.hosts.guests.find((g) => g.vm === n)?.reason ?? null;
      expect(byVm(name)).toBe('unreachable');
      expect(byVm('other')).toBe('unreachable');
    });
  }
});
