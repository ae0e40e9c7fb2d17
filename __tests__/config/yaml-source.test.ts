// The position map: every JSON pointer of a document maps to where its key and value are written,
// in block and flow style, quoted, anchored, empty, with CRLF or a BOM.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { joinPointer, readYaml } from '../../src/core/config/yaml-source.js';
import { where } from './helpers.js';

describe('readYaml positions', () => {
  const text = [
    'top: 1', //                                  line 1
    'map:', //                                    line 2
    '  inner: "quoted"', //                       line 3
    "  flow: { a: 'x', b: [10, 20] }", //         line 4
    'list:', //                                   line 5
    '  - first', //                               line 6
    '  - key: &anchor value', //                  line 7
    '    other: *anchor', //                      line 8
    '  - !!str 42', //                            line 9
    'empty:', //                                  line 10
    'a/b~c: slash', //                            line 11
    'block: |', //                                line 12
    '  text', //                                  line 13
    '',
  ].join('\n');
  const { value, positions, problems } = readYaml(text, 'p.yaml');

  it('constructs the value and reports nothing for a clean document', () => {
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ top: 1, map: { inner: 'quoted', flow: { a: 'x', b: [10, 20] } }, empty: null, 'a/b~c': 'slash' });
  });

  const table: Array<[string, 'key' | 'value', { line: number; column: number }]> = [
    ['/top', 'key', { line: 1, column: 1 }],
    ['/top', 'value', { line: 1, column: 6 }],
    ['/map', 'value', { line: 3, column: 3 }], // a block mapping starts at its first key
    ['/map/inner', 'key', { line: 3, column: 3 }],
    ['/map/inner', 'value', { line: 3, column: 10 }], // at the opening quote
    ['/map/flow', 'value', { line: 4, column: 9 }], // at the `{`
    ['/map/flow/a', 'value', { line: 4, column: 14 }],
    ['/map/flow/b/1', 'value', { line: 4, column: 27 }],
    ['/list/0', 'value', { line: 6, column: 5 }],
    ['/list/1', 'value', { line: 7, column: 5 }],
    ['/list/1/key', 'value', { line: 7, column: 10 }], // at the `&` of the anchor
    ['/list/1/other', 'value', { line: 8, column: 12 }], // at the `*` of the alias
    ['/list/2', 'value', { line: 9, column: 5 }], // at the tag
    ['/empty', 'value', { line: 10, column: 1 }], // no value written: at its key
    [joinPointer('', 'a/b~c'), 'key', { line: 11, column: 1 }],
    ['/block', 'value', { line: 13, column: 1 }],
  ];
  it.each(table)('%s (%s) is at %o', (pointer, atWhat, pos) => {
    expect(positions.locate(pointer, atWhat)).toEqual(pos);
  });

  it('a clean file (deep positions found on first use) locates every pointer as the careful reading of a file with a duplicate key does', () => {
    // A clean file records its shallow pointers and finds the deeper ones when a problem asks; a
    // duplicate key sends the same text through the walk that records everything at once.
    const lazy = readYaml(text, 'p.yaml').positions;
    const careful = readYaml(`${text}top: 2\n`, 'p.yaml');
    expect(careful.problems.map((p) => p.message)).toEqual([expect.stringContaining("duplicate key 'top'")]);
    for (const [pointer, atWhat] of table.filter(([p]) => p !== '/top')) expect({ pointer, at: lazy.locate(pointer, atWhat) }).toEqual({ pointer, at: careful.positions.locate(pointer, atWhat) });
    expect(lazy.locate('/list/1/other/deeper', 'key')).toEqual(careful.positions.locate('/list/1/other/deeper', 'key'));
  });

  it('a path the document does not spell out falls back to its nearest written ancestor', () => {
    expect(positions.locate('/map/inner/missing')).toEqual({ line: 3, column: 10 });
    expect(positions.locate('/list/1/other/deeper', 'key')).toEqual({ line: 8, column: 12 });
    expect(positions.locate('/nothing/here')).toEqual({ line: 1, column: 1 });
  });

  it('CRLF line endings and a BOM do not shift positions', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    const r = readYaml(crlf, 'p.yaml');
    expect(r.positions.locate('/list/1/other')).toEqual({ line: 8, column: 12 });
    expect(r.positions.locate('/map/flow/b/1')).toEqual({ line: 4, column: 27 });
  });

  it('reports every duplicate key, at the later one, and keeps the later value', () => {
    const dup = 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n';
    const r = readYaml(dup, 'd.yaml');
    expect(r.problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['/b/c', 4, 3],
      ['/a', 5, 1],
    ]);
    expect(r.value).toEqual({ a: 3, b: { c: 2 } });
  });

  it('a syntax error gives no value and one located problem', () => {
    const r = readYaml('a: [1, 2\nb: 3\n', 's.yaml');
    expect(r.value).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 's.yaml', line: 2, column: 1 });
  });
});

describe('readYaml positions, property-based', () => {
  // Documents of nested mappings/lists with distinct identifier keys, dumped in block or flow style.
  const key = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
  const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.stringMatching(/^[A-Za-z0-9 _.-]{0,12}$/));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
    map: fc.dictionary(key, tie('tree'), { minKeys: 1, maxKeys: 4 }),
    list: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
  }));

  function keyPointers(v: unknown, base = ''): Array<[string, string]> {
    if (Array.isArray(v)) return v.flatMap((x, i) => keyPointers(x, joinPointer(base, i)));
    if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[joinPointer(base, k), k] as [string, string], ...keyPointers(x, joinPointer(base, k))]);
    return [];
  }

  it('every key of a dumped document is located exactly where that key is written', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.integer({ min: -1, max: 3 }), (doc, flowLevel) => {
        const text = dump(doc, { flowLevel });
        const { value, positions, problems } = readYaml(text, 'g.yaml');
        expect(problems).toEqual([]);
        expect(value).toEqual(doc);
        const lines = text.split('\n');
        for (const [pointer, k] of keyPointers(doc)) {
          const { line, column } = positions.locate(pointer, 'key');
          const written = lines[line - 1]!.slice(column - 1);
          expect(written.startsWith(k) || written.startsWith(`'${k}'`) || written.startsWith(`"${k}"`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('positions found with where() agree on a hand-written case', () => {
    const t = 'x:\n  - { y: 1, zz: [a, b] }\n';
    expect(readYaml(t, 'w.yaml').positions.locate('/x/0/zz', 'key')).toEqual(where(t, 'zz'));
  });
});
