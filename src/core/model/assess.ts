// Completeness of an observation, judged in the core (adapters only report what they saw): a VM in a
// transitional or unknown state, or a name held by more than one VM, cannot be vouched for.
import type { IncompleteReason, Observation } from './observed.js';

/** States a VM settles in. Anything else is in motion or unknown. */
export const SETTLED_STATES = new Set(['Running', 'Off', 'Saved', 'Paused']);

/** Hyper-V's transitional VMState names (by name: numeric values differ across Windows versions). */
export const TRANSITIONAL_STATES = new Set([
  'Starting', 'Stopping', 'Saving', 'Pausing', 'Resuming', 'Reset', 'FastSaving',
  'ForceShutdown', 'ForceReboot', 'ComponentServicing',
  'StartingCritical', 'StoppingCritical', 'SavingCritical', 'PausingCritical', 'ResumingCritical',
  'ResetCritical', 'FastSavingCritical',
]);

export const nameKey = (name: string): string => name.toLowerCase();

/** Adds per-VM reasons the adapter could not know of; `complete` is false when any reason exists. */
export function assessObservation(obs: Observation): Observation {
  const reasons: IncompleteReason[] = obs.incomplete.filter((r) => r.vm === undefined || !['transitional-state', 'unknown-state', 'duplicate-name'].includes(r.code));
  const byName = new Map<string, string[]>();
  for (const vm of obs.vms) {
    const k = nameKey(vm.name);
    byName.set(k, [...(byName.get(k) ?? []), vm.id]);
    if (TRANSITIONAL_STATES.has(vm.state)) {
      reasons.push({ code: 'transitional-state', vm: vm.name, message: `VM '${vm.name}' is ${vm.state}; it is observed again once it settles` });
    } else if (!SETTLED_STATES.has(vm.state)) {
      reasons.push({ code: 'unknown-state', vm: vm.name, message: `VM '${vm.name}' is in state '${vm.state}', which this tool does not act on` });
    }
  }
  for (const [, ids] of byName) {
    if (ids.length > 1) {
      const name = obs.vms.find((v) => v.id === ids[0])!.name;
      reasons.push({ code: 'duplicate-name', vm: name, message: `${ids.length} VMs are named '${name}' (ids ${ids.join(', ')}); rename or remove all but one` });
    }
  }
  return { ...obs, incomplete: reasons, complete: reasons.length === 0 };
}

/** The reasons that block a plan over the given VM names: host-wide ones, and those of these VMs. */
export function blockingReasons(obs: Observation, relevant: (vmName: string) => boolean): IncompleteReason[] {
  return obs.incomplete.filter((r) => r.vm === undefined || relevant(r.vm));
}
