// What the simulated host does for each protocol operation, on the in-memory state. Pure apart from
// the clock passed in: the agent loop handles the file, the lock, knobs and latency. Behaves as
// Hyper-V does where the plan depends on it: power-state rules, memory bounds, disk files.
import { createHash, randomUUID } from 'node:crypto';
import { MAX_SEED_IMAGE_BYTES, SETTINGS_KEYS } from '../../agent/protocol.js';
import { KVP_SERVICE_GUID } from '../../core/model/guest.js';
import type { ObservedNeighbor, ObservedVm } from '../../core/model/observed.js';
import type { AgentErrorCode } from '../../core/ports.js';
import type { AdapterSpec, CreateVmArgs, DataDiskSpec, DvdSpec, SettingsSpec } from '../../core/plan/operations.js';
import { defaultIntegrationServices, newMac, type SimState, type SimVm } from './state.js';

export class SimError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Args = Record<string, unknown>;
const MiB = 1024 ** 2;

/** Ends transitional states whose time has come. */
export function settle(s: SimState, now: number): void {
  for (const vm of s.vms) {
    if (vm.settlesAt !== null && vm.settlesTo && now >= vm.settlesAt) {
      vm.state = vm.settlesTo;
      if (vm.state === 'Running') vm.startedAt ??= vm.settlesAt;
      if (vm.state === 'Off') vm.startedAt = null;
      vm.settlesAt = null;
      vm.settlesTo = null;
    }
  }
}

function ipsUp(vm: SimVm, now: number): boolean {
  return vm.state === 'Running' && vm.startedAt !== null && now - vm.startedAt >= vm.guest.ipDelayMs;
}

/** Addresses Hyper-V would report on the VM's first adapter (KVP tier). */
function kvpIps(vm: SimVm, now: number): string[] {
  if (!ipsUp(vm, now) || vm.guest.via !== 'kvp') return [];
  const kvp = vm.integrationServices.find((x) => x.id.toUpperCase() === KVP_SERVICE_GUID);
  if (!kvp || !kvp.enabled) return [];
  return vm.guest.noise ? ['0.0.0.0', ...vm.guest.ips, '169.254.12.34', 'fe80::215:5dff:fe00:1'] : [...vm.guest.ips];
}

function hostNeighbors(s: SimState, now: number): ObservedNeighbor[] {
  const out = [...s.host.neighbors];
  for (const vm of s.vms) {
    const a = vm.adapters[0];
    if (!a || !ipsUp(vm, now) || vm.guest.via === 'none') continue;
    for (const ip of vm.guest.ips) out.push({ ip, mac: a.mac, state: 'Reachable' });
    if (vm.guest.noise) out.push({ ip: '169.254.7.7', mac: a.mac, state: 'Stale' });
  }
  return out;
}

/**
 * A VM as observe reports it. The answer shares the state's own objects (memory, disks, adapters
 * whose reported addresses are the stored ones, …) instead of copying them: a query answers from a
 * snapshot read for it alone, serialized before anything else runs, so nothing changes them while
 * they are shared. Copies were most of observe's allocations (eight objects per VM).
 */
function observedVm(vm: SimVm, now: number): ObservedVm {
  const ips = kvpIps(vm, now);
  const out: ObservedVm = {
    id: vm.id,
    name: vm.name,
    state: vm.state,
    generation: vm.generation,
    cpus: vm.cpus,
    memory: vm.memory,
    secureBoot: vm.secureBoot,
    notes: vm.notes,
    path: vm.path,
    adapters: reportedAdapters(vm.adapters, ips),
    disks: vm.disks,
    checkpoints: vm.checkpoints,
    integrationServices: vm.integrationServices,
  };
  // The wider surface, as far as this VM's state records it (older state files lack it). Set key
  // by key: an Object.fromEntries spread allocated two arrays and an object for every VM.
  if (vm.dvdDrives !== undefined) out.dvdDrives = vm.dvdDrives;
  for (const k of SETTINGS_KEYS) if (vm[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = vm[k];
  return out;
}

/** observe's host part: what it reports of the host and of the paths it is asked about. */
export function observedHost(s: SimState, args: unknown, now: number): unknown {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new SimError('invalid-request', 'observe: args must be an object');
  const a = args as Args;
  const paths = strings(a, 'paths');
  const hashes = a.hashes === undefined ? [] : strings(a, 'hashes');
  settle(s, now);
  return {
    computerName: s.host.computerName,
    switches: s.host.switches.map((w) => ({ ...w })),
    // A virtual disk (.vhd/.vhdx) reports its virtual size, as the Hyper-V agent reports Get-VHD's
    // Size; other files (an ISO) report none.
    paths: paths.map((p) => ({
      path: p,
      exists: s.host.folders.includes(p) || p in s.host.files,
      ...(p in s.host.files && /\.vhdx?$/i.test(p) ? { sizeBytes: s.host.files[p]!.sizeBytes } : {}),
      // Get-FileHash of the file when asked; a file the sim did not write has no known content.
      ...(hashes.includes(p) ? { sha256: s.host.files[p]?.sha256 ?? null } : {}),
    })),
    neighbors: a.neighbors === true ? hostNeighbors(s, now) : [],
  };
}

/**
 * observe's VM part as of `now`, when no VM's part can change at a later time unless the state does:
 * no VM has a transition still to settle (settle; one due already is not settled here, since the
 * state is shared with the request, which settles by its own clock), and no running VM's guest
 * addresses are still to come up (ipsUp). Then the answer at any later time, from the same state,
 * is this one. null when some VM's part still depends on the time. Reads the state, changes nothing.
 */
export function observedVmsSettled(s: SimState, now: number): ObservedVm[] | null {
  for (const vm of s.vms) {
    if (vm.settlesAt !== null) return null;
    if (vm.state === 'Running' && vm.startedAt !== null && !ipsUp(vm, now)) return null;
  }
  return s.vms.map((vm) => observedVm(vm, now));
}

/** The adapters with the addresses Hyper-V reports (the KVP tier's on the first, none on others). */
function reportedAdapters(adapters: SimVm['adapters'], ips: string[]): SimVm['adapters'] {
  for (let i = 0; i < adapters.length; i++) {
    const a = adapters[i]!;
    // (A seed may leave an adapter's addresses out: reported as none.)
    if (!(Array.isArray(a.ips) && a.ips.length === 0) || (i === 0 && ips.length !== 0)) return adapters.map((x, j) => ({ ...x, ips: j === 0 ? ips : [] }));
  }
  return adapters; // every adapter already holds what is reported: none
}

function str(a: Args, k: string): string {
  const v = a[k];
  if (typeof v !== 'string') throw new SimError('invalid-request', `argument ${k} must be a string`);
  return v;
}
function int(a: Args, k: string): number {
  const v = a[k];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new SimError('invalid-request', `argument ${k} must be an integer`);
  return v;
}
function bool(a: Args, k: string): boolean {
  const v = a[k];
  if (typeof v !== 'boolean') throw new SimError('invalid-request', `argument ${k} must be a boolean`);
  return v;
}
function strings(a: Args, k: string): string[] {
  const v = a[k];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new SimError('invalid-request', `argument ${k} must be an array of strings`);
  return v as string[];
}

function findVm(s: SimState, a: Args): SimVm {
  const id = str(a, 'id').toLowerCase();
  const vm = s.vms.find((v) => v.id === id);
  if (!vm) throw new SimError('not-found', `Hyper-V was unable to find a virtual machine with id "${id}" (${String(a.name)}).`);
  return vm;
}

function requireOff(vm: SimVm, what: string): void {
  if (vm.state !== 'Off')
    throw new SimError('invalid-state', `'${vm.name}' failed to modify ${what}: the operation cannot be performed while the virtual machine is in its current state (${vm.state}).`);
}

function checkMemory(m: { dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number }): void {
  for (const [k, v] of Object.entries(m)) {
    if (k === 'dynamic') continue;
    if (typeof v !== 'number' || v < 32 * MiB || v % (2 * MiB) !== 0)
      throw new SimError('invalid-argument', `memory ${k} ${String(v)} is invalid: it must be at least 32 MB and a multiple of 2 MB.`);
  }
  if (m.dynamic && !(m.minimumBytes <= m.startupBytes && m.startupBytes <= m.maximumBytes))
    throw new SimError('invalid-argument', `dynamic memory needs minimum ≤ startup ≤ maximum (got ${m.minimumBytes} / ${m.startupBytes} / ${m.maximumBytes}).`);
}

function normalizeMacArg(v: string): string {
  const m = v.replace(/[-:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{12}$/.test(m)) throw new SimError('invalid-argument', `'${v}' is not a valid MAC address.`);
  return m;
}

function create(s: SimState, a: CreateVmArgs, now: number): unknown {
  if (typeof a?.name !== 'string' || a.name === '') throw new SimError('invalid-request', 'vm.create needs a name');
  if (a.generation !== 1 && a.generation !== 2) throw new SimError('invalid-argument', `generation ${String(a.generation)} is not 1 or 2`);
  if (!Number.isSafeInteger(a.cpus) || a.cpus < 1 || a.cpus > 240) throw new SimError('invalid-argument', `processor count ${a.cpus} is out of range 1..240`);
  const memory = a.memory.dynamic ? { ...a.memory } : { ...a.memory, minimumBytes: a.memory.startupBytes, maximumBytes: a.memory.startupBytes };
  checkMemory(memory);
  if (a.switch !== null && !s.host.switches.some((w) => w.name === a.switch)) throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${a.switch}".`);
  if (a.generation === 1 && a.secureBoot) throw new SimError('invalid-argument', 'secure boot needs a generation 2 VM');
  const disks: SimVm['disks'] = [];
  if (a.disk) {
    const image = s.host.files[a.disk.image];
    if (!image) throw new SimError('not-found', `The base image '${a.disk.image}' does not exist.`);
    if (s.host.files[a.disk.path]) throw new SimError('invalid-argument', `The file '${a.disk.path}' already exists.`);
    const size = a.disk.sizeBytes ?? image.sizeBytes;
    if (size < image.sizeBytes) throw new SimError('invalid-argument', `disk size ${size} is smaller than the image (${image.sizeBytes}); disks only grow`);
    const parentPath = a.disk.strategy === 'differencing' ? a.disk.image : null;
    s.host.files[a.disk.path] = { sizeBytes: size, parentPath };
    disks.push({ path: a.disk.path, sizeBytes: size, parentPath });
  }
  // New-VM -Path P keeps the VM's files in P\<name>, and that folder is the VM's Path (Learn: New-VM -Path).
  const folder = `${a.path.replace(/[\\/]+$/, '')}\\${a.name}`;
  for (const f of [a.path, folder]) if (!s.host.folders.includes(f)) s.host.folders.push(f);
  if (disks[0]) Object.assign(disks[0], a.generation === 2 ? { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 } : { controllerType: 'IDE', controllerNumber: 0, controllerLocation: 0 });
  const adapters: SimVm['adapters'] = a.adapters
    ? a.adapters.map((x) => newAdapter(s, x))
    : [{ name: 'Network Adapter', switch: a.switch, mac: a.mac ? normalizeMacArg(a.mac) : newMac(), dynamicMac: !a.mac, ips: [], vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false }];
  const vm: SimVm = {
    id: randomUUID(),
    name: a.name,
    state: 'Off',
    generation: a.generation,
    cpus: a.cpus,
    memory,
    secureBoot: a.generation === 2 ? (a.secureBoot ?? true) : null,
    notes: a.notes,
    path: folder,
    adapters,
    disks,
    checkpoints: [],
    integrationServices: defaultIntegrationServices(),
    guest: { ips: [], ipDelayMs: 0, via: 'kvp', noise: false, ignoreShutdown: false },
    startedAt: null,
    settlesAt: null,
    settlesTo: null,
    // Hyper-V's defaults for a new VM (New-VM): no TPM, Windows template, production checkpoints,
    // start if it was running, save on host shutdown.
    dvdDrives: [],
    tpm: a.generation === 2 ? false : null,
    secureBootTemplate: a.generation === 2 ? 'MicrosoftWindows' : null,
    nestedVirtualization: false,
    checkpointType: 'Production',
    automaticStartAction: 'StartIfRunning',
    automaticStartDelaySec: 0,
    automaticStopAction: 'Save',
    compatibilityForMigration: false,
    memoryWeight: 5000,
    memoryBuffer: 20,
    firstBootDevice: a.generation === 2 ? 'HardDisk' : 'DvdDrive',
  };
  void now;
  for (const d of a.dataDisks ?? []) addDisk(s, vm, d);
  for (const d of a.dvdDrives ?? []) addDvd(s, vm, d);
  if (a.settings) applySettings(vm, a.settings);
  if (a.integrationServices) setServices(vm, a.integrationServices);
  s.vms.push(vm);
  return { id: vm.id, name: vm.name };
}

type Slot = { controllerType: 'SCSI' | 'IDE'; controllerNumber: number; controllerLocation: number };
const slotKey = (x: Partial<Slot>): string => `${x.controllerType}:${x.controllerNumber}:${x.controllerLocation}`;

function slotArg(a: Args): Slot {
  const t = str(a, 'controllerType');
  if (t !== 'SCSI' && t !== 'IDE') throw new SimError('invalid-argument', `controller type '${t}' is not SCSI or IDE`);
  return { controllerType: t, controllerNumber: int(a, 'controllerNumber'), controllerLocation: int(a, 'controllerLocation') };
}

function checkSlot(vm: SimVm, slot: Slot): void {
  if (slot.controllerType === 'IDE' && vm.generation === 2) throw new SimError('invalid-argument', `'${vm.name}' is generation 2: it has no IDE controller.`);
  if (slot.controllerType === 'IDE' && (slot.controllerNumber > 1 || slot.controllerLocation > 1)) throw new SimError('invalid-argument', `IDE ${slot.controllerNumber}:${slot.controllerLocation} does not exist (IDE has controllers 0-1, locations 0-1).`);
  if (slot.controllerType === 'SCSI' && (slot.controllerNumber > 3 || slot.controllerLocation > 63)) throw new SimError('invalid-argument', `SCSI ${slot.controllerNumber}:${slot.controllerLocation} does not exist.`);
  const taken = [...vm.disks, ...(vm.dvdDrives ?? [])].some((x) => slotKey(x) === slotKey(slot));
  if (taken) throw new SimError('invalid-argument', `'${vm.name}' already has a drive at ${slot.controllerType} ${slot.controllerNumber}:${slot.controllerLocation}.`);
}

function newAdapter(s: SimState, x: AdapterSpec): SimVm['adapters'][number] {
  if (x.switch !== null && !s.host.switches.some((w) => w.name === x.switch)) throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${x.switch}".`);
  return {
    name: x.name,
    switch: x.switch,
    mac: x.mac ? normalizeMacArg(x.mac) : newMac(),
    dynamicMac: !x.mac,
    ips: [],
    vlan: x.vlan ?? null,
    macSpoofing: x.macSpoofing ?? false,
    dhcpGuard: x.dhcpGuard ?? false,
    routerGuard: x.routerGuard ?? false,
  };
}

/** Add-VMHardDiskDrive (after New-VHD -Dynamic for a new disk): the file must exist or be made. */
function addDisk(s: SimState, vm: SimVm, d: DataDiskSpec): void {
  const slot = slotArg(d as unknown as Args);
  checkSlot(vm, slot);
  if (d.sizeBytes === null) {
    const f = s.host.files[d.path];
    if (!f) throw new SimError('not-found', `The file '${d.path}' does not exist.`);
    vm.disks.push({ path: d.path, sizeBytes: f.sizeBytes, parentPath: f.parentPath, ...slot });
    return;
  }
  if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes <= 0) throw new SimError('invalid-argument', `disk size ${d.sizeBytes} is invalid`);
  if (s.host.files[d.path]) throw new SimError('invalid-argument', `The file '${d.path}' already exists.`);
  s.host.files[d.path] = { sizeBytes: d.sizeBytes, parentPath: null };
  vm.disks.push({ path: d.path, sizeBytes: d.sizeBytes, parentPath: null, ...slot });
}

function addDvd(s: SimState, vm: SimVm, d: DvdSpec): void {
  const slot = slotArg(d as unknown as Args);
  checkSlot(vm, slot);
  if (d.path !== null && !s.host.files[d.path]) throw new SimError('not-found', `The file '${d.path}' does not exist.`);
  (vm.dvdDrives ??= []).push({ ...slot, path: d.path });
}

const OFFLINE_SETTINGS = ['tpm', 'secureBootTemplate', 'nestedVirtualization', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'firstBootDevice'];
const SETTING_VALUES: Record<string, readonly unknown[] | 'bool' | 'seconds' | 'weight' | 'buffer'> = {
  tpm: 'bool',
  secureBootTemplate: ['MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM'],
  nestedVirtualization: 'bool',
  checkpointType: ['Standard', 'Production', 'ProductionOnly', 'Disabled'],
  automaticStartAction: ['Nothing', 'StartIfRunning', 'Start'],
  automaticStartDelaySec: 'seconds',
  automaticStopAction: ['TurnOff', 'Save', 'ShutDown'],
  compatibilityForMigration: 'bool',
  memoryWeight: 'weight',
  memoryBuffer: 'buffer',
  firstBootDevice: ['HardDisk', 'DvdDrive', 'NetworkAdapter'],
};

/** Enable-/Disable-VMIntegrationService by id; an unknown id is not-found (never matched by name). */
function setServices(vm: SimVm, services: { id: string; enabled: boolean }[]): boolean {
  let changed = false;
  for (const x of services) {
    if (typeof x?.id !== 'string' || typeof x.enabled !== 'boolean') throw new SimError('invalid-request', 'services must be [{ id, enabled }]');
    const svc = vm.integrationServices.find((s) => s.id.toUpperCase() === x.id.toUpperCase());
    if (!svc) throw new SimError('not-found', `'${vm.name}' has no integration service with id ${x.id}.`);
    if (svc.enabled !== x.enabled) changed = true;
    svc.enabled = x.enabled;
  }
  return changed;
}

function applySettings(vm: SimVm, settings: SettingsSpec): void {
  for (const [k, v] of Object.entries(settings)) {
    const allowed = SETTING_VALUES[k];
    if (allowed === undefined) throw new SimError('invalid-request', `unknown setting '${k}'`);
    const int = (lo: number, hi: number): boolean => Number.isSafeInteger(v) && (v as number) >= lo && (v as number) <= hi;
    const ok =
      allowed === 'bool' ? typeof v === 'boolean' : allowed === 'seconds' ? int(0, 86400) : allowed === 'weight' ? int(0, 10000) && (v as number) % 100 === 0 /* Set-VMMemory -Priority 0..100 (Learn) */ : allowed === 'buffer' ? int(5, 2000) : allowed.includes(v);
    if (!ok) throw new SimError('invalid-argument', `${k} cannot be ${JSON.stringify(v)}`);
    if ((k === 'tpm' || k === 'secureBootTemplate') && vm.generation !== 2) throw new SimError('invalid-argument', `'${vm.name}' is generation 1: ${k} needs generation 2.`);
    if (k === 'memoryBuffer' && !vm.memory.dynamic) throw new SimError('invalid-argument', `'${vm.name}' has static memory: the memory buffer applies to dynamic memory only.`);
  }
  for (const [k, v] of Object.entries(settings)) (vm as unknown as Record<string, unknown>)[k] = v;
}

/** Applies one operation to the state. Throws SimError with the code Hyper-V's failure maps to. */
export function simOperation(s: SimState, op: string, args: unknown, now: number): unknown {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new SimError('invalid-request', `${op}: args must be an object`);
  const a = args as Args;
  settle(s, now);
  switch (op) {
    case 'observe':
      return { host: observedHost(s, a, now), vms: s.vms.map((vm) => observedVm(vm, now)) };
    case 'guest.addresses': {
      const ids = strings(a, 'ids').map((x) => x.toLowerCase());
      return {
        vms: s.vms
          .filter((vm) => ids.includes(vm.id))
          .map((vm) => {
            const kvp = vm.integrationServices.find((x) => x.id.toUpperCase() === KVP_SERVICE_GUID);
            const ips = kvpIps(vm, now);
            return {
              id: vm.id,
              name: vm.name,
              state: vm.state,
              adapters: vm.adapters.map((ad, i) => ({ name: ad.name, mac: ad.mac, ips: i === 0 ? ips : [] })),
              kvp: kvp ? { enabled: kvp.enabled, status: vm.state === 'Running' && vm.guest.via === 'kvp' ? kvp.status : 'No Contact' } : null,
            };
          }),
        neighbors: a.neighbors === true ? hostNeighbors(s, now) : [],
      };
    }
    case 'doctor': {
      const paths = strings(a, 'paths');
      const images = strings(a, 'images');
      const switches = strings(a, 'switches');
      const checks = [
        { id: 'hyperv-module', ok: true, message: 'Hyper-V PowerShell module is available (simulated)', fix: null },
        { id: 'vmms', ok: true, message: 'Hyper-V Virtual Machine Management service is running (simulated)', fix: null },
        {
          id: 'permission',
          ok: s.host.userIsHyperVAdmin,
          message: s.host.userIsHyperVAdmin ? 'user may manage Hyper-V' : 'user is neither an administrator nor in Hyper-V Administrators',
          fix: s.host.userIsHyperVAdmin ? null : 'Add-LocalGroupMember -SID S-1-5-32-578 -Member <user>, then sign in again',
        },
        ...switches.map((w) => {
          const ok = s.host.switches.some((x) => x.name === w);
          return { id: `switch:${w}`, ok, message: ok ? `switch '${w}' exists` : `switch '${w}' does not exist`, fix: ok ? null : `New-VMSwitch -Name '${w}' -SwitchType Internal (or fix the switch name in the config)` };
        }),
        ...images.map((p) => {
          const ok = p in s.host.files;
          return { id: `image:${p}`, ok, message: ok ? `base image '${p}' exists` : `base image '${p}' does not exist`, fix: ok ? null : `copy the base image to '${p}' (or fix the image path in the config)` };
        }),
        ...paths.map((p) => {
          const ok = s.host.folders.includes(p);
          return { id: `path:${p}`, ok, message: ok ? `'${p}' exists and is writable` : `'${p}' does not exist`, fix: ok ? null : `New-Item -ItemType Directory -Path '${p}'` };
        }),
      ];
      return { checks };
    }
    case 'vm.create':
      return create(s, a as unknown as CreateVmArgs, now);
    case 'vm.start': {
      const vm = findVm(s, a);
      if (vm.state === 'Running') return { state: vm.state, changed: false };
      if (vm.state !== 'Off' && vm.state !== 'Saved' && vm.state !== 'Paused') throw new SimError('invalid-state', `'${vm.name}' cannot start while ${vm.state}.`);
      if (vm.state === 'Off') vm.startedAt = now;
      vm.state = 'Running';
      return { state: vm.state, changed: true };
    }
    case 'vm.stop': {
      const vm = findVm(s, a);
      const timeoutSec = int(a, 'timeoutSec');
      const turnOff = bool(a, 'turnOffAfterTimeout');
      if (vm.state === 'Off') return { state: 'Off', changed: false, turnedOff: false };
      if (vm.state === 'Saved' || vm.state === 'Paused') {
        if (!turnOff) throw new SimError('invalid-state', `'${vm.name}' is ${vm.state}: reaching Off discards its memory state, which needs turning off to be allowed.`);
        vm.state = 'Off';
        vm.startedAt = null;
        return { state: 'Off', changed: true, turnedOff: true };
      }
      if (vm.state !== 'Running') throw new SimError('invalid-state', `'${vm.name}' is ${vm.state}, not Running: a graceful stop is not possible.`);
      if (vm.guest.ignoreShutdown) {
        if (!turnOff) throw new SimError('timeout', `'${vm.name}' did not shut down within ${timeoutSec} s and turning it off is not allowed.`);
        vm.state = 'Off';
        vm.startedAt = null;
        return { state: 'Off', changed: true, turnedOff: true };
      }
      vm.state = 'Off';
      vm.startedAt = null;
      return { state: 'Off', changed: true, turnedOff: false };
    }
    case 'vm.setCpus': {
      const vm = findVm(s, a);
      const count = int(a, 'count');
      if (count < 1 || count > 240) throw new SimError('invalid-argument', `processor count ${count} is out of range 1..240`);
      if (count === vm.cpus) return { changed: false };
      requireOff(vm, 'processor count');
      vm.cpus = count;
      return { changed: true };
    }
    case 'vm.setMemory': {
      const vm = findVm(s, a);
      const m = { dynamic: bool(a, 'dynamic'), startupBytes: int(a, 'startupBytes'), minimumBytes: int(a, 'minimumBytes'), maximumBytes: int(a, 'maximumBytes') };
      if (!m.dynamic) m.minimumBytes = m.maximumBytes = m.startupBytes;
      checkMemory(m);
      const cur = vm.memory;
      if (m.dynamic === cur.dynamic && m.startupBytes === cur.startupBytes && (!m.dynamic || (m.minimumBytes === cur.minimumBytes && m.maximumBytes === cur.maximumBytes))) return { changed: false };
      if (vm.state !== 'Off' && vm.state !== 'Running')
        throw new SimError('invalid-state', `'${vm.name}' is ${vm.state}: memory changes need it Off (or Running, for the dynamic range only).`);
      if (vm.state !== 'Off') {
        if (m.dynamic !== vm.memory.dynamic) requireOff(vm, m.dynamic ? 'memory (enable dynamic memory)' : 'memory (disable dynamic memory)');
        if (m.startupBytes !== vm.memory.startupBytes) requireOff(vm, 'memory (startup size)');
        // Online, a running VM's dynamic range may only widen (Hyper-V: raise maximum, lower minimum).
        if (m.minimumBytes > vm.memory.minimumBytes || m.maximumBytes < vm.memory.maximumBytes)
          throw new SimError('invalid-state', `'${vm.name}': the dynamic memory range can only be widened while the virtual machine is running.`);
      }
      vm.memory = m;
      return { changed: true };
    }
    case 'vm.setSecureBoot': {
      const vm = findVm(s, a);
      const enabled = bool(a, 'enabled');
      if (vm.generation !== 2) throw new SimError('invalid-argument', `'${vm.name}' is generation 1: secure boot needs generation 2.`);
      if (vm.secureBoot === enabled) return { changed: false };
      requireOff(vm, 'firmware (secure boot)');
      vm.secureBoot = enabled;
      return { changed: true };
    }
    case 'vm.connectSwitch': {
      const vm = findVm(s, a);
      const sw = a.switch === null ? null : str(a, 'switch');
      const ad = a.adapter === null || a.adapter === undefined ? vm.adapters[0] : vm.adapters.find((x) => x.name === a.adapter);
      if (!ad) throw new SimError('not-found', `'${vm.name}' has no network adapter${a.adapter ? ` named '${String(a.adapter)}'` : ''}.`);
      if (sw !== null && !s.host.switches.some((w) => w.name === sw)) throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${sw}".`);
      ad.switch = sw;
      return { changed: true };
    }
    case 'vm.setMac': {
      const vm = findVm(s, a);
      const ad = a.adapter === null || a.adapter === undefined ? vm.adapters[0] : vm.adapters.find((x) => x.name === a.adapter);
      if (!ad) throw new SimError('not-found', `'${vm.name}' has no network adapter${a.adapter ? ` named '${String(a.adapter)}'` : ''}.`);
      requireOff(vm, 'network adapter (MAC address)');
      if (a.mac === null) ad.dynamicMac = true;
      else {
        ad.mac = normalizeMacArg(str(a, 'mac'));
        ad.dynamicMac = false;
      }
      return { changed: true };
    }
    case 'vm.setNotes': {
      const vm = findVm(s, a);
      vm.notes = str(a, 'notes');
      return { changed: true };
    }
    case 'vm.checkpoint': {
      const vm = findVm(s, a);
      const c = { id: randomUUID(), name: str(a, 'checkpointName') };
      vm.checkpoints.push(c);
      return c;
    }
    case 'vm.remove': {
      const vm = findVm(s, a);
      const deleteDisks = bool(a, 'deleteDisks');
      if (vm.state !== 'Off') requireOff(vm, 'configuration (remove)');
      s.vms = s.vms.filter((v) => v !== vm);
      const paths = vm.disks.map((d) => d.path);
      if (deleteDisks) for (const p of paths) delete s.host.files[p];
      return { deletedDisks: deleteDisks ? paths : [], keptDisks: deleteDisks ? [] : paths };
    }
    case 'disk.grow': {
      const vm = findVm(s, a);
      const path = str(a, 'path');
      const size = int(a, 'sizeBytes');
      const f = s.host.files[path];
      const d = vm.disks.find((x) => x.path === path);
      if (!f || !d) throw new SimError('not-found', `The disk '${path}' of '${vm.name}' does not exist.`);
      if (size < f.sizeBytes) throw new SimError('invalid-argument', `disk '${path}' is ${f.sizeBytes} bytes: disks only grow (asked ${size}).`);
      f.sizeBytes = size;
      d.sizeBytes = size;
      return { sizeBytes: size, changed: true };
    }
    case 'vm.addAdapter': {
      const vm = findVm(s, a);
      const spec = a.adapter as AdapterSpec;
      if (typeof spec?.name !== 'string') throw new SimError('invalid-request', 'adapter.name must be a string');
      // Hot add works on generation 2 only (Windows Server 2016 and later).
      if (vm.generation === 1) requireOff(vm, 'network adapters (add)');
      if (vm.adapters.some((x) => x.name.toLowerCase() === spec.name.toLowerCase())) throw new SimError('invalid-argument', `'${vm.name}' already has an adapter named '${spec.name}'.`);
      vm.adapters.push(newAdapter(s, spec));
      return { changed: true };
    }
    case 'vm.removeAdapter': {
      const vm = findVm(s, a);
      const name = str(a, 'adapter');
      if (vm.generation === 1) requireOff(vm, 'network adapters (remove)');
      const before = vm.adapters.length;
      vm.adapters = vm.adapters.filter((x) => x.name !== name);
      if (vm.adapters.length === before) throw new SimError('not-found', `'${vm.name}' has no network adapter named '${name}'.`);
      return { changed: true };
    }
    case 'vm.setAdapter': {
      const vm = findVm(s, a);
      const ad = a.adapter === null || a.adapter === undefined ? vm.adapters[0] : vm.adapters.find((x) => x.name === a.adapter);
      if (!ad) throw new SimError('not-found', `'${vm.name}' has no network adapter${a.adapter ? ` named '${String(a.adapter)}'` : ''}.`);
      if (a.vlan !== undefined) {
        if (a.vlan !== null && (typeof a.vlan !== 'number' || !Number.isInteger(a.vlan) || a.vlan < 1 || a.vlan > 4094)) throw new SimError('invalid-argument', `VLAN id ${String(a.vlan)} is out of range 1..4094`);
        ad.vlan = a.vlan as number | null;
      }
      for (const k of ['macSpoofing', 'dhcpGuard', 'routerGuard'] as const) if (a[k] !== undefined) ad[k] = bool(a, k);
      return { changed: true };
    }
    case 'disk.add': {
      const vm = findVm(s, a);
      const slot = slotArg(a);
      // SCSI disks attach to a running VM; IDE only when it is off (and generation 2 has none at all).
      if (slot.controllerType === 'IDE' && vm.generation === 2) throw new SimError('invalid-argument', `'${vm.name}' is generation 2: it has no IDE controller.`);
      if (slot.controllerType === 'IDE') requireOff(vm, 'IDE controller (add disk)');
      addDisk(s, vm, { ...slot, path: str(a, 'path'), sizeBytes: a.sizeBytes === null ? null : int(a, 'sizeBytes') });
      return { changed: true };
    }
    case 'disk.detach': {
      const vm = findVm(s, a);
      const slot = slotArg(a);
      if (slot.controllerType === 'IDE') requireOff(vm, 'IDE controller (remove disk)');
      const before = vm.disks.length;
      vm.disks = vm.disks.filter((x) => slotKey(x) !== slotKey(slot));
      if (vm.disks.length === before) throw new SimError('not-found', `'${vm.name}' has no disk at ${slotKey(slot)}.`);
      return { changed: true, keptFile: str(a, 'path') };
    }
    case 'dvd.add': {
      const vm = findVm(s, a);
      requireOff(vm, 'DVD drives (add)');
      addDvd(s, vm, { ...slotArg(a), path: a.path === null ? null : str(a, 'path') });
      return { changed: true };
    }
    case 'dvd.set': {
      const vm = findVm(s, a);
      const slot = slotArg(a);
      const drive = (vm.dvdDrives ?? []).find((x) => slotKey(x) === slotKey(slot));
      if (!drive) throw new SimError('not-found', `'${vm.name}' has no DVD drive at ${slotKey(slot)}.`);
      const path = a.path === null ? null : str(a, 'path');
      if (path !== null && !s.host.files[path]) throw new SimError('not-found', `The file '${path}' does not exist.`);
      drive.path = path; // a media change is online
      return { changed: true };
    }
    case 'seed.write': {
      const path = str(a, 'path');
      const sha = str(a, 'sha256');
      const size = int(a, 'sizeBytes');
      const b64 = str(a, 'contentBase64');
      if (size < 0 || size > MAX_SEED_IMAGE_BYTES || b64.length > 4 * Math.ceil(MAX_SEED_IMAGE_BYTES / 3)) throw new SimError('invalid-argument', `a seed image may hold at most ${MAX_SEED_IMAGE_BYTES} bytes (asked ${size})`);
      const content = Buffer.from(b64, 'base64');
      if (content.length !== size) throw new SimError('invalid-argument', `the seed content is ${content.length} bytes, not ${size}`);
      if (createHash('sha256').update(content).digest('hex') !== sha) throw new SimError('invalid-argument', `the seed content does not match sha256 ${sha}`);
      // A running VM holds its inserted image open: writing over it fails as on a real host.
      const user = s.vms.find((v) => v.state !== 'Off' && (v.dvdDrives ?? []).some((x) => x.path !== null && x.path.toLowerCase() === path.toLowerCase()));
      if (user) throw new SimError('invalid-state', `The process cannot access the file '${path}' because it is being used by another process (VM '${user.name}').`);
      const folder = path.slice(0, path.lastIndexOf('\\'));
      if (folder && !s.host.folders.includes(folder)) s.host.folders.push(folder);
      s.host.files[path] = { sizeBytes: content.length, parentPath: null, sha256: sha };
      return { changed: true, sizeBytes: content.length };
    }
    case 'vm.setSettings': {
      const vm = findVm(s, a);
      const settings = a.settings;
      if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new SimError('invalid-request', 'settings must be an object');
      const cur = vm as unknown as Record<string, unknown>;
      const changing = Object.entries(settings).filter(([k, v]) => cur[k] !== v).map(([k]) => k);
      const offline = changing.filter((k) => OFFLINE_SETTINGS.includes(k));
      if (offline.length) requireOff(vm, offline.join(', '));
      applySettings(vm, settings as SettingsSpec);
      return { changed: changing.length > 0 };
    }
    case 'vm.setIntegrationServices': {
      const vm = findVm(s, a);
      if (!Array.isArray(a.services)) throw new SimError('invalid-request', 'services must be an array');
      return { changed: setServices(vm, a.services as { id: string; enabled: boolean }[]) };
    }
    case 'switch.create': {
      const name = str(a, 'name');
      const type = str(a, 'type');
      // External switches bind a physical adapter and interrupt the host's network: never made here.
      if (type !== 'Internal' && type !== 'Private') throw new SimError('invalid-argument', `switch type '${type}' is not Internal or Private`);
      if (s.host.switches.some((w) => w.name.toLowerCase() === name.toLowerCase())) throw new SimError('invalid-argument', `A virtual switch named '${name}' already exists.`);
      const nat = a.nat === null || a.nat === undefined ? null : (a.nat as { subnet?: unknown });
      if (nat && type !== 'Internal') throw new SimError('invalid-argument', 'NAT needs an internal switch');
      if (nat && typeof nat.subnet !== 'string') throw new SimError('invalid-request', 'nat.subnet must be a string');
      if (nat && s.host.switches.some((w) => w.nat === nat.subnet)) throw new SimError('invalid-argument', `a NetNat for ${String(nat.subnet)} already exists`);
      s.host.switches.push({ name, type, notes: str(a, 'notes'), nat: nat ? (nat.subnet as string) : null });
      return { changed: true };
    }
    case 'switch.setNat': {
      const name = str(a, 'name');
      const w = s.host.switches.find((x) => x.name === name);
      if (!w) throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${name}".`);
      if (w.type !== 'Internal') throw new SimError('invalid-argument', 'NAT needs an internal switch');
      const nat = a.nat as { subnet?: unknown } | null;
      if (!nat || typeof nat.subnet !== 'string') throw new SimError('invalid-request', 'nat.subnet must be a string');
      w.nat = nat.subnet;
      return { changed: true };
    }
    case 'switch.remove': {
      const name = str(a, 'name');
      const w = s.host.switches.find((x) => x.name === name);
      if (!w) throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${name}".`);
      if (w.type === 'External') throw new SimError('invalid-argument', `'${name}' is an external switch; this agent never removes one`);
      const users = s.vms.filter((v) => v.adapters.some((x) => x.switch === name)).map((v) => v.name);
      if (users.length) throw new SimError('invalid-state', `switch '${name}' is in use by ${users.join(', ')}`);
      s.host.switches = s.host.switches.filter((x) => x !== w);
      return { changed: true };
    }
    default:
      throw new SimError('unsupported', `operation '${op}' is not supported by the sim agent`);
  }
}
