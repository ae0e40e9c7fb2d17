// From the raw document to the resolved Config: the rules that span values (memory bounds, names,
// duplicates, secrets, host keys), defaults merged into every VM, and built-in defaults filled in.
// It runs even when the schema already found problems — reading defensively and skipping values of
// the wrong type (the schema reports those) — so that one run lists every problem of the file.
import type { Problem } from '../errors.js';
import type { Config, DesiredAdapter, DesiredDataDisk, DesiredDvd, DesiredMemory, DesiredSettings, DesiredVm, HostConfig, Policy, SshConfig, VmSsh } from './types.js';
import { checkSurfaceValues, resolveSurface } from './surface.js';
import { resolveSwitches } from './switches.js';
import {
  DYNAMIC_MAXIMUM_DEFAULT_BYTES,
  DYNAMIC_MINIMUM_DEFAULT_BYTES,
  imagePathProblem,
  isSecretKey,
  macProblem,
  memoryBytesProblem,
  normalizeMac,
  notesProblem,
  readSize,
  SECRET_MESSAGE,
  VHDX_MAX_BYTES,
  windowsPathProblem,
  type RuleFailure,
} from './rules.js';
import { formatSize } from '../sizes.js';
import { didYouMean } from './suggest.js';
import { sameLineEnds } from '../model/ownership.js';
import { vmNameKey, vmNameProblem } from './vm-name.js';
import { joinPointer, type PositionMap } from './yaml-source.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const BUILTIN = {
  host: { concurrency: 2, operationTimeoutSec: 600 },
  policy: {
    protect: ['prod-*'],
    allowRestart: false,
    allowTurnOff: false,
    maxDisruptive: 5,
    prune: false,
    checkpointBeforeDisruptive: false,
    stopTimeoutSec: 120,
  },
  ssh: { port: 22, knownHostsFile: null, syncHosts: true, ipv6: false, discoveryTimeoutSec: 120 },
  vm: { state: 'running', generation: 2, diskStrategy: 'differencing', deleteOnDestroy: false, notes: '' },
} as const;

export interface Resolution {
  /** Filled even when there are problems (with what could be read); only meaningful without them. */
  config: Config;
  problems: Problem[];
  /** Problems found past the limit: counted, not built. */
  more: number;
}

class Collector {
  readonly problems: Problem[] = [];
  more = 0;
  /** add as a plain function, made once for the callees that take one (not once per VM). */
  readonly addFn = (path: string, p: RuleFailure): void => this.add(path, p);
  constructor(
    private readonly file: string,
    private readonly positions: PositionMap,
    private readonly limit: number,
  ) {}
  add(path: string, p: RuleFailure, at: 'key' | 'value' = 'value'): void {
    if (this.problems.length >= this.limit) {
      this.more++;
      return;
    }
    this.problems.push({ file: this.file, ...this.positions.locate(path, at), path, ...definedOnly(p) });
  }
  lineOf(path: string, at: 'key' | 'value' = 'value'): number {
    return this.positions.locate(path, at).line;
  }
  positionOf(path: string): { line: number; column: number } {
    return this.positions.locate(path, 'value');
  }
  /** Where item `index` of the sequence at `pointer` is written (positionOf its pointer). */
  itemPositionOf(pointer: string, index: number): { line: number; column: number } {
    return this.positions.locateItem(pointer, index);
  }
}

function definedOnly(p: RuleFailure): RuleFailure {
  const out: RuleFailure = { message: p.message };
  if (p.expected !== undefined) out.expected = p.expected;
  if (p.hint !== undefined) out.hint = p.hint;
  return out;
}

/**
 * A VM field's effective raw value: the VM's own, else the one in defaults, with where it was
 * written (a path built only when a problem or a rule asks: a fleet picks twenty fields per VM).
 */
class Picked {
  constructor(
    readonly value: unknown,
    /** The VM's pointer, or '' for a value from defaults. */
    private readonly base: string,
    private readonly key: string,
  ) {}
  get from(): string {
    return this.base === '' ? `/defaults/${this.key}` : `${this.base}/${this.key}`;
  }
}

export function resolveConfig(raw: unknown, positions: PositionMap, file: string, limit = Infinity): Resolution {
  const c = new Collector(file, positions, limit);
  const root = isObj(raw) ? raw : {};

  checkSecrets(raw, c);

  const host = resolveHost(root.host);
  const policy = resolvePolicy(root.policy);
  const ssh = resolveSsh(root.ssh);
  const defaults = isObj(root.defaults) ? root.defaults : {};
  const rawVms = Array.isArray(root.vms) ? root.vms : [];

  // Values in defaults are checked once, where they are written, not once per VM inheriting them.
  checkVmFieldValues(defaults, '/defaults', c);
  if (defaults.generation === 1 && defaults.secureBoot === true) {
    c.add('/defaults/secureBoot', {
      message: 'secure boot exists only on generation 2 VMs, but defaults sets generation: 1 and secureBoot: true',
      hint: 'remove secureBoot, or use generation 2',
    });
  }
  if (isObj(defaults.ssh) && !ssh) {
    c.add('/defaults/ssh', { message: 'ssh settings in defaults need the top-level ssh block (user, privateKeyEnv)', hint: 'add a top-level ssh block, or remove this one' }, 'key');
  }

  const inherited = new Inherited(defaults, ssh);
  const vms: DesiredVm[] = [];
  // The first VM of each name key, by its index in vms: the rest of it is looked up only for a duplicate.
  const byName = new Map<string, number>();
  const macs = new Map<string, { vm: string; from: string }>();
  const vmNames: string[] = [];
  for (let i = 0; i < rawVms.length; i++) {
    const item: unknown = rawVms[i];
    if (!isObj(item)) continue; // the schema reports it
    const base = '/vms/' + i; // joinPointer('/vms', i): an index needs no escaping (once a VM, and it showed)
    checkVmFieldValues(item, base, c);
    const vm = resolveVm(item, i, base, inherited, ssh, c);
    if (!vm) continue;
    vmNames.push(vm.name);

    const key = vmNameKey(vm.name);
    const firstIndex = byName.get(key);
    if (firstIndex !== undefined) {
      const first = { name: (rawVms[firstIndex] as Obj).name as string, path: joinPointer('/vms', firstIndex) };
      const namePath = `${base}/name`;
      c.add(namePath, {
        message: `duplicate VM name '${vm.name}': '${first.name}' is already declared at line ${c.lineOf(`${first.path}/name`)} (Hyper-V compares names case-insensitively)`,
        hint: 'give every VM its own name',
      });
    } else {
      byName.set(key, i);
    }

    const adapters = vm.adapters ?? [];
    for (let j = 0; j < adapters.length; j++) {
      const a = adapters[j]!;
      if (a.name === null || a.mac === null) continue; // the single form is checked below
      const from = `${base}/networkAdapters/${j}/mac`;
      const prev = macs.get(a.mac);
      if (prev) c.add(from, { message: `MAC ${a.mac} is already used by VM '${prev.vm}' (line ${c.lineOf(prev.from)}); two adapters with one address break the network` });
      else macs.set(a.mac, { vm: vm.name, from });
    }
    if (vm.mac !== null && !vm.adaptersListed) {
      const from = has(item, 'mac') ? `${base}/mac` : '/defaults/mac';
      const prev = macs.get(vm.mac);
      if (prev) {
        c.add(from, {
          message:
            from === '/defaults/mac'
              ? 'mac in defaults gives every VM without its own mac the same address; two adapters with one address break the network'
              : `MAC ${vm.mac} is already used by VM '${prev.vm}' (line ${c.lineOf(prev.from)}); two adapters with one address break the network`,
          hint: from === '/defaults/mac' ? 'set mac on each VM instead of in defaults' : undefined,
        });
      } else {
        macs.set(vm.mac, { vm: vm.name, from });
      }
    }
    vms.push(vm);
  }

  if (ssh && isObj(root.ssh) && isObj(root.ssh.hostKeys)) {
    const known = new Map(vmNames.map((n) => [vmNameKey(n), n]));
    const pinnedAs = new Map<string, string>();
    for (const k of Object.keys(root.ssh.hostKeys)) {
      const first = pinnedAs.get(vmNameKey(k));
      if (first !== undefined) {
        c.add(joinPointer('/ssh/hostKeys', k), { message: `ssh.hostKeys names '${k}' and '${first}', which are one VM (names are case-insensitive)`, hint: 'keep one of them' }, 'key');
        continue;
      }
      pinnedAs.set(vmNameKey(k), k);
      if (!known.has(vmNameKey(k))) {
        c.add(
          joinPointer('/ssh/hostKeys', k),
          { message: `ssh.hostKeys pins a key for '${k}', which is not a VM of this file`, expected: 'the name of a VM in vms', hint: didYouMean(k, vmNames) },
          'key',
        );
      }
    }
  }

  // A remote host opens the image with the caller's credentials only through a second hop, which
  // Kerberos refuses by default (Learn: "Making the second hop in PowerShell Remoting").
  if (host.computerName !== null) {
    const unc = (v: unknown): v is string => typeof v === 'string' && v.startsWith('\\\\');
    const at = rawVms.map((item, i) => (isObj(item) && unc(item.image) ? { from: `${joinPointer('/vms', i)}/image`, image: item.image } : null));
    if (unc(defaults.image)) at.push({ from: '/defaults/image', image: defaults.image });
    for (const a of at) if (a) c.add(a.from, uncImageOnRemoteHost(a.image, host.computerName));
  }

  const config: Config = {
    version: 1,
    project: typeof root.project === 'string' ? root.project : '',
    host,
    policy,
    ssh,
    vms,
    switches: resolveSwitches(root.switches, (path, p) => c.add(path, p)),
  };
  return { config, problems: c.problems, more: c.more };
}

function uncImageOnRemoteHost(image: string, computerName: string) {
  const local = `D:\\images\\${image.split('\\').pop()}`;
  return {
    message: `image '${image}' is on a network share, which remote host '${computerName}' cannot read with your credentials: Kerberos refuses the second hop`,
    hint: `copy the image to a local path on ${computerName} (such as ${local}), or set up resource-based Kerberos constrained delegation or CredSSP for ${computerName} (https://learn.microsoft.com/en-us/powershell/scripting/security/remoting/ps-remoting-second-hop)`,
  };
}

function resolveHost(v: unknown): HostConfig {
  const h = isObj(v) ? v : {};
  return {
    computerName: typeof h.computerName === 'string' ? h.computerName : null,
    concurrency: isInt(h.concurrency) ? h.concurrency : BUILTIN.host.concurrency,
    operationTimeoutSec: isInt(h.operationTimeout) ? h.operationTimeout : BUILTIN.host.operationTimeoutSec,
  };
}

function resolvePolicy(v: unknown): Policy {
  const p = isObj(v) ? v : {};
  const d = BUILTIN.policy;
  const bool = (k: string, dflt: boolean): boolean => (typeof p[k] === 'boolean' ? (p[k] as boolean) : dflt);
  return {
    protect: Array.isArray(p.protect) ? p.protect.filter((x): x is string => typeof x === 'string') : [...d.protect],
    allowRestart: bool('allowRestart', d.allowRestart),
    allowTurnOff: bool('allowTurnOff', d.allowTurnOff),
    maxDisruptive: isInt(p.maxDisruptive) ? p.maxDisruptive : d.maxDisruptive,
    prune: bool('prune', d.prune),
    checkpointBeforeDisruptive: bool('checkpointBeforeDisruptive', d.checkpointBeforeDisruptive),
    stopTimeoutSec: isInt(p.stopTimeout) ? p.stopTimeout : d.stopTimeoutSec,
  };
}

function resolveSsh(v: unknown): SshConfig | null {
  if (!isObj(v)) return null;
  const d = BUILTIN.ssh;
  const hostKeys: Record<string, string> = {};
  if (isObj(v.hostKeys)) for (const [k, key] of Object.entries(v.hostKeys)) if (typeof key === 'string') hostKeys[k] = key;
  const hosts = isObj(v.hosts) ? v.hosts : {};
  return {
    user: typeof v.user === 'string' ? v.user : '',
    port: isInt(v.port) ? v.port : d.port,
    privateKeyEnv: typeof v.privateKeyEnv === 'string' ? v.privateKeyEnv : '',
    hostKeys,
    knownHostsFile: typeof v.knownHostsFile === 'string' ? v.knownHostsFile : d.knownHostsFile,
    syncHosts: typeof hosts.sync === 'boolean' ? hosts.sync : d.syncHosts,
    ipv6: typeof v.ipv6 === 'boolean' ? v.ipv6 : d.ipv6,
    discoveryTimeoutSec: isInt(v.discoveryTimeout) ? v.discoveryTimeout : d.discoveryTimeoutSec,
  };
}

/**
 * Anywhere in the document, a key that names a secret is refused (the key is the mistake, not its
 * value). The walk keeps the path as a stack and builds a pointer only for a key it reports: a fleet
 * has a few distinct keys and many objects, so each key is judged once.
 */
function checkSecrets(root: unknown, c: Collector): void {
  const path: Array<string | number> = [];
  const judged = new Map<string, boolean>();
  const isSecret = (k: string): boolean => {
    let yes = judged.get(k);
    if (yes === undefined) judged.set(k, (yes = isSecretKey(k)));
    return yes;
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x === null || typeof x !== 'object') continue;
        path.push(i);
        walk(x);
        path.pop();
      }
      return;
    }
    if (!isObj(v)) return;
    // ssh.hostKeys is keyed by VM names, which may be any word.
    const vmNames = path.length === 2 && path[0] === 'ssh' && path[1] === 'hostKeys';
    // for-in with the own-key check: the keys Object.keys lists, without a list made per object
    // of the fleet (a key something gave Object.prototype is not the document's).
    for (const k in v) {
      if (!has(v, k)) continue;
      if (!vmNames && isSecret(k)) {
        c.add(joinPointer('', ...path, k), { message: SECRET_MESSAGE, hint: `remove '${k}'; the tool reads the secret from the environment variable privateKeyEnv names` }, 'key');
        continue;
      }
      const x = v[k];
      if (x === null || typeof x !== 'object') continue;
      path.push(k);
      walk(x);
      path.pop();
    }
  };
  walk(root);
}

/** Checks of VM fields that need nothing but the value itself (run on defaults and on each VM). */
function checkVmFieldValues(o: Obj, base: string, c: Collector): void {
  if (has(o, 'memory')) readMemory(o.memory, `${base}/memory`, c);
  if (typeof o.mac === 'string') {
    const p = macProblem(o.mac);
    if (p) c.add(`${base}/mac`, p);
  }
  if (typeof o.path === 'string') {
    const p = windowsPathProblem(o.path, 'path');
    if (p) c.add(`${base}/path`, p);
  }
  if (typeof o.image === 'string') {
    const p = imagePathProblem(o.image);
    if (p) c.add(`${base}/image`, p);
  }
  if (typeof o.notes === 'string') {
    const p = notesProblem(o.notes);
    if (p) c.add(`${base}/notes`, p);
  }
  if (isObj(o.disk) && typeof o.disk.size === 'string') readDiskSize(o.disk.size, `${base}/disk/size`, c);
  checkSurfaceValues(o, base, c.addFn, readDiskSize);
}

function readDiskSize(text: string, path: string, c: Collector | ((path: string, p: RuleFailure) => void)): number | undefined {
  const add = (at: string, p: RuleFailure): void => (typeof c === 'function' ? c(at, p) : c.add(at, p));
  const r = readSize(text, 'disk size');
  if (!('bytes' in r)) {
    add(path, r);
    return undefined;
  }
  if (r.bytes <= 0) {
    add(path, { message: `disk size ${text} must be greater than 0`, expected: 'a size such as 40GB' });
    return undefined;
  }
  if (r.bytes > VHDX_MAX_BYTES) {
    add(path, { message: `disk size ${text} is above the 64TB a VHDX can hold`, expected: 'at most 64TB' });
    return undefined;
  }
  return r.bytes;
}

/** Memory as written (a size or a mapping) → DesiredMemory, adding a problem for each broken rule. */
function readMemory(v: unknown, path: string, c: Collector | null): DesiredMemory | undefined {
  const add = (p: string, f: RuleFailure): void => c?.add(p, f);
  const bytes = (text: unknown, p: string, what: string): number | undefined => {
    if (typeof text !== 'string') return undefined;
    const r = readSize(text, what);
    if (!('bytes' in r)) {
      add(p, r);
      return undefined;
    }
    const bad = memoryBytesProblem(r.bytes, what, text);
    if (bad) {
      add(p, bad);
      return undefined;
    }
    return r.bytes;
  };
  if (typeof v === 'string') {
    const b = bytes(v, path, 'memory');
    return b === undefined ? undefined : { dynamic: false, startupBytes: b };
  }
  if (!isObj(v)) return undefined;
  const startup = bytes(v.startup, `${path}/startup`, 'memory startup');
  const hasMin = has(v, 'minimum');
  const hasMax = has(v, 'maximum');
  const minimum = bytes(v.minimum, `${path}/minimum`, 'memory minimum');
  const maximum = bytes(v.maximum, `${path}/maximum`, 'memory maximum');
  if (v.dynamic === false && (hasMin || hasMax)) {
    add(`${path}/dynamic`, {
      message: `dynamic: false, but ${hasMin && hasMax ? 'minimum and maximum are' : hasMin ? 'minimum is' : 'maximum is'} given; they only apply to dynamic memory`,
      hint: 'remove minimum/maximum for static memory, or set dynamic: true',
    });
    return undefined;
  }
  const dynamic = v.dynamic === true || ((hasMin || hasMax) && v.dynamic !== false);
  if (startup === undefined) return undefined;
  if (!dynamic) return { dynamic: false, startupBytes: startup };
  if ((hasMin && minimum === undefined) || (hasMax && maximum === undefined)) return undefined;
  const min = minimum ?? Math.min(DYNAMIC_MINIMUM_DEFAULT_BYTES, startup);
  const max = maximum ?? Math.max(DYNAMIC_MAXIMUM_DEFAULT_BYTES, startup);
  let ok = true;
  const order = 'dynamic memory needs minimum ≤ startup ≤ maximum';
  if (min > startup) {
    add(`${path}/minimum`, { message: `memory minimum ${formatSize(min)} is above startup ${formatSize(startup)}: ${order}`, expected: `at most ${formatSize(startup)}` });
    ok = false;
  }
  if (max < startup) {
    add(`${path}/maximum`, { message: `memory maximum ${formatSize(max)} is below startup ${formatSize(startup)}: ${order}`, expected: `at least ${formatSize(startup)}` });
    ok = false;
  }
  return ok ? { dynamic: true, maximumBytes: max, minimumBytes: min, startupBytes: startup } : undefined;
}

/**
 * What every VM without a value of its own inherits from defaults, worked out once for the whole
 * fleet instead of once per VM: the picked values and the memory read from them. Values from
 * defaults are checked where they are written (checkVmFieldValues on /defaults), so reading them
 * here reports nothing and gives the same for every VM.
 */
class Inherited {
  private readonly picked = new Map<string, Picked | null>();
  private memoryRead = false;
  private memoryValue: DesiredMemory | undefined;
  /** ssh.hostKeys by VM name key; the first of names that are one VM (the others are reported). */
  readonly pinnedKeys = new Map<string, string>();
  constructor(
    readonly defaults: Obj,
    topSsh: SshConfig | null,
  ) {
    if (topSsh) for (const [k, key] of Object.entries(topSsh.hostKeys)) if (!this.pinnedKeys.has(vmNameKey(k))) this.pinnedKeys.set(vmNameKey(k), key);
  }
  pick(k: string): Picked | undefined {
    let p = this.picked.get(k);
    if (p === undefined) this.picked.set(k, (p = has(this.defaults, k) ? new Picked(this.defaults[k], '', k) : null));
    return p ?? undefined;
  }
  /** readMemory of defaults.memory, as a VM's own copy. */
  memory(): DesiredMemory | undefined {
    if (!this.memoryRead) {
      this.memoryRead = true;
      const p = this.pick('memory');
      this.memoryValue = p ? readMemory(p.value, p.from, null) : undefined;
    }
    return this.memoryValue === undefined ? undefined : { ...this.memoryValue };
  }
}

// Placeholders a resolved VM is made with, replaced by resolveSurface before anyone sees the VM.
const NO_ADAPTERS: DesiredAdapter[] = [];
const NO_DISKS: DesiredDataDisk[] = [];
const NO_DVDS: DesiredDvd[] = [];
const NO_SERVICES: Record<string, boolean> = {};
const NO_SETTINGS = null as unknown as DesiredSettings;

function resolveVm(item: Obj, index: number, base: string, inherited: Inherited, topSsh: SshConfig | null, c: Collector): DesiredVm | undefined {
  const defaults = inherited.defaults;
  if (typeof item.name !== 'string') return undefined; // missing or not text: the schema says so
  const name = item.name;
  const why = vmNameProblem(name);
  if (why) c.add(`${base}/name`, { message: `VM name '${printable(name)}' is not allowed: ${why}` });

  const pick = (k: string): Picked | undefined => (has(item, k) ? new Picked(item[k], base, k) : inherited.pick(k));
  const missing = (k: string, what: string): void =>
    c.add(`${base}/${k}`, { message: `VM '${name}' has no ${k}: set it on the VM or in defaults`, expected: what }, 'value');

  const state = pick('state');
  const generation = pick('generation');
  const gen: 1 | 2 = generation?.value === 1 ? 1 : 2;

  const cpusP = pick('cpus');
  if (!cpusP) missing('cpus', 'an integer from 1 to 240');
  const memP = pick('memory');
  if (!memP) missing('memory', 'a size such as 2GB, or { startup, minimum, maximum }');
  const pathP = pick('path');
  if (!pathP) missing('path', 'an absolute Windows path such as D:\\Hyper-V\\lab');

  const sb = pick('secureBoot');
  let secureBoot: boolean | null = gen === 2 ? true : null;
  if (sb && typeof sb.value === 'boolean') {
    if (gen === 1 && sb.value) {
      const sbOwn = sb.from.startsWith(base);
      const genOwn = generation?.from.startsWith(base) ?? false;
      if (sbOwn || genOwn) {
        const other = sbOwn ? generation! : sb;
        const otherWhere = other.from.startsWith('/defaults') ? ` (from defaults, line ${c.lineOf(other.from)})` : '';
        c.add(sbOwn ? sb.from : generation!.from, {
          message: `secure boot exists only on generation 2 VMs, but VM '${name}' is generation 1 with secureBoot: true${otherWhere}`,
          hint: sbOwn ? 'remove secureBoot, or use generation 2' : 'set secureBoot: false on this VM, or use generation 2',
        });
      } // both from defaults: reported once, at defaults
    } else {
      secureBoot = gen === 2 ? sb.value : null;
    }
  }

  // Only read: the defaults' own object serves a VM that has no disk of its own.
  const disk = isObj(item.disk) ? mergedObject(item.disk, defaults.disk) : isObj(defaults.disk) ? defaults.disk : {};
  const image = pick('image');
  // Generation 2 boots only from VHDX (Learn: "Should I create a generation 1 or 2 virtual machine in
  // Hyper-V?"), and a disk made from a .vhd image is a .vhd (a differencing child has its parent's format).
  if (gen === 2 && image && typeof image.value === 'string' && /\.vhd$/i.test(image.value)) {
    c.add(image.from.startsWith(base) ? image.from : generation?.from.startsWith(base) ? generation.from : image.from, {
      message: `VM '${name}' is generation 2, which cannot boot from a .vhd image ('${image.value}')`,
      hint: 'convert the image to .vhdx (Convert-VHD), or use generation: 1',
    });
  }
  const mac = pick('mac');
  const notes = pick('notes');
  const sw = pick('switch');

  // Every key in sorted order (the canonical form the config hash is taken over: canonicalizing the
  // config walks it, not copies it); the surface fields are filled in by resolveSurface, which may
  // also set switch and mac from an adapter list.
  const out: DesiredVm = {
    adapters: NO_ADAPTERS,
    adaptersListed: false,
    cloudInit: null,
    cpus: cpusP && isInt(cpusP.value) ? cpusP.value : 0,
    dataDisks: NO_DISKS,
    disk: {
      deleteOnDestroy: disk.deleteOnDestroy === true,
      image: image && typeof image.value === 'string' ? image.value : null,
      sizeBytes: typeof disk.size === 'string' ? (readSizeQuiet(disk.size) ?? null) : null,
      strategy: disk.strategy === 'copy' ? 'copy' : 'differencing',
    },
    dvdDrives: NO_DVDS,
    generation: gen,
    integrationServices: NO_SERVICES,
    mac: mac && typeof mac.value === 'string' ? normalizeMac(mac.value) : null,
    memory: (memP && (has(item, 'memory') ? readMemory(memP.value, memP.from, null) : inherited.memory())) ?? { dynamic: false, startupBytes: 0 },
    name,
    // Line ends as one \n: a note ending in '\r' would otherwise merge with the '\n' before the
    // ownership marker and never read back the same (the VM re-planned on every run).
    notes: notes && typeof notes.value === 'string' ? sameLineEnds(notes.value) : BUILTIN.vm.notes,
    path: pathP && typeof pathP.value === 'string' ? pathP.value : '',
    secureBoot,
    settings: NO_SETTINGS,
    ssh: resolveVmSsh(item, base, inherited, topSsh, name, c),
    state: state && (state.value === 'running' || state.value === 'stopped' || state.value === 'absent') ? state.value : BUILTIN.vm.state,
    switch: sw && typeof sw.value === 'string' ? sw.value : null,
  };
  resolveSurface(out, pick, base, c.addFn);
  Object.defineProperty(out, 'source', { value: c.itemPositionOf('/vms', index), enumerable: false, writable: true, configurable: true });
  return out;
}

function readSizeQuiet(text: string): number | undefined {
  const r = readSize(text, '');
  return 'bytes' in r ? r.bytes : undefined;
}

/** disk and ssh merge key by key: the VM's keys over the defaults' keys. */
function mergedObject(own: unknown, inherited: unknown): Obj {
  return { ...(isObj(inherited) ? inherited : {}), ...(isObj(own) ? own : {}) };
}

function resolveVmSsh(item: Obj, base: string, inherited: Inherited, top: SshConfig | null, name: string, c: Collector): VmSsh | null {
  const defaults = inherited.defaults;
  const own = item.ssh;
  if (!top) {
    if (isObj(own)) {
      c.add(`${base}/ssh`, { message: `ssh settings on VM '${name}' need the top-level ssh block (user, privateKeyEnv)`, hint: 'add a top-level ssh block, or remove this one' }, 'key');
    }
    return null;
  }
  if (own === false) return null;
  if (own === undefined && defaults.ssh === false) return null;
  const merged = mergedObject(own, defaults.ssh);
  const pinned = inherited.pinnedKeys.get(vmNameKey(name)) ?? null;
  let hostKey: string | null = pinned;
  if (isObj(own) && has(own, 'hostKey')) {
    hostKey = typeof own.hostKey === 'string' ? own.hostKey : null;
    if (pinned !== null && hostKey !== null && pinned !== hostKey) {
      c.add(`${base}/ssh/hostKey`, {
        message: `VM '${name}' pins a host key here and a different one in ssh.hostKeys`,
        hint: 'keep one of the two',
      });
    }
  } else if (pinned === null && typeof merged.hostKey === 'string') {
    hostKey = merged.hostKey;
  }
  // Keys in canonical (sorted) order, as the rest of a resolved VM.
  return {
    hostKey,
    port: isInt(merged.port) ? merged.port : top.port,
    syncHosts: typeof merged.sync === 'boolean' ? merged.sync : top.syncHosts,
    user: typeof merged.user === 'string' ? merged.user : top.user,
  };
}

/** Names with control characters would garble the message they appear in. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
