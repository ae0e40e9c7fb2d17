// Outside attacks on the copy-on-write canonical walk (src/core/canonical.ts): every value must print
// what the definition prints (JSON.stringify of a deep key-sorted copy, undefined members dropped),
// never throw where the definition does not, never loop, never change its input.
import { describe, expect, it } from '@jest/globals';
import { canonicalJson, canonicalTree, sha256Of } from '../../src/core/canonical.js';
import { refJson } from '../support/canonical-reference.js';


function withPolluted<T>(key: string, value: unknown, fn: () => T): T {
  const proto = Object.prototype as Record<string, unknown>;
  proto[key] = value; // plain assignment: enumerable, as old polyfills did it
  try {
    return fn();
  } finally {
    delete proto[key];
  }
}

describe('canonical walk: own toJSON the walk does not see', () => {
  it('an array (Array.prototype, no holes) with an own toJSON prints the copy, not what toJSON returns', () => {
    const arr = Object.assign([1, 2], { toJSON: () => 'forged' });
    expect(canonicalJson(arr)).toBe(refJson(arr)); // definition: [1,2]
  });

  it('a nested array with an own toJSON cannot make two different inputs print the same text', () => {
    const a = { steps: Object.assign(['stop vm-1'], { toJSON: () => [] }) };
    const b = { steps: [] as string[] };
    expect(canonicalJson(a)).not.toBe(canonicalJson(b));
    expect(sha256Of(a)).not.toBe(sha256Of(b));
  });

  it('a sorted plain object with a non-enumerable own toJSON prints its members', () => {
    const o = { a: 1, b: 2 };
    Object.defineProperty(o, 'toJSON', { value: () => ({ z: 'forged' }), enumerable: false });
    expect(canonicalJson(o)).toBe(refJson(o)); // definition: {"a":1,"b":2}
  });

  it('a null-prototype object with a non-enumerable own toJSON prints its members', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.a = 1;
    Object.defineProperty(o, 'toJSON', { value: () => 'x', enumerable: false });
    expect(canonicalJson(o)).toBe(refJson(o));
  });
});

describe('canonical walk: Object.prototype given an enumerable key', () => {
  it('an object value sorted in itself: no endless walk', () => {
    const r = withPolluted('zzPolluted', { a: 1 }, () => {
      try {
        return canonicalJson({ a: 1 });
      } catch (e) {
        return `threw ${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(r).toBe('{"a":1}');
  });

  it('an empty object value: no endless walk', () => {
    const r = withPolluted('zzPolluted', {}, () => {
      try {
        return canonicalJson({ a: { b: 1 } });
      } catch (e) {
        return `threw ${(e as Error).name}`;
      }
    });
    expect(r).toBe('{"a":{"b":1}}');
  });

  it('a function value (a polyfill-style method) does not make a sorted object unprintable', () => {
    const r = withPolluted('zzPolyfill', function polyfill() {}, () => {
      try {
        return canonicalJson({ a: 1 });
      } catch (e) {
        return `threw ${(e as Error).message}`;
      }
    });
    expect(r).toBe('{"a":1}');
  });

  it('a NaN value does not make a sorted object unprintable', () => {
    const r = withPolluted('zzNaN', NaN, () => {
      try {
        return canonicalJson({ a: 1 });
      } catch (e) {
        return `threw ${(e as Error).message}`;
      }
    });
    expect(r).toBe('{"a":1}');
  });

  it('a key that sorts before the own keys, or an array-index key, leads to the sorted copy', () => {
    for (const key of ['0', '10', 'A', '']) {
      withPolluted(key, 'p', () => {
        expect(canonicalJson({ a: 1, b: { c: [1, { d: 2 }] } })).toBe('{"a":1,"b":{"c":[1,{"d":2}]}}');
        expect(canonicalJson(JSON.parse('{"b":1,"a":2}'))).toBe('{"a":2,"b":1}');
      });
    }
  });
});

describe('canonical walk: getters and mutation while walked', () => {
  // A getter may be read twice (by the walk, then by the copy): the text is canonical JSON of what it
  // answered last. (Read-once is not promised: values from files, agents and this code have no getters.)
  it('a getter that answers differently on each read still gives canonical JSON', () => {
    let reads = 0;
    const o = {
      get a() {
        reads++;
        return reads === 1 ? 1 : { y: 1, x: 2 };
      },
      b: undefined,
    };
    const text = canonicalJson(o);
    expect(['{"a":1}', '{"a":{"x":2,"y":1}}']).toContain(text);
  });

  it('a getter that makes its own key non-enumerable while read does not hang the walk', () => {
    const o: Record<string, unknown> = { a: 1 };
    Object.defineProperty(o, 'b', {
      enumerable: true,
      configurable: true,
      get() {
        Object.defineProperty(o, 'b', { value: undefined, enumerable: false, configurable: true });
        return undefined;
      },
    });
    // A hang shows as reads of the key "undefined" (the copy loop running past the end of the key list).
    let runaway = 0;
    Object.defineProperty(o, 'undefined', {
      enumerable: false,
      get() {
        if (++runaway > 1000) throw new Error('the copy loop ran past the end of the key list');
        return undefined;
      },
    });
    let text: string;
    try {
      text = canonicalJson(o);
    } catch (e) {
      text = `threw: ${(e as Error).message}`;
    }
    expect(text).toBe('{"a":1}');
  });

  it('the walk never changes its input', () => {
    const input = { b: { d: [{ f: 1, e: undefined }], c: null }, a: [1, JSON.parse('{"__proto__":{"x":1},"y":2}')], 10: 1, 9: 2 };
    const before = JSON.stringify(input);
    const keysBefore = JSON.stringify(Object.keys(input));
    canonicalJson(input);
    canonicalJson(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(JSON.stringify(Object.keys(input))).toBe(keysBefore);
  });
});

describe('canonical walk: guards (own keys, prototypes, sharing)', () => {
  const cases: Array<[string, () => unknown]> = [
    ['array-index keys', () => ({ '0': 1, '10': 2, '9': 3, '4294967295': 4, '4294967294': 5, '-1': 6, '01': 7 })],
    ['array-index keys in sorted text order', () => JSON.parse('{"0":1,"1":{"b":1,"a":2},"10":3}')],
    ['parsed own __proto__ with a primitive', () => JSON.parse('{"__proto__":1,"a":{"c":1,"b":2}}')],
    ['parsed own __proto__ with null', () => JSON.parse('{"a":1,"__proto__":null}')],
    ['parsed own __proto__ nested deep, sorted', () => JSON.parse('{"a":{"__proto__":{"z":1}},"b":[{"__proto__":[1]}]}')],
    ['null-prototype object unsorted', () => Object.assign(Object.create(null), { b: 1, a: { d: 1, c: 2 } })],
    ['null-prototype object sorted, change at the last key', () => Object.assign(Object.create(null), { a: 1, b: { d: 1, c: 2 } })],
    ['class instance', () => new (class X { b = 1; a = { y: undefined, x: 1 }; get g() { return 5; } })()],
    ['non-enumerable and symbol keys', () => { const o: Record<string | symbol, unknown> = { a: 1 }; Object.defineProperty(o, 'h', { value: 2, enumerable: false }); o[Symbol('s')] = 3; return o; }],
    ['sorted keys, undefined at the first key', () => ({ a: undefined, b: 1, c: { e: 1, d: 2 } })],
    ['sorted keys, change at the last key', () => ({ a: 1, b: 2, c: { e: 1, d: 2 } })],
    ['sorted keys, change at first key, later keys unsorted', () => ({ a: { e: 1, d: 2 }, c: 1, b: 2 })],
    ['a value shared at two places', () => { const s = { y: 1, x: [undefined, { b: 1, a: 2 }] }; return { a: s, b: [s, s], c: s }; }],
    ['holes', () => { const a = [1, , 3]; a.length = 5; return { a }; }],
    ['getters on a plain object', () => ({ get b() { return { d: 1, c: 2 }; }, get a() { return 1; } })],
    ['a Date and a Map', () => ({ d: new Date(0), m: new Map([[1, 2]]), s: new Set([1]) })],
    ['toJSON as a data member', () => ({ toJSON: 'x', a: { toJSON: null } })],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      expect(canonicalJson(make())).toBe(refJson(make()));
      const v = make();
      expect(JSON.stringify(canonicalTree(canonicalTree(v)))).toBe(refJson(make()));
    });
  }

  it('Array.prototype given an enumerable key does not change arrays or objects', () => {
    const ap = Array.prototype as unknown as Record<string, unknown>;
    ap.zzArr = { b: 1 };
    try {
      const v = { a: [1, { c: 2, b: 1 }], b: [] };
      expect(canonicalJson(v)).toBe(refJson(v));
    } finally {
      delete ap.zzArr;
    }
  });

  it('objects in dictionary mode (many keys deleted) keep for…in order equal to print order', () => {
    const o: Record<string, number> = {};
    for (let i = 0; i < 300; i++) o[`k${String(i).padStart(3, '0')}`] = i;
    for (let i = 0; i < 300; i += 3) delete o[`k${String(i).padStart(3, '0')}`];
    o.k000 = -1; // re-added: last in insertion order, first in sorted order
    expect(canonicalJson(o)).toBe(refJson(o));
    const sparse: Record<string, number> = { a: 1 };
    sparse['4000000000'] = 1;
    sparse['3'] = 2;
    sparse['100000'] = 3;
    expect(canonicalJson(sparse)).toBe(refJson(sparse));
  });

  it('deep input: both the definition and the walk refuse or both print the same', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = i % 2 ? [deep] : { a: deep };
    // Already canonical: the walk must print exactly JSON.stringify's text (no stack limit of its own below it).
    expect(canonicalJson(deep)).toBe(JSON.stringify(deep));
  });
});
