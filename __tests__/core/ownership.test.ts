// The ownership marker is read by hand (no regular expression: it runs for every VM of every plan);
// these properties hold it to the rule it replaces, the expression below, on arbitrary notes built
// from the characters that matter (line breaks, white space, the marker's parts, project-name and
// other characters).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ownedBy, ownerOf, sameLineEnds, sameUserNotes, userNotes, withMarker } from '../../src/core/model/ownership.js';
import { formatSize } from '../../src/core/sizes.js';

const MARKER_LINE = /(?:^|\r?\n)hyperv-converge: project=([a-z0-9-]+)[ \t]*$/;
const refOwner = (notes: string) => MARKER_LINE.exec(notes.trimEnd())?.[1] ?? null;
const refUser = (notes: string) => {
  const trimmed = notes.trimEnd();
  const m = MARKER_LINE.exec(trimmed);
  return m ? trimmed.slice(0, m.index) : notes;
};

const piece = fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u2028', 'hyperv-converge: project=', 'hyperv-converge: project', 'hyperv-converge:', 'web', 'a-1', '-', 'A', '_', 'é', 'x y', '=', '');
const notes = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
const project = fc.constantFrom('web', 'a-1', '-', 'A', 'x', 'web-1', '');

describe('the ownership marker, read by hand, follows the expression it replaces', () => {
  it('ownerOf, ownedBy, userNotes and sameUserNotes on arbitrary notes', () => {
    fc.assert(
      fc.property(notes, project, (n, p) => {
        expect(ownerOf(n)).toBe(refOwner(n));
        expect(ownedBy(n, p)).toBe(refOwner(n) === p);
        expect(userNotes(n)).toBe(refUser(n));
        for (const want of [refUser(n), refUser(n).replace(/\r\n?/g, '\n'), refUser(n) + 'x', '']) expect(sameUserNotes(n, want)).toBe(sameLineEnds(refUser(n)) === sameLineEnds(want));
        const marked = withMarker(n, 'web');
        expect([ownerOf(marked), ownedBy(marked, 'web'), userNotes(marked)]).toEqual([refOwner(marked), refOwner(marked) === 'web', refUser(marked)]);
      }),
      { numRuns: 20000 },
    );
  });

  it('on the cases that decide it', () => {
    for (const n of ['hyperv-converge: project=web', 'x\r\nhyperv-converge: project=web \t\n', 'x\rhyperv-converge: project=web', 'x\r\r\nhyperv-converge: project=web', '\nhyperv-converge: project=web', 'hyperv-converge: project=', 'hyperv-converge: project=Web', 'hyperv-converge: project=web\nmore', 'x\nhyperv-converge: project=we b']) {
      expect([ownerOf(n), userNotes(n)]).toEqual([refOwner(n), refUser(n)]);
    }
  });
});

describe('formatSize skips toFixed for whole numbers of a unit and prints what it printed', () => {
  it('for sizes around every unit', () => {
    const ref = (bytes: number): string => {
      for (const [u, m] of [['TB', 2 ** 40], ['GB', 2 ** 30], ['MB', 2 ** 20], ['KB', 2 ** 10]] as const) {
        const n = bytes / m;
        if (n >= 1 && Number.isInteger(n * 100)) return `${+n.toFixed(2)}${u}`;
      }
      return `${bytes}B`;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 20 }), fc.constantFrom(1, 2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40), fc.integer({ min: 0, max: 3 }), (n, unit, frac) => {
        const b = n * unit + (frac === 0 ? 0 : Math.round((unit * frac) / 4));
        expect(formatSize(b)).toBe(ref(b));
      }),
      { numRuns: 5000 },
    );
  });
});
