// The fast YAML reader against js-yaml on every configuration text the repository holds: fixtures,
// the YAML code blocks of README and docs, examples, the configs written inline in the tests, and the
// bench's fleets. Where the fast reader accepts a text it must equal js-yaml exactly (value, key order,
// scalar types, positions); the usual ones must be accepted at all, or the speed is lost unnoticed.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFleetYaml, fleetYaml } from '../../bench/fleet.js';
import { counters } from '../../src/core/counters.js';
import { parseConfig } from '../../src/core/config/load.js';
import { readYaml } from '../../src/core/config/yaml-source.js';
import { checkBothWays, fastAccepts } from './yaml-fast-support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name).slice(ROOT.length));
}

/** The ```yaml blocks of a Markdown file. */
function yamlBlocks(md: string): string[] {
  return [...md.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Configs written inline in the tests as one template literal without interpolation, unescaped. */
function inlineConfigs(): string[] {
  const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  return filesUnder('__tests__', (n) => n.endsWith('.ts')).flatMap((f) =>
    [...read(f).matchAll(/`(version: 1(?:\n|\\n)(?:[^`$\\]|\\[^u])*)`/g)].map((m) => unescape(m[1]!)),
  );
}

const markdown = ['README.md', ...filesUnder('docs', (n) => n.endsWith('.md')), ...filesUnder('examples', (n) => n.endsWith('.md'))];
const yamlFiles = [...filesUnder('__tests__/fixtures', (n) => /\.ya?ml$/.test(n)), ...filesUnder('examples', (n) => /\.ya?ml$/.test(n)), 'action.yml'];

const corpus: Array<[string, string]> = [
  ...yamlFiles.map((f): [string, string] => [f, read(f)]),
  ...markdown.flatMap((f) => yamlBlocks(read(f)).map((t, i): [string, string] => [`${f} block ${i + 1}`, t])),
  ...inlineConfigs().map((t, i): [string, string] => [`inline config ${i + 1}`, t]),
  ...[0, 1, 7, 100, 1000].map((n): [string, string] => [`fleetYaml(${n})`, fleetYaml(n)]),
  ...[1, 50].map((n): [string, string] => [`createFleetYaml(${n})`, createFleetYaml(n)]),
];

describe('fast YAML reader on the repository’s configs', () => {
  it('finds a corpus to compare', () => {
    expect(yamlFiles.length).toBeGreaterThanOrEqual(10);
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus)('%s: accepted only to the value and positions js-yaml gives', (_name, text) => {
    checkBothWays(text, true);
    checkBothWays(text, false); // the lazy positions built first by a pointer, not by an item
  });

  // The point of it: the usual configs take the fast path. Each listed one is accepted.
  it.each([
    'examples/k3s/vms.yaml',
    '__tests__/fixtures/config/minimal.yaml',
    '__tests__/fixtures/config/full.yaml',
    '__tests__/fixtures/config/names.yaml',
  ])('%s takes the fast path', (f) => {
    expect(fastAccepts(read(f))).toBe(true);
  });

  it('the bench fleets take the fast path, and readYaml counts it', () => {
    for (const n of [0, 1, 100, 1000]) expect({ n, fast: fastAccepts(fleetYaml(n)) }).toEqual({ n, fast: true });
    expect(fastAccepts(createFleetYaml(20))).toBe(true);
    const before = { ...counters };
    readYaml(fleetYaml(10), 'vms.yaml');
    readYaml('a: [unclosed', 'bad.yaml');
    expect({ fast: counters.configsFast - before.configsFast, declined: counters.configsDeclined - before.configsDeclined }).toEqual({ fast: 1, declined: 1 });
  });

  it('most of the docs’ YAML blocks and inline test configs are read fast (a regression that declines them all shows here)', () => {
    const usual = corpus.filter(([name]) => name.includes(' block ') || name.startsWith('inline'));
    const accepted = usual.filter(([, t]) => fastAccepts(t)).length;
    expect(accepted / usual.length).toBeGreaterThan(0.6);
  });

  it('a resolved VM’s source position is the same either way', () => {
    const text = fleetYaml(120);
    const config = parseConfig(text, 'vms.yaml');
    const lines = text.split('\n');
    config.vms.forEach((vm, i) => {
      const src = (vm as unknown as { source: { line: number; column: number } }).source;
      expect({ i, at: lines[src.line - 1]!.slice(src.column - 1) }).toEqual({ i, at: `name: ${vm.name}` });
    });
  });

  // docs/config.md and docs/architecture.md say what is read how: hold them to it.
  it('reads scalars with js-yaml’s core schema either way, as docs/config.md says', () => {
    const text = 'a: yes\nb: on\nc: 2001-12-14\nd: 0x10\ne: ~\nf: null\n';
    const expected = { a: 'yes', b: 'on', c: '2001-12-14', d: 16, e: null, f: null };
    expect(fastAccepts(text)).toBe(true);
    expect(readYaml(text, 'x.yaml').value).toEqual(expected);
    expect(checkBothWays(text)).toBe(true);
  });

  it('reads literal block scalars (cloud-init user data) as js-yaml does', () => {
    for (const text of [
      'a: |\n  #cloud-config\n  hostname: web-2\n\n    deeper\n\nb: 1\n',
      'a: |-\n  x\n  y\n\n\n',
      'vms:\n  - name: a\n    cloudInit:\n      userData: |\n        #cloud-config\n        packages: [nginx]\n  - |\n    text\n# end\n',
      'a:\n  b: |   # note\n     two\n  c: 2\n',
    ]) {
      expect({ text, fast: fastAccepts(text) }).toEqual({ text, fast: true });
      expect(checkBothWays(text)).toBe(true);
      expect(checkBothWays(text.replace(/\n/g, '\r\n'))).toBe(true);
    }
    expect(fastAccepts(read('examples/lab/vms.yaml'))).toBe(true);
  });

  it('reads CRLF files (Git for Windows checks text out so) as js-yaml does', () => {
    for (const text of [fleetYaml(30), read('examples/k3s/vms.yaml'), read('__tests__/fixtures/config/full.yaml')]) {
      const crlf = text.replace(/\n/g, '\r\n');
      expect(fastAccepts(crlf)).toBe(true);
      expect(checkBothWays(crlf)).toBe(true);
      expect(readYaml(crlf, 'x.yaml').value).toEqual(readYaml(text, 'x.yaml').value);
    }
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a folded block scalar', 'a: >-\n  text\n'],
    ['a kept literal block scalar', 'a: |+\n  text\n\n'],
    ['a literal block scalar with an indentation indicator', 'a: |2\n   text\n'],
    ['a whitespace-only line deeper than a literal block’s text (spaces js-yaml keeps)', 'a: |\n  x\n      \n  y\n'],
    ['a multi-line plain value', 'a: one\n  two\n'],
    ['a multi-line quoted value', "a: 'one\n  two'\n"],
    ['a multi-line flow', 'a: [1,\n  2]\n'],
    ['a tab', 'a:\t1\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['a lone CR in a comment (a line break to js-yaml)', '# c\rb: 2\na: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
  ])('leaves %s to js-yaml, as docs/architecture.md says', (_what, text) => {
    expect(fastAccepts(text)).toBe(false);
    checkBothWays(text);
  });
});
