// The observation an agent's answer maps to and the resolved config are built in canonical form:
// every object's keys in sorted order, no undefined value. current.json, the observed hash and the
// config hash are printed from the canonical form, and canonicalizing a value already in that form
// walks it instead of copying it (half the memory of a 10,000-VM plan). Checked on the bench fleet
// and on the lab host, whose VMs report the whole surface (DVDs, TPM, lifecycle settings).
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toObservation } from '../../src/agent/observation.js';
import { simOperation } from '../../src/backends/sim/host.js';
import { buildSimState, labSeed, readSimState } from '../../src/backends/sim/state.js';
import { parseConfig } from '../../src/core/config/load.js';
import { writeFleetFiles } from '../../bench/fixtures.js';
import { tempDir } from '../support/run-cli.js';

/** Where `v` is not canonical: the first object with keys out of order or an undefined value. */
function notCanonical(v: unknown, at = ''): string | null {
  if (v === undefined) return `${at}: undefined`;
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const w = notCanonical(v[i], `${at}/${i}`);
      if (w) return w;
    }
    return null;
  }
  const keys = Object.keys(v);
  const sorted = [...keys].sort();
  if (keys.join('\n') !== sorted.join('\n')) return `${at}: keys ${keys.join(',')}`;
  for (const k of keys) {
    const w = notCanonical((v as Record<string, unknown>)[k], `${at}/${k}`);
    if (w) return w;
  }
  return null;
}

const observe = (state: ReturnType<typeof readSimState>) =>
  toObservation('sim', simOperation(state, 'observe', { paths: ['D:\\images\\base.vhdx', 'D:\\nothing'], neighbors: true, hashes: ['D:\\images\\base.vhdx'] }, Date.now()), 'sim');

describe('built in canonical form', () => {
  const dir = tempDir('hvc-canonical-order-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fleet = writeFleetFiles(join(dir, 'fleet'), 400);

  it('the observation of the bench fleet and of the lab host (whole surface)', () => {
    for (const obs of [observe(readSimState(fleet.simState)), observe(buildSimState(labSeed()))]) {
      expect(obs.complete).toBe(true);
      expect(obs.vms.length).toBeGreaterThan(0);
      expect(notCanonical({ host: obs.host, incomplete: obs.incomplete, vms: obs.vms })).toBeNull();
    }
  });

  it('an answer with every optional field an agent may report (surface settings, slots, guards, NAT, hashes, a broken VM)', () => {
    const id = '0f6c4a6e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
    const raw = {
      host: {
        computerName: 'HV01',
        switches: [{ name: 'lab-net', type: 'Internal', notes: 'n', nat: '10.0.0.0/24' }, { name: 'ext', type: 'External' }],
        paths: [{ path: 'D:\\img.vhdx', exists: true, sizeBytes: 1024, sha256: 'AB' }, { path: 'D:\\x', exists: false }],
        neighbors: [{ ip: '10.0.0.5', mac: '00-15-5D-01-02-03', state: 'Reachable' }],
      },
      vms: [
        {
          id: `{${id.toUpperCase()}}`, name: 'web-1', state: 'Running', generation: 2, cpus: 2,
          memory: { dynamic: true, startupBytes: 1024, minimumBytes: 512, maximumBytes: 2048 },
          secureBoot: true, notes: 'x', path: 'D:\\vms',
          adapters: [{ name: 'a', switch: 'lab-net', mac: '00155D010203', dynamicMac: false, ips: ['10.0.0.5'], vlan: 7, macSpoofing: false, dhcpGuard: true, routerGuard: true }],
          disks: [{ path: 'D:\\vms\\a.vhdx', sizeBytes: 1, parentPath: 'D:\\img.vhdx', controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 }],
          checkpoints: [{ id, name: 'c' }],
          integrationServices: [{ id: 'abc', name: 'Heartbeat', enabled: true, status: 'OK' }],
          dvdDrives: [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32, path: null }],
          tpm: true, secureBootTemplate: 'MicrosoftWindows', nestedVirtualization: false, checkpointType: 'Production',
          automaticStartAction: 'Start', automaticStartDelaySec: 5, automaticStopAction: 'ShutDown', compatibilityForMigration: false,
          memoryWeight: 5000, memoryBuffer: 20, firstBootDevice: 'HardDisk',
        },
      ],
      incomplete: [{ code: 'query-failed', vm: 'web-1', message: 'disk gone' }],
    };
    const obs = toObservation('hyperv', raw, 'HV01');
    expect(obs.incomplete).toHaveLength(1); // mapped, not refused as malformed
    expect(Object.keys(obs.vms[0]!)).toHaveLength(25);
    expect(notCanonical({ host: obs.host, incomplete: obs.incomplete, vms: obs.vms })).toBeNull();
  });

  it('the resolved config of the bench fleet, the examples and a VM setting every adapter key (without the source positions)', () => {
    const dir = tempDir('hvc-canon-');
    const every = join(dir, 'every.yaml');
    writeFileSync(every, `version: 1
project: p
vms:
  - name: a
    path: D:\\vms
    cpus: 1
    memory: 1GB
    networkAdapters:
      - { name: lan, switch: s, mac: 00155D000001, vlan: 7, macSpoofing: true, dhcpGuard: true, routerGuard: false }
      - { name: other }
`);
    for (const file of [fleet.config, join('examples', 'lab', 'vms.yaml'), join('examples', 'k3s', 'vms.yaml'), every]) {
      const config = parseConfig(readFileSync(file, 'utf8'), file);
      expect(config.vms.length).toBeGreaterThan(0);
      expect({ file, where: notCanonical(config.vms.map(({ source: _s, ...vm }) => vm)) }).toEqual({ file, where: null });
    }
  });
});
