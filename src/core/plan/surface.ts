// Plan rules for the wider VM surface: adapters, data disks, DVD drives, the cloud-init seed and the
// firmware/processor/lifecycle settings. Each rule says whether Hyper-V takes the change while the VM
// runs (online) or only when it is off (offline: planned as stop → change → start when restarts are
// allowed, else blocked), with the documented behaviour it rests on.
import type { DesiredAdapter, DesiredSettings, DesiredVm, Slot } from '../config/types.js';
import type { Observation, ObservedAdapter, ObservedDisk, ObservedDvd, ObservedVm } from '../model/observed.js';
import { formatSize } from '../sizes.js';
import type { AdapterSpec, HostOperation, SettingsSpec } from './operations.js';
import type { RefusalCode, StepAction } from './types.js';

/** The seed image the engine built for a VM (or why it could not). */
export type SeedDigest = { sha256: string; sizeBytes: number } | { missing: string[] };
export type SeedDigests = Readonly<Record<string, SeedDigest>>;

export interface SurfaceStep {
  action: StepAction;
  operation: HostOperation;
  from: unknown;
  to: unknown;
  reason: string;
}

export interface SurfacePlan {
  /** Before everything else (the seed image written while it is not in use). */
  prelude: SurfaceStep[];
  online: SurfaceStep[];
  offline: SurfaceStep[];
  blocked: { code: RefusalCode; message: string; steps: SurfaceStep[] }[];
}

const slotText = (s: Slot): string => `${s.controllerType} ${s.controllerNumber}:${s.controllerLocation}`;
const sameSlot = (a: Partial<Slot>, b: Slot): boolean => a.controllerType === b.controllerType && a.controllerNumber === b.controllerNumber && a.controllerLocation === b.controllerLocation;
const eqPath = (a: string | null, b: string | null): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const slotOf = (s: Slot): Slot => ({ controllerType: s.controllerType, controllerNumber: s.controllerNumber, controllerLocation: s.controllerLocation });

function exists(obs: Observation, path: string): boolean | null {
  const hit = obs.host.paths.find((p) => p.path.toLowerCase() === path.toLowerCase());
  return hit ? hit.exists : null;
}
function hashOf(obs: Observation, path: string): string | null {
  const hit = obs.host.paths.find((p) => p.path.toLowerCase() === path.toLowerCase());
  return hit && hit.exists ? (hit.sha256 ?? null) : null;
}
function hasSwitch(obs: Observation, name: string): boolean {
  return obs.host.switches.some((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function adapterSpec(a: DesiredAdapter, i: number): AdapterSpec {
  const out: AdapterSpec = { name: a.name ?? 'Network Adapter', switch: a.switch, mac: a.mac };
  if (a.vlan !== undefined) out.vlan = a.vlan;
  for (const k of ['macSpoofing', 'dhcpGuard', 'routerGuard'] as const) if (a[k] !== undefined) out[k] = a[k];
  void i;
  return out;
}

/** The settings the file manages, as the operation carries them. */
export function settingsSpec(s: DesiredSettings | undefined): SettingsSpec {
  const out: SettingsSpec = {};
  if (!s) return out;
  // Object.entries' keys and order, without its list of pairs (a plan makes one per VM created).
  for (const k in s) {
    if (!Object.hasOwn(s, k)) continue;
    const v = (s as unknown as Record<string, unknown>)[k];
    if (v !== null) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * Which settings Hyper-V changes only with the VM off:
 * - tpm: Enable-VMTPM/Disable-VMTPM need the VM off (Microsoft Learn, "Enable-VMTPM"; a key protector
 *   is set first with Set-VMKeyProtector).
 * - secureBootTemplate: firmware settings change only while off (as secure boot itself; Set-VMFirmware).
 * - nestedVirtualization: "While the virtual machine is in the OFF state, run … Set-VMProcessor
 *   -ExposeVirtualizationExtensions $true" (Microsoft Learn, "Run Hyper-V in a Virtual Machine with
 *   Nested Virtualization").
 * - automaticStartAction/Delay, automaticStopAction: "can only be done when the VM is powered off"
 *   (dsccommunity/HyperVDsc#216).
 * - checkpointType changes online (Set-VM -CheckpointType on a running VM; HyperVDsc's VMHyperV sets
 *   it without a restart).
 */
const OFFLINE_SETTINGS: ReadonlySet<keyof DesiredSettings> = new Set([
  'tpm',
  'secureBootTemplate',
  'nestedVirtualization',
  'automaticStartAction',
  'automaticStartDelaySec',
  'automaticStopAction',
  // "The virtual machine must be turned off" to change processor compatibility (Microsoft Learn,
  // "Processor compatibility mode in Hyper-V").
  'compatibilityForMigration',
  // Firmware/BIOS boot order, like the other firmware settings, changes only while off.
  'firstBootDevice',
]);
// memoryWeight and memoryBuffer change online (Microsoft Learn, "Set-VMMemory": -Priority and
// -Buffer apply to a running VM; the buffer only with dynamic memory).

/** The settings a file can manage, in the order a step lists them (the record makes the list exhaustive). */
const SETTING_KEYS = Object.keys({
  tpm: 0,
  secureBootTemplate: 0,
  nestedVirtualization: 0,
  checkpointType: 0,
  automaticStartAction: 0,
  automaticStartDelaySec: 0,
  automaticStopAction: 0,
  compatibilityForMigration: 0,
  memoryWeight: 0,
  memoryBuffer: 0,
  firstBootDevice: 0,
} satisfies Record<keyof DesiredSettings, 0>) as (keyof DesiredSettings)[];

/** The observed value of a setting: the VM reports each under the setting's own name. */
function observedSetting(o: ObservedVm, k: keyof DesiredSettings): unknown {
  return o[k satisfies keyof ObservedVm];
}

/**
 * Whether planSurface can find anything for this VM: the file manages some of the wider surface, or
 * the VM has a disk at a data position the file's (empty) dataDisks list would detach. False means
 * planSurface would return nothing: most VMs of a large plan skip it without building its lists.
 */
/** Whether a plain object has an own enumerable key (Object.keys(o).length > 0, without the list). */
export function hasKeys(o: object | undefined): boolean {
  if (o) for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

export function usesSurface(d: DesiredVm, o: ObservedVm): boolean {
  if (d.adaptersListed && d.adapters) return true;
  if (d.dvdDrives?.length || d.cloudInit) return true;
  if (d.dataDisks !== undefined) {
    if (d.dataDisks.length) return true;
    const first = o.generation === 2 ? 1 : 0;
    for (const x of o.disks) {
      if (x.controllerType === 'SCSI' && x.controllerNumber === 0 && (x.controllerLocation ?? 0) >= first && (x.controllerLocation ?? 0) < 32) return true;
    }
  }
  const s = d.settings;
  // Any setting with a value, read by name (one shape: fast). A setting left out here would make
  // planSurface skip it: the property test over every setting key fails then.
  if (s && (s.tpm ?? s.secureBootTemplate ?? s.nestedVirtualization ?? s.checkpointType ?? s.automaticStartAction ?? s.automaticStartDelaySec ?? s.automaticStopAction ?? s.compatibilityForMigration ?? s.memoryWeight ?? s.memoryBuffer ?? s.firstBootDevice ?? null) !== null) return true;
  return hasKeys(d.integrationServices);
}

export function planSurface(d: DesiredVm, o: ObservedVm, obs: Observation, seeds: SeedDigests | undefined): SurfacePlan {
  const out: SurfacePlan = { prelude: [], online: [], offline: [], blocked: [] };
  const id = o.id;
  const name = o.name;
  const ref = { id, name };
  const gen2 = o.generation === 2;

  // --- Network adapters (the single switch/mac form stays in plan.ts).
  if (d.adaptersListed && d.adapters) {
    const matched = new Set<ObservedAdapter>();
    for (const [i, a] of d.adapters.entries()) {
      const have = o.adapters.find((x) => !matched.has(x) && x.name.toLowerCase() === (a.name ?? '').toLowerCase());
      if (a.switch && !hasSwitch(obs, a.switch)) {
        out.blocked.push({ code: 'missing-switch', message: `virtual switch '${a.switch}' (adapter '${a.name}') does not exist on host ${obs.host.computerName}`, steps: [] });
        if (have) matched.add(have);
        continue;
      }
      if (!have) {
        // Adding or removing an adapter of a running VM works on generation 2 only (Microsoft Learn,
        // "What's new in Hyper-V on Windows Server 2016": hot add and remove for network adapters).
        const s: SurfaceStep = { action: 'add-adapter', operation: { op: 'vm.addAdapter', args: { ...ref, adapter: adapterSpec(a, i) } }, from: null, to: adapterSpec(a, i), reason: `adapter '${a.name}' is missing` };
        (gen2 ? out.online : out.offline).push(s);
        continue;
      }
      matched.add(have);
      adapterDiffs(a, have, ref, out, true);
    }
    for (const x of o.adapters) {
      if (matched.has(x)) continue;
      const s: SurfaceStep = { action: 'remove-adapter', operation: { op: 'vm.removeAdapter', args: { ...ref, adapter: x.name } }, from: x.name, to: null, reason: `adapter '${x.name}' is not in the file's networkAdapters` };
      (gen2 ? out.online : out.offline).push(s);
    }
  } else if (d.adapters?.[0] && o.adapters[0]) {
    adapterDiffs(d.adapters[0], o.adapters[0], ref, out, false);
  }

  // --- Data disks at fixed positions. SCSI disks attach, detach and grow while the VM runs (Microsoft
  // Learn, "Add-VMHardDiskDrive"; online resize of SCSI-attached VHDX, "Resize-VHD"); IDE needs it off.
  const dataDisks = d.dataDisks ?? [];
  const slotKnown = o.disks.every((x) => x.controllerType !== undefined);
  for (const want of dataDisks) {
    const online = want.controllerType === 'SCSI';
    const here: ObservedDisk | undefined = slotKnown ? o.disks.find((x) => sameSlot(x, want)) : o.disks.find((x) => eqPath(x.path, want.path));
    const where = slotText(want);
    if (!here) {
      if (want.existing && exists(obs, want.path) === false) {
        out.blocked.push({ code: 'missing-file', message: `data disk ${want.path} does not exist on host ${obs.host.computerName}`, steps: [] });
        continue;
      }
      const s: SurfaceStep = {
        action: 'add-disk',
        operation: { op: 'disk.add', args: { ...ref, ...slotOf(want), path: want.path, sizeBytes: want.existing ? null : want.sizeBytes } },
        from: null,
        to: want.existing ? `${want.path} at ${where}` : `new ${formatSize(want.sizeBytes ?? 0)} ${want.path} at ${where}`,
        reason: `no data disk at ${where}`,
      };
      (online ? out.online : out.offline).push(s);
      continue;
    }
    if (!eqPath(here.path, want.path)) {
      out.blocked.push({ code: 'disk-conflict', message: `${where} holds ${here.path}, the file puts ${want.path} there; detach it by hand or change the list`, steps: [] });
      continue;
    }
    if (!want.existing && want.sizeBytes !== null && here.sizeBytes !== want.sizeBytes) {
      if (want.sizeBytes < here.sizeBytes) {
        out.blocked.push({ code: 'disk-shrink', message: `data disk ${here.path} is ${formatSize(here.sizeBytes)}, the file says ${formatSize(want.sizeBytes)}: virtual disks are never shrunk`, steps: [] });
        continue;
      }
      const s: SurfaceStep = { action: 'grow-disk', operation: { op: 'disk.grow', args: { ...ref, path: here.path, sizeBytes: want.sizeBytes } }, from: formatSize(here.sizeBytes), to: formatSize(want.sizeBytes), reason: `data disk ${where} size differs` };
      (online ? out.online : out.offline).push(s);
    }
  }
  if (slotKnown && d.dataDisks !== undefined) {
    // Disks at data positions past the list are detached (their files are kept).
    const first = gen2 ? 1 : 0;
    for (const x of o.disks) {
      if (x.controllerType !== 'SCSI' || x.controllerNumber !== 0 || (x.controllerLocation ?? 0) < first || (x.controllerLocation ?? 0) >= 32) continue;
      if (dataDisks.some((w) => sameSlot(x, w))) continue;
      const slot = { controllerType: 'SCSI' as const, controllerNumber: 0, controllerLocation: x.controllerLocation! };
      out.online.push({ action: 'detach-disk', operation: { op: 'disk.detach', args: { ...ref, ...slot, path: x.path } }, from: `${x.path} at ${slotText(slot)}`, to: null, reason: 'not in the file\'s dataDisks (the file is kept)' });
    }
  }

  // --- DVD drives and the seed.
  const dvds = [...(d.dvdDrives ?? [])];
  const seed = d.cloudInit ?? null;
  if (seed) {
    const digest = seeds?.[d.name];
    if (!digest || 'missing' in digest) {
      const names = digest && 'missing' in digest ? digest.missing : [];
      out.blocked.push({
        code: 'seed-unavailable',
        message: names.length ? `the cloud-init seed of '${name}' needs the environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not set` : `the cloud-init seed of '${name}' was not built`,
        steps: [],
      });
    } else {
      const haveHash = hashOf(obs, seed.path);
      const inserted = (o.dvdDrives ?? []).find((x) => sameSlot(x, seed.slot) && eqPath(x.path, seed.path));
      if (haveHash !== digest.sha256) {
        const write: SurfaceStep = {
          action: 'write-seed',
          operation: { op: 'seed.write', args: { ...ref, path: seed.path, sha256: digest.sha256, sizeBytes: digest.sizeBytes } },
          from: haveHash ? `sha256:${haveHash}` : null,
          to: `sha256:${digest.sha256}`,
          reason: haveHash ? 'the seed image differs from the one the file builds' : 'no seed image on the host',
        };
        if (inserted && o.state !== 'Off') {
          // A running VM holds its inserted image open: eject, write, insert (media change is online).
          const eject: SurfaceStep = { action: 'set-dvd', operation: { op: 'dvd.set', args: { ...ref, ...slotOf(seed.slot), path: null } }, from: seed.path, to: null, reason: 'eject the seed to rewrite it' };
          const insert: SurfaceStep = { action: 'set-dvd', operation: { op: 'dvd.set', args: { ...ref, ...slotOf(seed.slot), path: seed.path } }, from: null, to: seed.path, reason: 'insert the rewritten seed' };
          out.online.push(eject, write, insert);
        } else {
          out.prelude.push(write);
        }
      }
      dvds.push({ ...seed.slot, path: seed.path });
    }
  }
  for (const want of dvds) {
    if (want.path !== null && !(seed && eqPath(want.path, seed.path)) && exists(obs, want.path) === false) {
      out.blocked.push({ code: 'missing-file', message: `ISO ${want.path} does not exist on host ${obs.host.computerName}`, steps: [] });
      continue;
    }
    const here: ObservedDvd | undefined = (o.dvdDrives ?? []).find((x) => sameSlot(x, want));
    if (!here) {
      // Adding a DVD drive: generation 1 drives are IDE, which needs the VM off; generation 2 drives
      // are treated the same way (Add-VMDvdDrive documents no hot add), only media changes are online.
      out.offline.push({ action: 'add-dvd', operation: { op: 'dvd.add', args: { ...ref, ...slotOf(want), path: want.path } }, from: null, to: `${want.path ?? 'empty'} at ${slotText(want)}`, reason: `no DVD drive at ${slotText(want)}` });
    } else if (!eqPath(here.path, want.path)) {
      // Changing the medium of an existing drive is online (Set-VMDvdDrive -Path).
      if (!(seed && eqPath(want.path, seed.path) && out.online.some((s) => s.action === 'set-dvd' && (s.operation.args as { path: string | null }).path === seed.path))) {
        out.online.push({ action: 'set-dvd', operation: { op: 'dvd.set', args: { ...ref, ...slotOf(want), path: want.path } }, from: here.path, to: want.path, reason: `DVD at ${slotText(want)} differs` });
      }
    }
  }

  // --- Firmware, processor, lifecycle.
  const s = d.settings;
  if (s) {
    // Compared field by field: no record of the VM's settings is built per VM.
    const off: SettingsSpec = {};
    const on: SettingsSpec = {};
    const from: Record<string, unknown> = {};
    for (const k of SETTING_KEYS) {
      const want = s[k];
      if (want === null || want === undefined) continue;
      const have = observedSetting(o, k);
      if (have === want) continue;
      if (k === 'tpm' || k === 'secureBootTemplate') if (!gen2) continue;
      (OFFLINE_SETTINGS.has(k) ? off : on)[k] = want as never;
      from[k] = have ?? null;
    }
    const mk = (spec: SettingsSpec, why: string): SurfaceStep => ({
      action: 'set-settings',
      operation: { op: 'vm.setSettings', args: { ...ref, settings: spec } },
      from: Object.fromEntries(Object.keys(spec).map((k) => [k, from[k]])),
      to: spec,
      reason: `${Object.keys(spec).join(', ')} differ${why}`,
    });
    if (Object.keys(off).length) out.offline.push(mk(off, ' (needs the VM off)'));
    if (Object.keys(on).length) out.online.push(mk(on, ''));
  }

  // --- Integration services by id: Enable-/Disable-VMIntegrationService work on a running VM.
  const wanted = Object.entries(d.integrationServices ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const changes: { id: string; enabled: boolean }[] = [];
  for (const [sid, enabled] of wanted) {
    const have = o.integrationServices.find((x) => x.id.toUpperCase() === sid);
    if (!have) {
      out.blocked.push({ code: 'unknown-integration-service', message: `VM '${name}' has no integration service with id ${sid} (has: ${o.integrationServices.map((x) => `${x.id} ${x.name}`).join(', ') || 'none'})`, steps: [] });
      continue;
    }
    if (have.enabled !== enabled) changes.push({ id: sid, enabled });
  }
  if (changes.length) {
    out.online.push({
      action: 'set-integration-services',
      operation: { op: 'vm.setIntegrationServices', args: { ...ref, services: changes } },
      from: Object.fromEntries(changes.map((c) => [c.id, !c.enabled])),
      to: Object.fromEntries(changes.map((c) => [c.id, c.enabled])),
      reason: 'integration services differ',
    });
  }
  return out;
}

/** Switch, MAC, VLAN and guards of one existing adapter. `listed`: the networkAdapters form. */
function adapterDiffs(a: DesiredAdapter, have: ObservedAdapter, ref: { id: string; name: string }, out: SurfacePlan, listed: boolean): void {
  if (!listed) return; // the single form's switch and MAC are planned by plan.ts as before
  const adapter = have.name;
  if (!eqPath(have.switch, a.switch)) {
    // Connecting and disconnecting is online (Connect-VMNetworkAdapter / Disconnect-VMNetworkAdapter).
    out.online.push({ action: 'connect-switch', operation: { op: 'vm.connectSwitch', args: { ...ref, adapter, switch: a.switch } }, from: have.switch, to: a.switch, reason: `adapter '${adapter}' switch differs` });
  }
  const wantDynamic = a.mac === null;
  if (wantDynamic !== have.dynamicMac || (!wantDynamic && have.mac !== a.mac)) {
    // A MAC address changes only with the VM off (Set-VMNetworkAdapter -StaticMacAddress).
    out.offline.push({ action: 'set-mac', operation: { op: 'vm.setMac', args: { ...ref, adapter, mac: a.mac } }, from: have.dynamicMac ? 'dynamic' : have.mac, to: a.mac ?? 'dynamic', reason: `adapter '${adapter}' MAC address differs` });
  }
  const change: { vlan?: number | null; macSpoofing?: boolean; dhcpGuard?: boolean; routerGuard?: boolean } = {};
  const was: Record<string, unknown> = {};
  if (a.vlan !== undefined && have.vlan !== a.vlan) {
    change.vlan = a.vlan;
    was.vlan = have.vlan ?? null;
  }
  for (const k of ['macSpoofing', 'dhcpGuard', 'routerGuard'] as const) {
    if (a[k] !== undefined && have[k] !== a[k]) {
      change[k] = a[k];
      was[k] = have[k] ?? null;
    }
  }
  if (Object.keys(change).length) {
    // VLAN and the guards change online (Set-VMNetworkAdapterVlan, Set-VMNetworkAdapter -MacAddressSpoofing/-DhcpGuard/-RouterGuard).
    out.online.push({ action: 'set-adapter', operation: { op: 'vm.setAdapter', args: { ...ref, adapter, ...change } }, from: was, to: change, reason: `adapter '${adapter}' ${Object.keys(change).join(', ')} differ` });
  }
}
