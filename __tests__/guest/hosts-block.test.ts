// The managed /etc/hosts block as pure text: rendering, merging with everything else kept byte for
// byte, idempotence, refusal of broken markers, and the dry-run diff.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BEGIN_MARKER, END_MARKER, diffText, findBlock, lineEnding, mergeBlock, readBlock, renderBlockLines } from '../../src/guest/hosts-block.js';
import { isHvcError } from '../../src/core/errors.js';

const entries = [
  { name: 'web-2', address: '10.0.0.6' },
  { name: 'db-1', address: '10.0.0.9' },
  { name: 'web-1', address: '10.0.0.5' },
];
const block = (eol: string) => [BEGIN_MARKER, '10.0.0.9\tdb-1', '10.0.0.5\tweb-1', '10.0.0.6\tweb-2', END_MARKER].join(eol);

describe('renderBlockLines', () => {
  it('lists every entry between fixed markers, sorted by name', () => {
    expect(renderBlockLines(entries).join('\n')).toBe(block('\n'));
    expect(renderBlockLines([])).toEqual([BEGIN_MARKER, END_MARKER]);
  });

  it('refuses names and addresses that would corrupt the file', () => {
    for (const bad of [{ name: 'web 1', address: '10.0.0.1' }, { name: 'a#b', address: '10.0.0.1' }, { name: 'ok', address: '10.0.0.1 evil' }, { name: '-x', address: '10.0.0.1' }]) {
      let err: unknown;
      try {
        renderBlockLines([bad]);
      } catch (e) {
        err = e;
      }
      expect(isHvcError(err) && err.reason).toBe('usage');
    }
  });
});

describe('mergeBlock', () => {
  it('into an empty file: just the block, with a final newline', () => {
    expect(mergeBlock('', entries)).toBe(block('\n') + '\n');
  });

  it('appends to an LF file, keeping every byte before it', () => {
    const text = '127.0.0.1\tlocalhost\n# my comment\n::1 ip6-localhost\n';
    expect(mergeBlock(text, entries)).toBe(text + block('\n') + '\n');
  });

  it('keeps CRLF files CRLF and a missing final newline missing', () => {
    const text = '127.0.0.1 localhost\r\n# comment  with  spaces\t\r\n10.9.9.9 other';
    const merged = mergeBlock(text, entries);
    expect(merged).toBe(text + '\r\n' + block('\r\n'));
    expect(merged.endsWith('\n')).toBe(false);
    expect(lineEnding(text)).toBe('\r\n');
  });

  it('replaces an existing block in place: bytes before and after unchanged, stale entries gone', () => {
    const before = '127.0.0.1 localhost\r\n#keep me\r\n';
    const after = '\r\n# after the block\r\n10.9.9.9  hand-written\t# tab comment';
    const old = [BEGIN_MARKER, '10.0.0.1\told-vm', '10.0.0.2\tweb-1', END_MARKER].join('\r\n');
    const merged = mergeBlock(before + old + after, entries);
    expect(merged).toBe(before + block('\r\n') + after);
    expect(readBlock(merged).map((e) => e.name)).toEqual(['db-1', 'web-1', 'web-2']);
  });

  it('is idempotent: merging the same entries again changes nothing', () => {
    for (const text of ['', 'a b\n', 'a b', 'a b\r\nc d\r\n', 'x y\r\nz w']) {
      const once = mergeBlock(text, entries);
      expect(mergeBlock(once, entries)).toBe(once);
      expect(mergeBlock(once, [...entries].reverse())).toBe(once);
    }
  });

  it('refuses broken markers instead of guessing', () => {
    const cases = [`${BEGIN_MARKER}\n10.0.0.1 a\n`, `x\n${END_MARKER}\n`, `${END_MARKER}\n${BEGIN_MARKER}\n`, `${BEGIN_MARKER}\n${END_MARKER}\n${BEGIN_MARKER}\n${END_MARKER}\n`];
    for (const text of cases) {
      expect(() => findBlock(text)).toThrow(/marker/);
      expect(() => mergeBlock(text, entries)).toThrow(/marker/);
    }
  });

  it('property: everything outside the block survives byte for byte, and a second merge is a no-op', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '#', '.', '1', 'é', '\r'), maxLength: 12 });
    const eol = fc.constantFrom('\n', '\r\n');
    const host = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '-'), minLength: 1, maxLength: 8 }).filter((s) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(s));
    const entry = fc.record({ name: host, address: fc.ipV4() });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), eol, fc.boolean(), fc.array(entry, { maxLength: 5 }), fc.array(entry, { maxLength: 5 }), (lines, e, finalEol, first, second) => {
        const text = lines.length ? lines.join(e) + (finalEol ? e : '') : '';
        const once = mergeBlock(text, first);
        // The original text is a prefix (a terminator may be added after its last line).
        expect(once.startsWith(text)).toBe(true);
        const twice = mergeBlock(once, second);
        const at = findBlock(once)!;
        const at2 = findBlock(twice)!;
        expect(twice.slice(0, at2.start)).toBe(once.slice(0, at.start));
        expect(twice.slice(at2.end)).toBe(once.slice(at.end));
        expect(mergeBlock(twice, second)).toBe(twice);
        expect(readBlock(twice).length).toBe(second.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffText', () => {
  it('is empty for equal texts', () => {
    expect(diffText('a\n', 'a\n')).toBe('');
  });

  it('shows the block lines that change, with context', () => {
    const text = ['127.0.0.1 localhost', '# c', BEGIN_MARKER, '10.0.0.1\told-vm', '10.0.0.2\tweb-1', END_MARKER, 'tail', ''].join('\n');
    const next = mergeBlock(text, [{ name: 'web-1', address: '10.0.0.5' }]);
    const d = diffText(text, next, '/etc/hosts');
    expect(d.split('\n')).toEqual([
      '--- /etc/hosts',
      '+++ /etc/hosts (managed block updated)',
      '@@ -1,7 +1,6 @@',
      ' 127.0.0.1 localhost',
      ' # c',
      ` ${BEGIN_MARKER}`,
      '-10.0.0.1\told-vm',
      '-10.0.0.2\tweb-1',
      '+10.0.0.5\tweb-1',
      ` ${END_MARKER}`,
      ' tail',
      '',
    ]);
  });

  it('marks a last line that had no newline', () => {
    const d = diffText('a b', mergeBlock('a b', []));
    expect(d).toContain('-a b\n\\ No newline at end of file\n+a b\n');
    expect(d).toContain(`+${END_MARKER}\n\\ No newline at end of file`);
  });
});
