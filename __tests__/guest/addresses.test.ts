// IP discovery against a simulated address source: which tier answers, what is filtered, why nothing
// answered, and that polling is bounded (counted polls on an injected clock, never wall time).
import { describe, expect, it } from '@jest/globals';
import type { GuestAddressReport, GuestAddressVm } from '../../src/core/model/guest.js';
import type { ObservedNeighbor } from '../../src/core/model/observed.js';
import { discoverAddresses, findDuplicateAddresses, formatMac, normalizeMac, usableAddress, type AddressResult } from '../../src/guest/addresses.js';

const WEB = { id: '11111111-1111-1111-1111-111111111111', name: 'web-1' };
const DB = { id: '22222222-2222-2222-2222-222222222222', name: 'db-1' };

function vm(base: { id: string; name: string }, over: Partial<GuestAddressVm> = {}): GuestAddressVm {
  return {
    id: base.id,
    name: base.name,
    state: 'Running',
    adapters: [{ name: 'Network Adapter', mac: base === WEB ? '00155D010101' : '00155D020202', ips: [] }],
    kvp: { enabled: true, status: 'OK' },
    ...over,
  };
}

/** A fake host: each poll returns the next scripted report (the last one repeats); counts polls. */
function source(reports: (GuestAddressReport | Error)[]) {
  const calls: string[][] = [];
  const query = async (ids: string[]) => {
    calls.push(ids);
    const r = reports[Math.min(calls.length - 1, reports.length - 1)]!;
    if (r instanceof Error) throw r;
    return { vms: r.vms.filter((v) => ids.includes(v.id)), neighbors: r.neighbors };
  };
  return { query, calls };
}

/** A clock that only moves when discovery sleeps. */
function clock(startMs = Date.UTC(2026, 0, 1)) {
  let t = startMs;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

const base = { ipv6: false, timeoutMs: 10_000, pollMs: 3_000 };

describe('discoverAddresses', () => {
  it('a signal ends polling: no query after it, and a pause under way ends at once', async () => {
    const cancel = new AbortController();
    const { query, calls } = source([{ vms: [vm(WEB)], neighbors: [] }]); // never an address
    // The pause never ends by itself: only the signal can end it.
    const [r] = await discoverAddresses(query, [WEB], { ...base, sleep: () => (cancel.abort(), new Promise<void>(() => undefined)), signal: cancel.signal });
    expect(calls.length).toBe(1);
    expect(r).toMatchObject({ vm: 'web-1', address: null, reason: 'the run was cancelled before an address was found' });
  });

  it('tier 1: takes the address KVP reports, with MAC, tier and time, in one poll', async () => {
    const c = clock();
    const { query, calls } = source([{ vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00-15-5D-01-01-01', ips: ['10.0.0.5', 'fe80::1'] }] })], neighbors: [] }]);
    const [r] = await discoverAddresses(query, [WEB], { ...base, now: c.now, sleep: c.sleep });
    const expected: AddressResult = {
      vm: 'web-1',
      id: WEB.id,
      address: '10.0.0.5',
      mac: '00155D010101',
      tier: 'kvp',
      at: '2026-01-01T00:00:00.000Z',
      previous: null,
      changed: false,
      reason: null,
      fix: null,
    };
    expect(r).toEqual(expected);
    expect(calls).toHaveLength(1);
    expect(c.sleeps).toHaveLength(0);
  });

  it('tier 2: without KVP addresses, the ARP entry matching the adapter MAC answers', async () => {
    const neighbors: ObservedNeighbor[] = [
      { ip: '192.168.1.9', mac: '00155D999999', state: 'Reachable' },
      { ip: '192.168.1.20', mac: '00155D010101', state: 'Stale' },
    ];
    const { query } = source([{ vms: [vm(WEB, { kvp: null })], neighbors }]);
    const [r] = await discoverAddresses(query, [WEB], { ...base, ...clock() });
    expect(r!.address).toBe('192.168.1.20');
    expect(r!.tier).toBe('arp');
    expect(r!.mac).toBe('00155D010101');
  });

  it('prefers KVP over ARP when both answer', async () => {
    const { query } = source([
      { vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['10.0.0.5'] }] })], neighbors: [{ ip: '10.0.0.99', mac: '00155D010101', state: 'Reachable' }] },
    ]);
    const [r] = await discoverAddresses(query, [WEB], { ...base, ...clock() });
    expect([r!.address, r!.tier]).toEqual(['10.0.0.5', 'kvp']);
  });

  it('neither tier: polls to the bound, then says why (KVP not running in the guest, no ARP entry) and what to do', async () => {
    const c = clock();
    const { query, calls } = source([{ vms: [vm(WEB, { kvp: { enabled: true, status: 'No Contact' } })], neighbors: [] }]);
    const [r] = await discoverAddresses(query, [WEB], { ...base, now: c.now, sleep: c.sleep });
    expect(r!.address).toBeNull();
    expect(r!.tier).toBeNull();
    expect(r!.mac).toBe('00155D010101');
    expect(r!.reason).toContain('KVP service is not running in the guest (host status: No Contact)');
    expect(r!.reason).toContain('no entry for MAC 00-15-5D-01-01-01');
    expect(r!.fix).toContain('hyperv-daemons');
    expect(r!.fix).toContain('linux-cloud-tools');
    expect(r!.fix).toContain('switch');
    // 10 s bound, 3 s interval: polls at 0, 3, 6, 9 s.
    expect(calls).toHaveLength(4);
    expect(c.sleeps).toEqual([3000, 3000, 3000]);
  });

  it('names a VM without the KVP service, and one where it is disabled', async () => {
    const { query } = source([{ vms: [vm(WEB, { kvp: null }), vm(DB, { kvp: { enabled: false, status: 'OK' } })], neighbors: [] }]);
    const [w, d] = await discoverAddresses(query, [WEB, DB], { ...base, timeoutMs: 0, ...clock() });
    expect(w!.reason).toContain('no Key-Value Pair Exchange integration service');
    expect(d!.reason).toContain('disabled');
    expect(d!.fix).toContain('Enable-VMIntegrationService');
  });

  it('filters noise: 0.0.0.0, APIPA and IPv6 (unless asked for), in both tiers', async () => {
    const noisy = {
      vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['0.0.0.0', '169.254.3.4', '2001:db8::5', 'fe80::1', 'not-an-ip'] }] })],
      neighbors: [
        { ip: '169.254.9.9', mac: '00155D010101', state: 'Reachable' },
        { ip: '10.1.1.1', mac: '00155D010101', state: 'Unreachable' },
      ],
    };
    const { query } = source([noisy]);
    const [r] = await discoverAddresses(query, [WEB], { ...base, timeoutMs: 0, ...clock() });
    expect(r!.address).toBeNull();
    expect(r!.reason).toContain('only unusable addresses');
    expect(r!.reason).toContain('IPv6 is ignored unless ssh.ipv6 is set');
    expect(r!.fix).toContain('APIPA');
  });

  it('IPv6 is opt-in: taken when asked for, link-local never, IPv4 still preferred', async () => {
    const v6only = { vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['fe80::1', '2001:db8::5'] }] })], neighbors: [] };
    const off = await discoverAddresses(source([v6only]).query, [WEB], { ...base, timeoutMs: 0, ...clock() });
    expect(off[0]!.address).toBeNull();
    const on = await discoverAddresses(source([v6only]).query, [WEB], { ...base, ipv6: true, ...clock() });
    expect(on[0]!.address).toBe('2001:db8::5');
    const both = { vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['2001:db8::5', '10.0.0.5'] }] })], neighbors: [] };
    const mixed = await discoverAddresses(source([both]).query, [WEB], { ...base, ipv6: true, ...clock() });
    expect(mixed[0]!.address).toBe('10.0.0.5');
  });

  it('stops polling as soon as every VM has an address, and asks only for the ones still missing', async () => {
    const c = clock();
    const webUp = vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['10.0.0.5'] }] });
    const dbUp = vm(DB, { adapters: [{ name: 'eth', mac: '00155D020202', ips: ['10.0.0.6'] }] });
    const { query, calls } = source([
      { vms: [vm(WEB), vm(DB)], neighbors: [] }, // just booted: nothing yet
      { vms: [webUp, vm(DB)], neighbors: [] },
      { vms: [webUp, dbUp], neighbors: [] },
    ]);
    const rs = await discoverAddresses(query, [WEB, DB], { ...base, timeoutMs: 60_000, now: c.now, sleep: c.sleep });
    expect(rs.map((r) => r.address)).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(calls).toEqual([[WEB.id, DB.id], [WEB.id, DB.id], [DB.id]]);
    expect(rs[0]!.at).toBe(new Date(Date.UTC(2026, 0, 1) + 3000).toISOString());
    expect(rs[1]!.at).toBe(new Date(Date.UTC(2026, 0, 1) + 6000).toISOString());
  });

  it('stays bounded by count even when the clock does not move', async () => {
    const frozen = () => 0;
    let sleeps = 0;
    const { query, calls } = source([{ vms: [vm(WEB)], neighbors: [] }]);
    await discoverAddresses(query, [WEB], { ...base, timeoutMs: 10_000, pollMs: 3_000, now: frozen, sleep: async () => void sleeps++ });
    expect(calls).toHaveLength(4);
    expect(sleeps).toBe(3);
  });

  it('a failing query is a poll that found nothing; the error becomes the reason; a later poll can still answer', async () => {
    const failing = source([new Error('agent crashed')]);
    const [r] = await discoverAddresses(failing.query, [WEB], { ...base, ...clock() });
    expect(r!.reason).toContain('agent crashed');
    expect(failing.calls).toHaveLength(4);
    const recovering = source([new Error('agent crashed'), { vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['10.0.0.5'] }] })], neighbors: [] }]);
    const [ok] = await discoverAddresses(recovering.query, [WEB], { ...base, ...clock() });
    expect(ok!.address).toBe('10.0.0.5');
  });

  it('a VM the host does not report, or that is not running, is explained', async () => {
    const { query } = source([{ vms: [vm(DB, { state: 'Off' })], neighbors: [] }]);
    const [w, d] = await discoverAddresses(query, [WEB, DB], { ...base, timeoutMs: 0, ...clock() });
    expect(w!.reason).toContain('did not report');
    expect(d!.reason).toContain('is Off');
    expect(d!.fix).toBe('start the VM');
  });

  it('records the previous address and whether it changed (by id, or by name)', async () => {
    const rep = { vms: [vm(WEB, { adapters: [{ name: 'eth', mac: '00155D010101', ips: ['10.0.0.7'] }] }), vm(DB, { adapters: [{ name: 'eth', mac: '00155D020202', ips: ['10.0.0.6'] }] })], neighbors: [] };
    const rs = await discoverAddresses(source([rep]).query, [WEB, DB], { ...base, previous: { [WEB.id]: '10.0.0.5', 'db-1': '10.0.0.6' }, ...clock() });
    expect(rs.map((r) => [r.vm, r.previous, r.changed])).toEqual([
      ['web-1', '10.0.0.5', true],
      ['db-1', '10.0.0.6', false],
    ]);
  });
});

describe('address helpers', () => {
  it('finds addresses claimed by more than one VM', () => {
    const r = (vmName: string, address: string | null) => ({ vm: vmName, address }) as AddressResult;
    expect(findDuplicateAddresses([r('a', '10.0.0.5'), r('b', '10.0.0.6'), r('c', '10.0.0.5'), r('d', null), r('e', null)])).toEqual([{ address: '10.0.0.5', vms: ['a', 'c'] }]);
    expect(findDuplicateAddresses([r('a', '10.0.0.5')])).toEqual([]);
  });

  it('normalizes and formats MACs', () => {
    expect(normalizeMac('00-15-5d-0a-0b-0c')).toBe('00155D0A0B0C');
    expect(normalizeMac('00:15:5D:0A:0B:0C')).toBe('00155D0A0B0C');
    expect(formatMac('00155D0A0B0C')).toBe('00-15-5D-0A-0B-0C');
  });

  it('usableAddress', () => {
    expect(usableAddress('10.0.0.1', false)).toBe(true);
    expect(usableAddress('0.0.0.0', false)).toBe(false);
    expect(usableAddress('169.254.0.1', false)).toBe(false);
    expect(usableAddress('224.0.0.1', false)).toBe(false);
    expect(usableAddress('2001:db8::1', false)).toBe(false);
    expect(usableAddress('2001:db8::1', true)).toBe(true);
    expect(usableAddress('fe80::1', true)).toBe(false);
    expect(usableAddress('garbage', true)).toBe(false);
  });
});
