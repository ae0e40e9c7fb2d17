// The source of src/generated/*.ts: ajv's standalone code for the config schema and the
// three artifact schemas, so no run compiles a schema at start-up (ajv's compile was ~40 ms of every
// start). scripts/build.mjs writes the file; __tests__/config/generated-validators.test.ts fails
// when it is not what these schemas generate now.
import { Ajv, type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { CURRENT_SCHEMA, PLAN_SCHEMA, RESULT_SCHEMA } from '../src/artifacts/schemas.js';
import { CONFIG_SCHEMA } from '../src/core/config/schema.js';

/**
 * The config schema as validateConfig checks it: everything but the entries of vms, which
 * validateConfigVm checks one by one (schema-validate.ts hands validateConfig the document with an
 * empty vms). Without them the top-level function is a third smaller, and a start compiles it once.
 */
export function withoutVmItems(schema: typeof CONFIG_SCHEMA): object {
  const { items: _items, ...vms } = schema.properties.vms;
  return { ...schema, properties: { ...schema.properties, vms } };
}

export const VM_FIELDS_ID = 'urn:hyperv-converge:config:vm-field:';

/** Each VM field's schema (defaults and every VM entry take the same ones) as a schema of its own. */
function vmFieldSchemas(): object[] {
  return Object.entries(CONFIG_SCHEMA.properties.defaults.properties).map(([k, v]) => ({ $id: `${VM_FIELDS_ID}${k}`, ...v }));
}

/**
 * A schema whose `defaults` or VM entry refers to each VM field's schema instead of holding it:
 * the generated module has one function per field, called only for a field a document sets, so a
 * start compiles the code of the fields the file uses, not the whole VM surface twice over.
 */
function sharingVmFields(schema: object): object {
  const fields = CONFIG_SCHEMA.properties.defaults.properties as Record<string, object>;
  const refer = (props: Record<string, object>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fields[k] === v ? { $ref: `${VM_FIELDS_ID}${k}` } : v]));
  type Node = { properties: Record<string, object> };
  const s = schema as Node;
  const defaults = s.properties.defaults as Node | undefined;
  if (defaults) return { ...s, properties: { ...s.properties, defaults: { ...defaults, properties: refer(defaults.properties) } } };
  return { ...s, properties: refer(s.properties) };
}

export const CURRENT_VM_ID = 'urn:hyperv-converge:current:vm';

/**
 * current.json's schema with its VM entries checked by a schema of their own: the generated module
 * then has one small function for a VM, called for each (optimized after a few calls), instead of
 * one function holding the whole document's checks, which a cold start runs unoptimized over every
 * VM of a 10,000-VM recording. The same checks and the same errors (instancePath, message).
 */
function currentWithVmRef(): object {
  const { vms, ...rest } = CURRENT_SCHEMA.properties;
  return { ...CURRENT_SCHEMA, properties: { ...rest, vms: { ...(vms as object), items: { $ref: CURRENT_VM_ID } } } };
}

/** Generated file → its validators (exported name → schema). Two files: `validate` needs only the first. */
export const GENERATED = {
  // validateConfigVm: one entry of vms, validated on its own (schema-validate.ts walks the VMs one by one).
  'src/generated/config-validator.ts': { options: 'config', schemas: { validateConfig: sharingVmFields(withoutVmItems(CONFIG_SCHEMA)), validateConfigVm: sharingVmFields(CONFIG_SCHEMA.properties.vms.items) }, shared: vmFieldSchemas() },
  'src/generated/artifact-validators.ts': { options: 'artifact', schemas: { validateCurrent: currentWithVmRef(), validatePlan: PLAN_SCHEMA, validateResult: RESULT_SCHEMA }, shared: [{ $id: CURRENT_VM_ID, ...(CURRENT_SCHEMA.properties.vms as { items: object }).items }] },
} as const;

/** The same options the runtime used with ajv.compile, so errors are identical. */
export const CONFIG_AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, inlineRefs: false };
export const ARTIFACT_AJV_OPTIONS: Options = { allErrors: true, strict: false, inlineRefs: false };

type Standalone = (ajv: Ajv, refs: Record<string, string>) => string;
const toCode = ((standaloneCode as unknown as { default?: Standalone }).default ?? standaloneCode) as unknown as Standalone;

function moduleFor(options: Options, schemas: Record<string, object>, shared: readonly object[]): string {
  const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
  for (const schema of shared) ajv.addSchema(schema);
  const refs: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(schema, name);
    refs[name] = name;
  }
  return toCode(ajv, refs);
}

/** Each generated module's text, by path. */
export function validatorsSources(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, spec] of Object.entries(GENERATED)) {
    out[file] = moduleText(moduleFor(spec.options === 'config' ? CONFIG_AJV_OPTIONS : ARTIFACT_AJV_OPTIONS, spec.schemas, spec.shared), Object.keys(spec.schemas));
  }
  return out;
}

function moduleText(code: string, exported: string[]): string {
  // Standalone code pulls ajv's small runtime helpers with require(); this is an ES module.
  const imports = new Map<string, string>();
  let body = code.replace(/^"use strict";/, '');
  body = body.replace(/require\("([^"]+)"\)\.default/g, (_m, spec: string) => {
    const local = `runtime_${spec.replace(/[^A-Za-z0-9]/g, '_')}`;
    imports.set(local, spec.endsWith('.js') ? spec : `${spec}.js`);
    return `(typeof ${local} === 'function' ? ${local} : ${local}.default)`;
  });
  // `export const validateX = validateN;` → typed exports at the end.
  body = body.replace(/export const (\w+) = (\w+);/g, (_m, name: string, fn: string) => `const ${name}_fn = ${fn};`);
  body = body.replace(/export default \w+;/g, '');
  return [
    '// @ts-nocheck',
    '// GENERATED by scripts/build.mjs from scripts/validators.ts (ajv standalone code): do not edit.',
    '// A test regenerates it and fails when it differs.',
    "import type { ValidateFunction } from 'ajv';",
    // A CommonJS helper: Node hands its module.exports as the default, a bundler its `default` export.
    ...[...imports].map(([local, spec]) => `import ${local} from '${spec}';`),
    body,
    ...exported.map((n) => `export const ${n}: ValidateFunction = ${n}_fn;`),
    '',
  ].join('\n');
}
