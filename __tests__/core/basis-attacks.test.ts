// Outside attacks on the basis built from the canonical tree (src/core/plan/hashes.ts) and on the
// per-list name caches (src/core/model/assess.ts): the basis hash taken from the tree must equal the
// definition (basisHash over basisOf) on hostile observations, and a plan must be made from the
// observation it is bound to.
import { describe, expect, it } from '@jest/globals';
import { fleetConfig, fleetObservation } from '../../bench/fleet.js';
import { canonicalTree, sha256OfTree } from '../../src/core/canonical.js';
import type { Config } from '../../src/core/config/types.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation, nameKey, nameKeysOf, vmsByName } from '../../src/core/model/assess.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import { basisHash, basisOf, basisTreeOf } from '../../src/core/plan/hashes.js';
import { checkpointNameFor } from '../../src/core/plan/hashes.js';

function base(n = 30): { config: Config; obs: Observation; cp: string } {
  const config0 = fleetConfig(n);
  const config: Config = { ...config0, policy: { ...config0.policy, checkpointBeforeDisruptive: true } };
  return { config: structuredClone(config), obs: assessObservation(structuredClone(fleetObservation(config))), cp: checkpointNameFor(config) };
}

/** Both ways over one observation; each either prints a hash or throws. */
function both(config: Config, obs: Observation, cp: string, targets?: string[]): { tree: string; definition: string } {
  const run = (f: () => string) => {
    try {
      return f();
    } catch (e) {
      return `threw ${(e as Error).name}`;
    }
  };
  return {
    tree: run(() => sha256OfTree(basisTreeOf(config, obs, canonicalTree(obs), cp, targets))),
    definition: run(() => basisHash(config, obs, cp, targets)),
  };
}

function mutateVms(obs: Observation, f: (v: ObservedVm, i: number) => ObservedVm): Observation {
  return { ...obs, vms: obs.vms.map(f) };
}

describe('basis from the tree equals the definition on hostile observations', () => {
  const { config, obs, cp } = base();
  const cases: Array<[string, (v: ObservedVm, i: number) => ObservedVm]> = [
    ['undefined members in a VM', (v) => ({ ...v, tpm: undefined, notes: undefined as unknown as string, dvdDrives: undefined })],
    ['null members in a VM', (v) => ({ ...v, tpm: null, secureBoot: null, secureBootTemplate: null, memory: null as unknown as ObservedVm['memory'] })],
    ['extra keys in adapters, disks, memory', (v) => ({ ...v, adapters: v.adapters.map((a) => ({ ...a, ips: ['10.0.0.1'], zz: 1, aa: [{ y: 1, x: 2 }] })), disks: v.disks.map((d) => ({ ...d, extra: { b: 1, a: 2 } })), memory: { ...v.memory, weird: true } as ObservedVm['memory'] })],
    ['an adapter with ips undefined and extra keys', (v) => ({ ...v, adapters: v.adapters.map((a) => ({ ...a, ips: undefined as unknown as string[], extra: 1 })) })],
    ['a VM key named ownCheckpoint (true/false/object)', (v, i) => ({ ...v, ownCheckpoint: i % 3 === 0 ? true : i % 3 === 1 ? false : { a: 1 } }) as ObservedVm],
    ['a VM key that sorts first and one that sorts last', (v) => ({ ...v, '0': 'x', AAA: 1, zzz: [undefined] }) as ObservedVm],
    ['a VM key named checkpoints with this config’s own checkpoint', (v) => ({ ...v, checkpoints: [{ id: 'c', name: cp }, { id: 'd', name: 'other' }] })],
    ['integration services with extra keys and missing enabled', (v) => ({ ...v, integrationServices: [{ id: 'x', name: 'n', status: 'OK', extra: 1 } as unknown as ObservedVm['integrationServices'][number]] })],
    ['keys in reverse order (tree copied, not shared)', (v) => Object.fromEntries(Object.entries(v).reverse()) as unknown as ObservedVm],
    ['keys in sorted order (tree shared with the observation)', (v) => Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) as unknown as ObservedVm],
    ['parsed own __proto__ key in a VM', (v) => ({ ...JSON.parse('{"__proto__":{"cpus":99}}'), ...v })],
  ];
  for (const [name, f] of cases) {
    it(name, () => {
      const hostile = mutateVms(obs, f);
      const got = both(config, hostile, cp);
      expect(got.tree).toBe(got.definition);
      const targeted = both(config, hostile, cp, ['vm-00001']);
      expect(targeted.tree).toBe(targeted.definition);
    });
  }

  it('host fields: computerName/paths null or absent, a switch of no name', () => {
    for (const host of [{ ...obs.host, computerName: null }, { ...obs.host, paths: undefined }, { ...obs.host, switches: [...obs.host.switches, { name: 'lab-net', extra: { b: 1, a: 2 } }] }]) {
      const o = { ...obs, host: host as unknown as Observation['host'] };
      const got = both(config, o, cp);
      expect(got.tree).toBe(got.definition);
    }
  });

  it('reasons: vm undefined, a VM no plan concerns, and one it does', () => {
    const o: Observation = { ...obs, incomplete: [{ code: 'x', message: 'm' }, { code: 'y', vm: 'nobody', message: 'm' }, { code: 'z', vm: obs.vms[0]!.name.toUpperCase(), message: 'm', extra: { b: 1, a: 2 } }] as unknown as Observation['incomplete'] };
    const got = both(config, o, cp);
    expect(got.tree).toBe(got.definition);
  });
});

describe('per-list name caches: a list changed after it was assessed', () => {
  it('an element replaced in place (same length): vmsByName answers for the list as it is', () => {
    const { obs } = base(10);
    const i = obs.vms.findIndex((v) => v.name === 'vm-00001');
    (obs.vms as ObservedVm[])[i] = { ...obs.vms[i]!, name: 'renamed-x', cpus: 64 };
    const byName = vmsByName(obs);
    expect(byName.has(nameKey('renamed-x'))).toBe(true);
    expect(byName.has(nameKey('vm-00001'))).toBe(false);
  });

  it('a name changed in place (same length): nameKeysOf answers for the names as they are', () => {
    const { obs } = base(10);
    nameKeysOf(obs.vms);
    (obs.vms[1] as { name: string }).name = 'Other-Name';
    expect(nameKeysOf(obs.vms)[1]).toBe(nameKeysOf([{ name: 'Other-Name' }])[0]);
  });

  it('a plan made after an element was replaced is made from the VM its basis records', () => {
    const { config, obs, cp } = base(10);
    const i = obs.vms.findIndex((v) => v.name === 'vm-00001');
    // Same name, other facts (e.g. a caller re-reads one VM into the list it already assessed).
    (obs.vms as ObservedVm[])[i] = { ...obs.vms[i]!, cpus: obs.vms[i]!.cpus + 7 };
    const fresh: Observation = { ...obs, vms: [...obs.vms] }; // a new list: no cache
    const stale = makePlan(config, obs, 'sim');
    const clean = makePlan(config, fresh, 'sim');
    // Both record the same basis (cpus + 7), so both bind to the same host state ...
    expect(stale.basisHash).toBe(basisHash(config, fresh, cp));
    expect(clean.basisHash).toBe(stale.basisHash);
    // ... but the stale plan was made from the VM the list held before (no set-cpus step).
    expect(stale.steps.filter((s) => s.vm === 'vm-00001').map((s) => s.action)).toEqual(clean.steps.filter((s) => s.vm === 'vm-00001').map((s) => s.action));
    expect(stale.planHash).toBe(clean.planHash);
  });

  it('a config VM renamed in place between two plans of the same config', () => {
    const { config, obs } = base(10);
    makePlan(config, obs, 'sim');
    const j = config.vms.findIndex((v) => v.name === 'vm-00001');
    (config.vms[j] as { name: string }).name = 'vm-renamed';
    const again = makePlan(config, obs, 'sim');
    const fresh = makePlan({ ...config, vms: [...config.vms] }, obs, 'sim');
    expect(again.planHash).toBe(fresh.planHash);
  });

  it('guard: the product copies observations, never the assessed list, before planning', () => {
    const { config, obs } = base(10);
    const copy = { ...obs, observedAt: 'x' };
    expect(makePlan(config, copy, 'sim').planHash).toBe(makePlan(config, { ...obs, vms: [...obs.vms] }, 'sim').planHash);
  });
});

describe('guard: basisOf is what the tree basis prints, on the real fleet', () => {
  it('300 VMs, targeted and not', () => {
    const { config, obs, cp } = base(300);
    for (const t of [undefined, ['vm-00001', 'prod-00098']]) expect(sha256OfTree(basisTreeOf(config, obs, canonicalTree(obs), cp, t))).toBe(basisHash(config, obs, cp, t));
    expect(basisOf(config, obs, cp)).toBeDefined();
  });
});
