// The validators a run uses are ajv's standalone code generated at build time. They must be what the
// schemas generate now (a schema edit without a build would otherwise validate against the old
// schema), and they must judge documents as ajv.compile of the same schema does.
import { describe, expect, it } from '@jest/globals';
import { Ajv, type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACT_AJV_OPTIONS, CONFIG_AJV_OPTIONS, validatorsSources, withoutVmItems } from '../../scripts/validators.js';
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
    // validateConfig is the schema without the entries of vms; validateConfigVm is one entry.
    const compiled = new Ajv(CONFIG_AJV_OPTIONS).compile(withoutVmItems(CONFIG_SCHEMA));
    const compiledVm = new Ajv(CONFIG_AJV_OPTIONS).compile(CONFIG_SCHEMA.properties.vms.items as object);
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
    const current = new Ajv(ARTIFACT_AJV_OPTIONS).compile(CURRENT_SCHEMA as object);
    for (const doc of [{ schemaVersion: 1 }, { schemaVersion: 1, backend: 'sim', host: {}, complete: true, incomplete: [], vms: [{ id: 1 }] }]) {
      expect(validateCurrent(doc)).toBe(current(doc));
      expect(validateCurrent.errors).toEqual(current.errors);
    }
  });

  it('the document without its VMs, then each VM, find what the whole schema finds (the way schemaProblems calls them)', () => {
    const whole = new Ajv(CONFIG_AJV_OPTIONS).compile(CONFIG_SCHEMA as object);
    // What a problem is made from; the schema path of a VM's error is relocated under vms/items.
    const seen = (e: ErrorObject, at = '', schemaAt = '') => `${at}${e.instancePath} ${e.schemaPath.replace('#', schemaAt === '' ? '#' : `#${schemaAt}`)} ${e.keyword} ${JSON.stringify(e.params)} ${e.message}`;
    for (const doc of docs) {
      const vms = doc !== null && typeof doc === 'object' && !Array.isArray(doc) && Array.isArray((doc as { vms?: unknown }).vms) ? (doc as { vms: unknown[] }).vms : null;
      const got: string[] = [];
      let valid = validateConfig(vms === null ? doc : { ...(doc as object), vms: [] });
      got.push(...(validateConfig.errors ?? []).map((e) => seen(e)));
      (vms ?? []).forEach((vm, i) => {
        if (!validateConfigVm(vm)) valid = false;
        got.push(...(validateConfigVm.errors ?? []).map((e) => seen(e, `/vms/${i}`, '/properties/vms/items')));
      });
      expect(valid).toBe(whole(doc));
      expect(got.sort()).toEqual((whole.errors ?? []).map((e) => seen(e)).sort());
    }
  });
});
