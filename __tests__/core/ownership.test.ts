// The ownership marker is read by hand (no regular expression: it runs for every VM of every plan);
// these properties hold it to the rule it replaces, the expression below, on arbitrary notes built
// from the characters that matter (line breaks, white space, the marker's parts, project-name and
// other characters).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ownedBy, ownerOf, userNotes, withMarker } from '../../src/core/model/ownership.js';

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
  it('ownerOf, ownedBy and userNotes on arbitrary notes', () => {
    fc.assert(
      fc.property(notes, project, (n, p) => {
        expect(ownerOf(n)).toBe(refOwner(n));
        expect(ownedBy(n, p)).toBe(refOwner(n) === p);
        expect(userNotes(n)).toBe(refUser(n));
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
