// IP discovery for running VMs. Tier 1: the addresses Hyper-V reports for the VM's adapters (the
// guest's KVP daemon feeds them). Tier 2: the host's neighbor (ARP) table, matched by the adapter's
// MAC. Polls with a bound, because the first queries after boot usually return nothing, and when
// nothing answers it says why and what to do, per VM.
import { isIP } from 'node:net';
import type { GuestAddressReport, GuestAddressVm } from '../core/model/guest.js';
import type { ObservedNeighbor } from '../core/model/observed.js';

export type AddressTier = 'kvp' | 'arp';

export interface AddressResult {
  vm: string;
  id: string;
  /** The address chosen (IPv4 preferred); null when no tier answered within the bound. */
  address: string | null;
  /** 12 upper-case hex digits: the adapter that answered (or the first adapter when none did). */
  mac: string | null;
  tier: AddressTier | null;
  /** When the address was seen (ISO 8601). */
  at: string | null;
  /** The address the previous run recorded for this VM, if any. */
  previous: string | null;
  /** True when both this run and the previous one found an address and they differ. */
  changed: boolean;
  /** Why no address was found (null on success). */
  reason: string | null;
  /** What to do about it (null on success). */
  fix: string | null;
}

export interface DiscoverOptions {
  ipv6: boolean;
  /** Overall bound for polling. */
  timeoutMs: number;
  /** Pause between polls. */
  pollMs: number;
  /** Last recorded address by VM id (or, failing that, by VM name). */
  previous?: Record<string, string | null>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The run is cancelled: no further query is sent, and the pause between polls ends. */
  signal?: AbortSignal;
}

export type AddressQuery = (ids: string[]) => Promise<GuestAddressReport>;

const KVP_FIX =
  'install and start the KVP daemon in the guest: hyperv-daemons (RHEL/Fedora/Alpine: hv_kvp_daemon) or ' +
  'linux-cloud-tools-virtual (Ubuntu/Debian: hv-kvp-daemon.service); check with ' +
  '`Get-VMIntegrationService -VMName <vm>` that "Key-Value Pair Exchange" is enabled and reports OK';
const ARP_FIX =
  'check that the VM is on a switch the host also sits on (External, or Internal with a host vNIC; the ' +
  'Default Switch works) and that the guest obtained an address (DHCP)';

/** Normalizes a MAC in any common notation (00-15-5D-…, 00:15:5d:…, 00155D…) to 12 upper-case hex. */
export function normalizeMac(mac: string): string {
  return mac.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
}

/** Formats 12 hex digits the way Hyper-V and Get-NetNeighbor print them: 00-15-5D-01-02-03. */
export function formatMac(mac: string): string {
  return normalizeMac(mac).replace(/(..)(?!$)/g, '$1-');
}

/**
 * Whether an address may stand for the guest: not unspecified, not APIPA/link-local, not multicast;
 * IPv6 only when asked for. Loopback is not filtered: the KVP daemon never reports it, and tests reach
 * a real sshd through it.
 */
export function usableAddress(raw: string, ipv6: boolean): boolean {
  const ip = raw.trim();
  const family = isIP(ip);
  if (family === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    if (ip === '0.0.0.0' || a === 0) return false;
    if (a === 169 && b === 254) return false; // APIPA: DHCP failed
    if (a >= 224) return false; // multicast, reserved, broadcast
    return true;
  }
  if (family === 6) {
    if (!ipv6) return false;
    const lower = ip.toLowerCase();
    if (lower === '::') return false;
    if (/^fe[89ab]/.test(lower)) return false; // link-local fe80::/10: not routable without a zone
    if (lower.startsWith('ff')) return false; // multicast
    return true;
  }
  return false; // not an address at all (zone ids, garbage)
}

/** IPv4 first (what /etc/hosts users expect), otherwise the reported order. */
function pick(ips: string[], ipv6: boolean): string | null {
  const usable = ips.map((s) => s.trim()).filter((s) => usableAddress(s, ipv6));
  return usable.find((s) => isIP(s) === 4) ?? usable[0] ?? null;
}

// ARP entries in these states hold no usable MAC/IP binding.
const DEAD_NEIGHBOR = new Set(['unreachable', 'incomplete']);

interface Found {
  address: string;
  mac: string;
  tier: AddressTier;
}

interface Diagnosis {
  mac: string | null;
  reason: string;
  fix: string;
}

function fromKvp(vm: GuestAddressVm, ipv6: boolean): Found | null {
  for (const a of vm.adapters) {
    const address = pick(a.ips, ipv6);
    if (address) return { address, mac: normalizeMac(a.mac), tier: 'kvp' };
  }
  return null;
}

function fromArp(vm: GuestAddressVm, neighbors: ObservedNeighbor[], ipv6: boolean): Found | null {
  for (const a of vm.adapters) {
    const mac = normalizeMac(a.mac);
    const ips = neighbors
      .filter((n) => normalizeMac(n.mac) === mac && !DEAD_NEIGHBOR.has(n.state.toLowerCase()))
      .map((n) => n.ip);
    const address = pick(ips, ipv6);
    if (address) return { address, mac, tier: 'arp' };
  }
  return null;
}

function diagnose(vm: GuestAddressVm | undefined, name: string, neighbors: ObservedNeighbor[], ipv6: boolean): Diagnosis {
  if (!vm) {
    return { mac: null, reason: `the host did not report VM '${name}'`, fix: 'check that the VM exists on the host' };
  }
  if (vm.state.toLowerCase() !== 'running') {
    return { mac: null, reason: `VM '${name}' is ${vm.state}, not Running`, fix: 'start the VM' };
  }
  if (vm.adapters.length === 0) {
    return { mac: null, reason: `VM '${name}' has no network adapter`, fix: 'add a network adapter connected to a switch' };
  }
  const mac = normalizeMac(vm.adapters[0]!.mac);
  const parts: string[] = [];
  const fixes: string[] = [];
  const reported = vm.adapters.flatMap((a) => a.ips);
  if (reported.length > 0) {
    // KVP works, but nothing it reported can stand for the guest.
    parts.push(`KVP reported only unusable addresses (${reported.join(', ')}${ipv6 ? '' : '; IPv6 is ignored unless ssh.ipv6 is set'})`);
    fixes.push(reported.some((ip) => ip.startsWith('169.254.')) ? 'the guest has an APIPA address: DHCP failed on its switch; check the switch' : 'check the guest network configuration');
  } else if (vm.kvp === null) {
    parts.push('KVP: the VM has no Key-Value Pair Exchange integration service');
    fixes.push(KVP_FIX);
  } else if (!vm.kvp.enabled) {
    parts.push('KVP: the Key-Value Pair Exchange integration service is disabled for the VM');
    fixes.push(`enable it: Enable-VMIntegrationService -VMName '${name}' -Name 'Key-Value Pair Exchange'; then ${KVP_FIX}`);
  } else if (vm.kvp.status.toLowerCase() !== 'ok') {
    parts.push(`KVP: the KVP service is not running in the guest (host status: ${vm.kvp.status || 'unknown'})`);
    fixes.push(KVP_FIX);
  } else {
    parts.push('KVP: the service is running but reported no address yet');
    fixes.push('wait for the guest to finish booting, or raise ssh.discoveryTimeout');
  }
  const macs = vm.adapters.map((a) => formatMac(a.mac)).join(', ');
  const arpIps = neighbors.filter((n) => vm.adapters.some((a) => normalizeMac(a.mac) === normalizeMac(n.mac))).map((n) => n.ip);
  parts.push(arpIps.length > 0 ? `ARP: only unusable entries for MAC ${macs} (${arpIps.join(', ')})` : `ARP: no entry for MAC ${macs} in the host's neighbor table`);
  fixes.push(ARP_FIX);
  return { mac, reason: parts.join('; '), fix: fixes.join('; or ') };
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** p, or earlier when the signal fires (the pause between polls is not worth waiting out). */
function untilAborted(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<void>((r) => {
    onAbort = r;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/**
 * Polls `query` for the VMs still without an address until all have one or `timeoutMs` passes. The
 * number of polls is bounded by the timeout over the poll interval even when the clock stands still.
 * A failing query counts as a poll that found nothing; its error becomes the reason.
 */
export async function discoverAddresses(query: AddressQuery, vms: { id: string; name: string }[], opts: DiscoverOptions): Promise<AddressResult[]> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const pollMs = Math.max(1, opts.pollMs);
  const maxPolls = Math.max(1, Math.floor(Math.max(0, opts.timeoutMs) / pollMs) + 1);
  const start = now();
  const found = new Map<string, Found & { at: string }>();
  const why = new Map<string, Diagnosis>();

  for (let poll = 1; ; poll++) {
    const pending = vms.filter((v) => !found.has(v.id));
    if (pending.length === 0) break;
    if (opts.signal?.aborted) {
      for (const v of pending) why.set(v.id, { mac: why.get(v.id)?.mac ?? null, reason: 'the run was cancelled before an address was found', fix: 'run the command again' });
      break;
    }
    try {
      const report = await query(pending.map((v) => v.id));
      const neighbors = report.neighbors ?? [];
      for (const v of pending) {
        const vm = report.vms.find((r) => r.id.toLowerCase() === v.id.toLowerCase());
        const hit = vm && vm.state.toLowerCase() === 'running' ? (fromKvp(vm, opts.ipv6) ?? fromArp(vm, neighbors, opts.ipv6)) : null;
        if (hit) found.set(v.id, { ...hit, at: new Date(now()).toISOString() });
        else why.set(v.id, diagnose(vm, v.name, neighbors, opts.ipv6));
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      for (const v of pending) {
        why.set(v.id, { mac: why.get(v.id)?.mac ?? null, reason: `the address query failed: ${message}`, fix: 'run `hyperv-converge doctor` to check the host connection' });
      }
    }
    if (vms.every((v) => found.has(v.id))) break;
    if (poll >= maxPolls || now() - start + pollMs > opts.timeoutMs) break;
    await untilAborted(sleep(pollMs), opts.signal);
  }

  return vms.map((v) => {
    const previous = opts.previous?.[v.id] ?? opts.previous?.[v.name] ?? null;
    const hit = found.get(v.id);
    if (hit) {
      return { vm: v.name, id: v.id, address: hit.address, mac: hit.mac, tier: hit.tier, at: hit.at, previous, changed: previous !== null && previous !== hit.address, reason: null, fix: null };
    }
    const d = why.get(v.id) ?? { mac: null, reason: 'not queried', fix: 'raise ssh.discoveryTimeout' };
    return { vm: v.name, id: v.id, address: null, mac: d.mac, tier: null, at: null, previous, changed: false, reason: d.reason, fix: d.fix };
  });
}

/** Addresses claimed by more than one VM: a guest cannot be told apart, so it is neither synced nor listed. */
export function findDuplicateAddresses(results: AddressResult[]): { address: string; vms: string[] }[] {
  const byAddress = new Map<string, string[]>();
  for (const r of results) {
    if (r.address === null) continue;
    const key = r.address.toLowerCase();
    byAddress.set(key, [...(byAddress.get(key) ?? []), r.vm]);
  }
  return [...byAddress.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([address, names]) => ({ address, vms: [...names].sort() }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
