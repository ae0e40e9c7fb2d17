// The simulated host's state file (format `hyperv-converge-sim`, version 1): host facts, VMs with
// every observed field plus guest behaviour, test knobs and counters. Several sim agent processes
// (an apply pool) share one file, so every read-modify-write holds a lock file (O_EXCL) and writes
// through a temp file + rename.
import labHost from '../../../examples/lab/host.json' with { type: 'json' };
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import type { ObservedNeighbor, ObservedVm } from '../../core/model/observed.js';

export const SIM_FORMAT = 'hyperv-converge-sim';
export const SIM_VERSION = 1;

/** How the simulated guest behaves on the network and at shutdown. */
export interface SimGuest {
  /** Addresses the guest takes once booted (per first adapter). */
  ips: string[];
  /** How long after start the addresses appear, ms. */
  ipDelayMs: number;
  /** 'kvp': Hyper-V reports them on the adapter; 'arp': only the host neighbor table shows them; 'none': never. */
  via: 'kvp' | 'arp' | 'none';
  /** Add the junk real hosts report too (0.0.0.0, 169.254.x.x, fe80::). */
  noise: boolean;
  /** The guest ignores a graceful shutdown request. */
  ignoreShutdown: boolean;
}

export interface SimVm extends ObservedVm {
  guest: SimGuest;
  /** Epoch ms of the last start (drives IP appearance); null when off. */
  startedAt: number | null;
  /** A transitional state (Starting, Stopping, …) ends at this epoch ms, becoming `settlesTo`. */
  settlesAt: number | null;
  settlesTo: string | null;
}

export interface SimFile {
  sizeBytes: number;
  parentPath: string | null;
  /** Content hash of files the agent wrote (seed images). */
  sha256?: string;
}

export interface SimKnobs {
  /** Delay before the agent says hello, ms. */
  launchDelayMs: number;
  /** Latency per operation name (`default` for the rest), ms. */
  opLatencyMs: Record<string, number>;
  /** Extra observe latency per VM, ms. */
  observePerVmMs: number;
  /** 1-based global operation index (across all agent processes) that fails / crashes / hangs. */
  failAt: number | null;
  crashAt: number | null;
  hangAt: number | null;
  /** Start-up fails (exit 2 before hello) for every launch while true. */
  failLaunch: boolean;
}

export interface SimState {
  format: typeof SIM_FORMAT;
  version: typeof SIM_VERSION;
  host: {
    computerName: string;
    /** notes/nat as New-VMSwitch -Notes and NetNat would show them; absent for switches seeded without. */
    switches: { name: string; type: string; notes?: string; nat?: string | null }[];
    /** Existing folders (VM paths). */
    folders: string[];
    /** Existing files: base images and VM disks, by path. */
    files: Record<string, SimFile>;
    /** Host neighbor entries that exist regardless of guests. */
    neighbors: ObservedNeighbor[];
    /** Whether the current user may manage Hyper-V (doctor). */
    userIsHyperVAdmin: boolean;
  };
  vms: SimVm[];
  knobs: SimKnobs;
  stats: { launches: number; operations: number };
}

/** A seed: any part may be left out; VMs take defaults for what they do not say. */
export interface SimSeed {
  computerName?: string;
  switches?: { name: string; type?: string; notes?: string; nat?: string | null }[];
  folders?: string[];
  /** Base images (path → virtual size in bytes) and other files. */
  files?: Record<string, Partial<SimFile> & { sizeBytes: number }>;
  neighbors?: ObservedNeighbor[];
  userIsHyperVAdmin?: boolean;
  vms?: SimVmSeed[];
  knobs?: Partial<SimKnobs>;
}

export type SimVmSeed = Partial<Omit<SimVm, 'guest' | 'memory'>> & {
  name: string;
  memory?: Partial<SimVm['memory']>;
  guest?: Partial<SimGuest>;
  /** For a transitional seed state: it settles after this many ms (from seeding) into `settlesTo`. */
  settleAfterMs?: number;
};

export const KVP_SERVICE_NAME = 'Key-Value Pair Exchange';
const INTEGRATION_SERVICES = [
  { id: '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', name: 'Heartbeat' },
  { id: '2A34B1C2-FD73-4043-8A5B-DD2159BC743F', name: KVP_SERVICE_NAME },
  { id: '9F8233AC-BE49-4C79-8EE3-E7E1985B2077', name: 'Shutdown' },
  { id: '2497F4DE-E9FA-4204-80E4-4B75C46419C0', name: 'Time Synchronization' },
  { id: '5DED3ABA-20AC-4BE3-8B5F-C0CE1C2E6F72', name: 'VSS' },
];

export function defaultIntegrationServices(): ObservedVm['integrationServices'] {
  return INTEGRATION_SERVICES.map((s) => ({ id: s.id, name: s.name, enabled: true, status: 'OK' }));
}

export const DEFAULT_KNOBS: SimKnobs = { launchDelayMs: 0, opLatencyMs: {}, observePerVmMs: 0, failAt: null, crashAt: null, hangAt: null, failLaunch: false };

let macCounter = 0;
/** A dynamic MAC from Hyper-V's 00-15-5D range. */
export function newMac(): string {
  const n = (Date.now() ^ (process.pid << 8)) + macCounter++ * 7919;
  return ('00155D' + (n & 0xffffff).toString(16).padStart(6, '0')).toUpperCase();
}

const GiB = 1024 ** 3;

function seedVm(s: SimVmSeed, now: number): SimVm {
  const generation = s.generation ?? 2;
  const state = s.state ?? 'Off';
  const startupBytes = s.memory?.startupBytes ?? 2 * GiB;
  const dynamic = s.memory?.dynamic ?? false;
  return {
    id: (s.id ?? randomUUID()).toLowerCase(),
    name: s.name,
    state,
    generation,
    cpus: s.cpus ?? 2,
    memory: {
      dynamic,
      startupBytes,
      minimumBytes: s.memory?.minimumBytes ?? (dynamic ? 512 * 1024 ** 2 : startupBytes),
      maximumBytes: s.memory?.maximumBytes ?? (dynamic ? 1024 * GiB : startupBytes),
    },
    secureBoot: s.secureBoot === undefined ? (generation === 2 ? true : null) : s.secureBoot,
    notes: s.notes ?? '',
    path: s.path ?? `C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\${s.name}`,
    adapters: s.adapters ?? [{ name: 'Network Adapter', switch: null, mac: newMac(), dynamicMac: true, ips: [] }],
    disks: s.disks ?? [],
    checkpoints: s.checkpoints ?? [],
    integrationServices: s.integrationServices ?? defaultIntegrationServices(),
    guest: { ips: [], ipDelayMs: 0, via: 'kvp', noise: false, ignoreShutdown: false, ...(s.guest ?? {}) },
    startedAt: s.startedAt ?? (state === 'Running' ? now - 3_600_000 : null),
    settlesAt: s.settleAfterMs !== undefined ? now + s.settleAfterMs : (s.settlesAt ?? null),
    settlesTo: s.settlesTo ?? (state === 'Starting' ? 'Running' : state === 'Stopping' ? 'Off' : null),
    // A seeded VM keeps its secure boot template (the lab's Linux VMs carry MicrosoftUEFICertificateAuthority).
    ...(s.secureBootTemplate !== undefined ? { secureBootTemplate: s.secureBootTemplate } : {}),
    // So are DVD drives a seed lists (a VM holding an image in use).
    ...(s.dvdDrives !== undefined ? { dvdDrives: s.dvdDrives.map((d) => ({ ...d })) } : {}),
  };
}

/** Builds a complete state from a seed (pure; write it with writeSimState). */
export function buildSimState(seed: SimSeed = {}, now = Date.now()): SimState {
  const files: Record<string, SimFile> = {};
  for (const [p, f] of Object.entries(seed.files ?? {})) files[p] = { sizeBytes: f.sizeBytes, parentPath: f.parentPath ?? null };
  const vms = (seed.vms ?? []).map((v) => seedVm(v, now));
  for (const v of vms) for (const d of v.disks) files[d.path] ??= { sizeBytes: d.sizeBytes, parentPath: d.parentPath };
  return {
    format: SIM_FORMAT,
    version: SIM_VERSION,
    host: {
      computerName: seed.computerName ?? 'SIM-HV01',
      switches: (seed.switches ?? [{ name: 'Default Switch', type: 'Internal' }]).map((s) => ({ name: s.name, type: s.type ?? 'Internal', ...(s.notes !== undefined ? { notes: s.notes } : {}), ...(s.nat !== undefined ? { nat: s.nat } : {}) })),
      folders: seed.folders ?? [],
      files,
      neighbors: seed.neighbors ?? [],
      userIsHyperVAdmin: seed.userIsHyperVAdmin ?? true,
    },
    vms,
    knobs: { ...DEFAULT_KNOBS, ...(seed.knobs ?? {}) },
    stats: { launches: 0, operations: 0 },
  };
}

/** Writes a new state file from a seed (replacing any), returning the state. */
export function createSimState(file: string, seed: SimSeed = {}): SimState {
  const state = buildSimState(seed);
  writeSimState(file, state);
  return state;
}

/** Structural counts of this process's state-file reads (tests hold the read-ahead to them). */
export const simStateReads = { parsed: 0 };

/**
 * A parse of the state file made before a request needed it (the agent reads its host at start,
 * while its client still works: at 100,000 VMs that parse is most of an observe). It is handed out
 * once, and only to a read that finds the file holding the very bytes parsed, so a request never
 * sees a state older than itself (every writer replaces the file; a write in place is caught too).
 */
let ahead: { file: string; bytes: Buffer; parsed: unknown } | null = null;

/** Reads and parses the state file now, for the next read of it (a failure is left for that read to report). */
export function readSimStateAhead(file: string): void {
  ahead = null;
  try {
    const bytes = readFileSync(file);
    simStateReads.parsed++;
    ahead = { file, bytes, parsed: JSON.parse(bytes.toString('utf8')) };
  } catch {
    ahead = null;
  }
}

/**
 * True when the file holds exactly these bytes now. Read through one buffer of at most `chunkBytes`
 * and compared piece by piece: the whole-file copy it replaces was a second state-sized buffer on
 * the observe's path (8 MiB at 10,000 VMs), freshly mapped page by page. A file that grew past the
 * bytes (a read after their length returns more) is not the same.
 */
export function fileHoldsBytes(file: string, bytes: Buffer, chunkBytes = 1024 * 1024): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    if (fstatSync(fd).size !== bytes.length) return false;
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, bytes.length)));
    let at = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, at);
      if (n === 0) return at === bytes.length;
      if (at + n > bytes.length || chunk.compare(bytes, at, at + n, 0, n) !== 0) return false;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** The state read ahead, as readSimState would give it, left for that read (null: none, or unreadable). */
export function peekSimStateAhead(file: string): SimState | null {
  if (ahead === null || ahead.file !== file) return null;
  const s = ahead.parsed as Partial<SimState> | null;
  if (s === null || typeof s !== 'object' || s.format !== SIM_FORMAT || s.version !== SIM_VERSION || !Array.isArray(s.vms)) return null;
  return s as SimState;
}

/** The knobs now, read without writing anything (the counters file's, else the state file's). */
export function readSimKnobs(file: string): SimKnobs {
  const counters = readCounters(file);
  if (counters) return counters.knobs;
  return { ...DEFAULT_KNOBS, ...(peekSimStateAhead(file) ?? readSimState(file)).knobs };
}

function parseStateFile(file: string): unknown {
  const kept = ahead;
  ahead = null;
  if (kept !== null && kept.file === file && fileHoldsBytes(file, kept.bytes)) return kept.parsed;
  const bytes = readFileSync(file);
  simStateReads.parsed++;
  return JSON.parse(bytes.toString('utf8'));
}

export function readSimState(file: string): SimState {
  let v: unknown;
  try {
    v = parseStateFile(file);
  } catch (e) {
    throw new Error(`cannot read sim state ${file}: ${(e as Error).message}`);
  }
  const s = v as Partial<SimState>;
  if (s === null || typeof s !== 'object' || s.format !== SIM_FORMAT || s.version !== SIM_VERSION) throw new Error(`${file} is not a ${SIM_FORMAT} v${SIM_VERSION} state file`);
  const counters = readCounters(file);
  s.knobs = { ...DEFAULT_KNOBS, ...(counters?.knobs ?? s.knobs ?? {}) };
  s.stats = counters?.stats ?? s.stats ?? { launches: 0, operations: 0 };
  return s as SimState;
}

/**
 * Knobs and counters also live in a small file beside the state (`<file>.counters`), which wins
 * over the copy in the state file: every request counts itself, and rewriting a 10,000-VM state
 * file for that was most of the simulator's cost per request.
 */
export type SimCounters = Pick<SimState, 'knobs' | 'stats'>;
const countersFile = (file: string) => `${file}.counters`;

function readCounters(file: string): SimCounters | null {
  let text: string;
  try {
    text = readFileSync(countersFile(file), 'utf8');
  } catch {
    return null;
  }
  const c = JSON.parse(text) as SimCounters;
  return { knobs: { ...DEFAULT_KNOBS, ...c.knobs }, stats: c.stats };
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Atomic replace: temp file in the same folder, then rename (the counters file too). */
export function writeSimState(file: string, state: SimState): void {
  // Indented for a host a person reads; compact past 1,000 VMs, where every agent start parses it.
  writeAtomic(file, JSON.stringify(state, null, state.vms.length > 1000 ? undefined : 1));
  writeAtomic(countersFile(file), JSON.stringify({ knobs: state.knobs, stats: state.stats }));
}

// Short retries: a pool of agents contends for the lock on every request, and each holds it for a
// read and a write of a small file.
const LOCK_RETRY_MS = 1;
const LOCK_WAIT_MS = 30_000;
/** A lock older than this is from a crashed holder. */
const LOCK_STALE_MS = 60_000;

/** True when the lock names a pid that no longer runs on this machine (an empty lock is being written). */
function holderDead(lockFile: string): boolean {
  const text = readFileSync(lockFile, 'utf8').trim();
  // The holder writes its pid right after creating the lock: an empty lock older than a moment is
  // from a holder killed in between.
  if (text === '') return Date.now() - statSync(lockFile).mtimeMs > 2_000;
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the lock when its holder is gone. Breakers take turns under a second lock and look again
 * under it: without that, two waiters that both read the dead holder's lock could each unlink "it",
 * and the second would unlink the fresh lock the first had just taken (two holders; an update lost,
 * as seen with 8 agents breaking one lock). A breaker holds the guard for a read and an unlink; a
 * guard older than a few seconds is from a breaker that died there.
 */
function breakIfStale(lockFile: string): void {
  const guard = `${lockFile}.break`;
  try {
    closeSync(openSync(guard, 'wx'));
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5_000) unlinkSync(guard);
    } catch {
      /* released meanwhile */
    }
    return; // another waiter is breaking it: try the lock again
  }
  try {
    if (Date.now() - statSync(lockFile).mtimeMs > LOCK_STALE_MS || holderDead(lockFile)) unlinkSync(lockFile);
  } catch {
    /* released meanwhile */
  } finally {
    try {
      unlinkSync(guard);
    } catch {
      /* already gone */
    }
  }
}

async function lock(file: string): Promise<string> {
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      // The holder's pid in the lock: an agent killed while holding it (a client ending its pool
      // kills agents mid-request) leaves a lock nobody will release; a dead holder's lock is stale.
      const fd = openSync(lockFile, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return lockFile;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      breakIfStale(lockFile);
      if (Date.now() > deadline) throw new Error(`sim state ${file} stayed locked for ${LOCK_WAIT_MS} ms (remove ${lockFile} if no sim agent runs)`);
      await new Promise((r) => setTimeout(r, LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS));
    }
  }
}

/** Runs fn on the current state under the lock; the state fn leaves is written back. */
export async function updateSimState<T>(file: string, fn: (s: SimState) => T): Promise<T> {
  const lockFile = await lock(file);
  try {
    const s = readSimState(file);
    const out = fn(s);
    writeSimState(file, s);
    return out;
  } finally {
    try {
      unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  }
}

/** Runs fn on the knobs and counters only, under the state's lock: the VMs are not read or written. */
export async function updateSimCounters<T>(file: string, fn: (c: SimCounters) => T): Promise<T> {
  const lockFile = await lock(file);
  try {
    let c = readCounters(file);
    if (!c) {
      const s = readSimState(file);
      c = { knobs: s.knobs, stats: s.stats };
    }
    const out = fn(c);
    writeAtomic(countersFile(file), JSON.stringify(c));
    return out;
  } finally {
    try {
      unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  }
}

/**
 * The lab host: the recorded examples/lab/host.json that the CLI's embedded example plans against.
 * The action's sim backend seeds the very same host when its state file is missing.
 */
export function labSeed(): SimSeed {
  return structuredClone(labHost) as SimSeed;
}

export function ensureSimState(file: string): void {
  if (!existsSync(file)) createSimState(file, labSeed());
}
