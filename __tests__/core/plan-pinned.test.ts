// The plan engine's output, pinned to what the code gave before assess, plan and safety were made
// cheaper per VM: the bench fleet and a varied fleet that reaches every rule of plan.ts, surface.ts
// and safety.ts (owned by another project, Saved, Paused, generation change, disk shrink and grow,
// MAC, secure boot, CRLF notes, listed adapters, data disks, DVDs, settings, integration services,
// checkpoints, prune, restarts refused, the disruption budget), under several policies. The digest is
// of canonical JSON: the content. (It was of JSON.stringify until the planner built its steps and
// refusals with their keys in canonical order; the canonical digests below were taken with the code
// before that change and the code after it gives the same. The order itself is held below: a plan
// of the bench fleet is canonicalized without a copy.)
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { fleetConfig, fleetObservation } from '../../bench/fleet.js';
import type { Config, DesiredVm } from '../../src/core/config/types.js';
import { canonicalJson, canonicalTree } from '../../src/core/canonical.js';
import { makePlan } from '../../src/core/converge.js';
import { counters } from '../../src/core/counters.js';
import { assessObservation, nameKey, vmsByName } from '../../src/core/model/assess.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import { withMarker } from '../../src/core/model/ownership.js';
import { checkpointNameFor } from '../../src/core/plan/hashes.js';
import { planChanges } from '../../src/core/plan/plan.js';
import { planSurface, usesSurface } from '../../src/core/plan/surface.js';
import { applySafety } from '../../src/core/safety/safety.js';

const GiB = 1024 ** 3;
const sha = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

/** One variation per VM, by index: each reaches a different rule. */
function vary(i: number, d: DesiredVm, o: ObservedVm | undefined, config: Config): [DesiredVm, ObservedVm | undefined] {
  const k = i % 23;
  const dd: DesiredVm = { ...d };
  const oo: ObservedVm | undefined = o && { ...o };
  if (k === 1 && oo) oo.notes = 'hand\r\nmade\r\n' + withMarker('', 'other-project');
  if (k === 2 && oo) oo.state = 'Saved';
  if (k === 3 && oo) oo.state = 'Paused';
  if (k === 4 && oo) oo.generation = 1;
  if (k === 5) dd.disk = { ...d.disk, sizeBytes: 32 * GiB };
  if (k === 6) dd.disk = { ...d.disk, sizeBytes: 128 * GiB };
  if (k === 7) dd.mac = '00155D0000' + String(i % 90 + 10);
  if (k === 8 && oo) oo.secureBoot = false;
  if (k === 9) {
    dd.notes = 'line one\nline two';
    if (oo) oo.notes = withMarker('line one\r\nline two', config.project);
  }
  if (k === 10) {
    dd.adaptersListed = true;
    dd.adapters = [
      { name: 'Network Adapter', switch: i % 2 ? 'lab-net' : null, mac: i % 3 ? null : '00155D00AA' + String(i % 90 + 10), vlan: i % 4 ? 20 : null, macSpoofing: i % 5 === 0 },
      { name: 'storage', switch: 'Default Switch', mac: null, vlan: 30 },
    ];
    if (oo) oo.adapters = [...oo.adapters, { name: 'extra', switch: null, mac: '00155DFFFFFF', dynamicMac: false, ips: [] }];
  }
  if (k === 11) {
    dd.dataDisks = [
      { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: `D:\\data\\${d.name}-1.vhdx`, sizeBytes: 10 * GiB, existing: false },
      { controllerType: 'IDE', controllerNumber: 1, controllerLocation: 0, path: 'D:\\data\\shared.vhdx', sizeBytes: null, existing: true },
    ];
    if (oo) oo.disks = [...oo.disks.map((x) => ({ ...x, controllerType: 'SCSI' as const, controllerNumber: 0, controllerLocation: 0 })), { path: `D:\\data\\${d.name}-1.vhdx`, sizeBytes: (i % 2 ? 5 : 20) * GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1 }, { path: 'D:\\old.vhdx', sizeBytes: GiB, parentPath: null, controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 3 }];
  }
  if (k === 12) {
    dd.dvdDrives = [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: i % 2 ? 'D:\\iso\\tools.iso' : 'D:\\iso\\gone.iso' }];
    if (oo && i % 3) oo.dvdDrives = [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: null }];
  }
  if (k === 13) {
    dd.settings = { ...d.settings!, tpm: true, checkpointType: 'Production', memoryWeight: 5000, automaticStopAction: 'ShutDown' };
    if (oo) Object.assign(oo, { tpm: false, checkpointType: 'Standard', memoryWeight: i % 2 ? 5000 : 100 });
  }
  if (k === 14) {
    dd.integrationServices = { '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47': true, '9F8233AC-BE49-4C79-8EE3-E7E1985B2077': false };
    if (oo) oo.integrationServices = [{ id: '84eaae65-2f2e-45f5-9bb5-0e857dc8eb47', name: 'Heartbeat', enabled: i % 2 === 0, status: 'OK' }];
  }
  if (k === 15 && oo) oo.state = 'Off';
  if (k === 16 && oo) oo.checkpoints = [{ id: `c-${i}`, name: checkpointNameFor(config) }];
  if (k === 17) dd.switch = 'missing-net';
  if (k === 18) dd.switch = null;
  if (k === 19) dd.memory = { dynamic: true, startupBytes: 4 * GiB, minimumBytes: GiB, maximumBytes: 8 * GiB };
  if (k === 20 && !oo) dd.disk = { ...d.disk, image: i % 2 ? 'D:\\images\\none.vhdx' : 'D:\\images\\base.vhd', sizeBytes: GiB };
  if (k === 21 && !oo) {
    dd.adaptersListed = true;
    dd.adapters = [{ name: 'a', switch: 'nowhere', mac: null }];
    dd.dataDisks = [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 1, path: 'D:\\data\\x.vhdx', sizeBytes: null, existing: true }];
    dd.dvdDrives = [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: null }];
    dd.settings = { ...d.settings!, nestedVirtualization: true };
    dd.integrationServices = { 'B': true, 'A': false };
  }
  if (k === 22) dd.name = d.name.toUpperCase();
  return [dd, oo];
}

function variedFleet(n: number, policy: Partial<Config['policy']>): { config: Config; obs: Observation } {
  const base = fleetConfig(n);
  const config0: Config = { ...base, policy: { ...base.policy, ...policy } };
  const raw = fleetObservation(config0);
  const byName = new Map(raw.vms.map((v) => [v.name, v]));
  const vms: DesiredVm[] = [];
  const seen = new Map<string, ObservedVm>();
  config0.vms.forEach((d, i) => {
    const [dd, oo] = vary(i, d, byName.get(d.name), config0);
    vms.push(dd);
    if (oo) seen.set(d.name, oo);
  });
  const config: Config = {
    ...config0,
    vms,
    switches: [
      { name: 'made-net', type: 'Internal', state: 'present', nat: null },
      { name: 'Default Switch', type: 'Internal', state: 'absent', nat: null },
    ],
  };
  const obsVms = raw.vms.map((v) => seen.get(v.name) ?? v);
  // Owned VMs the file no longer names (prune), one of them off.
  obsVms.push({ ...obsVms[0]!, id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'gone-1', notes: withMarker('', config.project), state: 'Off' });
  obsVms.push({ ...obsVms[0]!, id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'gone-2', notes: withMarker('', config.project) });
  const obs: Observation = {
    ...raw,
    host: { ...raw.host, paths: [...raw.host.paths, { path: 'D:\\images\\none.vhdx', exists: false }, { path: 'D:\\images\\base.vhd', exists: true, sizeBytes: 2 * GiB }, { path: 'D:\\iso\\gone.iso', exists: false }, { path: 'D:\\data\\x.vhdx', exists: false }] },
    vms: obsVms,
  };
  return { config, obs };
}

/** What the core gives (assess, plan, safety) and what makePlan gives, as digests. */
function digests(config: Config, obs: Observation) {
  const seen = assessObservation(obs);
  const draft = applySafety(planChanges(config, seen, undefined, 'sha256:0123456789abcdef0123456789abcdef'), config, seen);
  const plan = makePlan(config, seen, 'sim');
  // The name index assess keeps for the observation it returns, and one made anew for a copy of it
  // (or for a list changed after assessing): the same plan.
  const copy = { ...seen };
  expect(sha(applySafety(planChanges(config, copy, undefined, 'sha256:0123456789abcdef0123456789abcdef'), config, copy))).toBe(sha(draft));
  const swapped = { ...seen, vms: [...seen.vms].reverse() };
  expect(vmsByName(swapped)).toEqual(new Map([...seen.vms].reverse().map((v) => [nameKey(v.name), v])));
  return { assessed: sha(seen), draft: sha(draft), plan: sha(plan), steps: draft.steps.length, refusals: draft.refusals.length };
}

describe('the plan engine gives the plan it gave before it was made cheaper', () => {
  it('on the bench fleet', () => {
    const config = fleetConfig(1000);
    expect(digests(config, fleetObservation(config))).toEqual(PINNED.bench);
  });

  it('builds the steps and refusals of the bench fleet with their keys in canonical order (canonicalizing copies none of them)', () => {
    const config = fleetConfig(1000);
    const seen = assessObservation(fleetObservation(config));
    const draft = applySafety(planChanges(config, seen), config, seen);
    expect(draft.steps.length).toBeGreaterThan(300);
    expect(draft.refusals.length).toBeGreaterThan(50);
    const before = counters.canonicalCopies;
    expect(canonicalTree(draft.steps)).toBe(draft.steps);
    expect(canonicalTree(draft.refusals)).toBe(draft.refusals);
    expect(counters.canonicalCopies - before).toBe(0);
  });

  const policies: [string, Partial<Config['policy']>][] = [
    ['the bench policy', {}],
    ['prune, checkpoints, a tight budget', { prune: true, checkpointBeforeDisruptive: true, maxDisruptive: 7 }],
    ['no restarts, turn-off allowed, two protect patterns', { allowRestart: false, allowTurnOff: true, protect: ['prod-*', 'VM-0001?'] }],
  ];
  for (const [label, policy] of policies) {
    it(`on a varied fleet: ${label}`, () => {
      const { config, obs } = variedFleet(700, policy);
      expect(digests(config, obs)).toEqual(PINNED[label]);
    });
  }

  it('the varied fleets reach every step action but the seed write and a switch NAT or removal, and these refusal codes', () => {
    const actions = new Set<string>();
    const codes = new Set<string>();
    for (const [, policy] of policies) {
      const { config, obs } = variedFleet(700, policy);
      const seen = assessObservation(obs);
      const draft = applySafety(planChanges(config, seen), config, seen);
      for (const s of [...draft.steps, ...draft.refusals.flatMap((r) => r.steps)]) actions.add(s.action);
      for (const r of draft.refusals) codes.add(r.code);
    }
    expect([...actions].sort()).toEqual(PINNED_REACH.actions);
    expect([...codes].sort()).toEqual(PINNED_REACH.codes);
  });

  it('on an observation that cannot be vouched for (duplicate names and ids, states in motion)', () => {
    const { config, obs } = variedFleet(300, {});
    const vms = [...obs.vms];
    vms[5] = { ...vms[5]!, state: 'Stopping' };
    vms[9] = { ...vms[9]!, state: 'Weird' as ObservedVm['state'] };
    vms.push({ ...vms[20]!, id: 'bbbbbbbb-0000-4000-8000-000000000001', name: vms[20]!.name.toUpperCase() });
    vms.push({ ...vms[30]!, name: 'twin-of-30' });
    // Found in another order than first seen: names of 40 and 10, ids of 50, 15 (three times) and 15's own name.
    vms.push({ ...vms[40]!, id: 'bbbbbbbb-0000-4000-8000-000000000002' }, { ...vms[10]!, id: 'bbbbbbbb-0000-4000-8000-000000000003', name: vms[10]!.name.toLowerCase() });
    vms.push({ ...vms[50]!, name: 'twin-of-50' }, { ...vms[15]!, name: 'twin-of-15' }, { ...vms[15]!, name: 'twin-of-15' }, { ...vms[15]! });
    const bad: Observation = { ...obs, vms, incomplete: [{ code: 'query-failed', vm: 'handmade-00001', message: 'Get-VMFirmware failed' }, { code: 'duplicate-id', vm: 'stale', message: 'from an earlier assessment' }] };
    expect(digests(config, bad)).toEqual(PINNED.incomplete);
  });
});

// Recorded on main b93e47b, before the per-VM costs of assess, plan and safety were cut.
const PINNED: Record<string, ReturnType<typeof digests>> = {
  bench: { assessed: '2e867aa920df90196b8346074efd428e25abdc705df7aeba0eda3f95a38bd9e7', draft: '0a880f6477dcf1a087a8de3a7bdeb5d853751b90ffb0f4d07302d11ee4b5fa8f', plan: 'e850d47893849390ac0190c8252c7d826dc5cca7fbcf90a59b26a94557711784', refusals: 68, steps: 390 },
  'the bench policy': { assessed: '36b9569ffd3bd75b0c1f62705cc25244bdcc14565032a07de09defd471113f22', draft: 'a7530d848e3b8b2d109dc5a3d00cf6a5031a5ef361ece47f42f2458769d205cc', plan: '2477acd757804ee8341e0e0194fdba27468de9455bacb6c509fd3455e9a7e720', refusals: 389, steps: 521 },
  'prune, checkpoints, a tight budget': { assessed: '67c7ca5952272b0dabe1b941e82cc4d4754f253fc854e48bab2bee890dd560de', draft: 'cd784e69339e65df73d212dd3959dba578e8e088fe83e5733b59f0443293ada1', plan: '999aa229a10d906f1613d8840cbd9b87608edf1ef3f36bd7d27ef1864ed558ed', refusals: 432, steps: 422 },
  'no restarts, turn-off allowed, two protect patterns': { assessed: '49e6d46ac8ab8c8a42a368ae929f34ee2e84e6208e5447d4db59342149f02e88', draft: '5bb1e3cd7b510c5576462dbf51dc03a2533b0b8a05734e2285acd642ddb24ac5', plan: '18e14bbafcbe65c3594ff51b331294e89437cb50f2bf4fbbca753c4d390aab77', refusals: 395, steps: 450 },
  incomplete: { assessed: 'c51592b84597febebac6ac4e58f3a93e9a8e93f954a14c93300711981e599bab', draft: '84a0691928df147ee7c3e3b621c7ecf6ecd58a148127385a172e0a762fc45fae', plan: '9a731f51784765d4fa9b285088c8a60d73e43f9a8fc592ed6668948c14e329bf', refusals: 1, steps: 0 },
};
const PINNED_REACH = {
  actions: ['add-adapter', 'add-disk', 'add-dvd', 'checkpoint', 'connect-switch', 'create', 'create-switch', 'detach-disk', 'grow-disk', 'remove', 'remove-adapter', 'set-adapter', 'set-cpus', 'set-dvd', 'set-integration-services', 'set-mac', 'set-memory', 'set-notes', 'set-secure-boot', 'set-settings', 'start', 'stop'],
  codes: ['disk-below-image', 'disk-shrink', 'generation-change', 'max-disruptive', 'missing-file', 'missing-image', 'missing-switch', 'needs-restart', 'owned-by-other', 'protected', 'saved-or-paused', 'unknown-integration-service', 'unmanaged'],
};

describe('usesSurface: a VM it passes over has nothing planSurface would plan', () => {
  it('for arbitrary surfaces of the file and the host', () => {
    const base = fleetConfig(1);
    const d0 = base.vms[0]!;
    const o0 = fleetObservation(base).vms[0]!;
    const slot = fc.record({ controllerType: fc.constantFrom('SCSI' as const, 'IDE' as const), controllerNumber: fc.integer({ min: 0, max: 1 }), controllerLocation: fc.integer({ min: 0, max: 33 }) });
    const settingKeys = Object.keys(d0.settings!) as (keyof NonNullable<DesiredVm['settings']>)[];
    fc.assert(
      fc.property(
        fc.record({
          generation: fc.constantFrom(1 as const, 2 as const),
          listed: fc.boolean(),
          dataDisks: fc.option(fc.array(slot.map((s) => ({ ...s, path: 'D:\\d.vhdx', sizeBytes: GiB, existing: false })), { maxLength: 1 }), { nil: undefined }),
          dvd: fc.boolean(),
          setting: fc.option(fc.constantFrom(...settingKeys), { nil: undefined }),
          service: fc.boolean(),
          disks: fc.array(fc.option(slot, { nil: undefined }), { maxLength: 3 }),
        }),
        (c) => {
          const d: DesiredVm = {
            ...d0,
            generation: c.generation,
            adaptersListed: c.listed,
            dataDisks: c.dataDisks,
            dvdDrives: c.dvd ? [{ controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 2, path: null }] : [],
            settings: c.setting ? { ...d0.settings!, [c.setting]: c.setting === 'memoryWeight' || c.setting === 'memoryBuffer' || c.setting === 'automaticStartDelaySec' ? 7 : true } : d0.settings,
            integrationServices: c.service ? { A: true } : {},
          };
          const o: ObservedVm = { ...o0, generation: c.generation, disks: c.disks.map((s, i) => ({ path: `D:\\${i}.vhdx`, sizeBytes: GiB, parentPath: null, ...(s ?? {}) })) };
          const p = planSurface(d, o, fleetObservation(base), undefined);
          const found = p.prelude.length + p.online.length + p.offline.length + p.blocked.length;
          if (!usesSurface(d, o)) expect(found).toBe(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
