// The client's strict shape check of observe results: it reports what it saw (sorted), normalizes
// ids and MACs, and turns anything malformed into an incomplete observation instead of throwing.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { toGuestAddressReport, toObservation } from '../../src/agent/observation.js';

const vm = (over: Record<string, unknown> = {}) => ({
  id: '6A0B5E0E-3C1C-4E43-9D39-5B6C1F0E2A11',
  name: 'web-1',
  state: 'Running',
  generation: 2,
  cpus: 2,
  memory: { dynamic: false, startupBytes: 2147483648, minimumBytes: 2147483648, maximumBytes: 2147483648 },
  secureBoot: true,
  notes: 'owner',
  path: 'D:\\vms',
  adapters: [{ name: 'Network Adapter', switch: 'Default Switch', mac: '00-15-5d-01-02-03', dynamicMac: true, ips: ['10.0.0.5'] }],
  disks: [{ path: 'D:\\vms\\web-1.vhdx', sizeBytes: 10, parentPath: '' }],
  checkpoints: [],
  integrationServices: [{ id: '2a34b1c2-fd73-4043-8a5b-dd2159bc743f', name: 'Échange de paires clé-valeur', enabled: true, status: 'OK' }],
  ...over,
});
const raw = (vms: unknown[]) => ({ host: { computerName: 'HV01', switches: [{ name: 'Default Switch', type: 'Internal' }], paths: [], neighbors: [] }, vms });

describe('toObservation', () => {
  it('maps a well-formed result, sorted by name then id, ids lower-case, MACs as 12 upper-case hex', () => {
    const o = toObservation('hyperv', raw([vm({ name: 'b' }), vm({ name: 'a', id: 'FFFFFFFF-3C1C-4E43-9D39-5B6C1F0E2A11' }), vm({ name: 'a' })]), 'HV01');
    expect(o.complete).toBe(true);
    expect(o.vms.map((v) => `${v.name}/${v.id.slice(0, 4)}`)).toEqual(['a/6a0b', 'a/ffff', 'b/6a0b']);
    expect(o.vms[0]!.adapters[0]!.mac).toBe('00155D010203');
    expect(o.vms[0]!.disks[0]!.parentPath).toBeNull();
    expect(o.vms[0]!.integrationServices[0]!.id).toBe('2A34B1C2-FD73-4043-8A5B-DD2159BC743F');
  });

  it('does not judge: duplicates and transitional states are reported as seen', () => {
    const o = toObservation('sim', raw([vm({ state: 'Starting' }), vm({ id: '00000000-0000-0000-0000-000000000001' })]), 'x');
    expect(o.complete).toBe(true);
    expect(o.vms.map((v) => v.state).sort()).toEqual(['Running', 'Starting']);
  });

  const bad: [string, unknown][] = [
    ['not an object', 'oops'],
    ['no host', { vms: [] }],
    ['state as a number (PowerShell 5.1 enum)', raw([vm({ state: 2 })])],
    ['state as a numeric string', raw([vm({ state: '2' })])],
    ['bad GUID', raw([vm({ id: 'web-1' })])],
    ['bad MAC', raw([vm({ adapters: [{ name: 'n', switch: null, mac: 'zz', dynamicMac: true, ips: [] }] })])],
    ['memory as a string', raw([vm({ memory: { dynamic: false, startupBytes: '2GB', minimumBytes: 1, maximumBytes: 1 } })])],
    ['adapters not an array (a one-element pipeline)', raw([vm({ adapters: { name: 'n' } })])],
    ['generation 3', raw([vm({ generation: 3 })])],
  ];
  for (const [what, r] of bad) {
    it(`malformed (${what}) → complete=false, unparseable`, () => {
      const o = toObservation('hyperv', r, 'HV01');
      expect(o.complete).toBe(false);
      expect(o.incomplete[0]!.code).toBe('unparseable');
      expect(o.vms).toEqual([]);
    });
  }
});

// ids and MACs already in canonical form are taken as they are (no copy made): the mapping must
// stay the normalization it was for every string, canonical or not.
describe('toObservation: ids and MACs as the normalization maps them', () => {
  const refGuid = (v: string) => {
    const s = v.toLowerCase().replace(/^\{|\}$/g, '');
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s) ? s : null;
  };
  const refMac = (v: string) => {
    const s = v.replace(/[-:.]/g, '').toUpperCase();
    return /^[0-9A-F]{12}$/.test(s) ? s : null;
  };
  const chars = (alphabet: string, max: number, min = 0) => fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));
  const guidLike = fc.oneof(
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
    fc.uuid().map((u) => `{${u}}`),
    fc.uuid().map((u) => `${u} `),
    chars('0123456789abcdefABCDEF-{}g ', 40),
  );
  const hex12 = chars('0123456789abcdefABCDEF', 12, 12);
  const macLike = fc.oneof(
    hex12,
    hex12.map((h) => h.toUpperCase()),
    hex12.map((h) => h.match(/../g)!.join('-')),
    hex12.map((h) => h.match(/../g)!.join(':')),
    chars('0123456789abcdefABCDEF-:.z', 20),
  );
  it('maps every id as lower-case + braces dropped, or reports the VM unparseable', () => {
    fc.assert(
      fc.property(guidLike, (id) => {
        const o = toObservation('sim', raw([vm({ id })]), 'x');
        const want = refGuid(id);
        if (want === null) expect(o.incomplete[0]?.code).toBe('unparseable');
        else expect(o.vms[0]!.id).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
  it('maps every MAC to 12 upper-case hex, or reports the VM unparseable', () => {
    fc.assert(
      fc.property(macLike, (mac) => {
        const o = toObservation('sim', raw([vm({ adapters: [{ name: 'n', switch: null, mac, dynamicMac: true, ips: [] }] })]), 'x');
        const want = refMac(mac);
        if (want === null) expect(o.incomplete[0]?.code).toBe('unparseable');
        else expect(o.vms[0]!.adapters[0]!.mac).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('toGuestAddressReport', () => {
  it('accepts a report and rejects a malformed one', () => {
    const ok = toGuestAddressReport({ vms: [{ id: '6A0B5E0E-3C1C-4E43-9D39-5B6C1F0E2A11', name: 'a', state: 'Running', adapters: [{ name: 'n', mac: '00:15:5d:00:00:01', ips: [] }], kvp: null }], neighbors: [{ ip: '10.0.0.2', mac: '00-15-5D-00-00-01', state: 'Reachable' }] });
    expect(typeof ok).not.toBe('string');
    if (typeof ok !== 'string') expect(ok.neighbors[0]!.mac).toBe('00155D000001');
    expect(typeof toGuestAddressReport({ vms: [{ id: 'x' }] })).toBe('string');
  });
});
