// The engine's faster serialization must not move a single byte: canonical JSON against the plain
// definition (copy every object with its keys sorted, then print), the basis and observed hashes taken
// from one canonical tree against their definitions over the observation, and the bench fleet's
// hashes pinned to the values the code gave before any of this was made faster.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { fleetConfig, fleetObservation } from '../../bench/fleet.js';
import { CanonicalTexts, canonicalJson, canonicalTree, prettyTree, sha256OfTree } from '../../src/core/canonical.js';
import type { Config } from '../../src/core/config/types.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import { basisHash, basisOf, basisTreeOf, configHash, observedHash, observedHashOfTree } from '../../src/core/plan/hashes.js';
import { checkpointNameFor } from '../../src/core/plan/hashes.js';
import { reference, refHash, refJson } from '../support/canonical-reference.js';


// Keys that sort in surprising ways: array indices (listed first by every object), digits, case,
// non-ASCII, the empty key; values with undefined and holes.
const key = fc.oneof(fc.constantFrom('a', 'b', 'B', '_', 'é', '', '0', '1', '10', '9', '01', '-1', '1.5', '4294967294', '4294967295', 'toJSON', 'constructor'), fc.string({ maxLength: 4 }));
const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0), fc.string({ maxLength: 6 }));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('sorted')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  // Already in canonical order: the path that shares instead of copying.
  sorted: fc.dictionary(key, tie('value'), { maxKeys: 5 }).map((o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
}));

describe('canonical JSON: the fast path prints what the definition prints', () => {
  it('for arbitrary values, sorted or not, compact and pretty', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(refJson(v));
        expect(prettyTree(canonicalTree(v))).toBe(JSON.stringify(reference(v), null, 2) + '\n');
        // An object's text composed of its members' texts (printed once each) is the whole text.
        const tree = canonicalTree(v);
        if (tree !== null && typeof tree === 'object' && !Array.isArray(tree)) expect(new CanonicalTexts().objectParts(tree).join('')).toBe(refJson(v));
        // Canonicalizing a tree again changes nothing.
        expect(JSON.stringify(canonicalTree(canonicalTree(v)))).toBe(refJson(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('a parsed canonical document is shared, not copied; a holey or subclassed array and an own __proto__ are copied as before', () => {
    const doc = JSON.parse(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' })) as object;
    expect(canonicalTree(doc)).toBe(doc);
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 3])).toBe('[1,null,3]');
    class Tagged extends Array<number> {}
    expect(canonicalJson(Tagged.from([2, 1]))).toBe('[2,1]');
    const withProto = JSON.parse('{"__proto__":{"x":1},"a":1}') as object;
    expect(canonicalJson(withProto)).toBe(refJson(withProto));
    expect(canonicalJson(new Date(0))).toBe(refJson(new Date(0)));
    expect(canonicalJson({ toJSON: 'not a function', a: 1 })).toBe('{"a":1,"toJSON":"not a function"}');
    expect(() => canonicalJson({ a: [Infinity] })).toThrow(/Infinity/);
    expect(() => canonicalJson({ a: { b: Symbol('s') } })).toThrow(/symbol/);
    expect(prettyTree(canonicalTree({ b: [], a: {} }))).toBe('{\n  "a": {},\n  "b": []\n}\n');
    // docs/artifacts.md: array-index keys first, in numeric order; the rest by code unit.
    expect(canonicalJson({ b: 1, 10: 2, 9: 3, a: 4, '09': 5, B: 6 })).toBe('{"9":3,"10":2,"09":5,"B":6,"a":4,"b":1}');
    // Object.prototype given an enumerable key (prototype pollution): for...in would list it for
    // every object; the walk lists own keys then, and prints what JSON.stringify prints.
    const proto = Object.prototype as Record<string, unknown>;
    for (const value of ['yes', { z: 1, a: 2 }, undefined]) {
      proto.polluted = value;
      try {
        const parsed = JSON.parse('{"a":{"c":1,"d":[{"e":2}]},"b":2}') as object;
        expect(canonicalJson(parsed)).toBe('{"a":{"c":1,"d":[{"e":2}]},"b":2}');
        expect(canonicalJson({ b: 1, a: { y: 1, x: 2 } })).toBe('{"a":{"x":2,"y":1},"b":1}');
        expect(canonicalJson({ a: 1, b: { x: 2 } })).toBe('{"a":1,"b":{"x":2}}');
        const { config, obs } = richFleet(40, false);
        const seen = assessObservation(obs);
        const cp = checkpointNameFor(config);
        expect(sha256OfTree(basisTreeOf(config, seen, canonicalTree(seen), cp))).toBe(refHash(basisOf(config, seen, cp)));
      } finally {
        delete proto.polluted;
      }
    }
    // More key lists than the shape memory holds: it starts over and stays right.
    const many = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${6000 - i}`, { [`x${i}`]: i, a: [{ [`y${i % 7}`]: 1, b: 2 }] }]));
    expect(canonicalJson(many)).toBe(refJson(many));
    expect(canonicalJson(many)).toBe(refJson(many));
  });
});

/** The bench fleet with the facts the basis leaves out or reshapes on some VMs (and keys of no schema on others). */
function richFleet(n: number, prune: boolean): { config: Config; obs: Observation } {
  const base = fleetConfig(n);
  const config: Config = { ...base, policy: { ...base.policy, prune, checkpointBeforeDisruptive: true } };
  const own = checkpointNameFor(config);
  const raw = fleetObservation(config);
  const vms = raw.vms.map((v, i) => {
    // Keys no observed VM or adapter has (only an in-memory value can carry them): the basis takes
    // its general way for these, and the same text comes out.
    if (i % 10 === 5) return { ...v, zExtra: i, adapters: v.adapters.map((a) => ({ ...a, ips: ['10.1.1.1'], aExtra: true })) } as ObservedVm;
    if (i % 3 === 0) return { ...v, adapters: v.adapters.map((a) => ({ ...a, ips: [`10.0.${i % 250}.${i % 200}`, 'fe80::1'], vlan: i % 2 ? 7 : null })) };
    if (i % 3 === 1) return { ...v, checkpoints: [{ id: `c-${i}`, name: 'nightly backup' }, ...(i % 2 ? [{ id: `d-${i}`, name: own }] : [])], tpm: i % 2 === 0, firstBootDevice: undefined };
    return { ...v, integrationServices: [{ id: '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', name: 'Heartbeat', enabled: true, status: i % 2 ? 'OK' : 'No Contact' }] };
  });
  // A hand-made VM in motion (no plan concerns it unless targeted) and a reason the adapter gave.
  vms[vms.findIndex((v) => v.name === 'handmade-00003')] = { ...vms.find((v) => v.name === 'handmade-00003')!, state: 'Stopping' };
  const reason: Observation['incomplete'][number] = { code: 'query-failed', vm: 'handmade-00001', message: 'Get-VMFirmware failed' };
  const obs: Observation = { ...raw, vms, incomplete: [reason], observedAt: '2026-12-02T00:00:00Z' };
  return { config, obs };
}

describe('hashes from one canonical tree equal their definitions', () => {
  for (const prune of [false, true]) {
    it(`on the bench fleet with ips, checkpoints, services and reasons on VMs no plan concerns (prune: ${prune}), whole and targeted`, () => {
      const { config, obs } = richFleet(300, prune);
      const seen = assessObservation(obs);
      const cp = checkpointNameFor(config);
      for (const targets of [undefined, ['vm-00001', 'PROD-00098', 'handmade-00003']]) {
        const want = { observedHash: refHash({ host: seen.host, vms: seen.vms, complete: seen.complete, incomplete: seen.incomplete }), basisHash: refHash(basisOf(config, seen, cp, targets)) };
        // As finalizePlan takes them: from the observation's one canonical tree, and without it.
        const tree = canonicalTree(seen);
        expect({ observedHash: observedHashOfTree(tree), basisHash: sha256OfTree(basisTreeOf(config, seen, tree, cp, targets)) }).toEqual(want);
        expect(basisHash(config, seen, cp, targets)).toBe(want.basisHash);
        expect(want.observedHash).toBe(observedHash(seen));
      }
      // The plan: its hash over the body by the definition, and the same plan whether the caller
      // hands over its hashes and tree or not.
      const plan = makePlan(config, seen, 'sim');
      expect(plan.actionable).toBe(true);
      const { planHash, backend: _b, observedHash: _o, ...body } = plan;
      expect(refHash(body)).toBe(planHash);
      expect(plan.basisHash).toBe(refHash(basisOf(config, seen, cp)));
      const handed = makePlan(config, seen, 'sim', undefined, undefined, { configHash: plan.configHash, observedHash: plan.observedHash, observedTree: canonicalTree(seen) });
      expect(canonicalJson(handed)).toBe(canonicalJson(plan));
      expect(canonicalJson(makePlan(config, seen, 'sim', undefined, undefined, { observedHash: plan.observedHash }))).toBe(canonicalJson(plan));
    });
  }

  it('the bench fleet’s hashes and whole plan are the values the code gave before it was made faster', () => {
    // Recorded on main d5317e6 (before the copy-on-write canonicalization and the shared tree).
    const config = fleetConfig(1000);
    const plan = makePlan(config, assessObservation(fleetObservation(config)), 'sim');
    expect({ configHash: plan.configHash, basisHash: plan.basisHash, observedHash: plan.observedHash, planHash: plan.planHash }).toEqual({
      configHash: 'sha256:0e3247b2b8b21785ed8a1c83aee37255b6f95d4a84ce79a5b00117790e41aa22',
      basisHash: 'sha256:d20825a502de98eb3a911c4b92fc36c8291be279590e91ae32e76a87ac6c0330',
      observedHash: 'sha256:462f670a3bf30a50cc283af54d8f2ccb3497a4a13099861f96013e2f3ccade75',
      planHash: 'sha256:c4cb34f6816893f0829adf097ffc13264a32a48001afdc4c63833dddac6b25a4',
    });
    expect(createHash('sha256').update(canonicalJson(plan)).digest('hex')).toBe('e850d47893849390ac0190c8252c7d826dc5cca7fbcf90a59b26a94557711784');
    const targeted = makePlan(config, assessObservation(fleetObservation(config)), 'sim', ['vm-00001', 'PROD-00098', 'vm-00072']);
    expect([targeted.basisHash, targeted.planHash]).toEqual(['sha256:c68827a01a83eb3346e37e2ec87e48eaf547786e066ed4a2fc0b6a235009e296', 'sha256:fbe43efad7741efe2dbdb28fe862ee2f1b52f09756ad7464e4f5a960f1068749']);
  });
});

describe('configHash of a config built in memory (no document): its resolved content, leaving out only where each VM was declared', () => {
  it('equals the hash of the config with the VMs copied without source, by the definition', () => {
    const config = fleetConfig(200);
    const withSource: Config = { ...config, vms: config.vms.map((v, i) => (i % 3 ? { ...v, source: { line: i + 10, column: 5 } } : v)) };
    const want = refHash({ ...config, vms: config.vms.map(({ source: _s, ...vm }) => vm) });
    expect(configHash(withSource)).toBe(want);
    expect(configHash(config)).toBe(want);
    // A key named source deeper in a VM is content, not a position.
    const deeper = { ...config, vms: config.vms.map((v) => ({ ...v, settings: { ...v.settings, source: 'x' } as typeof v.settings })) };
    expect(configHash(deeper)).toBe(refHash(deeper));
    expect(configHash(deeper)).not.toBe(want);
  });
});
