// The wider VM surface in the file: network adapters, data disks, DVD drives, the cloud-init seed, and
// the firmware/processor/lifecycle settings. Value checks (run where a value is written, in defaults
// or on a VM) and the resolution into DesiredVm fields with fixed device positions.
import { load } from 'js-yaml';
import { malformedRefs, SECRET_REF_RE, defaultMetaData, SEED_FILE_NAME } from '../seed/nocloud.js';
import { macProblem, normalizeMac, readSize, type RuleFailure } from './rules.js';
import type {
  AutomaticStartAction,
  AutomaticStopAction,
  CheckpointType,
  DesiredAdapter,
  DesiredDataDisk,
  DesiredDvd,
  DesiredSeed,
  DesiredSettings,
  DesiredVm,
  SecureBootTemplate,
  Slot,
} from './types.js';

type Obj = Record<string, unknown>;
type Add = (path: string, p: RuleFailure) => void;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keys of cloud-config whose literal values are passwords: they must come from the environment. */
const PASSWORD_KEYS = new Set(['password', 'passwd', 'hashed_passwd', 'plain_text_passwd']);

/** Positions: generation 2 puts data disks on SCSI 0 from location 1 (the boot disk is 0:0) and
 *  DVDs from location 32; generation 1 boots from IDE 0:0, so data disks go on SCSI 0 (hot-pluggable)
 *  and DVDs on IDE 1 (a generation 1 DVD drive is always IDE). */
export function dataDiskSlot(generation: 1 | 2, i: number): Slot {
  return generation === 2 ? { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: i + 1 } : { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: i };
}
export function dvdSlot(generation: 1 | 2, j: number): Slot {
  return generation === 2 ? { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32 + j } : { controllerType: 'IDE', controllerNumber: 1, controllerLocation: j };
}

export function vmFolder(vm: Pick<DesiredVm, 'name' | 'path'>): string {
  return `${vm.path.replace(/[\\/]+$/, '')}\\${vm.name}`;
}

/** Checks that need nothing but the value (defaults and each VM). */
export function checkSurfaceValues(o: Obj, base: string, add: Add, diskSize: (text: string, path: string, add: Add) => number | undefined): void {
  if (Array.isArray(o.networkAdapters)) {
    const names = new Map<string, number>();
    o.networkAdapters.forEach((a, i) => {
      if (!isObj(a)) return;
      const at = `${base}/networkAdapters/${i}`;
      if (typeof a.mac === 'string') {
        const p = macProblem(a.mac);
        if (p) add(`${at}/mac`, p);
      }
      if (typeof a.name === 'string') {
        const k = a.name.toLowerCase();
        const first = names.get(k);
        if (first !== undefined) add(`${at}/name`, { message: `adapter name '${a.name}' is already used by adapter ${first + 1} of this VM (names are case-insensitive)`, hint: 'give every adapter its own name' });
        else names.set(k, i);
      }
    });
  }
  if (Array.isArray(o.dataDisks)) {
    o.dataDisks.forEach((d, i) => {
      if (isObj(d) && typeof d.size === 'string') diskSize(d.size, `${base}/dataDisks/${i}/size`, add);
    });
  }
  if (isObj(o.cloudInit)) checkSeedTexts(o.cloudInit, `${base}/cloudInit`, add);
}

function checkSeedTexts(ci: Obj, base: string, add: Add): void {
  for (const k of ['userData', 'metaData', 'networkConfig'] as const) {
    const text = ci[k];
    if (typeof text !== 'string') continue;
    const bad = malformedRefs(text);
    if (bad > 0) {
      add(`${base}/${k}`, {
        message: `${k} has ${bad} '\${{' that ${bad === 1 ? 'is' : 'are'} not a well-formed environment reference`,
        expected: '${{ env.NAME }} with NAME an environment variable name',
        hint: 'write ${{ env.NAME }}; anything else would reach the guest verbatim',
      });
    }
  }
  const ud = ci.userData;
  if (typeof ud === 'string' && /^#cloud-config\s*$/m.test(ud.split('\n', 1)[0] ?? '')) {
    let doc: unknown;
    try {
      doc = load(ud);
    } catch (e) {
      add(`${base}/userData`, { message: `userData is #cloud-config but not valid YAML: ${(e as Error).message.split('\n')[0]}`, hint: 'cloud-init would ignore it; check it with: cloud-init schema --config-file <file>' });
      return;
    }
    if (doc !== null && doc !== undefined && !isObj(doc)) {
      add(`${base}/userData`, { message: 'userData is #cloud-config but its YAML is not a mapping', expected: 'a mapping of cloud-config keys such as hostname, users, packages' });
      return;
    }
    const literal = literalPasswords(doc, '');
    if (literal.length > 0) {
      add(`${base}/userData`, {
        message: `userData writes a password in the file (${literal.join(', ')}); secrets are never written in the file`,
        hint: 'put it in an environment variable and write ${{ env.NAME }} instead',
      });
    }
  }
}

/** Where a cloud-config holds a password as a literal value (not a `${{ env.NAME }}` reference). */
function literalPasswords(v: unknown, at: string): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => literalPasswords(x, `${at}[${i}]`));
  if (!isObj(v)) return [];
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    const here = at ? `${at}.${k}` : k;
    if (PASSWORD_KEYS.has(k.toLowerCase()) && typeof x === 'string' && x.replace(SECRET_REF_RE, '').trim() !== '') out.push(here);
    else out.push(...literalPasswords(x, here));
  }
  return out;
}

type PickFn = (k: string) => { value: unknown; from: string } | undefined;

function enumOf<T extends string>(pick: PickFn, k: string, allowed: readonly T[]): T | null {
  const p = pick(k);
  return p && typeof p.value === 'string' && (allowed as readonly string[]).includes(p.value) ? (p.value as T) : null;
}
function intOf(pick: PickFn, k: string): number | null {
  const p = pick(k);
  return p && typeof p.value === 'number' && Number.isInteger(p.value) ? p.value : null;
}
function boolOf(pick: PickFn, k: string): boolean | null {
  const p = pick(k);
  return p && typeof p.value === 'boolean' ? p.value : null;
}
const START_ACTIONS: readonly AutomaticStartAction[] = ['Nothing', 'StartIfRunning', 'Start'];
const STOP_ACTIONS: readonly AutomaticStopAction[] = ['TurnOff', 'Save', 'ShutDown'];
const CHECKPOINT_TYPES: readonly CheckpointType[] = ['Standard', 'Production', 'ProductionOnly', 'Disabled'];
const BOOT_DEVICES: readonly NonNullable<DesiredSettings['firstBootDevice']>[] = ['HardDisk', 'DvdDrive', 'NetworkAdapter'];
const SECURE_BOOT_TEMPLATES: readonly SecureBootTemplate[] = ['MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM'];

/**
 * Fills in the surface fields of one VM (adapters, adaptersListed, dataDisks, dvdDrives, cloudInit,
 * settings, integrationServices; switch and mac from an adapter list); problems that need the
 * merged VM (generation, counts) are added. Run once per VM of a fleet: a VM that names no device
 * list pays for no list copies, and its folder is made only for a data disk or seed placed in it.
 */
export function resolveSurface(vm: DesiredVm, pick: PickFn, base: string, add: Add): void {
  const own = (k: string): boolean => pick(k)?.from.startsWith(base) ?? false;
  const gen = vm.generation;

  // Network adapters: the list, or the single switch/mac form.
  const listP = pick('networkAdapters');
  let adapters: DesiredAdapter[];
  let adaptersListed = false;
  if (listP && Array.isArray(listP.value)) {
    adaptersListed = true;
    for (const k of ['switch', 'mac']) {
      if (own(k) && listP.from.startsWith(base)) add(`${base}/${k}`, { message: `VM '${vm.name}' sets both ${k} and networkAdapters; use one form`, hint: `move ${k} into an entry of networkAdapters` });
    }
    // Keys in canonical (sorted) order, as the rest of a resolved VM: the guards that are set slot in
    // between (dhcpGuard, mac, macSpoofing, name, routerGuard, switch, vlan).
    adapters = listP.value.filter(isObj).map((a) => {
      const out = {} as DesiredAdapter;
      if (typeof a.dhcpGuard === 'boolean') out.dhcpGuard = a.dhcpGuard;
      out.mac = typeof a.mac === 'string' ? normalizeMac(a.mac) : null;
      if (typeof a.macSpoofing === 'boolean') out.macSpoofing = a.macSpoofing;
      out.name = typeof a.name === 'string' ? a.name : '';
      if (typeof a.routerGuard === 'boolean') out.routerGuard = a.routerGuard;
      out.switch = typeof a.switch === 'string' ? a.switch : null;
      out.vlan = typeof a.vlan === 'number' ? a.vlan : null;
      return out;
    });
    vm.switch = adapters[0]?.switch ?? null;
    vm.mac = adapters[0]?.mac ?? null;
  } else {
    adapters = [{ mac: vm.mac, name: null, switch: vm.switch }];
  }

  let folder: string | undefined;
  const disksP = pick('dataDisks');
  const dataDisks: DesiredDataDisk[] = !(disksP && Array.isArray(disksP.value) && disksP.value.length > 0) ? [] : disksP.value.filter(isObj).map((d, i) => {
    // Keys in canonical (sorted) order, as the rest of a resolved VM.
    const { controllerLocation, controllerNumber, controllerType } = dataDiskSlot(gen, i);
    if (typeof d.path === 'string') return { controllerLocation, controllerNumber, controllerType, existing: true, path: d.path, sizeBytes: null };
    const r = typeof d.size === 'string' ? readSize(d.size, 'disk size') : null;
    folder ??= vmFolder(vm);
    return { controllerLocation, controllerNumber, controllerType, existing: false, path: `${folder}\\Virtual Hard Disks\\${vm.name}-data${i + 1}.vhdx`, sizeBytes: r && 'bytes' in r ? r.bytes : 0 };
  });

  const dvdP = pick('dvdDrives');
  const dvdDrives: DesiredDvd[] = !(dvdP && Array.isArray(dvdP.value) && dvdP.value.length > 0) ? [] : dvdP.value.filter(isObj).map((d, j) => {
    const { controllerLocation, controllerNumber, controllerType } = dvdSlot(gen, j);
    return { controllerLocation, controllerNumber, controllerType, path: typeof d.path === 'string' ? d.path : null };
  });

  const ciP = pick('cloudInit');
  let cloudInit: DesiredSeed | null = null;
  if (ciP && isObj(ciP.value)) {
    const ci = ciP.value;
    const text = (k: string): string | null => (typeof ci[k] === 'string' ? (ci[k] as string) : null);
    for (const k of ['userData', 'metaData', 'networkConfig']) {
      if (isObj(ci[k])) add(`${ciP.from}/${k}`, { message: `${k}.file was not read: files are read when the configuration is loaded from a file`, hint: 'load the configuration with its file path' });
    }
    // Keys in canonical (sorted) order, as the rest of a resolved VM.
    const seedSlot = dvdSlot(gen, dvdDrives.length);
    cloudInit = {
      metaData: text('metaData') ?? defaultMetaData(vm.name),
      networkConfig: text('networkConfig'),
      path: `${folder ?? vmFolder(vm)}\\${SEED_FILE_NAME}`,
      slot: { controllerLocation: seedSlot.controllerLocation, controllerNumber: seedSlot.controllerNumber, controllerType: seedSlot.controllerType },
      userData: text('userData') ?? '',
    };
    if (gen === 1 && dvdDrives.length >= 2) {
      add(ciP.from, { message: `VM '${vm.name}' is generation 1 with ${dvdDrives.length} DVD drives: its IDE controller 1 has no place left for the seed's drive`, hint: 'use one DVD drive at most next to cloudInit' });
    }
  }

  // Keys in sorted order: the canonical form the config hash is taken over.
  const settings: DesiredSettings = {
    automaticStartAction: enumOf(pick, 'automaticStartAction', START_ACTIONS),
    automaticStartDelaySec: intOf(pick, 'automaticStartDelay'),
    automaticStopAction: enumOf(pick, 'automaticStopAction', STOP_ACTIONS),
    checkpointType: enumOf(pick, 'checkpointType', CHECKPOINT_TYPES),
    compatibilityForMigration: boolOf(pick, 'compatibilityForMigration'),
    firstBootDevice: enumOf(pick, 'firstBootDevice', BOOT_DEVICES),
    memoryBuffer: intOf(pick, 'memoryBuffer'),
    memoryWeight: intOf(pick, 'memoryWeight'),
    nestedVirtualization: boolOf(pick, 'nestedVirtualization'),
    secureBootTemplate: enumOf(pick, 'secureBootTemplate', SECURE_BOOT_TEMPLATES),
    tpm: boolOf(pick, 'tpm'),
  };
  const bufferP = pick('memoryBuffer');
  if (bufferP && settings.memoryBuffer !== null && !vm.memory.dynamic) {
    add(bufferP.from, { message: `memoryBuffer applies to dynamic memory, but VM '${vm.name}' has static memory`, hint: 'remove memoryBuffer, or give memory a minimum/maximum' });
  }
  const isP = pick('integrationServices');
  const integrationServices: Record<string, boolean> = {};
  if (isP && isObj(isP.value)) for (const [k, v] of Object.entries(isP.value)) if (typeof v === 'boolean') integrationServices[k.replace(/[{}]/g, '').toUpperCase()] = v;
  if (gen === 1) {
    for (const k of ['tpm', 'secureBootTemplate'] as const) {
      const p = pick(k);
      if (p && settings[k] !== null && (k !== 'tpm' || settings.tpm === true)) {
        add(p.from, { message: `${k} exists only on generation 2 VMs, but VM '${vm.name}' is generation 1`, hint: `remove ${k}, or use generation 2` });
      }
    }
    settings.secureBootTemplate = null;
    if (settings.tpm === false) settings.tpm = null;
  }
  vm.adapters = adapters;
  vm.adaptersListed = adaptersListed;
  vm.cloudInit = cloudInit;
  vm.dataDisks = dataDisks;
  vm.dvdDrives = dvdDrives;
  vm.integrationServices = integrationServices;
  vm.settings = settings;
}
