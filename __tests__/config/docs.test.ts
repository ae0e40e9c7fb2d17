// docs/config.md shows a full example and sample output: both must stay true.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { formatProblem } from '../../src/core/errors.js';
import { loadConfig, parseConfig } from '../../src/core/config/load.js';
import { CONFIG_SCHEMA } from '../../src/core/config/schema.js';
import { fixture, problemsOf } from './helpers.js';

const docs = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');
const blocks = (lang: string): string[] => [...docs.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('docs/config.md', () => {
  it('its full example is a valid configuration', () => {
    const example = blocks('yaml')[0]!;
    const config = parseConfig(example, 'docs/config.md');
    expect(config.vms.map((v) => v.name)).toEqual(['web-1', 'db-1', 'legacy-1', 'old-1']);
    expect(config.vms[2]).toMatchObject({ generation: 1, secureBoot: null, switch: null, ssh: null });
  });

  it('its sample output is what the four-mistakes fixture really gives', () => {
    const shown = blocks('text')[0]!.trim().split('\n');
    const real = problemsOf(fixture('four-mistakes.yaml'), 'vms.yaml').map(formatProblem);
    expect(shown).toHaveLength(real.length);
    expect(shown.slice(1)).toEqual(real.slice(1));
    expect(real[0]!.startsWith(shown[0]!.split('…')[0]!)).toBe(true);
  });

  it('documents every key of the schema', () => {
    const keys = new Set<string>();
    const walk = (node: Record<string, unknown>): void => {
      for (const [k, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        keys.add(k);
        walk(child);
        for (const b of (child.anyOf ?? []) as Array<Record<string, unknown>>) walk(b);
      }
      if (node.items) walk(node.items as Record<string, unknown>);
    };
    walk(CONFIG_SCHEMA as unknown as Record<string, unknown>);
    const missing = [...keys].filter((k) => !docs.includes('`' + k + '`') && !docs.includes('`' + k + '.') && !docs.includes('.' + k + '`'));
    expect(missing).toEqual([]);
  });

  it('the shipped example examples/lab/vms.yaml is valid', () => {
    expect(loadConfig(new URL('../../examples/lab/vms.yaml', import.meta.url).pathname).config.vms.length).toBeGreaterThan(0);
  });
});
