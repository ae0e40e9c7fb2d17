// Outside attack (attack18) on the fast YAML reader's contract: when it accepts a text, readYaml must
// equal readYamlWithJsYaml in value, key order, scalar types, problems AND positions (locate,
// locateItem, has). Findings are the tests that fail on the current code; the rest are guards.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFastYaml } from '../../src/core/config/yaml-fast.js';
import { readYaml, readYamlWithJsYaml } from '../../src/core/config/yaml-source.js';
import { checkBothWays } from './yaml-fast-support.js';

describe('finding: a root key whose plain text resolves to another spelling, holding a block sequence', () => {
  // The fast reader records the root sequence's item offsets under the *resolved* key ('/1' for
  // `0x1`, '/true' for `True`, '/null' for `NULL`), the js-yaml walk records pointers under the key
  // as written ('/0x1'), so locateItem / locate / has of the items disagree between the two paths.
  it.each(['0x1:\n- a\n', '1.0:\n- a\n', 'True:\n- a\n', 'NULL:\n- a\n', '0o7:\n- a\n', '1e2:\n- a\n', '007:\n- a\n'])(
    'positions of the items of %j equal js-yaml’s',
    (text) => {
      expect(readFastYaml(text)).not.toBeNull(); // the fast path takes it
      checkBothWays(text);
    },
  );

  it('minimal: `True:\\n- a\\n` — locateItem and has for /true/0', () => {
    const text = 'True:\n- a\n';
    const fast = readYaml(text, 't.yaml');
    const slow = readYamlWithJsYaml(text, 't.yaml');
    expect(fast.value).toEqual(slow.value); // { true: ['a'] } both ways
    expect({ item: fast.positions.locateItem('/true', 0), has: fast.positions.has('/true/0') }).toEqual({
      item: slow.positions.locateItem('/true', 0),
      has: slow.positions.has('/true/0'),
    });
  });
});

describe('guards: hand-picked edge cases are declined or read exactly as js-yaml reads them', () => {
  const L = (n: number) => 'k'.repeat(n);
  const CASES = [
    // comments and tails
    "a: 'x' #c\n", "a: 'x'#c\n", 'a: "x"#c\n', 'a: x#c\n', 'a: x #c\n', 'a: [a]#c\n', 'a: [a] #c\n', 'a: #c\n- x\n', 'a:#c\n', 'a: | #c\n  x\n', 'a: |#c\n  x\n',
    'a:\n  # c\n- x\n', 'a:\n# c\n  b: 1\n', 'a:\n  b: 1\n   # c\n  c: 2\n', 'a: |\n  x\n  # c\nb: 1\n', 'a: |\n  x\n # c\nb: 1\n',
    // keys
    'key:value\n', 'key :v\n', 'a b: c\n', 'a:b: c\n', "'a:b': c\n", '"a#b": c\n', "'': 1\n", '"": 1\n', 'é: 1\n', "'é': 1\n", '-a: 1\n', 'a-: 1\n', '_: 1\n',
    '1: a\n01: b\n', '0x1: a\n1: b\n', 'true: a\nTrue: b\n', '__proto__: 1\n', "'__proto__': 1\n", 'a: {__proto__: 1}\n', 'constructor: 1\n', 'a: {constructor: 1}\n',
    // sequences and indentation
    'a:\n- - x\n', 'a:\n- -x\n', 'a:\n-x\n', 'a:\n-\n', 'a:\n- \n', 'a:\n-  x\n', 'a:\n-   b: 1\n    c: 2\n', 'a:\n- b: 1\n c: 2\n', 'a:\n- b: 1\n   c: 2\n',
    'a:\n- b:\n  - x\n  c: 1\n', 'a:\n- b:\n- c\n', 'a:\n  - x\n - y\n', 'a:\n  b:\n  - x\n  c: 1\n', 'a:\n  b:\n- x\n', 'a: 1\n  b: 2\n', 'a: x\n  y\n',
    'a:\n- x\nb:\n  c:\n  - y\n- z\n', 'a:\n  - x\n  # c\n  - y\n', 'a:\n\n\n  b: 1\n', 'a:\n  \n- x\n', 'a:\n  ', 'a:', 'a:\n- x', 'a: x', 'a: x\r\n', 'a: x\r', 'a: x\rb: 1\n',
    // scalars that resolve
    ...['~', '-', '?', '!', '&', '*', '%', '@', '`', '|', '>', '-0', '-0.0', '+0', '0.', '.5', '5.', '1e3', '1E+3', '1_0', '0x_1', '0b2', '0o8', '09', '012', '.NaN', '.NAN', '-.inf', '+.inf', '1:20', '-1:20', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '<<', '=', 'Null', 'nuLL', 'FALSE', 'fALSE', 'x:y', 'x :y', 'x:', '...', '---', '-.5', '-x', '0x', '+.', '.', '1e', '1e-'].map((v) => `a: ${v}\n`),
    // flows
    'a: {}\n', 'a: []\n', 'a: [ ]\n', 'a: { }\n', 'a: [a, b,]\n', 'a: [a,, b]\n', 'a: {a: 1,}\n', 'a: {a:1}\n', 'a: {a : 1}\n', 'a: {a: }\n', "a: ['a,b', \"]\"]\n", 'a: [[], [[]], {}]\n',
    'a: {a: 1, a: 2}\n', 'a: {1: x, 01: y}\n', 'a: {null: 1, ~: 2}\n', 'a: {<<: {b: 1}}\n', 'a: [x y, z]\n', 'a: {a b: c d}\n', 'a: [a]x\n', 'a: {a: b}}\n', 'a: [a]]\n', 'a: [\n  b]\n',
    // literal blocks
    'a: |\n  x\n', 'a: |-\n  x\n', 'a: |+\n  x\n', 'a: |2\n  x\n', 'a: >\n  x\n', 'a: |\n  x\n\n\nb: 1\n', 'a: |\n  x\n \nb: 1\n', 'a: |\n  x\n    \nb: 1\n', 'a: |\n\n  x\n', 'a: |\n  x', 'a: |\n  x\n  ',
    'a: |\n    x\n  y\n', 'a: |\n  x\n    y\n', 'a:\n- |\n x\n', 'a:\n- |\n x\n- y\n', 'a:\n- b: |\n   x\n', 'a:\n- b: |\n  x\n', 'a:\n-   b: |\n     x\n    c: 1\n', 'a: |\n  x\r\n  y\r\n', 'a: |\n  ---\n  ...\n',
    'a: |\n  x\n---\nb: 1\n', 'a: |\n  x\n...\n',
    // characters
    '\ufeffa: 1\n', 'a: 1\n\ufeff', 'a: x\u00a0\n', 'a: \u00a0x\n', 'a: x\u3000y\n', "a: 'x\u2028y'\n", 'a: x\u0085y\n', 'a: x\u0000\n', "a: '\ud83d\ude00'\n", "a: '\ud83d'\n", 'a: \t1\n', 'a:\t1\n', 'a:\n-\tx\n',
    // size
    L(1100) + ': x\n', "'" + L(1100) + "': x\n", 'a: ' + L(200_000) + '\n', 'a: [' + L(5000) + ']\n',
    // document markers
    '---\na: 1\n', 'a: 1\n---\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n',
  ];
  it.each(CASES.map((c) => [JSON.stringify(c).slice(0, 80), c]))('%s', (_name, text) => {
    checkBothWays(text);
  });
});

// A structured generator of valid block documents with tricky scalars, keys, compact `- key:`
// mappings, sequences at their key's indentation, literal blocks, comments and CRLF: most of them are
// accepted by the fast reader, so the contract is exercised on the fast path (the root keys exclude
// those whose text resolves to another spelling: that is the finding above).
const SCALARS = ['x', '1', '-1', '+1', '0', '-0', '0.0', '-0.0', '1e3', '.5', '-.5', '5.', '.inf', '-.Inf', '.nan', '0x1f', '0o17', '0b11', '1_0', 'true', 'True', 'false', 'null', 'Null', '~', 'yes', '2001-12-14', '12:30', 'x y', 'a:b', 'x #y', 'http://a:8080/x', 'a,b', 'a[b]', '{}', '[]', '[a, b]', '{a: 1}', '{a: [b, {c: d}]}', '[1, true, null, ~, -0]', "['a,b', \"]\"]", '"x"', "'x'", "'a''b'", '"a\\"b"', '"a\\\\"', '"\\/"', '"\\n"', '""', "''", '"#"', "'#'", '-x', '-.5', 'x:y', '~x', 'é', '中文', '{a b: c d}', '[x y]', '.', '..', '...', '-a-', '0.1.2', '1:2:3', '-1:20', '1__0', '0x', '+.', 'x]', 'x}', 'x,'];
const ROOT_KEYS = ['a', 'b', 'c', 'vms', 'name', 'a.b', 'a/b', 'a~b', '1', 'true', 'null', '_', 'a-', "'a'", '"a"', "'b c'", '"a:b"', "'#'", "'a''b'", '"\\n"', '"\\/"', "'1'", '"true"', '0'];
const KEYS = [...ROOT_KEYS, '0x1', '1.0', 'True', 'NULL', '00'];
const ALPHA = ['a', '1', '.', '-', '_', ':', ' ', '#', ',', '[', ']', '{', '}', '"', "'", '\\', '/', '~', 'e', '+', 'é', '\u00a0', '|', '>', '!', '&', '*', '?', '%', '@', '`', '\u3000', '='];

type Rng = () => number;
function generate(rnd: Rng): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const eol = () => pick(['\n', '\n', '\n', '\r\n']);
  const rstr = () => Array.from({ length: Math.floor(rnd() * 6) }, () => pick(ALPHA)).join('');
  const scalar = () => {
    const r = rnd();
    if (r < 0.6) return pick(SCALARS);
    if (r < 0.8) return "'" + rstr().replace(/'/g, "''") + "'";
    if (r < 0.9) return 'x' + rstr();
    return '"' + rstr().replace(/["\\]/g, '') + '"';
  };
  const lit = (ind: number) => {
    const m = ind + 1 + Math.floor(rnd() * 3);
    let body = pick(['|', '|-', '| #c', '|- # c', '|  ']);
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) body += eol() + (rnd() < 0.15 ? ' '.repeat(Math.floor(rnd() * (m + 1))) : ' '.repeat(m + (i > 0 && rnd() < 0.2 ? 2 : 0)) + pick(['text', 'a: b', '# x', '- y', 'x #y', "'q'", rstr() || 'z']));
    if (rnd() < 0.3) body += eol();
    return body;
  };
  const map = (ind: number, depth: number, first?: string): string => {
    let out = '';
    const used = new Set<string>();
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const k = pick(depth === 0 ? ROOT_KEYS : KEYS);
      if (used.has(k)) continue;
      used.add(k);
      let line = (i === 0 && first !== undefined ? first : ' '.repeat(ind)) + k + ':';
      const r = rnd();
      if (depth > 3 || r < 0.5) line += pick([' ', '  ']) + (rnd() < 0.1 ? lit(ind) : scalar()) + pick(['', '', ' #c', ' ']);
      else if (r < 0.7) line += pick(['', ' #c', ' ']) + eol() + map(ind + pick([1, 2, 2, 4]), depth + 1);
      else line += pick(['', ' #c']) + eol() + seq(ind + pick([0, 0, 2, 1, 4]), depth + 1);
      if (rnd() < 0.1) line += eol() + ' '.repeat(Math.floor(rnd() * 6)) + pick(['#c', '', '# z']);
      out += (out === '' ? '' : eol()) + line;
    }
    return out;
  };
  const seq = (ind: number, depth: number): string => {
    let out = '';
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const d = pick(['- ', '- ', '-  ', '-   ']);
      const pre = ' '.repeat(ind) + d;
      const line = depth > 3 || rnd() < 0.5 ? pre + (rnd() < 0.1 ? lit(ind) : scalar()) + pick(['', ' #c']) : map(ind + d.length, depth + 1, pre);
      out += (i > 0 ? eol() : '') + line;
    }
    return out;
  };
  return map(0, 0) + (rnd() < 0.9 ? eol() : '');
}

describe('guard: generated block documents (most on the fast path) hold the contract', () => {
  it('4,000 seeded documents', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => {
        let s = seed >>> 0 || 1;
        const rnd = () => {
          s ^= s << 13;
          s >>>= 0;
          s ^= s >>> 17;
          s ^= s << 5;
          s >>>= 0;
          return s / 4294967296;
        };
        if (checkBothWays(generate(rnd))) accepted++;
      }),
      { numRuns: 4000, seed: 18 },
    );
    expect(accepted).toBeGreaterThan(2000);
  });
});

describe('finding (the js-yaml path, not the fast reader): keys spelled differently that name the same member', () => {
  // `1` and `0x1` (or `True`/`true`, `null`/`~`/`NULL`, `1`/`01`/`1.0`) are the same mapping key once
  // resolved: js-yaml's own load refuses the duplicate, but readYaml's duplicate check compares keys as
  // written, so the text is read with no problem and the later value silently wins. Through the CLI,
  // `validate` calls a config valid whose ssh.hostKeys pins VM '1' twice (`1: ssh-ed25519 AAAA`,
  // `0x1: ssh-ed25519 BBBB`) and BBBB is what is pinned.
  it.each(['b:\n  1: x\n  0x1: y\n', 'True: 1\ntrue: 2\n', 'b:\n  null: x\n  NULL: y\n', 'b: {1: x, 01: y}\n', 'b:\n  1: x\n  1.0: y\n'])('%j reports a duplicate key', (text) => {
    expect(readFastYaml(text)).toBeNull(); // the fast reader declines it (its duplicate check is on the resolved key)
    const r = readYaml(text, 't.yaml');
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/duplicate key/);
  });
});
