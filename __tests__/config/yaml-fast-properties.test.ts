// Generated documents against the fast YAML reader's contract: block documents in the subset, and
// near-subset mutations of them (every YAML feature the reader must decline or get exactly right).
// For each, the fast reader either declines or gives js-yaml's value, key order, scalar types and
// positions, with no problem js-yaml would have reported. Seeded: a failure replays.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CORE_SCHEMA } from 'js-yaml';
import { resolvePlain } from '../../src/core/config/yaml-fast.js';
import { checkBothWays } from './yaml-fast-support.js';

/** Plain and quoted scalars whose type or text is easy to get wrong (js-yaml 5's CORE schema decides). */
const SCALARS = [
  ...'0x10 0o7 0b11 1_000 .inf -.inf +.inf .Inf .NaN .nan ~ null Null NULL nULL true True TRUE tRUE yes no on off y n'.split(' '),
  ...'1e3 1E3 1e+3 1.5e-2 +1 -1 -0 +0 0 00 007 08 0.5 .5 -.5 +.5 1. 1.0 -1.0 2001-12-14 2001-12-14t21:59:43.10-05:00 2GB 512MB 12:30 1:20:30'.split(' '),
  ...'plain two-words a_b C:\\x\\y D:\\Hyper-V\\lab http://x/y a:b a#b -x -1x ... --- =a x=y é ключ 日本 a%b a@b a`b a!b'.split(' '),
  'a b c',
  'rebuilt 3 times',
  "'it''s'",
  "'é'",
  "''",
  "'a #b'",
  "'a: b'",
  "'123'",
  '"a\\tb"',
  '"a\\"b"',
  '"a\\\\b"',
  '"a\\/b"',
  '"\\u00e9"',
  '"\\x41"',
  '"a\\qb"',
  '""',
  '"true"',
  '"a # b"',
];
/** What configs mostly hold, so that whole generated documents reach the fast path too. */
const USUAL = ['1', '2', '40', 'true', 'false', 'vm-01', 'lab-net', '2GB', "'D:\\images\\base.vhdx'", 'running', 'rebuilt 3 times', '"x"', '~'];
const KEYS = [
  ...'name cpus memory a-b a.b a/b x~y a~/b k1 _k 1 10 0x1F 1e2 1.5 true False Null null ~ y on'.split(' '),
  '"quoted key"',
  "'single key'",
  '"a\\"k"',
  'key with space',
  'ключ',
  '__proto__',
  '<<',
  '-k',
  'a:b',
];
const FLOWS = [
  '{ strategy: differencing }',
  '{ startup: 2GB, minimum: 1GB, maximum: 8GB }',
  '["prod-*"]',
  '[a, b, c]',
  '[ ]',
  '{}',
  '[]',
  '{ a: [1, 2], b: { c: x } }',
  '[{ a: 1 }, [b, c], "d"]',
  '{a: 1,}',
  '[a, b, ]',
  '{a:1}',
  '{ a }',
  '[a: 1]',
  '{ "a": 1, \'b\': 2 }',
  '{ a: 1, a: 2 }',
  '[a, [b, [c, [d]]]]',
  '{ k: 0x10, n: ~, t: true, f: .5 }',
  '[ a b, c d ]',
  '{ a: b # c }',
  '[a,b]',
];
/** Near-subset fragments: what a mutation puts into a line or in place of one. */
const FRAGMENTS = [
  ' # comment',
  '#b',
  ' #',
  '   ',
  '\t',
  ' &anchor',
  ' *anchor',
  '!!str ',
  '!tag ',
  ' |',
  ' >-',
  ' |+',
  "'",
  '"',
  ':',
  ': ',
  ' - ',
  '- ',
  '? ',
  '[',
  '{',
  ']',
  '}',
  ',',
  '%',
  '@',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\r',
  '\u0001',
  '\u007f',
  '\u0090',
  '\ud800',
  '\ufffe',
  '\u{1f600}',
];
const LINES = ['---', '...', '--- # doc', '%YAML 1.2', '? complex', ': value', 'key:value', 'k: &a 1', 'j: *a', '<<: *a', 'm: !!str 1', 'b: |', '  literal', 'f: >-', '  folded', '-', '- ', '  -', '# only a comment', '', '  ', 'x:', 'key with space: 1', 'é: 1', 'a: b: c', '\t- tab'];

/** Lines of literal block scalars, relative to their indentation. */
const LITERAL_LINES = ['#cloud-config', 'hostname: web-2', 'packages: [nginx]', '  deeper', '', 'a: b # kept', "'quoted'", '- item', 'x  ', '---', '    '];
const LITERAL_HEADS = ['|', '|-', '| # note', '|+', '|2', '>', '>-'];

interface Doc {
  kind: 'map' | 'seq' | 'scalar' | 'flow' | 'literal';
  head?: string;
  body?: string[];
  entries?: Array<[string, Doc]>;
  items?: Doc[];
  text?: string;
}

const doc: fc.Arbitrary<Doc> = fc.letrec<{ node: Doc; map: Doc; seq: Doc }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).map((text): Doc => ({ kind: 'scalar', text })),
    fc.constantFrom(...USUAL).map((text): Doc => ({ kind: 'scalar', text })),
    fc.constantFrom(...FLOWS).map((text): Doc => ({ kind: 'flow', text })),
    fc.record({ head: fc.constantFrom(...LITERAL_HEADS), body: fc.array(fc.constantFrom(...LITERAL_LINES), { minLength: 1, maxLength: 4 }) }).map((l): Doc => ({ kind: 'literal', ...l })),
    tie('map'),
    tie('seq'),
  ),
  // Keys unique per mapping: duplicates come from the mutations, or nearly every document would hold one.
  map: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((entries): Doc => ({ kind: 'map', entries })),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Doc => ({ kind: 'seq', items })),
})).node;

const root = fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS.slice(0, 12)), doc), { minLength: 1, maxLength: 6, selector: ([k]) => k }).map((entries): Doc => ({ kind: 'map', entries }));

/** Block text of a document; `choice()` picks the layout (indent step, compact sequences, comments). */
function render(d: Doc, choice: () => number): string[] {
  const out: string[] = [];
  const step = () => (choice() % 2 === 0 ? 2 : 4);
  const comment = () => (choice() % 5 === 0 ? '   # note' : '');
  const inline = (v: Doc) => v.kind === 'scalar' || v.kind === 'flow';
  const mapLines = (entries: Array<[string, Doc]>, pad: string, firstPrefix: string | null) => {
    entries.forEach(([k, v], i) => {
      const lead = i === 0 && firstPrefix !== null ? firstPrefix : pad;
      if (inline(v)) out.push(`${lead}${k}: ${v.text}${comment()}`);
      else if (v.kind === 'literal') {
        out.push(`${lead}${k}: ${v.head}`);
        literal(v.body!, pad + ' '.repeat(step()));
      }
      else if (v.kind === 'seq' && choice() % 3 === 0) {
        out.push(`${lead}${k}:${comment()}`);
        seqLines(v.items!, pad); // a sequence at its key's indentation
      } else {
        out.push(`${lead}${k}:${comment()}`);
        block(v, pad + ' '.repeat(step()));
      }
    });
  };
  const seqLines = (items: Doc[], pad: string) => {
    for (const v of items) {
      if (inline(v)) out.push(`${pad}- ${v.text}${comment()}`);
      else if (v.kind === 'literal') {
        out.push(`${pad}- ${v.head}`);
        literal(v.body!, pad + '  ');
      }
      else if (v.kind === 'map') {
        const dash = choice() % 4 === 0 ? '-   ' : '- ';
        mapLines(v.entries!, pad + ' '.repeat(dash.length), pad + dash);
      } else {
        out.push(`${pad}-`);
        block(v, pad + '  ');
      }
    }
  };
  const literal = (body: string[], pad: string) => {
    for (const l of body) out.push(l === '' ? '' : pad + l);
  };
  const block = (v: Doc, pad: string) => {
    if (v.kind === 'map') mapLines(v.entries!, pad, null);
    else seqLines(v.items!, pad);
  };
  block(d, '');
  if (choice() % 4 === 0) out.splice(choice() % (out.length + 1), 0, choice() % 2 ? '' : '# a comment line');
  return out;
}

interface Mutation {
  line: number;
  column: number;
  op: 'insert' | 'line' | 'replace' | 'duplicate' | 'drop' | 'trailing';
  fragment: string;
}

function mutate(lines: string[], ms: Mutation[]): string[] {
  const out = [...lines];
  for (const m of ms) {
    const i = m.line % (out.length + 1);
    const l = out[i] ?? '';
    const c = m.column % (l.length + 1);
    if (m.op === 'insert') out[i] = l.slice(0, c) + m.fragment + l.slice(c);
    else if (m.op === 'line') out.splice(i, 0, m.fragment);
    else if (m.op === 'replace') out[i] = l.slice(0, c) + m.fragment;
    else if (m.op === 'duplicate' && i < out.length) out.splice(i, 0, l);
    else if (m.op === 'drop') out.splice(i, 1);
    else out[i] = l + '  ';
  }
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  line: fc.nat(),
  column: fc.nat(),
  op: fc.constantFrom('insert', 'line', 'replace', 'duplicate', 'drop', 'trailing'),
  fragment: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...LINES)),
});

const text = (mutations: fc.Arbitrary<Mutation[]>) =>
  fc.record({ d: root, seed: fc.nat(), ms: mutations, crlf: fc.nat(3), bom: fc.nat(9), finalNewline: fc.boolean() }).map(({ d, seed, ms, crlf, bom, finalNewline }) => {
    let s = seed;
    const choice = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 16);
    const lines = mutate(render(d, choice), ms);
    return (bom === 0 ? '\ufeff' : '') + lines.join(crlf === 0 ? '\r\n' : '\n') + (finalNewline ? '\n' : '');
  });

describe('fast YAML reader: generated documents', () => {
  it('subset documents: accepted often, and then exactly what js-yaml reads', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(text(fc.constant([])), (t) => {
        runs++;
        if (checkBothWays(t)) accepted++;
      }),
      { numRuns: 600, seed: 15 },
    );
    // The generator reaches the fast path (its tricky scalars and keys make many documents decline).
    expect(accepted / runs).toBeGreaterThan(0.15);
  });

  it('near-subset mutations: declined, or exactly what js-yaml reads', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(text(fc.array(mutation, { minLength: 1, maxLength: 3 })), (t) => {
        runs++;
        if (checkBothWays(t, runs % 2 === 0)) accepted++;
      }),
      { numRuns: 2500, seed: 1515 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('each tricky scalar, as a value, an item and a key: declined or exact', () => {
    for (const s of SCALARS) {
      checkBothWays(`v: ${s}\n`);
      checkBothWays(`v:\n  - ${s}\n  - [${s}]\n`);
      checkBothWays(`v: { k: ${s} }\n`);
      checkBothWays(`${s}: 1\n`);
      checkBothWays(`v: ${s} # c\n`);
      checkBothWays(`v: ${s}  \n`);
    }
    for (const k of KEYS) checkBothWays(`${k}: 1\nother: 2\n`);
    for (const f of FLOWS) checkBothWays(`v: ${f}\nw:\n  - ${f}\n`);
  });
});

describe('fast YAML reader: plain scalars', () => {
  it('resolves every first character as js-yaml’s default schema does (its shortcut for strings and its memo included)', () => {
    const firsts = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), 'é', 'ß', '日'];
    const tails = ['', '1', 'x', 'rue', 'ull', 'alse', 'ULL', 'x10', 'o7', '.5', 'inf', 'nan', 'e3', '_000', '0'];
    for (const round of [1, 2]) {
      for (const f of firsts) {
        for (const t of tails) {
          const s = f + t;
          expect({ s, round, v: resolvePlain(s) }).toEqual({ s, round, v: CORE_SCHEMA.resolveImplicitScalarTag(s).value });
        }
      }
    }
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => Object.is(resolvePlain(s), CORE_SCHEMA.resolveImplicitScalarTag(s).value)), { numRuns: 3000, seed: 15 });
  });
});
