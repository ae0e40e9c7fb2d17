// Turns an agent's `observe` / `guest.addresses` result into the core's model, checking the shape
// strictly. The client judges only the shape: VM states and duplicate names are the core's call.
import type { GuestAddressReport, GuestAddressVm } from '../core/model/guest.js';
import type {
  BackendKind,
  HostFacts,
  IncompleteReason,
  Observation,
  ObservedAdapter,
  ObservedNeighbor,
  ObservedVm,
} from '../core/model/observed.js';

type Obj = Record<string, unknown>;

class ShapeError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAC12 = /^[0-9A-F]{12}$/;

// Every check takes the path of the value's parent and its key: the path string is built only for
// the message of a value that fails.
const at2 = (at: string, k?: string | number): string => (k === undefined ? at : `${at}/${k}`);

function obj(v: unknown, at: string, k?: string | number): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(`${at2(at, k)}: expected an object`);
  return v as Obj;
}
function arr(v: unknown, at: string, k?: string | number): unknown[] {
  if (!Array.isArray(v)) throw new ShapeError(`${at2(at, k)}: expected an array`);
  return v;
}
function str(v: unknown, at: string, k?: string | number): string {
  if (typeof v !== 'string') throw new ShapeError(`${at2(at, k)}: expected a string`);
  return v;
}
function strOrNull(v: unknown, at: string, k?: string | number): string | null {
  return v === null || v === undefined ? null : str(v, at, k);
}
function bool(v: unknown, at: string, k?: string | number): boolean {
  if (typeof v !== 'boolean') throw new ShapeError(`${at2(at, k)}: expected a boolean`);
  return v;
}
function nat(v: unknown, at: string, k?: string | number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new ShapeError(`${at2(at, k)}: expected a non-negative integer`);
  return v;
}
function guid(v: unknown, at: string, k?: string | number): string {
  // Already in canonical form (as agents report ids): taken as it is, no lower-cased copy made.
  if (typeof v === 'string' && v.length === 36 && GUID.test(v)) return v;
  const s = str(v, at, k).toLowerCase().replace(/^\{|\}$/g, '');
  if (!GUID.test(s)) throw new ShapeError(`${at2(at, k)}: expected a GUID, got ${JSON.stringify(v)}`);
  return s;
}
/** Accepts 00155D010203, 00-15-5D-01-02-03 or 00:15:5d:01:02:03; yields 12 upper-case hex. */
export function normalizeMac(v: unknown, at: string, k?: string | number): string {
  if (typeof v === 'string' && v.length === 12 && MAC12.test(v)) return v; // already 12 upper-case hex
  const s = str(v, at, k).replace(/[-:.]/g, '').toUpperCase();
  if (!MAC12.test(s)) throw new ShapeError(`${at2(at, k)}: expected a MAC address, got ${JSON.stringify(v)}`);
  return s;
}
function strings(v: unknown, at: string, k?: string | number): string[] {
  const a = arr(v, at, k);
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') str(a[i], at2(at, k), i);
  return a.slice() as string[];
}
/** Optional fields: undefined when absent (the key is then left out), else checked. */
function optBool(o: Obj, k: string, at: string): boolean | undefined {
  return o[k] === undefined ? undefined : bool(o[k], at, k);
}
function optStr(o: Obj, k: string, at: string): string | undefined {
  return o[k] === undefined ? undefined : str(o[k], at, k);
}

// The objects below are built with their keys in sorted order and without undefined values: the
// canonical form current.json and the observed hash are printed from, so canonicalizing the
// observation walks it instead of copying it. The checks still run in the order of the fields'
// meaning (which one a malformed answer is reported at does not change).

function adapter(v: unknown, at: string): ObservedAdapter {
  const a = obj(v, at);
  const name = str(a.name, at, 'name');
  const sw = strOrNull(a.switch, at, 'switch');
  const mac = normalizeMac(a.mac, at, 'mac');
  const dynamicMac = bool(a.dynamicMac, at, 'dynamicMac');
  const ips = strings(a.ips, at, 'ips');
  // Reported by agents that know the VM surface; absent otherwise (never guessed).
  const vlan = a.vlan === undefined ? undefined : a.vlan === null ? null : nat(a.vlan, at, 'vlan');
  const macSpoofing = optBool(a, 'macSpoofing', at);
  const dhcpGuard = optBool(a, 'dhcpGuard', at);
  const routerGuard = optBool(a, 'routerGuard', at);
  const out = {} as ObservedAdapter;
  if (dhcpGuard !== undefined) out.dhcpGuard = dhcpGuard;
  out.dynamicMac = dynamicMac;
  out.ips = ips;
  out.mac = mac;
  if (macSpoofing !== undefined) out.macSpoofing = macSpoofing;
  out.name = name;
  if (routerGuard !== undefined) out.routerGuard = routerGuard;
  out.switch = sw;
  if (vlan !== undefined) out.vlan = vlan;
  return out;
}

function slot(o: Obj, at: string): { controllerLocation: number; controllerNumber: number; controllerType: 'SCSI' | 'IDE' } {
  const t = str(o.controllerType, at, 'controllerType');
  if (t !== 'SCSI' && t !== 'IDE') throw new ShapeError(`${at}/controllerType: expected SCSI or IDE`);
  const controllerNumber = nat(o.controllerNumber, at, 'controllerNumber');
  return { controllerLocation: nat(o.controllerLocation, at, 'controllerLocation'), controllerNumber, controllerType: t };
}

function vm(v: unknown, at: string): ObservedVm {
  const o = obj(v, at);
  const gen = o.generation;
  if (gen !== 1 && gen !== 2) throw new ShapeError(`${at}/generation: expected 1 or 2`);
  const m = obj(o.memory, at, 'memory');
  const secureBoot = o.secureBoot === null || o.secureBoot === undefined ? null : bool(o.secureBoot, at, 'secureBoot');
  const state = str(o.state, at, 'state');
  if (/^\d+$/.test(state)) throw new ShapeError(`${at}/state: a number (${state}); states must be reported by name`);
  const id = guid(o.id, at, 'id');
  const name = str(o.name, at, 'name');
  const cpus = nat(o.cpus, at, 'cpus');
  const mat = `${at}/memory`;
  const dynamic = bool(m.dynamic, mat, 'dynamic');
  const startupBytes = nat(m.startupBytes, mat, 'startupBytes');
  const minimumBytes = nat(m.minimumBytes, mat, 'minimumBytes');
  const maximumBytes = nat(m.maximumBytes, mat, 'maximumBytes');
  const notes = o.notes === null || o.notes === undefined ? '' : str(o.notes, at, 'notes');
  const path = o.path === null || o.path === undefined ? '' : str(o.path, at, 'path');
  const adapters = arr(o.adapters, at, 'adapters').map((x, i) => adapter(x, `${at}/adapters/${i}`));
  const disks = arr(o.disks, at, 'disks').map((x, i) => {
    const dat = `${at}/disks/${i}`;
    const d = obj(x, dat);
    const diskPath = str(d.path, dat, 'path');
    const sizeBytes = nat(d.sizeBytes, dat, 'sizeBytes');
    const parentPath = strOrNull(d.parentPath, dat, 'parentPath') || null;
    const where = d.controllerType !== undefined ? slot(d, dat) : null;
    return where ? { ...where, parentPath, path: diskPath, sizeBytes } : { parentPath, path: diskPath, sizeBytes };
  });
  const checkpoints = arr(o.checkpoints, at, 'checkpoints').map((x, i) => {
    const cat = `${at}/checkpoints/${i}`;
    const c = obj(x, cat);
    return { id: guid(c.id, cat, 'id'), name: str(c.name, cat, 'name') };
  });
  const integrationServices = arr(o.integrationServices, at, 'integrationServices').map((x, i) => {
    const p = `${at}/integrationServices/${i}`;
    const s = obj(x, p);
    const sid = str(s.id, p, 'id').toUpperCase();
    const sname = str(s.name, p, 'name');
    return { enabled: bool(s.enabled, p, 'enabled'), id: sid, name: sname, status: str(s.status ?? '', p, 'status') };
  });
  // The VM settings of the wider surface (DVDs, TPM, processor, lifecycle), when the agent reports them.
  const dvdDrives =
    o.dvdDrives === undefined
      ? undefined
      : arr(o.dvdDrives, at, 'dvdDrives').map((x, i) => {
          const dat = `${at}/dvdDrives/${i}`;
          const d = obj(x, dat);
          return { ...slot(d, dat), path: strOrNull(d.path, dat, 'path') || null };
        });
  const tpm = o.tpm === undefined ? undefined : o.tpm === null ? null : bool(o.tpm, at, 'tpm');
  const secureBootTemplate = o.secureBootTemplate === undefined ? undefined : strOrNull(o.secureBootTemplate, at, 'secureBootTemplate');
  const automaticStartDelaySec = o.automaticStartDelaySec === undefined ? undefined : nat(o.automaticStartDelaySec, at, 'automaticStartDelaySec');
  const memoryWeight = o.memoryWeight === undefined ? undefined : nat(o.memoryWeight, at, 'memoryWeight');
  const memoryBuffer = o.memoryBuffer === undefined ? undefined : nat(o.memoryBuffer, at, 'memoryBuffer');
  const nestedVirtualization = optBool(o, 'nestedVirtualization', at);
  const checkpointType = optStr(o, 'checkpointType', at);
  const automaticStartAction = optStr(o, 'automaticStartAction', at);
  const automaticStopAction = optStr(o, 'automaticStopAction', at);
  const compatibilityForMigration = optBool(o, 'compatibilityForMigration', at);
  const firstBootDevice = optStr(o, 'firstBootDevice', at);

  const out = {} as ObservedVm;
  out.adapters = adapters;
  if (automaticStartAction !== undefined) out.automaticStartAction = automaticStartAction;
  if (automaticStartDelaySec !== undefined) out.automaticStartDelaySec = automaticStartDelaySec;
  if (automaticStopAction !== undefined) out.automaticStopAction = automaticStopAction;
  if (checkpointType !== undefined) out.checkpointType = checkpointType;
  out.checkpoints = checkpoints;
  if (compatibilityForMigration !== undefined) out.compatibilityForMigration = compatibilityForMigration;
  out.cpus = cpus;
  out.disks = disks;
  if (dvdDrives !== undefined) out.dvdDrives = dvdDrives;
  if (firstBootDevice !== undefined) out.firstBootDevice = firstBootDevice;
  out.generation = gen;
  out.id = id;
  out.integrationServices = integrationServices;
  out.memory = { dynamic, maximumBytes, minimumBytes, startupBytes };
  if (memoryBuffer !== undefined) out.memoryBuffer = memoryBuffer;
  if (memoryWeight !== undefined) out.memoryWeight = memoryWeight;
  out.name = name;
  if (nestedVirtualization !== undefined) out.nestedVirtualization = nestedVirtualization;
  out.notes = notes;
  out.path = path;
  out.secureBoot = secureBoot;
  if (secureBootTemplate !== undefined) out.secureBootTemplate = secureBootTemplate;
  out.state = state;
  if (tpm !== undefined) out.tpm = tpm;
  return out;
}

function neighbor(v: unknown, at: string): ObservedNeighbor {
  const n = obj(v, at);
  return { ip: str(n.ip, at, 'ip'), mac: normalizeMac(n.mac, at, 'mac'), state: str(n.state, at, 'state') };
}

function hostFacts(v: unknown): HostFacts {
  const h = obj(v, '/host');
  const computerName = str(h.computerName, '/host', 'computerName');
  const switches = arr(h.switches, '/host', 'switches').map((x, i) => {
    const sat = `/host/switches/${i}`;
    const s = obj(x, sat);
    const name = str(s.name, sat, 'name');
    const type = str(s.type, sat, 'type');
    const notes = s.notes === undefined ? undefined : s.notes === null ? '' : str(s.notes, sat, 'notes');
    const nat = s.nat === undefined ? undefined : strOrNull(s.nat, sat, 'nat');
    const out = { name } as HostFacts['switches'][number];
    if (nat !== undefined) out.nat = nat;
    if (notes !== undefined) out.notes = notes;
    out.type = type;
    return out;
  });
  const paths = arr(h.paths, '/host', 'paths').map((x, i) => {
    const pat = `/host/paths/${i}`;
    const p = obj(x, pat);
    const sha = p.sha256 === undefined ? undefined : p.sha256 === null ? null : str(p.sha256, pat, 'sha256').toLowerCase();
    const path = str(p.path, pat, 'path');
    const exists = bool(p.exists, pat, 'exists');
    const size = p.sizeBytes !== undefined && p.sizeBytes !== null ? nat(p.sizeBytes, pat, 'sizeBytes') : undefined;
    const fact = { exists, path } as HostFacts['paths'][number];
    if (sha !== undefined) fact.sha256 = sha;
    if (size !== undefined) fact.sizeBytes = size;
    return fact;
  });
  const neighbors = h.neighbors === undefined ? [] : arr(h.neighbors, '/host', 'neighbors').map((x, i) => neighbor(x, `/host/neighbors/${i}`));
  return { computerName, neighbors, paths, switches };
}

const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function emptyHost(computerName: string): HostFacts {
  return { computerName, switches: [], paths: [], neighbors: [] };
}

/** An observation that vouches for nothing. */
export function failedObservation(backend: BackendKind, computerName: string, reason: IncompleteReason): Observation {
  return { schemaVersion: 1, backend, host: emptyHost(computerName), complete: false, incomplete: [reason], vms: [], observedAt: new Date().toISOString() };
}

/** Maps a raw observe result; malformed → complete=false with an `unparseable` reason. Never throws. */
export function toObservation(backend: BackendKind, raw: unknown, fallbackComputerName: string): Observation {
  try {
    const r = obj(raw, '');
    const host = hostFacts(r.host);
    const vms = arr(r.vms, '', 'vms').map((x, i) => vm(x, `/vms/${i}`));
    vms.sort(byNameThenId);
    // What the agent could not read about one VM (a broken disk): that VM is not vouched for.
    const incomplete: IncompleteReason[] = r.incomplete === undefined ? [] : arr(r.incomplete, '/incomplete').map((x, i) => {
      const iat = `/incomplete/${i}`;
      const o = obj(x, iat);
      if (o.code !== 'query-failed') throw new ShapeError(`${iat}/code: expected query-failed`);
      const vmName = str(o.vm, iat, 'vm');
      return { code: 'query-failed', message: str(o.message, iat, 'message'), vm: vmName };
    });
    return { backend, complete: incomplete.length === 0, host, incomplete, observedAt: new Date().toISOString(), schemaVersion: 1, vms };
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    return failedObservation(backend, fallbackComputerName, { code: 'unparseable', message: `observe result is malformed at ${e.message}` });
  }
}

/** Validates a `guest.addresses` result; a string is why it is malformed. */
export function toGuestAddressReport(raw: unknown): GuestAddressReport | string {
  try {
    const r = obj(raw, '');
    const vms: GuestAddressVm[] = arr(r.vms, '/vms').map((x, i) => {
      const v = obj(x, `/vms/${i}`);
      const kvp = v.kvp === null || v.kvp === undefined ? null : obj(v.kvp, `/vms/${i}/kvp`);
      return {
        id: guid(v.id, `/vms/${i}/id`),
        name: str(v.name, `/vms/${i}/name`),
        state: str(v.state, `/vms/${i}/state`),
        adapters: arr(v.adapters, `/vms/${i}/adapters`).map((y, j) => {
          const a = obj(y, `/vms/${i}/adapters/${j}`);
          return { name: str(a.name, `/vms/${i}/adapters/${j}/name`), mac: normalizeMac(a.mac, `/vms/${i}/adapters/${j}/mac`), ips: strings(a.ips, `/vms/${i}/adapters/${j}/ips`) };
        }),
        kvp: kvp === null ? null : { enabled: bool(kvp.enabled, `/vms/${i}/kvp/enabled`), status: str(kvp.status, `/vms/${i}/kvp/status`) },
      };
    });
    const neighbors = r.neighbors === undefined ? [] : arr(r.neighbors, '/neighbors').map((x, i) => neighbor(x, `/neighbors/${i}`));
    vms.sort(byNameThenId);
    return { vms, neighbors };
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    return `guest.addresses result is malformed at ${e.message}`;
  }
}
