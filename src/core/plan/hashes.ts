// configHash, observedHash and basisHash: sha256 over canonical JSON of content only (no source
// positions, no timestamps, no backend name), so a plan made from a replayed current.json equals the
// one made live.
import { CanonicalTexts, canonicalPartWithout, sha256Of, sha256OfParts, type Json, type Sha256 } from '../canonical.js';
import type { Config } from '../config/types.js';
import { blockingReasons, nameKey, nameKeysOf } from '../model/assess.js';
import type { Observation, ObservedVm } from '../model/observed.js';
import { ownedBy } from '../model/ownership.js';

const enumerable = Object.prototype.propertyIsEnumerable;

/**
 * The configuration's version. Of a config read from a file (parseConfig): sha256 over the canonical
 * JSON of the document as written — comments, layout, key order, quoting and anchors do not count,
 * every value written does, and seed files count by content. Hashing what the file says, not what it
 * resolves to, costs a few hundred bytes of JSON a VM instead of the resolved VM's every field (7.5
 * MB at 10,000 VMs). Two files that say the same thing in other words (a value moved into defaults)
 * are two versions: a reviewed plan is applied only from the very configuration reviewed.
 * A config built in memory has no document: its canonical resolved content is hashed.
 */
export function configHash(config: Config): Sha256 {
  return config.documentHash ?? resolvedConfigHash(config);
}

/** sha256 over the canonical resolved config (defaults merged, source positions left out). */
export function resolvedConfigHash(config: Config): Sha256 {
  // A resolved VM's source position is not enumerable (canonical JSON never sees it), so the VMs are
  // walked as they are; only a VM built with an enumerable one (in memory, by hand) is normalized
  // without it.
  let vms: readonly unknown[] = config.vms;
  for (let i = 0; i < config.vms.length; i++) {
    const vm = config.vms[i]!;
    if (!enumerable.call(vm, 'source')) continue;
    if (vms === config.vms) vms = config.vms.slice();
    (vms as unknown[])[i] = canonicalPartWithout(vm, 'source');
  }
  return sha256Of({ ...config, vms });
}

export const CHECKPOINT_PREFIX = 'hyperv-converge before ';

/** The pre-change checkpoint's name: by config version, so a rerun of the same config recognises its own. */
export function checkpointNameFor(config: Config, hash: string = configHash(config)): string {
  return `${CHECKPOINT_PREFIX}${hash.slice('sha256:'.length, 'sha256:'.length + 12)}`;
}

const earlierNames = new WeakMap<Config, string>();

/**
 * Whether a checkpoint is this config version's own pre-change checkpoint: named `checkpointName`,
 * or — for a config read from a file — the name versions before configHash was the document's gave
 * the same config (its resolved content's hash), so an apply interrupted right before an upgrade
 * does not take a second checkpoint after it. That name costs a hash of the whole resolved config:
 * it is worked out only for a checkpoint of this tool under another name, once per config.
 */
export function isOwnCheckpoint(config: Config, checkpointName: string, name: string): boolean {
  if (name === checkpointName) return true;
  if (config.documentHash === undefined || !name.startsWith(CHECKPOINT_PREFIX)) return false;
  let earlier = earlierNames.get(config);
  if (earlier === undefined) earlierNames.set(config, (earlier = checkpointNameFor(config, resolvedConfigHash(config))));
  return name === earlier;
}

/** The whole observation: every VM on the host. Information only; the plan hash does not cover it. */
export function observedHash(obs: Observation): Sha256 {
  return sha256Of({ host: obs.host, vms: obs.vms, complete: obs.complete, incomplete: obs.incomplete });
}

/**
 * observedHash from the canonical tree of the whole observation (the one current.json is printed
 * from), so a run canonicalizes its observation once: equal to observedHash(obs) for tree =
 * canonicalTree(obs), because the subtrees are already normalized and the keys are listed sorted.
 */
export function observedHashOfTree(tree: Json, texts: CanonicalTexts = new CanonicalTexts()): Sha256 {
  const t = tree as { [k: string]: Json };
  // Its members are printed through `texts`, so current.json, printed from the same tree, reuses them.
  return sha256OfParts(texts.objectParts({ complete: t.complete ?? null, host: t.host ?? null, incomplete: t.incomplete ?? null, vms: t.vms ?? null }));
}

/** Hashes a caller already has (a run computes each once and hands them on). */
export interface KnownDigests {
  configHash?: Sha256;
  observedHash?: Sha256;
  /** canonicalTree of the very observation planned (the one current.json is printed from): the
   *  observed and basis hashes are taken over it, so the observation is not canonicalized again. */
  observedTree?: Json;
  /** The run's printed texts: the plan body is printed once, for its hash and for plan.json. */
  texts?: CanonicalTexts;
}

/**
 * The facts planning reads from one VM (plan.ts, surface.ts): everything observed of it but what
 * changes on its own without being a change — guest addresses, integration-service status text, and
 * checkpoints other than this config's own — so a new IP or a backup checkpoint is not a change.
 */
function vmFacts(v: ObservedVm, own: (name: string) => boolean): unknown {
  const { checkpoints, adapters, integrationServices, ...rest } = v;
  return {
    ...rest,
    adapters: adapters.map(({ ips: _ips, ...a }) => a),
    integrationServices: integrationServices.map((s) => ({ id: s.id, enabled: s.enabled })),
    // Only whether this config's own pre-change checkpoint exists is compared.
    ownCheckpoint: checkpoints.some((c) => own(c.name)),
  };
}

/**
 * Which VMs, reasons and switches of the observation the plan concerns: `vm(i)` for the
 * observation's i-th VM, `concerns(name)` for any name. Names are keyed once per list (nameKeysOf).
 */
function selection(config: Config, obs: Observation, targets?: readonly string[]): { concerns: (name: string) => boolean; vm: (i: number) => boolean; switches: Set<string> } {
  const desired = new Set(nameKeysOf(config.vms));
  const obsKeys = nameKeysOf(obs.vms);
  const owned = new Set<string>();
  if (config.policy.prune) obs.vms.forEach((o, i) => ownedBy(o.notes, config.project) && owned.add(obsKeys[i]!));
  // A plan limited to some VMs (--target) concerns only those.
  const only = targets ? new Set(targets.map((t) => nameKey(t))) : null;
  const concernsKey = (k: string) => (desired.has(k) || owned.has(k)) && (!only || only.has(k));
  // Every switch the file refers to: single-form switches, adapter lists, and switches it declares
  // (each name keyed once: a fleet names a few switches many times).
  const named = new Set<string>();
  for (const v of config.vms) {
    if (v.switch) named.add(v.switch);
    for (const a of v.adapters ?? []) if (a.switch) named.add(a.switch);
  }
  for (const s of config.switches ?? []) if (s.name) named.add(s.name);
  const switches = new Set<string>();
  for (const n of named) switches.add(nameKey(n));
  return { concerns: (name) => concernsKey(nameKey(name)), vm: (i) => concernsKey(obsKeys[i]!), switches };
}

/**
 * The observed facts the plan compared, for the VMs it concerns: the VMs the file names (and, with
 * pruning, the VMs this project owns), the switches and paths the file refers to, and what made the
 * observation incomplete for them. Another team's VM on the same host is not part of it.
 */
export function basisOf(config: Config, obs: Observation, checkpointName: string, targets?: readonly string[]): unknown {
  const { concerns, vm, switches } = selection(config, obs, targets);
  return {
    computerName: obs.host.computerName,
    switches: obs.host.switches.filter((s) => switches.has(nameKey(s.name))),
    paths: obs.host.paths,
    blocking: blockingReasons(obs, concerns),
    vms: obs.vms.filter((_v, i) => vm(i)).map((v) => vmFacts(v, (name) => isOwnCheckpoint(config, checkpointName, name))),
  };
}

export function basisHash(config: Config, obs: Observation, checkpointName: string, targets?: readonly string[]): Sha256 {
  return sha256Of(basisOf(config, obs, checkpointName, targets));
}

type Node = { [k: string]: Json };

/**
 * basisOf, built from the observation's canonical tree: the same selection (read from obs), the same
 * facts taken from the tree's already normalized parts, keys placed in sorted order, so that
 * sha256OfTree of it equals basisHash(config, obs, …). The tree lists obs's VMs and reasons in order.
 */
export function basisTreeOf(config: Config, obs: Observation, tree: Json, checkpointName: string, targets?: readonly string[]): Json {
  const t = tree as Node;
  const host = t.host as Node;
  const treeVms = t.vms as Node[];
  const treeReasons = t.incomplete as Json[];
  if (treeVms.length !== obs.vms.length || treeReasons.length !== obs.incomplete.length) throw new TypeError('basisTreeOf: the tree is not the canonical tree of this observation');
  const { concerns, vm, switches } = selection(config, obs, targets);
  literals = LITERAL_KEYS.every((k) => !(k in Object.prototype));
  const out: Node = {};
  const blocking: Json[] = [];
  obs.incomplete.forEach((r, i) => {
    if (r.vm === undefined || concerns(r.vm)) blocking.push(treeReasons[i]!);
  });
  out.blocking = blocking;
  if (host.computerName !== undefined) out.computerName = host.computerName;
  if (host.paths !== undefined) out.paths = host.paths;
  out.switches = obs.host.switches.flatMap((s, i) => (switches.has(nameKey(s.name)) ? [(host.switches as Json[])[i]!] : []));
  const vms: Json[] = [];
  const own = (name: Json): boolean => typeof name === 'string' && isOwnCheckpoint(config, checkpointName, name);
  for (let i = 0; i < treeVms.length; i++) if (vm(i)) vms.push(factsOfTree(treeVms[i]!, own));
  out.vms = vms;
  return out;
}

/**
 * vmFacts of a VM's canonical tree. A VM with only the keys an observed VM has (the schema's: every
 * answer and recording is checked against it) is built as one literal listing them in sorted order,
 * a member the VM lacks left undefined, which JSON.stringify leaves out just as if it were absent:
 * the same text, without a key-by-key copy of every VM. Anything else takes the general way.
 */
function factsOfTree(vm: Node, own: (name: Json) => boolean): Json {
  if (!literals || !onlyKeysOf(vm, VM_KEYS)) return factsByKeys(vm, own);
  const v = vm as { [k: string]: Json | undefined };
  return {
    adapters: vm.adapters === undefined ? undefined : (vm.adapters as Node[]).map(withoutIps),
    automaticStartAction: v.automaticStartAction,
    automaticStartDelaySec: v.automaticStartDelaySec,
    automaticStopAction: v.automaticStopAction,
    checkpointType: v.checkpointType,
    compatibilityForMigration: v.compatibilityForMigration,
    cpus: v.cpus,
    disks: v.disks,
    dvdDrives: v.dvdDrives,
    firstBootDevice: v.firstBootDevice,
    generation: v.generation,
    id: v.id,
    integrationServices: vm.integrationServices === undefined ? undefined : (vm.integrationServices as Node[]).map(serviceFacts),
    memory: v.memory,
    memoryBuffer: v.memoryBuffer,
    memoryWeight: v.memoryWeight,
    name: v.name,
    nestedVirtualization: v.nestedVirtualization,
    notes: v.notes,
    ownCheckpoint: (vm.checkpoints as Node[]).some((c) => own(c.name!)),
    path: v.path,
    secureBoot: v.secureBoot,
    secureBootTemplate: v.secureBootTemplate,
    state: v.state,
    tpm: v.tpm,
  } as unknown as Json;
}
const VM_KEYS = new Set(['adapters', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'checkpointType', 'checkpoints', 'compatibilityForMigration', 'cpus', 'disks', 'dvdDrives', 'firstBootDevice', 'generation', 'id', 'integrationServices', 'memory', 'memoryBuffer', 'memoryWeight', 'name', 'nestedVirtualization', 'notes', 'path', 'secureBoot', 'secureBootTemplate', 'state', 'tpm']);
const ADAPTER_KEYS = new Set(['dhcpGuard', 'dynamicMac', 'ips', 'mac', 'macSpoofing', 'name', 'routerGuard', 'switch', 'vlan']);
/**
 * The literals read members by name, so a member a VM lacks must read as undefined: they are used
 * only while Object.prototype holds none of these names (set per basisTreeOf call; a key given to it
 * by prototype pollution sends every VM the general way, which reads own keys only).
 */
const LITERAL_KEYS = [...VM_KEYS, ...ADAPTER_KEYS];
let literals = true;

/** factsOfTree for any VM tree: its keys in order, checkpoints replaced by ownCheckpoint in its sorted place. */
function factsByKeys(vm: Node, ownName: (name: Json) => boolean): Json {
  const own = (vm.checkpoints as Node[]).some((c) => ownName(c.name!));
  const out: Node = {};
  let placed = false;
  for (const k of Object.keys(vm)) {
    if (k === 'checkpoints' || k === 'ownCheckpoint') continue;
    if (!placed && k > 'ownCheckpoint') {
      out.ownCheckpoint = own;
      placed = true;
    }
    if (k === 'adapters') out.adapters = (vm.adapters as Node[]).map(withoutIps);
    else if (k === 'integrationServices') out.integrationServices = (vm.integrationServices as Node[]).map(serviceFacts);
    else out[k] = vm[k]!;
  }
  if (!placed) out.ownCheckpoint = own;
  return out;
}

/** Whether every key for…in lists of the object is one of `keys` (the literal then holds all of it). */
function onlyKeysOf(o: Node, keys: ReadonlySet<string>): boolean {
  for (const k in o) if (!keys.has(k)) return false;
  return true;
}

function withoutIps(a: Node): Json {
  if (!Object.hasOwn(a, 'ips')) return a;
  if (!literals || !onlyKeysOf(a, ADAPTER_KEYS)) {
    const out: Node = {};
    for (const k of Object.keys(a)) if (k !== 'ips') out[k] = a[k]!;
    return out;
  }
  const v = a as { [k: string]: Json | undefined };
  return { dhcpGuard: v.dhcpGuard, dynamicMac: v.dynamicMac, mac: v.mac, macSpoofing: v.macSpoofing, name: v.name, routerGuard: v.routerGuard, switch: v.switch, vlan: v.vlan } as unknown as Json;
}

function serviceFacts(s: Node): Json {
  return { enabled: s.enabled, id: s.id } as unknown as Json; // an undefined member is left out of the text
}
