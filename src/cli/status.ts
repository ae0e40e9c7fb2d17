// `status`: the config's VMs (and other VMs this project owns) at a glance: power state, addresses,
// owner and whether the host differs from the file for it. Observes only; writes nothing.
import type { Config } from '../core/config/types.js';
import { hashesToCheck, makePlan, pathsToCheck } from '../core/converge.js';
import { assessObservation, nameKey } from '../core/model/assess.js';
import type { Observation, ObservedVm } from '../core/model/observed.js';
import { ownerOf } from '../core/model/ownership.js';
import type { Plan } from '../core/plan/types.js';
import type { Backend } from '../core/ports.js';
import { renderSeeds } from '../engine/seeds.js';

export interface VmStatus {
  vm: string;
  /** Hyper-V state, 'absent', or 'unknown' (the observation could not vouch for this VM). */
  state: string;
  addresses: string[];
  /** The project in the VM's ownership marker; null: no marker. */
  owner: string | null;
  /**
   * 'in sync', 'drift', 'refused', 'blocked', 'not in file' (owned by this project, not named in the
   * file), or 'unknown': the observation was incomplete for it, so whether it differs is not known.
   */
  drift: 'in sync' | 'drift' | 'refused' | 'blocked' | 'not in file' | 'unknown';
  /** What differs: the planned actions, or the refusal's code. */
  detail: string[];
  /** A refusal's message (why the tool will not act on this VM), or why it could not be observed, else null. */
  reason: string | null;
}

export interface StatusReport {
  project: string;
  host: string;
  complete: boolean;
  incomplete: string[];
  vms: VmStatus[];
  planHash: string;
}

export async function observeStatus(config: Config, backend: Backend, env: Readonly<Record<string, string | undefined>> = process.env): Promise<StatusReport> {
  // Seeds as plan sees them (their images' hashes, observed back): without them a VM with a
  // cloud-init seed would read as blocked (seed-unavailable) even when in sync.
  const hashes = hashesToCheck(config);
  const obs: Observation = assessObservation(await backend.observe({ paths: pathsToCheck(config), neighbors: false, ...(hashes.length ? { hashes } : {}) }));
  return statusOf(config, obs, makePlan(config, obs, backend.kind, undefined, renderSeeds(config, env).digests));
}

export function statusOf(config: Config, obs: Observation, plan: Plan): StatusReport {
  // Every lookup by name is one map read: a fleet of 100,000 VMs is read in one pass each.
  const byName = new Map(obs.vms.map((v) => [nameKey(v.name), v]));
  const inFile = new Set(config.vms.map((d) => nameKey(d.name)));
  const stepsOf = new Map<string, Plan['steps']>();
  for (const s of plan.steps) {
    const k = nameKey(s.vm);
    const list = stepsOf.get(k);
    if (list) list.push(s);
    else stepsOf.set(k, [s]);
  }
  const refusalOf = new Map<string, Plan['refusals'][number]>();
  for (const r of plan.refusals) if (!refusalOf.has(nameKey(r.vm))) refusalOf.set(nameKey(r.vm), r);
  // An incomplete observation that concerns the file refuses the plan as a whole (vm '*', no steps):
  // no steps then means nothing is known, not "in sync". A VM the host did not list is 'absent' only
  // when the host's list is vouched for (no host-wide reason: an account that may not manage Hyper-V
  // sees an empty list), and a VM a reason names is not known either way.
  const blind = plan.refusals.find((r) => r.vm === '*' && r.code === 'observation-incomplete') ?? null;
  const hostWide = obs.incomplete.some((r) => r.vm === undefined);
  // Per-VM reasons, so a VM the observation could not vouch for says why on its own row.
  const unsure = new Map<string, string[]>();
  for (const r of obs.incomplete) {
    if (r.vm === undefined) continue;
    const list = unsure.get(nameKey(r.vm));
    if (list) list.push(r.message);
    else unsure.set(nameKey(r.vm), [r.message]);
  }
  const names = [...config.vms.map((v) => v.name), ...obs.vms.filter((v) => ownerOf(v.notes) === config.project && !inFile.has(nameKey(v.name))).map((v) => v.name)];
  const vms = names.map((name): VmStatus => {
    const k = nameKey(name);
    const o = byName.get(k);
    const steps = stepsOf.get(k) ?? [];
    const refusal = refusalOf.get(k);
    const unknownState = (!o && hostWide) || unsure.has(k);
    if (blind) {
      // Nothing was planned, so no VM's drift is known; its state is, unless a reason says otherwise
      // (a VM missing from a vouched-for list is absent).
      return { vm: name, state: unknownState ? 'unknown' : (o?.state ?? 'absent'), addresses: o ? addressesOf(o) : [], owner: o ? ownerOf(o.notes) : null, drift: 'unknown', detail: [blind.code], reason: blind.message };
    }
    const drift: VmStatus['drift'] = refusal ? refusal.kind : steps.length ? 'drift' : inFile.has(k) ? 'in sync' : 'not in file';
    const detail = refusal ? [refusal.code] : steps.map((s) => s.action);
    return {
      vm: name,
      state: unknownState ? 'unknown' : (o?.state ?? 'absent'),
      addresses: o ? addressesOf(o) : [],
      owner: o ? ownerOf(o.notes) : null,
      drift,
      detail,
      reason: refusal?.message ?? unsure.get(k)?.join('; ') ?? null,
    };
  });
  return { project: config.project, host: obs.host.computerName, complete: obs.complete, incomplete: obs.incomplete.map((r) => r.message), vms, planHash: plan.planHash };
}

function addressesOf(o: ObservedVm): string[] {
  return [...new Set(o.adapters.flatMap((a) => a.ips))];
}

export function renderStatus(r: StatusReport): string {
  const rows = r.vms.map((v) => [v.vm, v.state, v.addresses.join(',') || '—', v.owner ?? '—', v.drift + (v.drift === 'in sync' || v.drift === 'not in file' || v.drift === 'unknown' ? '' : `: ${v.detail.join(', ')}`)]);
  const head = ['VM', 'STATE', 'ADDRESSES', 'OWNER', 'DRIFT'];
  // A loop, not Math.max(...rows): spreading 120,000 rows into arguments overflows the stack.
  const width = head.map((h) => h.length);
  for (const row of rows) row.forEach((cell, i) => (width[i] = Math.max(width[i]!, cell.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(width[i]!))).join('  ').trimEnd();
  const out = [`Status of project '${r.project}' on ${r.host}`, '', line(head), ...rows.map(line)];
  if (!r.complete) out.push('', `incomplete observation: ${r.incomplete.join('; ')}`);
  const unknown = r.vms.filter((v) => v.drift === 'unknown').length;
  const drifting = r.vms.filter((v) => v.drift !== 'in sync' && v.drift !== 'not in file' && v.drift !== 'unknown').length;
  // A VM of the project that the file does not name never counts as matching the file.
  const files = r.vms.filter((v) => v.drift !== 'not in file').length;
  const others = r.vms.length - files;
  const summary: string[] = [];
  if (unknown) {
    const unseen = r.vms.filter((v) => v.state === 'unknown').length;
    summary.push(
      unseen === unknown
        ? `${unknown} of ${r.vms.length} VM(s) could not be observed: whether they match the file is unknown.`
        : `Whether ${unknown} of ${r.vms.length} VM(s) match the file is unknown: the observation was incomplete${unseen ? ` (${unseen} could not be observed)` : ''}, so nothing was planned.`,
    );
  }
  if (drifting) summary.push(`${drifting} of ${r.vms.length} VM(s) differ from the file; 'hyperv-converge plan' shows how.`);
  // "All match" only from an observation that vouches for everything.
  if (!unknown && !drifting) {
    const notInFile = others ? `; ${others} other VM(s) of project '${r.project}' ${others === 1 ? 'is' : 'are'} not in the file` : '';
    if (r.complete) summary.push(others ? `All ${files} VM(s) of the file match it${notInFile}.` : `All ${files} VM(s) match the file.`);
    else summary.push(`The ${files} VM(s) of the file match it; other VMs on the host could not be observed${notInFile}.`);
  }
  out.push('', ...summary);
  return out.join('\n');
}
