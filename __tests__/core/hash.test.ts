import { describe, expect, it } from '@jest/globals';
import { canonicalJson, sha256Of } from '../../src/core/canonical.js';
import { makePlan } from '../../src/core/converge.js';
import { assessObservation } from '../../src/core/model/assess.js';
import { configHash, observedHash } from '../../src/core/plan/finalize.js';
import { formatSize, parseSize } from '../../src/core/sizes.js';
import { config, desired, observation, observed } from '../support/core-fixtures.js';

describe('canonical JSON and hashes', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[3,{"x":null,"z":1}]},"b":1}');
  });

  it('has a fixed value for a fixed input (stable across runs and machines)', () => {
    // sha256 of the UTF-8 bytes of {"a":[1,"x"],"b":true}
    expect(sha256Of({ b: true, a: [1, 'x'] })).toBe('sha256:c817ea2211dc960ff318c03b8414e1c9f63f6010af61d11cca0cf7f920ac9dae');
    expect(sha256Of({ b: true, a: [1, 'x'] })).toBe(sha256Of({ a: [1, 'x'], b: true }));
  });

  it('refuses values canonical JSON cannot hold', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });

  it('configHash ignores where VMs were declared; observedHash ignores time and backend name', () => {
    const a = config([desired('w', { source: { line: 3, column: 5 } })]);
    const b = config([desired('w', { source: { line: 30, column: 1 } })]);
    expect(configHash(a)).toBe(configHash(b));
    expect(configHash(a)).not.toBe(configHash(config([desired('w', { cpus: 3 })])));
    const o = observation([observed('w', { id: 'x' })]);
    expect(observedHash({ ...o, observedAt: '2026-01-01T00:00:00Z', backend: 'replay' })).toBe(observedHash({ ...o, observedAt: '2027-01-01T00:00:00Z' }));
  });

  it('planHash changes with any step and stays with generatedAt', () => {
    const obs = assessObservation(observation([observed('w', { id: 'x' })]));
    const p1 = makePlan(config([desired('w', { cpus: 2 })]), obs, 'sim');
    const p2 = makePlan(config([desired('w', { cpus: 2, notes: 'x' })]), obs, 'sim');
    expect(p1.planHash).not.toBe(p2.planHash);
    expect(makePlan(config([desired('w', { cpus: 2 })]), obs, 'replay').planHash).toBe(p1.planHash);
    const { planHash, backend: _b, observedHash: _o, ...body } = p1;
    expect(sha256Of(body)).toBe(planHash);
  });

  it("planHash binds the facts the plan compared for its own VMs, not another team's VM", () => {
    const d = config([desired('w', { cpus: 2 })]);
    const mine = observed('w', { id: 'x', cpus: 1 });
    const base = makePlan(d, assessObservation(observation([mine])), 'sim');
    // Another VM on the host: observedHash moves, planHash does not.
    const other = observed('billing-db', { id: 'y', notes: 'hyperv-converge: project=billing' });
    const withOther = makePlan(d, assessObservation(observation([mine, other])), 'sim');
    expect(withOther.observedHash).not.toBe(base.observedHash);
    expect(withOther.planHash).toBe(base.planHash);
    // A new guest address or an extra (backup) checkpoint on our own VM is not compared either.
    const noisy = { ...mine, adapters: mine.adapters.map((a) => ({ ...a, ips: ['10.0.0.9'] })), checkpoints: [{ id: 'c1', name: 'nightly backup' }] };
    expect(makePlan(d, assessObservation(observation([noisy])), 'sim').planHash).toBe(base.planHash);
    // A compared fact of our own VM that leaves the steps alike still changes the hash.
    const renamedNic = { ...mine, memory: { ...mine.memory } , notes: mine.notes, path: mine.path, state: mine.state === 'Running' ? 'Off' : 'Running' };
    const p2 = makePlan(d, assessObservation(observation([renamedNic])), 'sim');
    expect(p2.basisHash).not.toBe(base.basisHash);
    expect(p2.planHash).not.toBe(base.planHash);
  });
});

describe('sizes', () => {
  it('parses binary units and formats back', () => {
    expect(parseSize('512MB')).toBe(512 * 2 ** 20);
    expect(parseSize('4GB')).toBe(4 * 2 ** 30);
    expect(parseSize('1.5 TB')).toBe(1.5 * 2 ** 40);
    expect(parseSize('4 G')).toBeNull();
    expect(parseSize('-1GB')).toBeNull();
    expect(formatSize(3 * 2 ** 30)).toBe('3GB');
    expect(formatSize(1536 * 2 ** 20)).toBe('1.5GB');
  });
});
