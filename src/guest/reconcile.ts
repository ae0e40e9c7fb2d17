// Guest network reconcile: discover the addresses of the config's running VMs, then bring the managed
// /etc/hosts block of every VM with ssh settings up to date. Runs after apply when configured and as
// `hyperv-converge reconcile`. The report is plain JSON (result.json `extra.guests`) and never holds
// the private key.
import { HvcError } from '../core/errors.js';
import type { Config } from '../core/config/types.js';
import type { GuestAddressReport } from '../core/model/guest.js';
import type { Observation } from '../core/model/observed.js';
import type { Backend } from '../core/ports.js';
import { discoverAddresses, findDuplicateAddresses, type AddressResult } from './addresses.js';
import { validHostName, type HostsEntry } from './hosts-block.js';
import { syncHosts, type GuestSyncReport, type SyncTarget } from './hosts-sync.js';

export interface GuestReconcileReport {
  schemaVersion: 1;
  dryRun: boolean;
  /** One per running VM of the config, in config order. */
  addresses: AddressResult[];
  /** VMs the config wants running that were not looked for, with why. */
  skipped: { vm: string; reason: string }[];
  duplicates: { address: string; vms: string[] }[];
  warnings: string[];
  hosts: {
    /** False when no VM has hosts sync enabled (or the config has no ssh section). */
    enabled: boolean;
    /** The block's content: every managed VM with a unique address, sorted by name. */
    entries: HostsEntry[];
    guests: GuestSyncReport[];
    synced: string[];
    unchanged: string[];
    wouldChange: string[];
    failed: string[];
    /** VMs with hosts sync that were not attempted (no address, duplicate address), with why. */
    notAttempted: { vm: string; reason: string }[];
  };
  /** True when every VM got an address and no guest sync failed. */
  ok: boolean;
}

export interface ReconcileOptions {
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  /** The previous report (from the last result.json), or last addresses by VM id/name. */
  previous?: GuestReconcileReport | Record<string, string | null> | null;
  log?: (m: string) => void;
  /** An observation already made this run (e.g. apply's re-observation); else one is made. */
  observation?: Observation;
  /** Guest-side hosts file (default /etc/hosts). */
  hostsPath?: string;
  /** The known-hosts file when the config names none (the engine passes one in the state directory). */
  defaultKnownHostsFile?: string;
  /** Discovery poll interval (default 3000 ms). */
  pollMs?: number;
  /** Bound for each SSH connection and remote command (default 15000 ms). */
  sshTimeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The run is cancelled: no further address query, no guest started, no remote command sent. */
  signal?: AbortSignal;
  /** The run's grace is over: open guest connections are dropped, nothing more is recorded. */
  abandon?: AbortSignal;
}

/** Last addresses by VM id from a previous report, for `previous`. */
export function previousAddresses(previous: ReconcileOptions['previous']): Record<string, string | null> {
  if (!previous) return {};
  if (isReport(previous)) {
    const map: Record<string, string | null> = {};
    for (const a of previous.addresses) map[a.id] = a.address ?? a.previous;
    return map;
  }
  return previous;
}

function isReport(x: unknown): x is GuestReconcileReport {
  return typeof x === 'object' && x !== null && Array.isArray((x as GuestReconcileReport).addresses);
}

function isAddressReport(x: unknown): x is GuestAddressReport {
  return typeof x === 'object' && x !== null && Array.isArray((x as GuestAddressReport).vms);
}

// Same as the config's built-in ssh.discoveryTimeout; used when the config has no ssh block.
const DEFAULT_DISCOVERY_SEC = 120;

export async function reconcileGuests(config: Config, backend: Backend, opts: ReconcileOptions): Promise<GuestReconcileReport> {
  const log = opts.log ?? (() => undefined);
  const ssh = config.ssh;
  const timeoutMs = (ssh?.discoveryTimeoutSec ?? DEFAULT_DISCOVERY_SEC) * 1000;
  const queryTimeoutMs = Math.max(1000, config.host.operationTimeoutSec * 1000);
  const warnings: string[] = [];
  const skipped: { vm: string; reason: string }[] = [];

  const observation = opts.observation ?? (await backend.observe({ paths: [], neighbors: false, expectedVms: config.vms.length }));
  const wanted = config.vms.filter((v) => v.state === 'running');
  const vms: { id: string; name: string }[] = [];
  for (const v of wanted) {
    const found = observation.vms.filter((o) => o.name === v.name);
    if (found.length === 0) skipped.push({ vm: v.name, reason: 'not on the host' });
    else if (found.length > 1) skipped.push({ vm: v.name, reason: `${found.length} VMs on the host carry this name` });
    else if (found[0]!.state.toLowerCase() !== 'running') skipped.push({ vm: v.name, reason: `it is ${found[0]!.state}, not Running` });
    else vms.push({ id: found[0]!.id, name: v.name });
  }

  const query = async (ids: string[]): Promise<GuestAddressReport> => {
    const out = await backend.query({ op: 'guest.addresses', args: { ids, neighbors: true } }, queryTimeoutMs);
    if (!out.ok) throw new HvcError('backend-error', `guest.addresses failed (${out.error.code}): ${out.error.message}`);
    if (!isAddressReport(out.result)) throw new HvcError('backend-error', 'guest.addresses answered without a vms list');
    return { vms: out.result.vms, neighbors: out.result.neighbors ?? [] };
  };

  log(`discovering addresses of ${vms.length} running VM(s) (bound ${timeoutMs / 1000}s)`);
  const addresses =
    vms.length === 0
      ? []
      : await discoverAddresses(query, vms, {
          ipv6: ssh?.ipv6 ?? false,
          timeoutMs,
          pollMs: opts.pollMs ?? 3000,
          previous: previousAddresses(opts.previous),
          ...(opts.now ? { now: opts.now } : {}),
          ...(opts.sleep ? { sleep: opts.sleep } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
  for (const a of addresses) {
    if (a.address) log(`${a.vm}: ${a.address} (${a.tier})${a.changed ? `, was ${a.previous}` : ''}`);
    else log(`${a.vm}: no address: ${a.reason}`);
  }

  const duplicates = findDuplicateAddresses(addresses);
  const duplicated = new Set(duplicates.flatMap((d) => d.vms));
  for (const d of duplicates) warnings.push(`address ${d.address} is reported for ${d.vms.join(', ')}: they are left out of hosts sync`);

  const entries: HostsEntry[] = [];
  for (const a of addresses) {
    if (!a.address || duplicated.has(a.vm)) continue;
    if (!validHostName(a.vm)) {
      warnings.push(`'${a.vm}' is not a valid host name: it is not listed in /etc/hosts`);
      continue;
    }
    entries.push({ name: a.vm, address: a.address });
  }
  entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));

  const notAttempted: { vm: string; reason: string }[] = [];
  const targets: SyncTarget[] = [];
  const syncVms = config.vms.filter((v) => v.ssh?.syncHosts && v.state === 'running');
  for (const v of syncVms) {
    const a = addresses.find((x) => x.vm === v.name);
    if (!a) notAttempted.push({ vm: v.name, reason: skipped.find((s) => s.vm === v.name)?.reason ?? 'not discovered' });
    else if (!a.address) notAttempted.push({ vm: v.name, reason: `no address: ${a.reason}` });
    else if (duplicated.has(v.name)) notAttempted.push({ vm: v.name, reason: `duplicate address ${a.address}` });
    else targets.push({ vm: v.name, host: a.address, port: v.ssh!.port, user: v.ssh!.user, hostKey: v.ssh!.hostKey ?? (ssh && Object.hasOwn(ssh.hostKeys, v.name) ? ssh.hostKeys[v.name]! : null) });
  }

  let guests: GuestSyncReport[] = [];
  if (targets.length > 0) {
    const keyEnv = ssh?.privateKeyEnv ?? '';
    const privateKey = keyEnv ? (opts.env[keyEnv] ?? '') : '';
    if (!privateKey.trim()) {
      const message = keyEnv ? `the private key variable ${keyEnv} is not set` : 'the config names no ssh.privateKeyEnv';
      guests = targets.map((t) => ({ vm: t.vm, host: t.host, port: t.port, status: 'failed', reason: 'key-missing', message, diff: null, hostKey: null, entries: 0 }));
    } else {
      log(`${opts.dryRun ? 'checking' : 'syncing'} /etc/hosts on ${targets.length} guest(s)`);
      guests = await syncHosts(targets, entries, {
        privateKey,
        knownHostsFile: ssh?.knownHostsFile ?? opts.defaultKnownHostsFile ?? '',
        dryRun: opts.dryRun,
        timeoutMs: opts.sshTimeoutMs ?? 15000,
        concurrency: config.host.concurrency,
        ...(opts.hostsPath ? { hostsPath: opts.hostsPath } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.abandon ? { abandon: opts.abandon } : {}),
      });
      // Guests the signal kept from being started.
      const started = new Set(guests.map((g) => g.vm));
      for (const t of targets) if (!started.has(t.vm)) notAttempted.push({ vm: t.vm, reason: 'the run was cancelled before this guest was started' });
    }
    for (const g of guests) log(`${g.vm}: ${g.status}${g.reason ? ` (${g.reason})` : ''}: ${g.message}`);
  }

  const pick = (s: GuestSyncReport['status']) => guests.filter((g) => g.status === s).map((g) => g.vm);
  return {
    schemaVersion: 1,
    dryRun: opts.dryRun,
    addresses,
    skipped,
    duplicates,
    warnings,
    hosts: {
      enabled: syncVms.length > 0,
      entries,
      guests,
      synced: pick('synced'),
      unchanged: pick('unchanged'),
      wouldChange: pick('would-change'),
      failed: pick('failed'),
      notAttempted,
    },
    ok: addresses.every((a) => a.address !== null) && duplicates.length === 0 && guests.every((g) => g.status !== 'failed'),
  };
}
