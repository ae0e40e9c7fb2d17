// sha256OfCanonicalBounded hashes a value's canonical text in pieces, escaping a long string once
// however often it recurs: it must give exactly sha256Of's hash (the same text), count what it prints
// once, and refuse a text past its bound before printing it.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sha256Of, sha256OfCanonicalBounded } from '../../src/core/canonical.js';
import { counters } from '../../src/core/counters.js';

const long = (seed: string) => `${seed} "quoted" \\ back\nslash é \u2028 ${'x'.repeat(5000)}`;

describe('sha256OfCanonicalBounded', () => {
  it('streamed (every size) gives the hash of the whole canonical text', () => {
    const shared = long('shared');
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(shared), fc.string().map(long));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(tree, (v) => {
        expect(sha256OfCanonicalBounded(v, Number.MAX_SAFE_INTEGER, 0)).toBe(sha256Of(v));
        expect(sha256OfCanonicalBounded(v, Number.MAX_SAFE_INTEGER)).toBe(sha256Of(v));
      }),
      { numRuns: 300 },
    );
  });

  it('a long string used a thousand times is escaped once: what is printed is the distinct text', () => {
    const seed = long('seed');
    const doc = { vms: Array.from({ length: 1000 }, (_, i) => ({ name: `vm-${i}`, cloudInit: { userData: seed } })) };
    const before = counters.printedChars;
    expect(sha256OfCanonicalBounded(doc, Number.MAX_SAFE_INTEGER, 0)).toBe(sha256Of(doc));
    const streamed = counters.printedChars - before;
    const whole = JSON.stringify(doc).length;
    // sha256Of above printed the whole text once; the streamed hash printed the seed once and the rest.
    expect(streamed - whole).toBeLessThan(whole / 100 + 2 * seed.length);
  });

  it('past its bound: null, before anything is printed', () => {
    const seed = 'y'.repeat(1 << 20);
    const doc = { vms: Array.from({ length: 300 }, () => ({ userData: seed })) };
    const before = counters.printedChars;
    expect(sha256OfCanonicalBounded(doc, 256 * 1024 * 1024)).toBeNull();
    expect(counters.printedChars - before).toBe(0);
    expect(sha256OfCanonicalBounded(doc, 512 * 1024 * 1024)).toBe(sha256Of(doc));
  });
});
