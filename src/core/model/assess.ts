// Completeness of an observation, judged in the core (adapters only report what they saw): a VM in a
// transitional or unknown state, a name held by more than one VM, and every observation that cannot
// be true of a real host (one id on two VMs, an id that changed under a name within one run) cannot
// be vouched for. Steps address VMs by id: trusting an impossible id would act on the wrong VM.
import type { IncompleteReason, Observation, ObservedVm } from './observed.js';

/** States a VM settles in. Anything else is in motion or unknown. */
export const SETTLED_STATES = new Set(['Running', 'Off', 'Saved', 'Paused']);

/** Hyper-V's transitional VMState names (by name: numeric values differ across Windows versions). */
export const TRANSITIONAL_STATES = new Set([
  'Starting', 'Stopping', 'Saving', 'Pausing', 'Resuming', 'Reset', 'FastSaving',
  'ForceShutdown', 'ForceReboot', 'ComponentServicing',
  'StartingCritical', 'StoppingCritical', 'SavingCritical', 'PausingCritical', 'ResumingCritical',
  'ResetCritical', 'FastSavingCritical',
]);

export { vmNameKey as nameKey } from '../config/vm-name.js';
import { vmNameKey as nameKey } from '../config/vm-name.js';

/** Reason codes assessObservation itself adds per VM (recomputed on every assessment). */
const ASSESSED = ['transitional-state', 'unknown-state', 'duplicate-name', 'duplicate-id'];

/**
 * An observation's VMs by name key, the last VM of each key (what a map built over the list holds).
 * assessObservation makes it while it looks for duplicate names and keeps it for the list of VMs of
 * the observation it returns (a copy of that observation, `{ ...assessed, observedAt }`, has the same
 * list), so planning that observation does not key every VM again. Used only while the list holds
 * the very VMs, under the very names, it was made from (checked element by element: a pointer and a
 * string compare each, against keying every name again); anything else is indexed anew.
 */
export function vmsByName(obs: Observation): ReadonlyMap<string, ObservedVm> {
  const kept = indexes.get(obs.vms);
  if (kept && unchanged(kept, obs.vms)) return kept.byName;
  const byName = new Map<string, ObservedVm>();
  for (const v of obs.vms) byName.set(nameKey(v.name), v);
  return byName;
}

/** What a cached index was made from: the list's items and their names, in order. */
interface Snapshot {
  items: readonly object[];
  names: readonly string[];
}
const indexes = new WeakMap<readonly ObservedVm[], Snapshot & { byName: ReadonlyMap<string, ObservedVm> }>();

function snapshot(list: readonly { readonly name: string }[]): Snapshot {
  return { items: list.slice(), names: list.map((x) => x.name) };
}

/** The list still holds the same items under the same names (an item replaced or renamed in place is not). */
function unchanged(s: Snapshot, list: readonly { readonly name: string }[]): boolean {
  if (s.items.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) if (s.items[i] !== list[i] || s.names[i] !== list[i]!.name) return false;
  return true;
}

/**
 * The name keys of a list of named things (a config's VMs, an observation's), in the list's order,
 * made once per list: the plan, its basis and its safety check all compare names, and keying every
 * name again in each was most of a run's name keys. Reused only while the list is unchanged (as above).
 */
export function nameKeysOf(list: readonly { readonly name: string }[]): readonly string[] {
  const kept = keyLists.get(list);
  if (kept && unchanged(kept, list)) return kept.keys;
  const keys = list.map((x) => nameKey(x.name));
  keyLists.set(list, { ...snapshot(list), keys });
  return keys;
}
const keyLists = new WeakMap<readonly object[], Snapshot & { keys: readonly string[] }>();

/** Adds per-VM reasons the adapter could not know of; `complete` is false when any reason exists. */
export function assessObservation(obs: Observation): Observation {
  const reasons: IncompleteReason[] = obs.incomplete.filter((r) => r.vm === undefined || !ASSESSED.includes(r.code));
  // Each name's VM (the name index) and each id's first VM; lists only when a second one turns up
  // (a real host has none): a VM costs two map entries, not two lists.
  const byName = new Map<string, ObservedVm>();
  const firstById = new Map<string, number>();
  let nameTwice: Map<string, string[]> | undefined; // name key → ids of all VMs of that name
  let idTwice: Map<number, string[]> | undefined; // first VM's index → names of all VMs of that id
  const vms = obs.vms;
  const keys: string[] = new Array<string>(vms.length);
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i]!;
    const byId = firstById.get(vm.id);
    if (byId === undefined) firstById.set(vm.id, i);
    else {
      idTwice ??= new Map();
      const names = idTwice.get(byId);
      if (names) names.push(vm.name);
      else idTwice.set(byId, [vms[byId]!.name, vm.name]);
    }
    const k = nameKey(vm.name);
    keys[i] = k;
    const before = byName.get(k);
    byName.set(k, vm);
    if (before !== undefined) {
      nameTwice ??= new Map();
      const ids = nameTwice.get(k);
      if (ids) ids.push(vm.id);
      else nameTwice.set(k, [before.id, vm.id]);
    }
    if (SETTLED_STATES.has(vm.state)) continue; // the two sets share no state: settled is the usual answer
    if (TRANSITIONAL_STATES.has(vm.state)) {
      reasons.push({ code: 'transitional-state', vm: vm.name, message: `VM '${vm.name}' is ${vm.state}; it is observed again once it settles` });
    } else {
      reasons.push({ code: 'unknown-state', vm: vm.name, message: `VM '${vm.name}' is in state '${vm.state}', which this tool does not act on` });
    }
  }
  // In the order each name and id was first seen.
  for (const ids of firstSeen(vms, nameTwice)) {
    const name = vms.find((v) => v.id === ids[0])!.name;
    reasons.push({ code: 'duplicate-name', vm: name, message: `${ids.length} VMs are named '${name}' (ids ${ids.join(', ')}); rename or remove all but one` });
  }
  for (const [first, names] of [...(idTwice ?? [])].sort(([a], [b]) => a - b)) {
    const id = vms[first]!.id;
    // Hyper-V gives every VM its own GUID: two VMs with one id is a broken or lying report, and a
    // step sent to that id could land on either VM (an unowned one included).
    for (const name of new Set(names)) {
      reasons.push({ code: 'duplicate-id', vm: name, message: `${names.length} VMs report the same id ${id} (${names.map((n) => `'${n}'`).join(', ')}); a VM id is unique on a host, so this report cannot be trusted` });
    }
  }
  const assessed: Observation = { ...obs, incomplete: reasons, complete: reasons.length === 0 };
  const made = snapshot(vms);
  indexes.set(vms, { ...made, byName });
  keyLists.set(vms, { ...made, keys });
  return assessed;
}

/** The lists of names found twice, in the order their names were first seen (rare: keyed again then). */
function firstSeen(vms: readonly ObservedVm[], twice: Map<string, string[]> | undefined): string[][] {
  if (twice === undefined) return [];
  const out: string[][] = [];
  for (const v of vms) {
    const k = nameKey(v.name);
    const ids = twice.get(k);
    if (ids === undefined) continue;
    out.push(ids);
    twice.delete(k);
  }
  return out;
}

/**
 * A later observation of the same run (the verify after apply), judged against the earlier one: a
 * VM that kept its name but not its id was replaced behind this run's back (or the report is wrong).
 * VMs this run created or removed are expected to change: pass their names in `changed`.
 */
export function assessAgainst(earlier: Observation, later: Observation, changed: Iterable<string> = []): Observation {
  const skip = new Set([...changed].map(nameKey));
  const before = new Map(earlier.vms.map((v) => [nameKey(v.name), v.id]));
  const reasons: IncompleteReason[] = [];
  for (const vm of later.vms) {
    const k = nameKey(vm.name);
    const was = before.get(k);
    if (was !== undefined && was !== vm.id && !skip.has(k)) {
      reasons.push({ code: 'identity-changed', vm: vm.name, message: `VM '${vm.name}' had id ${was} earlier in this run and now reports ${vm.id}; it is not acted on until an observation is consistent` });
    }
  }
  if (reasons.length === 0) return later;
  const incomplete = [...later.incomplete, ...reasons];
  return { ...later, incomplete, complete: false };
}

/** The reasons that block a plan over the given VM names: host-wide ones, and those of these VMs. */
export function blockingReasons(obs: Observation, relevant: (vmName: string) => boolean): IncompleteReason[] {
  return obs.incomplete.filter((r) => r.vm === undefined || relevant(r.vm));
}
