// schemas/config.schema.json is CONFIG_SCHEMA printed; editors read the file, ajv the object. They
// must never drift apart. Regenerate with:
//   HVC_UPDATE_SCHEMA=1 HVC_SKIP_BUILD=1 node scripts/run-tests.mjs __tests__/config/schema-file.test.ts
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { CONFIG_SCHEMA } from '../../src/core/config/schema.js';

const SCHEMA_FILE = 'schemas/config.schema.json';
const REGENERATE = 'HVC_UPDATE_SCHEMA=1 HVC_SKIP_BUILD=1 node scripts/run-tests.mjs __tests__/config/schema-file.test.ts';
const printed = JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n';

type Node = { [k: string]: unknown };

/** Every property schema, with its pointer, so each can be checked for editor-facing text. */
function properties(node: Node, at = '#'): Array<[string, Node]> {
  const out: Array<[string, Node]> = [];
  for (const [k, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
    out.push([`${at}/properties/${k}`, child], ...properties(child, `${at}/properties/${k}`));
  }
  if (node.items && typeof node.items === 'object') out.push(...properties(node.items as Node, `${at}/items`));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.push(...properties(node.additionalProperties as Node, `${at}/additionalProperties`));
  ((node.anyOf ?? []) as Node[]).forEach((b, i) => out.push(...properties(b, `${at}/anyOf/${i}`)));
  return out;
}

describe('schemas/config.schema.json', () => {
  if (process.env.HVC_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);

  it('is byte-equal to CONFIG_SCHEMA printed', () => {
    const onDisk = readFileSync(SCHEMA_FILE, 'utf8');
    if (onDisk !== printed) throw new Error(`${SCHEMA_FILE} is out of date with src/core/config/schema.ts; regenerate it with:\n  ${REGENERATE}`);
    expect(onDisk).toBe(printed);
  });

  it('carries $id, title, and a description on every property (editor hover text)', () => {
    expect(CONFIG_SCHEMA.$id).toMatch(/\S/);
    expect(CONFIG_SCHEMA.title).toMatch(/\S/);
    const props = properties(CONFIG_SCHEMA as unknown as Node);
    expect(props.length).toBeGreaterThan(40);
    const undocumented = props.filter(([, n]) => typeof n.description !== 'string' || (n.description as string).length < 10).map(([p]) => p);
    expect(undocumented).toEqual([]);
  });

  it('compiles under ajv strict mode as published, and accepts the full example / rejects a broken one', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const full = load(readFileSync('__tests__/fixtures/config/full.yaml', 'utf8'));
    expect(validate(full)).toBe(true);
    const broken = load(readFileSync('__tests__/fixtures/config/four-mistakes.yaml', 'utf8'));
    expect(validate(broken)).toBe(false);
    // memroy (unknown key), cpus 0, state 'runing'; memory ordering is a rule beyond the schema.
    expect(new Set(validate.errors!.filter((e) => e.keyword !== 'anyOf').map((e) => e.instancePath.split('/')[2]))).toEqual(new Set(['0', '1', '2']));
  });
});
