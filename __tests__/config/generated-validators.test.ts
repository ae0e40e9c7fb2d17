// The validators a run uses are ajv's standalone code generated at build time. They must be what the
// schemas generate now (a schema edit without a build would otherwise validate against the old
// schema), and they must judge documents as ajv.compile of the same schema does.
import { describe, expect, it } from '@jest/globals';
import { Ajv, type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACT_AJV_OPTIONS, CONFIG_AJV_OPTIONS, GENERATED, VM_FIELDS_ID, validatorsSources } from '../../scripts/validators.js';
import { CURRENT_SCHEMA } from '../../src/artifacts/schemas.js';
import { CONFIG_SCHEMA } from '../../src/core/config/schema.js';
import { validateCurrent } from '../../src/generated/artifact-validators.js';
import { validateConfig, validateConfigVm } from '../../src/generated/config-validator.js';

describe('generated validators', () => {
  it('the committed modules are exactly what the schemas generate now', () => {
    const sources = validatorsSources();
    expect(Object.keys(sources).sort()).toEqual(['src/generated/artifact-validators.ts', 'src/generated/config-validator.ts']);
    for (const [path, text] of Object.entries(sources)) {
      const committed = readFileSync(join(process.cwd(), path), 'utf8');
      expect({ path, upToDate: committed === text }).toEqual({ path, upToDate: true });
    }
  });

  const docs: unknown[] = [
    { version: 1, project: 'lab', vms: [{ name: 'web-1' }] },
    { version: 2, project: 'Lab!', vms: [{ name: 'a*', cpus: 0, memory: { startup: 'lots' } }], extra: true },
    { version: 1, project: 'lab', policy: { allowRestart: 'yes', protect: 'prod-*' }, vms: 'none' },
    { version: 1, project: 'lab', defaults: { cpus: 'x' }, vms: [{ name: 'ok' }, 7, { name: '', bogus: 1, ssh: { port: 0 } }, { cpus: 2 }], switches: [{ name: 1 }] },
    null,
    [],
  ];

  it('judge documents as ajv.compile of the same schemas does, errors included', () => {
    // validateConfig is the schema without the entries of vms; validateConfigVm is one entry; both
    // refer to one schema per VM field.
    const spec = GENERATED['src/generated/config-validator.ts'];
    const ajv = new Ajv(CONFIG_AJV_OPTIONS);
    for (const field of spec.shared) ajv.addSchema(field);
    const compiled = ajv.compile(spec.schemas.validateConfig);
    const compiledVm = ajv.compile(spec.schemas.validateConfigVm);
    for (const doc of docs) {
      const a = compiled(doc);
      const b = validateConfig(doc);
      expect(b).toBe(a);
      expect(validateConfig.errors ?? null).toEqual(compiled.errors ?? null);
      for (const vm of Array.isArray((doc as { vms?: unknown } | null)?.vms) ? ((doc as { vms: unknown[] }).vms) : []) {
        expect(validateConfigVm(vm)).toBe(compiledVm(vm));
        expect(validateConfigVm.errors ?? null).toEqual(compiledVm.errors ?? null);
      }
    }
    // current.json: its VM entries are checked by a schema of their own (one small function a VM), so
    // an error's schemaPath is that schema's; everything a user is shown (instancePath, message) and
    // the rest of each error are what the published schema, compiled whole, gives.
    const artifacts = GENERATED['src/generated/artifact-validators.ts'];
    const split = new Ajv(ARTIFACT_AJV_OPTIONS);
    for (const s of artifacts.shared) split.addSchema(s);
    const splitCurrent = split.compile(artifacts.schemas.validateCurrent);
    const current = new Ajv(ARTIFACT_AJV_OPTIONS).compile(CURRENT_SCHEMA as object);
    const noSchemaPath = (errors: ErrorObject[] | null | undefined) => (errors ?? null)?.map(({ schemaPath: _s, ...e }) => e) ?? null;
    const vm = { id: 'a', name: 'n', state: 'Off', generation: 2, cpus: 1, memory: { dynamic: false, startupBytes: 1, minimumBytes: 1, maximumBytes: 1 }, secureBoot: null, notes: '', path: 'p', adapters: [], disks: [], checkpoints: [], integrationServices: [] };
    const host = { computerName: 'h', switches: [], paths: [], neighbors: [] };
    for (const doc of [
      { schemaVersion: 1 },
      { schemaVersion: 1, backend: 'sim', host: {}, complete: true, incomplete: [], vms: [{ id: 1 }] },
      { schemaVersion: 1, backend: 'sim', host, complete: true, incomplete: [], vms: [vm, { ...vm, cpus: 0, extra: 1, adapters: [{ name: 'a', switch: null, mac: 'zz', dynamicMac: true, ips: [1] }] }, 'x', { ...vm, memory: null }] },
      { schemaVersion: 1, backend: 'sim', host, complete: true, incomplete: [], vms: [vm, vm] },
    ]) {
      expect(validateCurrent(doc)).toBe(current(doc));
      expect(noSchemaPath(validateCurrent.errors)).toEqual(noSchemaPath(current.errors));
      expect(validateCurrent(doc)).toBe(splitCurrent(doc));
      expect(validateCurrent.errors ?? null).toEqual(splitCurrent.errors ?? null);
    }
  });

  it('the document without its VMs, then each VM, find what the whole schema finds (the way schemaProblems calls them)', () => {
    const whole = new Ajv(CONFIG_AJV_OPTIONS).compile(CONFIG_SCHEMA as object);
    // What a problem is made from (schemaProblems reads all of it but the schema path): the schema
    // nodes with each VM field's reference put back as the field's schema, and the root's vms
    // without the entries validateConfig leaves to validateConfigVm.
    const fields = CONFIG_SCHEMA.properties.defaults.properties as Record<string, unknown>;
    const expand = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(expand);
      if (v === null || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      if (typeof o.$ref === 'string' && o.$ref.startsWith(VM_FIELDS_ID)) return expand(fields[o.$ref.slice(VM_FIELDS_ID.length)]);
      const out = Object.fromEntries(Object.entries(o).filter(([k]) => k !== '$id').map(([k, x]) => [k, expand(x)]));
      if (o.description === CONFIG_SCHEMA.properties.vms.description) delete out.items;
      return out;
    };
    // The root's value is handed over with an empty vms.
    const rootless = (path: string, data: unknown) => (path === '' && data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...data, vms: null } : data);
    const seen = (e: ErrorObject, at = '') =>
      JSON.stringify([`${at}${e.instancePath}`, e.keyword, e.params, e.message, rootless(`${at}${e.instancePath}`, e.data), expand(e.schema), expand(e.parentSchema)]);
    for (const doc of docs) {
      const vms = doc !== null && typeof doc === 'object' && !Array.isArray(doc) && Array.isArray((doc as { vms?: unknown }).vms) ? (doc as { vms: unknown[] }).vms : null;
      const got: string[] = [];
      let valid = validateConfig(vms === null ? doc : { ...(doc as object), vms: [] });
      got.push(...(validateConfig.errors ?? []).map((e) => seen(e)));
      (vms ?? []).forEach((vm, i) => {
        if (!validateConfigVm(vm)) valid = false;
        got.push(...(validateConfigVm.errors ?? []).map((e) => seen(e, `/vms/${i}`)));
      });
      expect(valid).toBe(whole(doc));
      expect(got.sort()).toEqual((whole.errors ?? []).map((e) => seen(e)).sort());
    }
  });
});
