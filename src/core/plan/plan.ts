// plan: a pure function of (config, observation) → ordered steps and blocked changes. It acts only on
// VMs the file names, and on VMs this project owns when pruning is asked for. Same inputs, same
// output, byte for byte: no clock, no randomness, fixed orders everywhere.
import type { Config, DesiredVm } from '../config/types.js';
import { sameName } from '../config/vm-name.js';
import { blockingReasons, nameKey, nameKeysOf, vmsByName } from '../model/assess.js';
import type { Observation, ObservedVm } from '../model/observed.js';
import { ownedBy, ownerOf, sameUserNotes, userNotes, withMarker } from '../model/ownership.js';
import { formatSize } from '../sizes.js';
import { checkpointNameFor, isOwnCheckpoint } from './hashes.js';
import type { CreateVmArgs, HostOperation } from './operations.js';
import { adapterSpec, hasKeys, planSurface, settingsSpec, usesSurface, type SeedDigests, type SurfaceStep } from './surface.js';
import type { Disruption, Refusal, RefusalCode, Step, StepAction } from './types.js';

export interface PlanDraft {
  actionable: boolean;
  steps: Step[];
  refusals: Refusal[];
  /** Config VMs that need nothing. */
  unchanged: string[];
}

/** A step before ids are assigned: id '' and `group` holding the group's key until number() gives
 *  both (made in the final key order, so numbering fills it in instead of copying it). */
type Pending = Step;

/**
 * Where the VM's own disk lives: Hyper-V's default layout under the VM folder. Its format is the
 * image's: New-VHD picks VHD or VHDX by extension and a differencing child must match its parent.
 */
export function diskPathFor(vm: Pick<DesiredVm, 'name' | 'path'> & { disk?: { image: string | null } }): string {
  const base = vm.path.replace(/[\\/]+$/, '');
  const ext = vm.disk?.image && /\.vhd$/i.test(vm.disk.image) ? 'vhd' : 'vhdx';
  return `${base}\\${vm.name}\\Virtual Hard Disks\\${vm.name}.${ext}`;
}

const DISRUPTION: Record<StepAction, Disruption> = {
  create: 'benign',
  start: 'benign',
  stop: 'disruptive',
  'set-cpus': 'benign',
  'set-memory': 'benign',
  'set-secure-boot': 'benign',
  'connect-switch': 'benign',
  'set-mac': 'benign',
  'set-notes': 'benign',
  'grow-disk': 'benign',
  checkpoint: 'benign',
  remove: 'destructive',
  'add-adapter': 'benign',
  // The guest loses a network or a mounted disk: disruptive even though the VM keeps running.
  'remove-adapter': 'disruptive',
  'set-adapter': 'benign',
  'add-disk': 'benign',
  'detach-disk': 'disruptive',
  'add-dvd': 'benign',
  'set-dvd': 'benign',
  'write-seed': 'benign',
  'set-settings': 'benign',
  'set-integration-services': 'benign',
  'create-switch': 'benign',
  'set-switch-nat': 'benign',
  // Removing a switch deletes host configuration; only owned switches no VM uses get here.
  'remove-switch': 'destructive',
};

/** Every step action there is (the disruption table names each one, so the list is exhaustive). */
export const STEP_ACTIONS: readonly StepAction[] = Object.keys(DISRUPTION) as StepAction[];

function step(vm: string, vmId: string | null, action: StepAction, operation: HostOperation, from: unknown, to: unknown, reason: string, groupKey: string): Pending {
  // Keys in canonical (sorted) order, the operation's too: canonicalizing the plan (for its hash and
  // plan.json) walks a step instead of copying it.
  return { action, disruption: DISRUPTION[action], from, group: groupKey, id: '', operation: { args: operation.args, op: operation.op } as HostOperation, reason, to, vm, vmId };
}

function memoryArgs(d: DesiredVm): { dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number } {
  const m = d.memory;
  return m.dynamic
    ? { dynamic: true, maximumBytes: m.maximumBytes, minimumBytes: m.minimumBytes, startupBytes: m.startupBytes }
    : { dynamic: false, maximumBytes: m.startupBytes, minimumBytes: m.startupBytes, startupBytes: m.startupBytes };
}

function describeMemory(m: { dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number }): string {
  return m.dynamic ? `dynamic ${formatSize(m.minimumBytes)}..${formatSize(m.startupBytes)}..${formatSize(m.maximumBytes)}` : `static ${formatSize(m.startupBytes)}`;
}

interface VmPlan {
  steps: Pending[];
  refusals: Refusal[];
}

/** Steps that were not planned, kept on the refusal for review. */
function heldBack(vm: string, steps: Pending[]): Step[] {
  return steps.map((s, i) => ({ ...stripGroup(s), id: `${vm}/held-${i + 1}`, group: `${vm}/held` }));
}

/** A VM that needs nothing (shared: nothing adds to it). */
const NOTHING: VmPlan = Object.freeze({ steps: Object.freeze([]) as unknown as Pending[], refusals: Object.freeze([]) as unknown as Refusal[] });

function refusal(vm: string, kind: Refusal['kind'], code: RefusalCode, message: string, steps: Pending[] = []): Refusal {
  return { code, kind, message, steps: heldBack(vm, steps), vm }; // keys in canonical order
}

function stripGroup(p: Pending): Omit<Step, 'id' | 'group'> {
  const { id: _i, group: _g, ...rest } = p;
  return rest;
}

function pathExists(obs: Observation, path: string): boolean | null {
  const hit = obs.host.paths.find((p) => sameName(p.path, path));
  return hit ? hit.exists : null;
}

/** The observed virtual size of a base image, or null when unknown. */
function imageSize(obs: Observation, path: string): number | null {
  const hit = obs.host.paths.find((p) => sameName(p.path, path));
  return hit?.sizeBytes ?? null;
}

function planCreate(config: Config, d: DesiredVm, obs: Observation, seeds: SeedDigests | undefined): VmPlan {
  const problems: Refusal[] = [];
  if (d.disk.image && pathExists(obs, d.disk.image) === false) {
    problems.push(refusal(d.name, 'blocked', 'missing-image', `base image ${d.disk.image} does not exist on host ${obs.host.computerName}`));
  }
  const baseSize = d.disk.image ? imageSize(obs, d.disk.image) : null;
  if (d.disk.image && d.disk.sizeBytes !== null && baseSize !== null && d.disk.sizeBytes < baseSize) {
    // New-VHD -Differencing / Resize-VHD refuse a disk smaller than its image: found here, not half-way through apply.
    problems.push(refusal(d.name, 'blocked', 'disk-below-image', `disk size ${formatSize(d.disk.sizeBytes)} is smaller than base image ${d.disk.image} (${formatSize(baseSize)}); a disk made from an image is at least its size`));
  }
  const switches = d.adaptersListed && d.adapters ? d.adapters.map((a) => a.switch) : [d.switch];
  for (const sw of switches) {
    if (sw && !obs.host.switches.some((s) => sameName(s.name, sw))) {
      problems.push(refusal(d.name, 'blocked', 'missing-switch', `virtual switch '${sw}' does not exist on host ${obs.host.computerName} (has: ${obs.host.switches.map((s) => s.name).join(', ') || 'none'})`));
    }
  }
  const missingFile = (f: string | null) => {
    if (f !== null && pathExists(obs, f) === false) problems.push(refusal(d.name, 'blocked', 'missing-file', `${f} does not exist on host ${obs.host.computerName}`));
  };
  // Existing data disks, then DVDs, in the file's order.
  for (const x of d.dataDisks ?? []) if (x.existing) missingFile(x.path);
  for (const x of d.dvdDrives ?? []) missingFile(x.path);
  const seed = d.cloudInit ?? null;
  const digest = seed ? seeds?.[d.name] : undefined;
  if (seed && (!digest || 'missing' in digest)) {
    const names = digest && 'missing' in digest ? digest.missing : [];
    problems.push(refusal(d.name, 'blocked', 'seed-unavailable', names.length ? `the cloud-init seed of '${d.name}' needs the environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not set` : `the cloud-init seed of '${d.name}' was not built`));
  }
  const surface: Partial<CreateVmArgsSurface> = {};
  if (d.adaptersListed && d.adapters) surface.adapters = d.adapters.map(adapterSpec);
  if (d.dataDisks?.length) surface.dataDisks = d.dataDisks.map((x) => ({ controllerType: x.controllerType, controllerNumber: x.controllerNumber, controllerLocation: x.controllerLocation, path: x.path, sizeBytes: x.existing ? null : x.sizeBytes }));
  const dvds = d.dvdDrives?.length || seed ? [...(d.dvdDrives ?? []), ...(seed ? [{ ...seed.slot, path: seed.path }] : [])] : [];
  if (dvds.length) surface.dvdDrives = dvds.map((x) => ({ controllerType: x.controllerType, controllerNumber: x.controllerNumber, controllerLocation: x.controllerLocation, path: x.path }));
  const settings = settingsSpec(d.settings);
  if (hasKeys(settings)) surface.settings = settings;
  const services = hasKeys(d.integrationServices) ? Object.entries(d.integrationServices!).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  if (services.length) surface.integrationServices = services.map(([id, enabled]) => ({ id, enabled }));
  // The arguments and the summary list their keys in canonical (sorted) order, the optional ones in
  // their places, so canonicalizing the plan walks them instead of copying them.
  const args = {} as CreateVmArgs;
  if (surface.adapters) args.adapters = surface.adapters;
  args.cpus = d.cpus;
  if (surface.dataDisks) args.dataDisks = surface.dataDisks;
  args.disk = d.disk.image ? { image: d.disk.image, path: diskPathFor(d), sizeBytes: d.disk.sizeBytes, strategy: d.disk.strategy } : null;
  if (surface.dvdDrives) args.dvdDrives = surface.dvdDrives;
  args.generation = d.generation;
  if (surface.integrationServices) args.integrationServices = surface.integrationServices;
  args.mac = d.mac;
  args.memory = memoryArgs(d);
  args.name = d.name;
  args.notes = withMarker(d.notes, config.project);
  args.path = d.path;
  args.secureBoot = d.secureBoot;
  if (surface.settings) args.settings = surface.settings;
  args.switch = d.switch;
  // The wider surface appears in the summary only when the file uses it (older plans read as before).
  const to: Record<string, unknown> = {};
  if (surface.adapters) to.adapters = surface.adapters.map((a) => `${a.name} (${a.switch ?? 'not connected'}${a.vlan ? `, VLAN ${a.vlan}` : ''})`).join(', ');
  to.cpus = d.cpus;
  if (d.dataDisks?.length) to.dataDisks = d.dataDisks.map((x) => `${x.existing ? x.path : `new ${formatSize(x.sizeBytes ?? 0)}`} at ${x.controllerType} ${x.controllerNumber}:${x.controllerLocation}`).join(', ');
  to.disk = d.disk.image ? `${d.disk.strategy} of ${d.disk.image}` : null;
  if (dvds.length) to.dvdDrives = dvds.map((x) => `${x.path === null ? 'empty' : seed && x.path === seed.path ? 'cloud-init seed' : x.path} at ${x.controllerType} ${x.controllerNumber}:${x.controllerLocation}`).join(', ');
  to.generation = d.generation;
  to.memory = describeMemory(args.memory);
  if (surface.settings) to.settings = Object.entries(settings).map(([k, v]) => `${k} ${String(v)}`).join(', ');
  to.switch = d.switch;
  const create = step(d.name, null, 'create', { op: 'vm.create', args }, null, to, 'not present on the host', `${d.name}/create`);
  const steps = [create];
  if (seed && digest && !('missing' in digest)) {
    // The image goes into the VM's folder first: the create inserts it as a DVD.
    steps.unshift(
      step(d.name, null, 'write-seed', { op: 'seed.write', args: { id: '', name: d.name, path: seed.path, sha256: digest.sha256, sizeBytes: digest.sizeBytes } }, null, `sha256:${digest.sha256}`, 'cloud-init seed for the new VM', `${d.name}/create`),
    );
  }
  if (d.state === 'running') {
    // A created VM has no id yet: the agent resolves the name it just created (exact match).
    steps.push(step(d.name, null, 'start', { op: 'vm.start', args: { id: '', name: d.name } }, 'Off', 'Running', 'state: running', `${d.name}/create`));
  }
  if (problems.length) {
    problems[0] = { ...problems[0]!, steps: heldBack(d.name, steps) };
    return { steps: [], refusals: problems };
  }
  return { steps, refusals: [] };
}


type CreateVmArgsSurface = Pick<Required<CreateVmArgs>, 'adapters' | 'dataDisks' | 'dvdDrives' | 'settings' | 'integrationServices'>;

function planExisting(config: Config, d: DesiredVm, o: ObservedVm, obs: Observation, checkpointName: string, seeds: SeedDigests | undefined): VmPlan {
  const id = o.id;
  const name = o.name;
  const policy = config.policy;
  if (!ownedBy(o.notes, config.project)) {
    const owner = ownerOf(o.notes);
    const code: RefusalCode = owner === null ? 'unmanaged' : 'owned-by-other';
    const why =
      owner === null
        ? `VM '${name}' exists but carries no ownership marker of project '${config.project}'; it is never changed or removed. To adopt it: hyperv-converge adopt ${name} (writes the line 'hyperv-converge: project=${config.project}' at the end of its Notes)`
        : `VM '${name}' belongs to project '${owner}', not '${config.project}'; it is never changed or removed by this config`;
    return { steps: [], refusals: [refusal(name, 'refused', code, why)] };
  }

  if (d.state === 'absent') return planRemove(d.name, o, d.disk.deleteOnDestroy, 'state: absent', config);

  if (o.generation !== d.generation) {
    return { steps: [], refusals: [refusal(name, 'blocked', 'generation-change', `generation is ${o.generation}, the file says ${d.generation}: a VM's generation cannot change; set state: absent to remove it, then create it anew`)] };
  }
  if (o.state === 'Paused') {
    return { steps: [], refusals: [refusal(name, 'blocked', 'saved-or-paused', `VM '${name}' is Paused; resume it (Resume-VM) or turn it off before this tool changes it`)] };
  }

  // Made at the first change: most VMs of a plan have none.
  let offline: Pending[] | undefined;
  let online: Pending[] | undefined;

  // Changes that need the VM off (Hyper-V refuses them while it runs).
  if (o.cpus !== d.cpus) {
    (offline ??= []).push(step(name, id, 'set-cpus', { op: 'vm.setCpus', args: { count: d.cpus, id, name } }, o.cpus, d.cpus, 'cpus differ', restartGroup(name)));
  }
  const wantMem = d.memory;
  const have = o.memory;
  const memDiffers = wantMem.dynamic !== have.dynamic || wantMem.startupBytes !== have.startupBytes || (wantMem.dynamic && (wantMem.minimumBytes !== have.minimumBytes || wantMem.maximumBytes !== have.maximumBytes));
  if (memDiffers) {
    const want = memoryArgs(d);
    // Toggling dynamic memory or changing the startup size needs the VM off; the dynamic bounds alone
    // can change online.
    const needsOff = want.dynamic !== have.dynamic || want.startupBytes !== have.startupBytes;
    const s = step(name, id, 'set-memory', { op: 'vm.setMemory', args: { dynamic: want.dynamic, id, maximumBytes: want.maximumBytes, minimumBytes: want.minimumBytes, name, startupBytes: want.startupBytes } }, describeMemory(have), describeMemory(want), needsOff ? 'memory differs (needs the VM off)' : 'dynamic memory bounds differ', needsOff ? restartGroup(name) : `${name}/memory`);
    (needsOff ? (offline ??= []) : (online ??= [])).push(s);
  }
  if (d.generation === 2 && d.secureBoot !== null && o.secureBoot !== d.secureBoot) {
    (offline ??= []).push(step(name, id, 'set-secure-boot', { op: 'vm.setSecureBoot', args: { enabled: d.secureBoot, id, name } }, o.secureBoot, d.secureBoot, 'secure boot differs', restartGroup(name)));
  }
  const nic = o.adapters[0] ?? null;
  const single = !d.adaptersListed; // the networkAdapters form is planned in surface.ts
  if (single && d.mac !== null && (nic === null || nic.dynamicMac || nic.mac !== d.mac)) {
    (offline ??= []).push(step(name, id, 'set-mac', { op: 'vm.setMac', args: { adapter: nic?.name ?? null, id, mac: d.mac, name } }, nic ? (nic.dynamicMac ? 'dynamic' : nic.mac) : null, d.mac, 'MAC address differs', restartGroup(name)));
  }
  // The boot disk: at IDE 0:0 (generation 1) or SCSI 0:0 (generation 2) when the backend reports
  // positions, else the first disk.
  const bootType = o.generation === 2 ? 'SCSI' : 'IDE';
  const disk = d.disk.sizeBytes === null ? null : bootDisk(o.disks, bootType);
  if (d.disk.sizeBytes !== null && disk !== null && disk.sizeBytes !== d.disk.sizeBytes) {
    if (d.disk.sizeBytes < disk.sizeBytes) {
      return { steps: [], refusals: [refusal(name, 'blocked', 'disk-shrink', `disk ${disk.path} is ${formatSize(disk.sizeBytes)}, the file says ${formatSize(d.disk.sizeBytes)}: virtual disks are never shrunk`)] };
    }
    // Generation 2 disks sit on SCSI and grow online; generation 1 boot disks are on IDE and need the VM off.
    const g = step(name, id, 'grow-disk', { op: 'disk.grow', args: { id, name, path: disk.path, sizeBytes: d.disk.sizeBytes } }, formatSize(disk.sizeBytes), formatSize(d.disk.sizeBytes), 'disk size differs', o.generation === 2 ? `${name}/disk` : restartGroup(name));
    (o.generation === 2 ? (online ??= []) : (offline ??= [])).push(g);
  }
  // Online changes.
  const haveSwitch = nic?.switch ?? null;
  if (!single) {
    // planned with the adapter list
  } else if ((d.switch ?? null) !== null && (haveSwitch === null || !sameName(haveSwitch, d.switch!))) {
    if (!obs.host.switches.some((s) => sameName(s.name, d.switch!))) {
      return { steps: [], refusals: [refusal(name, 'blocked', 'missing-switch', `virtual switch '${d.switch}' does not exist on host ${obs.host.computerName}`)] };
    }
    (online ??= []).push(step(name, id, 'connect-switch', { op: 'vm.connectSwitch', args: { adapter: nic?.name ?? null, id, name, switch: d.switch } }, haveSwitch, d.switch, 'switch differs', `${name}/switch`));
  } else if (d.switch === null && haveSwitch !== null) {
    (online ??= []).push(step(name, id, 'connect-switch', { op: 'vm.connectSwitch', args: { adapter: nic!.name, id, name, switch: null } }, haveSwitch, null, 'the file connects no switch', `${name}/switch`));
  }
  // Notes edited by hand on Windows carry CRLF: the same text, not a change.
  if (!sameUserNotes(o.notes, d.notes)) {
    const haveNotes = userNotes(o.notes);
    const notes = withMarker(d.notes, config.project);
    (online ??= []).push(step(name, id, 'set-notes', { op: 'vm.setNotes', args: { id, name, notes } }, haveNotes, d.notes, 'notes differ', `${name}/notes`));
  }
  const running = o.state === 'Running';
  const saved = o.state === 'Saved';
  // Nothing of the wider surface in the file, nothing to change, and already in the asked power
  // state (a Saved VM always gets a start or a refusal below): the common case ends here.
  const surfaceUsed = usesSurface(d, o);
  if (!surfaceUsed && offline === undefined && online === undefined && !saved && running === (d.state === 'running')) return NOTHING;
  offline ??= [];
  online ??= [];
  const group = restartGroup(name);
  const steps: Pending[] = [];
  const refusals: Refusal[] = [];
  if (surfaceUsed) {
    const surface = planSurface(d, o, obs, seeds);
    const fromSurface = (x: SurfaceStep, groupKey: string): Pending => step(name, id, x.action, x.operation, x.from, x.to, x.reason, groupKey);
    offline.push(...surface.offline.map((x) => fromSurface(x, group)));
    // An eject → write → insert of the seed stands or falls together; other online changes alone.
    online.push(...surface.online.map((x, i) => fromSurface(x, x.action === 'set-dvd' || x.action === 'write-seed' ? `${name}/seed` : `${name}/surface-${i}`)));
    for (const x of surface.prelude) steps.push(fromSurface(x, `${name}/seed`));
    for (const b of surface.blocked) refusals.push(refusal(name, 'blocked', b.code, b.message));
  }
  if (saved && (offline.length > 0 || d.state === 'stopped')) {
    refusals.push(refusal(name, 'blocked', 'saved-or-paused', `VM '${name}' is Saved (its memory is on disk): start it, or discard the saved state by hand (Remove-VMSavedState), before changes that need it off`, offline));
    steps.push(...online);
    if (d.state === 'running') steps.push(startStep(o, `${name}/start`));
    return { steps, refusals };
  }

  if (offline.length > 0 && running) {
    if (d.state === 'stopped') {
      // The file asks for the VM off anyway: stop, then change; no restart involved.
      steps.push(...checkpointSteps(config, o, checkpointName, group), stopStep(o, policy, group, 'state: stopped'), ...offline, ...online);
    } else if (policy.allowRestart) {
      steps.push(...checkpointSteps(config, o, checkpointName, group), stopStep(o, policy, group, `restart to apply: ${offline.map((s) => s.action).join(', ')}`), ...offline, ...online, startStep(o, group));
    } else {
      refusals.push(refusal(name, 'blocked', 'needs-restart', `${offline.map((s) => s.action).join(', ')} need${offline.length === 1 ? 's' : ''} VM '${name}' off and restarts are not allowed (policy.allowRestart: false); allow restarts or stop the VM`, offline));
      steps.push(...online);
    }
    return { steps, refusals };
  }

  // The VM is off (or stays as it is): change, then bring it to the desired power state.
  if (running && d.state === 'stopped') {
    steps.push(...checkpointSteps(config, o, checkpointName, `${name}/stop`), stopStep(o, policy, `${name}/stop`, 'state: stopped'));
  }
  steps.push(...offline, ...online);
  if (!running && d.state === 'running') steps.push(startStep(o, `${name}/start`));
  return { steps, refusals };
}

function planRemove(name: string, o: ObservedVm, deleteDisks: boolean, why: string, config: Config): VmPlan {
  const group = `${name}/remove`;
  const steps: Pending[] = [];
  if (o.state !== 'Off') {
    // Remove-VM needs the VM off; the VM is being destroyed, so a power cut after the bound is fine.
    steps.push(step(name, o.id, 'stop', { op: 'vm.stop', args: { id: o.id, name, timeoutSec: config.policy.stopTimeoutSec, turnOffAfterTimeout: true } }, o.state, 'Off', `${why}: stop before removal`, group));
  }
  steps.push(
    step(name, o.id, 'remove', { op: 'vm.remove', args: { deleteDisks, id: o.id, name } }, 'Off', 'absent', deleteDisks ? `${why}; its disks are deleted (disk.deleteOnDestroy)` : `${why}; its disks are kept`, group),
  );
  return { steps, refusals: [] };
}

// The power steps of an existing VM: plain functions, not closures made for every VM planned.
function startStep(o: ObservedVm, groupKey: string): Pending {
  return step(o.name, o.id, 'start', { op: 'vm.start', args: { id: o.id, name: o.name } }, o.state, 'Running', 'state: running', groupKey);
}

function stopStep(o: ObservedVm, policy: Config['policy'], groupKey: string, reason: string): Pending {
  return step(o.name, o.id, 'stop', { op: 'vm.stop', args: { id: o.id, name: o.name, timeoutSec: policy.stopTimeoutSec, turnOffAfterTimeout: policy.allowTurnOff } }, o.state, 'Off', reason, groupKey);
}

function checkpointSteps(config: Config, o: ObservedVm, checkpointName: string, groupKey: string): Pending[] {
  // An apply of this same config that was interrupted after taking the checkpoint left it there, and
  // the rollback point it marks is still the right one: it is not taken twice.
  if (!config.policy.checkpointBeforeDisruptive || o.checkpoints.some((c) => isOwnCheckpoint(config, checkpointName, c.name))) return [];
  const { id, name } = o;
  return [step(name, id, 'checkpoint', { op: 'vm.checkpoint', args: { id, name, checkpointName } }, null, checkpointName, `checkpoint before a disruptive change; roll back with: Restore-VMSnapshot -VMName '${name}' -Name '${checkpointName}'`, groupKey)];
}

/** The boot disk: at IDE 0:0 (generation 1) or SCSI 0:0 (generation 2) when the backend reports
 *  positions, else the first disk. */
function bootDisk(disks: ObservedVm['disks'], bootType: 'SCSI' | 'IDE'): ObservedVm['disks'][number] | null {
  let slots = false;
  for (const x of disks) {
    if (x.controllerType === bootType && x.controllerNumber === 0 && x.controllerLocation === 0) return x;
    if (x.controllerType !== undefined) slots = true;
  }
  return slots ? null : (disks[0] ?? null);
}

/** Gives the pending steps of one VM their ids (`vm/n`) and group ids, in place, onto `out`. */
function number(vm: string, pending: Pending[], out: Step[]): void {
  // A group's id is the id of its first step (a VM has a handful of steps: found by a scan).
  const keys: string[] = [];
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    keys.push(p.group);
    let first = 0;
    while (keys[first] !== p.group) first++;
    p.id = `${vm}/${i + 1}`;
    p.group = pending[first]!.id;
    out.push(p);
  }
}

function restartGroup(name: string): string {
  return `${name}/restart`;
}

/** `configDigest`: the config's hash when the caller has it (it names the checkpoint). */
export function planChanges(config: Config, obs: Observation, seeds?: SeedDigests, configDigest?: string): PlanDraft {
  const draft = planVms(config, withDeclaredSwitches(config, obs), vmsByName(obs), seeds, configDigest);
  if (!draft.actionable) return draft;
  const sw = planSwitches(config, obs);
  // Switch steps come first: the executor runs host-resource queues before any VM's.
  const steps: Step[] = [];
  for (const [key, pending] of sw.byName) number(key, pending, steps);
  return { ...draft, steps: [...steps, ...draft.steps], refusals: [...sw.refusals, ...draft.refusals] };
}

/** Switches the file makes count as present when its VMs are planned (they are made first). */
function withDeclaredSwitches(config: Config, obs: Observation): Observation {
  const extra = (config.switches ?? []).filter((d) => d.state === 'present' && d.type !== 'External' && !obs.host.switches.some((s) => sameName(s.name, d.name)));
  return extra.length === 0 ? obs : { ...obs, host: { ...obs.host, switches: [...obs.host.switches, ...extra.map((d) => ({ name: d.name, type: d.type }))] } };
}

function planSwitches(config: Config, obs: Observation): { byName: Map<string, Pending[]>; refusals: Refusal[] } {
  const byName = new Map<string, Pending[]>();
  const refusals: Refusal[] = [];
  for (const d of config.switches ?? []) {
    const key = switchKey(d.name);
    const have = obs.host.switches.find((s) => sameName(s.name, d.name));
    const mk = (action: StepAction, operation: HostOperation, from: unknown, to: unknown, reason: string): Pending => step(key, null, action, operation, from, to, reason, `${key}/${action}`);
    const owner = have?.notes === undefined ? null : ownerOf(have.notes);
    if (d.state === 'absent') {
      if (!have || d.type === 'External') continue;
      if (owner !== config.project) {
        refusals.push(refusal(key, 'refused', owner === null ? 'unmanaged' : 'owned-by-other', `switch '${have.name}' is not owned by project '${config.project}'; it is never removed by this config`));
        continue;
      }
      const users = obs.vms.filter((v) => v.adapters.some((a) => sameName(a.switch ?? '', d.name))).map((v) => v.name);
      const remove = mk('remove-switch', { op: 'switch.remove', args: { name: have.name } }, have.type, 'absent', 'state: absent');
      if (users.length) refusals.push(refusal(key, 'blocked', 'switch-in-use', `switch '${have.name}' is still used by ${users.map((u) => `'${u}'`).join(', ')}; disconnect them first`, [remove]));
      else byName.set(key, [remove]);
      continue;
    }
    if (d.type === 'External') {
      // Only referenced: never created or removed (creating one interrupts the host's network).
      if (!have) refusals.push(refusal(key, 'blocked', 'missing-switch', `external switch '${d.name}' does not exist on host ${obs.host.computerName}; external switches are made by hand, never by this tool`));
      else if (have.type !== 'External') refusals.push(refusal(key, 'blocked', 'switch-type', `switch '${d.name}' is ${have.type}, the file says External`));
      continue;
    }
    if (!have) {
      byName.set(key, [mk('create-switch', { op: 'switch.create', args: { name: d.name, type: d.type, notes: withMarker('', config.project), nat: d.nat } }, null, d.nat ? `${d.type}, NAT ${d.nat.subnet}` : d.type, 'not present on the host')]);
      continue;
    }
    if (have.type !== d.type) {
      refusals.push(refusal(key, 'blocked', 'switch-type', `switch '${d.name}' is ${have.type}, the file says ${d.type}; changing a switch's type is not done by this tool`));
      continue;
    }
    if (d.nat && have.nat !== undefined && have.nat !== d.nat.subnet) {
      if (owner !== config.project) {
        refusals.push(refusal(key, 'refused', owner === null ? 'unmanaged' : 'owned-by-other', `switch '${d.name}' is not owned by project '${config.project}'; its NAT is not changed`));
        continue;
      }
      byName.set(key, [mk('set-switch-nat', { op: 'switch.setNat', args: { name: have.name, nat: d.nat } }, have.nat, d.nat.subnet, 'NAT subnet differs')]);
    }
  }
  return { byName, refusals };
}

/** Switch steps are keyed `switch:<name>` (a VM name cannot hold ':'). */
export function switchKey(name: string): string {
  return `switch:${name}`;
}

function planVms(config: Config, obs: Observation, byName: ReadonlyMap<string, ObservedVm>, seeds?: SeedDigests, configDigest?: string): PlanDraft {
  const project = config.project;
  const prune = config.policy.prune;
  // Owned VMs and the file's names are wanted only to judge reasons and to prune: made only then.
  const owned = prune ? obs.vms.filter((v) => ownedBy(v.notes, project)) : [];
  if (obs.incomplete.length > 0) {
    const desiredKeys = new Set(nameKeysOf(config.vms));
    const ownedKeys = new Set(owned.map((o) => nameKey(o.name))); // a lookup per VM, not a scan
    const relevant = (vm: string) => desiredKeys.has(nameKey(vm)) || (prune && ownedKeys.has(nameKey(vm)));
    const blocking = blockingReasons(obs, relevant);
    if (blocking.length > 0) {
      const message = `the observation is incomplete, so nothing is acted on: ${blocking.map((r) => r.message).join('; ')}`;
      return { actionable: false, steps: [], refusals: [{ vm: '*', kind: 'refused', code: 'observation-incomplete', message, steps: [] }], unchanged: [] };
    }
  }

  const steps: Step[] = [];
  const refusals: Refusal[] = [];
  const unchanged: string[] = [];
  const checkpointName = checkpointNameFor(config, configDigest); // once per plan
  const vms = config.vms;
  const keys = nameKeysOf(vms); // keyed once per config: the basis and safety compare them too
  const desiredKeys = prune ? new Set(keys) : undefined;
  for (let i = 0; i < vms.length; i++) {
    const d = vms[i]!;
    const key = keys[i]!;
    const o = byName.get(key);
    // Absent from a complete observation means absent: create it. Never read as "stopped".
    const vp: VmPlan = o === undefined ? (d.state === 'absent' ? NOTHING : planCreate(config, d, obs, seeds)) : planExisting(config, d, o, obs, checkpointName, seeds);
    if (vp.steps.length > 0) number(d.name, vp.steps, steps);
    for (const r of vp.refusals) refusals.push(r);
    if (vp.steps.length === 0 && vp.refusals.length === 0) unchanged.push(d.name);
  }
  if (prune) {
    const orphans = owned.filter((o) => !desiredKeys!.has(nameKey(o.name))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const o of orphans) {
      const vp = planRemove(o.name, o, false, 'owned by this project but no longer in the file (policy.prune)', config);
      number(o.name, vp.steps, steps);
    }
  }
  return { actionable: true, steps, refusals, unchanged };
}
