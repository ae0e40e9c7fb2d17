// The differential check of the fast YAML reader: for a text it accepts, readYaml (fast) must give
// what readYamlWithJsYaml (js-yaml alone) gives — the same value with the same key order and scalar
// types, no problems, and the same answer from the position map for every pointer of the document.
import { expect } from '@jest/globals';
import { readFastYaml } from '../../src/core/config/yaml-fast.js';
import { joinPointer, readYaml, readYamlWithJsYaml, type YamlSource } from '../../src/core/config/yaml-source.js';

/** Whether the fast reader accepts the text (as readYaml hands it over: without a leading BOM). */
export function fastAccepts(text: string): boolean {
  return readFastYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== null;
}

/** Same shape, key order and leaves (Object.is: -0, NaN, and number vs string vs bool vs null). */
export function sameValue(a: unknown, b: unknown, at = ''): string | null {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${at}: array vs not`;
    if (a.length !== b.length) return `${at}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = sameValue(a[i], b[i], `${at}/${i}`);
      if (d) return d;
    }
    return null;
  }
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
    const ka = Reflect.ownKeys(a);
    const kb = Reflect.ownKeys(b);
    if (JSON.stringify(ka.map(String)) !== JSON.stringify(kb.map(String))) return `${at}: keys ${JSON.stringify(ka.map(String))} vs ${JSON.stringify(kb.map(String))}`;
    for (const k of ka) {
      const da = Object.getOwnPropertyDescriptor(a, k)!;
      const db = Object.getOwnPropertyDescriptor(b, k)!;
      if (da.enumerable !== db.enumerable) return `${at}/${String(k)}: enumerability differs`;
      const d = sameValue(da.value, db.value, `${at}/${String(k)}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${at}: ${typeof a} ${JSON.stringify(a)} vs ${typeof b} ${JSON.stringify(b)}`;
}

/** Every pointer of a value, and each sequence's pointer with its length. */
function pointersOf(v: unknown, at = '', out: { all: string[]; seqs: Array<[string, number]> } = { all: [], seqs: [] }) {
  out.all.push(at);
  if (Array.isArray(v)) {
    out.seqs.push([at, v.length]);
    v.forEach((x, i) => pointersOf(x, joinPointer(at, i), out));
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) pointersOf((v as Record<string, unknown>)[k], joinPointer(at, k), out);
  }
  return out;
}

/**
 * Reads `text` both ways; when the fast reader accepts it, holds the contract (and returns true).
 * `itemsFirst`: ask the sequences' items before anything else, as resolving a valid file does.
 */
export function checkBothWays(text: string, itemsFirst = true): boolean {
  const accepted = fastAccepts(text);
  const slow = readYamlWithJsYaml(text, 't.yaml');
  if (!accepted) return false;
  const fast = readYaml(text, 't.yaml');
  expect({ text, problems: slow.problems, more: slow.more ?? 0 }).toEqual({ text, problems: [], more: 0 });
  expect({ text, problems: fast.problems }).toEqual({ text, problems: [] });
  expect({ text, diff: sameValue(fast.value, slow.value) }).toEqual({ text, diff: null });
  expect({ text, json: JSON.stringify(fast.value) }).toEqual({ text, json: JSON.stringify(slow.value) });
  samePositions(text, fast, slow, itemsFirst);
  return true;
}

function samePositions(text: string, fast: YamlSource, slow: YamlSource, itemsFirst: boolean): void {
  const { all, seqs } = pointersOf(slow.value);
  const items = (src: YamlSource) => seqs.map(([p, n]) => Array.from({ length: n + 1 }, (_, i) => src.positions.locateItem(p, i)));
  const rest = (src: YamlSource) => ({
    locate: all.map((p) => [p, src.positions.locate(p, 'key'), src.positions.locate(p, 'value'), src.positions.has(p)]),
    missing: [src.positions.has('/no such key'), src.positions.locate('/no such key/0', 'key')],
  });
  if (itemsFirst) {
    const a = items(fast);
    expect({ text, items: a }).toEqual({ text, items: items(slow) });
    expect({ text, ...rest(fast) }).toEqual({ text, ...rest(slow) });
  } else {
    const a = rest(fast);
    expect({ text, ...a }).toEqual({ text, ...rest(slow) });
    expect({ text, items: items(fast) }).toEqual({ text, items: items(slow) });
  }
}
