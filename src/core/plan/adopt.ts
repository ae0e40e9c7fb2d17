// Adopting a VM made by hand: a reviewed plan with exactly one step, writing this project's ownership
// marker at the end of the VM's Notes (the user's text is kept). Only a VM the file names can be
// adopted, so the normal plan manages it from then on; a VM owned by another project is refused.
import { HvcError } from '../errors.js';
import type { Config } from '../config/types.js';
import { blockingReasons, nameKey } from '../model/assess.js';
import type { Observation } from '../model/observed.js';
import { markerLine, ownerOf, userNotes, withMarker } from '../model/ownership.js';
import { finalizePlan } from './finalize.js';
import type { PlanDraft } from './plan.js';
import type { Step } from './types.js';

export function planAdopt(config: Config, obs: Observation, vmName: string, backend: string) {
  const desired = config.vms.find((v) => nameKey(v.name) === nameKey(vmName));
  if (!desired) throw new HvcError('usage', `adopt: '${vmName}' is not named in the config; add it under vms: first, so the plan manages it once adopted`);
  const name = desired.name;
  const blocking = blockingReasons(obs, (vm) => nameKey(vm) === nameKey(name));
  if (blocking.length > 0) {
    const message = `the observation is incomplete, so nothing is acted on: ${blocking.map((r) => r.message).join('; ')}`;
    const draft: PlanDraft = { actionable: false, steps: [], refusals: [{ vm: '*', kind: 'refused', code: 'observation-incomplete', message, steps: [] }], unchanged: [] };
    return finalizePlan(draft, config, obs, backend, [nameKey(name)]);
  }
  const o = obs.vms.find((v) => nameKey(v.name) === nameKey(name));
  if (!o) throw new HvcError('usage', `adopt: there is no VM named '${name}' on host ${obs.host.computerName}; apply creates it instead`);
  const owner = ownerOf(o.notes);
  const draft: PlanDraft = { actionable: true, steps: [], refusals: [], unchanged: [] };
  if (owner === config.project) {
    draft.unchanged.push(name);
  } else if (owner !== null) {
    draft.refusals.push({ vm: name, kind: 'refused', code: 'owned-by-other', message: `VM '${name}' is owned by project '${owner}'; it is not adopted into '${config.project}'`, steps: [] });
  } else {
    const notes = withMarker(userNotes(o.notes).replace(/\s+$/, ''), config.project);
    const step: Step = {
      id: `${name}/1`,
      vm: name,
      vmId: o.id,
      action: 'set-notes',
      from: 'no ownership marker',
      to: markerLine(config.project),
      reason: `adopt: write the ownership marker of project '${config.project}'`,
      disruption: 'benign',
      group: `${name}/1`,
      operation: { op: 'vm.setNotes', args: { id: o.id, name, notes } },
    };
    draft.steps.push(step);
  }
  return finalizePlan(draft, config, obs, backend, [nameKey(name)]);
}
