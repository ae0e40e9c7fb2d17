// Properties over many generated inputs: any text either resolves or is refused with located
// problems (never another exception), and generated valid configurations round-trip exactly.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { isHvcError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/core/config/load.js';
import type { DesiredMemory } from '../../src/core/config/types.js';
import { onlyAGoodName } from '../../src/core/config/schema-validate.js';
import { vmNameProblem } from '../../src/core/config/vm-name.js';
import { validateConfigVm } from '../../src/generated/config-validator.js';
import { fixture } from './helpers.js';

const MB = 2 ** 20;

/** Runs parseConfig and checks the refusal contract: HvcError('invalid-config'), every problem inside the text. */
function parseOrProblems(text: string): 'ok' | 'refused' {
  try {
    parseConfig(text, 'fuzz.yaml');
    return 'ok';
  } catch (e) {
    if (!isHvcError(e)) throw e;
    expect(e.reason).toBe('invalid-config');
    expect(e.problems.length).toBeGreaterThan(0);
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    for (const p of e.problems) {
      expect(p.file).toBe('fuzz.yaml');
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines.length + 1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeLessThanOrEqual((lines[p.line! - 1] ?? '').length + 2);
      if (p.path !== undefined) expect(p.path === '' || p.path.startsWith('/')).toBe(true);
    }
    return 'refused';
  }
}

describe('any input is resolved or refused with located problems', () => {
  const yamlish = fc.constantFrom(...'ab:- \n{}[],"\'#&*!|>?%@`~\t0123456789.'.split(''), 'vms', 'name', 'memory', 'version: 1\n');

  it('random YAML-ish text', () => {
    fc.assert(fc.property(fc.array(yamlish, { maxLength: 80 }).map((a) => a.join('')), (t) => void parseOrProblems(t)), { numRuns: 2000 });
  });

  it('random edits of the full example', () => {
    const full = fixture('full.yaml');
    const edit = fc.tuple(fc.nat({ max: full.length }), fc.nat({ max: 6 }), fc.array(yamlish, { maxLength: 3 }).map((a) => a.join('')));
    let refused = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let t = full;
        for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
        if (parseOrProblems(t) === 'refused') refused++;
      }),
      { numRuns: 1500 },
    );
    expect(refused).toBeGreaterThan(100); // the edits do break things, so the refusal path was exercised
  });
});

describe('generated valid configurations round-trip', () => {
  // Allowed name characters, including the ones carried as data ($ ( ) ; ' and non-ASCII letters).
  const nameChar = fc.constantFrom(...'abcXYZ019-_.$();\'ü名 '.split(''));
  const name = fc
    .array(nameChar, { minLength: 1, maxLength: 20 })
    .map((a) => a.join(''))
    .filter((n) => n.trim() === n && !n.endsWith('.'));
  const evenMb = fc.integer({ min: 16, max: 32768 }).map((n) => n * 2); // 32MB .. 64GB, multiples of 2MB
  const memory = fc.oneof(
    evenMb.map((s) => ({ yaml: `${s}MB` as unknown, want: { dynamic: false, startupBytes: s * MB } as DesiredMemory })),
    fc.tuple(evenMb, evenMb, evenMb).map(([a, b, c]) => {
      const [lo, mid, hi] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return {
        yaml: { startup: `${mid}MB`, minimum: `${lo}MB`, maximum: `${hi}MB` } as unknown,
        want: { dynamic: true, startupBytes: mid * MB, minimumBytes: lo * MB, maximumBytes: hi * MB } as DesiredMemory,
      };
    }),
  );
  const vm = fc.record({
    cpus: fc.integer({ min: 1, max: 240 }),
    memory,
    state: fc.constantFrom('running', 'stopped', 'absent'),
    generation: fc.constantFrom(1, 2),
    notes: fc.string({ maxLength: 30 }).filter((s) => !s.toLowerCase().includes('hyperv-converge:')),
  });
  const vms = fc.uniqueArray(fc.tuple(name, vm), { maxLength: 8, selector: ([n]) => n.toLowerCase() });

  it('every VM comes back with the values written, in order, located at its name', () => {
    fc.assert(
      fc.property(vms, (list) => {
        const doc = {
          version: 1,
          project: 'gen',
          defaults: { path: 'D:\\vms' },
          vms: list.map(([n, v], i) => ({
            name: n,
            cpus: v.cpus,
            memory: v.memory.yaml,
            state: v.state,
            generation: v.generation,
            notes: v.notes,
            mac: `00-15-5D-00-00-${i.toString(16).padStart(2, '0')}`,
          })),
        };
        const text = dump(doc);
        const config = parseConfig(text, 'gen.yaml');
        const lines = text.split('\n');
        expect(config.vms).toHaveLength(list.length);
        config.vms.forEach((got, i) => {
          const [n, v] = list[i]!;
          expect(got).toMatchObject({
            name: n,
            cpus: v.cpus,
            memory: v.memory.want,
            state: v.state,
            generation: v.generation,
            secureBoot: v.generation === 2 ? true : null,
            notes: v.notes,
            mac: `00155D0000${i.toString(16).padStart(2, '0').toUpperCase()}`,
            path: 'D:\\vms',
          });
          expect(lines[got.source!.line - 1]!.slice(got.source!.column - 1)).toMatch(/^name: /);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('a VM that is only a name the rules accept is not walked by the schema', () => {
  // schemaProblems skips validateConfigVm for such a VM: that is sound only while every name the
  // rules accept is one the schema accepts. Names from every corner the two check: wildcards,
  // path characters, control and format characters, surrogates, spaces and dots at either end,
  // device names, lengths around 100 in code units and code points.
  const corner = fc.constantFrom(...'aZ09-_.$;名ü '.split(''), '*', '?', '[', ']', '`', '\\', '/', ':', '"', '<', '>', '|', '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\ufeff', '\ud800', '\udc00', '😀', 'CON', 'nul', 'COM1', 'LPT\u00b9');
  const name = fc.oneof(
    fc.array(corner, { maxLength: 12 }).map((a) => a.join('')),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.tuple(fc.integer({ min: 95, max: 105 }), fc.constantFrom('a', '😀', 'é')).map(([n, c]) => c.repeat(n).slice(0, n)),
  );
  it('every VM onlyAGoodName passes, validateConfigVm accepts; every other VM it leaves to the schema', () => {
    fc.assert(
      fc.property(name, fc.constantFrom<Record<string, unknown> | null>(null, { cpus: 2 }, { name2: 'x' }), (n, extra) => {
        const vm = { name: n, ...(extra ?? {}) };
        if (onlyAGoodName(vm)) {
          expect(extra).toBeNull();
          expect(vmNameProblem(n)).toBeNull();
          expect({ name: n, valid: validateConfigVm(vm) }).toEqual({ name: n, valid: true });
        }
      }),
      { numRuns: 5000 },
    );
    for (const v of [null, [], 'vm-1', { name: 7 }, {}, { name: 'ok', cpus: 1 }, { name: '' }, { name: 'a*' }, { name: 'web.' }]) expect(onlyAGoodName(v)).toBe(false);
    expect(onlyAGoodName({ name: 'vm-00042' })).toBe(true);
  });
});
