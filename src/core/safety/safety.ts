// safety: policy over a drafted plan. It can only remove steps (whole groups, so no half-done
// stop → change → start sequence survives) and record why; it never adds or alters a step.
import type { Config } from '../config/types.js';
import { protectKey } from '../config/vm-name.js';
import { nameKey } from '../model/assess.js';
import type { Observation } from '../model/observed.js';
import { ownedBy, ownerOf } from '../model/ownership.js';
import type { PlanDraft } from '../plan/plan.js';
import type { Refusal, RefusalCode, Step } from '../plan/types.js';

/**
 * `*` any run of characters, `?` one character; names compared by the one name rule (vmNameKey),
 * with invisible format characters removed from both sides first (protectKey).
 */
export function matchesPattern(name: string, pattern: string): boolean {
  return patternRegExp(pattern).test(protectKey(name));
}

// Compiled once per pattern: a plan matches every group against every protect pattern.
const compiled = new Map<string, RegExp>();
function patternRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp('^' + protectKey(pattern).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*').replace(/\?/g, '[^]') + '$', 'u');
    if (compiled.size >= 1000) compiled.clear(); // patterns come from one file: a bound, not a cache policy
    compiled.set(pattern, re);
  }
  return re;
}

const isRisky = (s: Step) => s.disruption !== 'benign';

function riskyCount(steps: Step[]): number {
  let n = 0;
  for (const s of steps) if (isRisky(s)) n++;
  return n;
}

/**
 * A number equal for two names with one name key (vmNameKey keeps a name's length, maps an ASCII
 * unit to its upper case and any other unit to a non-ASCII one): length and last unit, every
 * non-ASCII last unit alike.
 */
export function nameTail(name: string): number {
  const c = name.charCodeAt(name.length - 1);
  return name.length * 256 + (c < 0x80 ? (c >= 0x61 && c <= 0x7a ? c - 32 : c) : 0x80);
}

/**
 * The file's VM and the observed VM of every remove step, by name key and by id (the last of each,
 * as a map of all of them would hold): one pass over each list, keeping only the VMs removes name.
 */
function removeLookups(steps: Step[], config: Config, obs: Observation): [Map<string, Config['vms'][number]>, Map<string, Observation['vms'][number]>] {
  const keys = new Set<string>();
  const ids = new Set<string>();
  for (const s of steps) {
    if (s.action !== 'remove') continue;
    keys.add(nameKey(s.vm));
    if (s.vmId !== null) ids.add(s.vmId);
  }
  const tails = new Set<number>();
  for (const k of keys) tails.add(nameTail(k));
  const desired = new Map<string, Config['vms'][number]>();
  for (const v of config.vms) {
    if (!tails.has(nameTail(v.name))) continue; // its key cannot be one of them: not made
    const k = nameKey(v.name);
    if (keys.has(k)) desired.set(k, v);
  }
  const observedById = new Map<string, Observation['vms'][number]>();
  for (const v of obs.vms) if (ids.has(v.id)) observedById.set(v.id, v);
  return [desired, observedById];
}

export function applySafety(draft: PlanDraft, config: Config, obs: Observation): PlanDraft {
  if (!draft.actionable) return draft;
  const policy = config.policy;
  const groups = new Map<string, Step[]>();
  for (const s of draft.steps) {
    const g = groups.get(s.group);
    if (g) g.push(s);
    else groups.set(s.group, [s]);
  }

  const refused = new Map<string, { code: RefusalCode; message: string }>();
  const refuse = (group: string, code: RefusalCode, message: string) => {
    if (!refused.has(group)) refused.set(group, { code, message });
  };
  // Looked up only for remove steps: made at the first one, not for every VM of every plan.
  let desired: Map<string, Config['vms'][number]> | undefined;
  let observedById: Map<string, Observation['vms'][number]> | undefined;

  // A group's key is its steps' group: iterated by value, not as [key, value] pairs.
  for (const steps of groups.values()) {
    const group = steps[0]!.group;
    const vm = steps[0]!.vm;
    // Only a group with a disruptive or destructive step can be refused by a protect pattern.
    const risky = riskyCount(steps);
    const pattern = risky > 0 ? policy.protect.find((p) => matchesPattern(vm, p)) : undefined;
    if (pattern) {
      refuse(group, 'protected', `VM '${vm}' matches protected pattern '${pattern}': ${steps.filter(isRisky).map((s) => s.action).join(', ')} refused`);
      continue;
    }
    for (const s of steps) {
      if (s.action === 'remove-switch') {
        // A switch is removed only when this project owns it and the file says state: absent.
        const name = (s.operation.args as { name: string }).name;
        const have = obs.host.switches.find((w) => w.name.toLowerCase() === name.toLowerCase());
        const d = (config.switches ?? []).find((w) => w.name.toLowerCase() === name.toLowerCase());
        if (!have || have.notes === undefined || ownerOf(have.notes) !== config.project || d?.state !== 'absent') {
          refuse(group, 'destroy-not-owned', `removing switch '${name}' is refused: only a switch this project owns and the file marks state: absent is removed`);
        }
      }
    }
    for (const s of steps) {
      if (s.action !== 'remove') continue;
      if (desired === undefined || observedById === undefined) [desired, observedById] = removeLookups(draft.steps, config, obs);
      const o = s.vmId === null ? undefined : observedById.get(s.vmId);
      const d = desired.get(nameKey(vm));
      const owned = o !== undefined && ownedBy(o.notes, config.project);
      const asked = d ? d.state === 'absent' : policy.prune;
      if (!owned || !asked) {
        refuse(group, 'destroy-not-owned', `removing VM '${vm}' is refused: it is destroyed only when this project owns it and the file says state: absent (or policy.prune is on)`);
      }
    }
  }

  // The per-run limit on disruptive and destructive steps, in plan order, whole groups at a time.
  let budget = policy.maxDisruptive;
  const overBudget = `over the limit of ${policy.maxDisruptive} disruptive/destructive steps per run (policy.maxDisruptive); run again to continue`;
  for (const steps of groups.values()) {
    const group = steps[0]!.group;
    if (refused.has(group)) continue;
    const cost = riskyCount(steps);
    if (cost === 0) continue;
    if (cost > budget) {
      refuse(group, 'max-disruptive', overBudget);
      continue;
    }
    budget -= cost;
  }

  const refusals: Refusal[] = [...draft.refusals];
  for (const [group, why] of refused) {
    const steps = groups.get(group)!;
    refusals.push({ code: why.code, kind: 'refused', message: why.message, steps, vm: steps[0]!.vm }); // keys in canonical order
  }
  return { ...draft, steps: draft.steps.filter((s) => !refused.has(s.group)), refusals };
}
