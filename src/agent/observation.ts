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

function obj(v: unknown, at: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(`${at}: expected an object`);
  return v as Obj;
}
function arr(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new ShapeError(`${at}: expected an array`);
  return v;
}
function str(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new ShapeError(`${at}: expected a string`);
  return v;
}
function strOrNull(v: unknown, at: string): string | null {
  return v === null || v === undefined ? null : str(v, at);
}
function bool(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') throw new ShapeError(`${at}: expected a boolean`);
  return v;
}
function nat(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new ShapeError(`${at}: expected a non-negative integer`);
  return v;
}
function guid(v: unknown, at: string): string {
  const s = str(v, at).toLowerCase().replace(/^\{|\}$/g, '');
  if (!GUID.test(s)) throw new ShapeError(`${at}: expected a GUID, got ${JSON.stringify(v)}`);
  return s;
}
/** Accepts 00155D010203, 00-15-5D-01-02-03 or 00:15:5d:01:02:03; yields 12 upper-case hex. */
export function normalizeMac(v: unknown, at: string): string {
  const s = str(v, at).replace(/[-:.]/g, '').toUpperCase();
  if (!MAC12.test(s)) throw new ShapeError(`${at}: expected a MAC address, got ${JSON.stringify(v)}`);
  return s;
}
function strings(v: unknown, at: string): string[] {
  return arr(v, at).map((x, i) => str(x, `${at}/${i}`));
}

function adapter(v: unknown, at: string): ObservedAdapter {
  const a = obj(v, at);
  return {
    name: str(a.name, `${at}/name`),
    switch: strOrNull(a.switch, `${at}/switch`),
    mac: normalizeMac(a.mac, `${at}/mac`),
    dynamicMac: bool(a.dynamicMac, `${at}/dynamicMac`),
    ips: strings(a.ips, `${at}/ips`),
    // Reported by agents that know the VM surface; absent otherwise (never guessed).
    ...(a.vlan !== undefined ? { vlan: a.vlan === null ? null : nat(a.vlan, `${at}/vlan`) } : {}),
    ...optBool(a, 'macSpoofing', at),
    ...optBool(a, 'dhcpGuard', at),
    ...optBool(a, 'routerGuard', at),
  };
}

function optBool(o: Obj, k: string, at: string): Record<string, boolean> {
  return o[k] === undefined ? {} : { [k]: bool(o[k], `${at}/${k}`) };
}
function optStr(o: Obj, k: string, at: string): Record<string, string> {
  return o[k] === undefined ? {} : { [k]: str(o[k], `${at}/${k}`) };
}

function slot(o: Obj, at: string): { controllerType: 'SCSI' | 'IDE'; controllerNumber: number; controllerLocation: number } {
  const t = str(o.controllerType, `${at}/controllerType`);
  if (t !== 'SCSI' && t !== 'IDE') throw new ShapeError(`${at}/controllerType: expected SCSI or IDE`);
  return { controllerType: t, controllerNumber: nat(o.controllerNumber, `${at}/controllerNumber`), controllerLocation: nat(o.controllerLocation, `${at}/controllerLocation`) };
}

/** The VM settings of the wider surface (DVDs, TPM, processor, lifecycle), when the agent reports them. */
function vmSettings(o: Obj, at: string): Partial<ObservedVm> {
  const out: Partial<ObservedVm> = {};
  if (o.dvdDrives !== undefined)
    out.dvdDrives = arr(o.dvdDrives, `${at}/dvdDrives`).map((x, i) => {
      const d = obj(x, `${at}/dvdDrives/${i}`);
      return { ...slot(d, `${at}/dvdDrives/${i}`), path: strOrNull(d.path, `${at}/dvdDrives/${i}/path`) || null };
    });
  if (o.tpm !== undefined) out.tpm = o.tpm === null ? null : bool(o.tpm, `${at}/tpm`);
  if (o.secureBootTemplate !== undefined) out.secureBootTemplate = strOrNull(o.secureBootTemplate, `${at}/secureBootTemplate`);
  if (o.automaticStartDelaySec !== undefined) out.automaticStartDelaySec = nat(o.automaticStartDelaySec, `${at}/automaticStartDelaySec`);
  if (o.memoryWeight !== undefined) out.memoryWeight = nat(o.memoryWeight, `${at}/memoryWeight`);
  if (o.memoryBuffer !== undefined) out.memoryBuffer = nat(o.memoryBuffer, `${at}/memoryBuffer`);
  return { ...out, ...optBool(o, 'nestedVirtualization', at), ...optStr(o, 'checkpointType', at), ...optStr(o, 'automaticStartAction', at), ...optStr(o, 'automaticStopAction', at), ...optBool(o, 'compatibilityForMigration', at), ...optStr(o, 'firstBootDevice', at) };
}

function vm(v: unknown, at: string): ObservedVm {
  const o = obj(v, at);
  const gen = o.generation;
  if (gen !== 1 && gen !== 2) throw new ShapeError(`${at}/generation: expected 1 or 2`);
  const m = obj(o.memory, `${at}/memory`);
  const secureBoot = o.secureBoot === null || o.secureBoot === undefined ? null : bool(o.secureBoot, `${at}/secureBoot`);
  const state = str(o.state, `${at}/state`);
  if (/^\d+$/.test(state)) throw new ShapeError(`${at}/state: a number (${state}); states must be reported by name`);
  return {
    id: guid(o.id, `${at}/id`),
    name: str(o.name, `${at}/name`),
    state,
    generation: gen,
    cpus: nat(o.cpus, `${at}/cpus`),
    memory: {
      dynamic: bool(m.dynamic, `${at}/memory/dynamic`),
      startupBytes: nat(m.startupBytes, `${at}/memory/startupBytes`),
      minimumBytes: nat(m.minimumBytes, `${at}/memory/minimumBytes`),
      maximumBytes: nat(m.maximumBytes, `${at}/memory/maximumBytes`),
    },
    secureBoot,
    notes: o.notes === null || o.notes === undefined ? '' : str(o.notes, `${at}/notes`),
    path: o.path === null || o.path === undefined ? '' : str(o.path, `${at}/path`),
    adapters: arr(o.adapters, `${at}/adapters`).map((x, i) => adapter(x, `${at}/adapters/${i}`)),
    disks: arr(o.disks, `${at}/disks`).map((x, i) => {
      const d = obj(x, `${at}/disks/${i}`);
      return {
        path: str(d.path, `${at}/disks/${i}/path`),
        sizeBytes: nat(d.sizeBytes, `${at}/disks/${i}/sizeBytes`),
        parentPath: strOrNull(d.parentPath, `${at}/disks/${i}/parentPath`) || null,
        ...(d.controllerType !== undefined ? slot(d, `${at}/disks/${i}`) : {}),
      };
    }),
    checkpoints: arr(o.checkpoints, `${at}/checkpoints`).map((x, i) => {
      const c = obj(x, `${at}/checkpoints/${i}`);
      return { id: guid(c.id, `${at}/checkpoints/${i}/id`), name: str(c.name, `${at}/checkpoints/${i}/name`) };
    }),
    integrationServices: arr(o.integrationServices, `${at}/integrationServices`).map((x, i) => {
      const s = obj(x, `${at}/integrationServices/${i}`);
      const p = `${at}/integrationServices/${i}`;
      return { id: str(s.id, `${p}/id`).toUpperCase(), name: str(s.name, `${p}/name`), enabled: bool(s.enabled, `${p}/enabled`), status: str(s.status ?? '', `${p}/status`) };
    }),
    ...vmSettings(o, at),
  };
}

function neighbor(v: unknown, at: string): ObservedNeighbor {
  const n = obj(v, at);
  return { ip: str(n.ip, `${at}/ip`), mac: normalizeMac(n.mac, `${at}/mac`), state: str(n.state, `${at}/state`) };
}

function hostFacts(v: unknown): HostFacts {
  const h = obj(v, '/host');
  return {
    computerName: str(h.computerName, '/host/computerName'),
    switches: arr(h.switches, '/host/switches').map((x, i) => {
      const s = obj(x, `/host/switches/${i}`);
      return {
        name: str(s.name, `/host/switches/${i}/name`),
        type: str(s.type, `/host/switches/${i}/type`),
        ...(s.notes !== undefined ? { notes: s.notes === null ? '' : str(s.notes, `/host/switches/${i}/notes`) } : {}),
        ...(s.nat !== undefined ? { nat: strOrNull(s.nat, `/host/switches/${i}/nat`) } : {}),
      };
    }),
    paths: arr(h.paths, '/host/paths').map((x, i) => {
      const p = obj(x, `/host/paths/${i}`);
      const sha = p.sha256 === undefined ? {} : { sha256: p.sha256 === null ? null : str(p.sha256, `/host/paths/${i}/sha256`).toLowerCase() };
      const fact: HostFacts['paths'][number] = { path: str(p.path, `/host/paths/${i}/path`), exists: bool(p.exists, `/host/paths/${i}/exists`), ...sha };
      if (p.sizeBytes !== undefined && p.sizeBytes !== null) fact.sizeBytes = nat(p.sizeBytes, `/host/paths/${i}/sizeBytes`);
      return fact;
    }),
    neighbors: h.neighbors === undefined ? [] : arr(h.neighbors, '/host/neighbors').map((x, i) => neighbor(x, `/host/neighbors/${i}`)),
  };
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
    const vms = arr(r.vms, '/vms').map((x, i) => vm(x, `/vms/${i}`));
    vms.sort(byNameThenId);
    // What the agent could not read about one VM (a broken disk): that VM is not vouched for.
    const incomplete: IncompleteReason[] = r.incomplete === undefined ? [] : arr(r.incomplete, '/incomplete').map((x, i) => {
      const o = obj(x, `/incomplete/${i}`);
      if (o.code !== 'query-failed') throw new ShapeError(`/incomplete/${i}/code: expected query-failed`);
      return { code: 'query-failed', vm: str(o.vm, `/incomplete/${i}/vm`), message: str(o.message, `/incomplete/${i}/message`) };
    });
    return { schemaVersion: 1, backend, host, complete: incomplete.length === 0, incomplete, vms, observedAt: new Date().toISOString() };
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
