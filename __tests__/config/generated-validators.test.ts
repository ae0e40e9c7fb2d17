// The validators a run uses are ajv's standalone code generated at build time. They must be what the
// schemas generate now (a schema edit without a build would otherwise validate against the old
// schema), and they must judge documents as ajv.compile of the same schema does.
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACT_AJV_OPTIONS, CONFIG_AJV_OPTIONS, validatorsSources } from '../../scripts/validators.js';
import { CURRENT_SCHEMA } from '../../src/artifacts/schemas.js';
import { CONFIG_SCHEMA } from '../../src/core/config/schema.js';
import { validateCurrent } from '../../src/generated/artifact-validators.js';
import { validateConfig } from '../../src/generated/config-validator.js';

describe('generated validators', () => {
  it('the committed modules are exactly what the schemas generate now', () => {
    const sources = validatorsSources();
    expect(Object.keys(sources).sort()).toEqual(['src/generated/artifact-validators.ts', 'src/generated/config-validator.ts']);
    for (const [path, text] of Object.entries(sources)) {
      const committed = readFileSync(join(process.cwd(), path), 'utf8');
      expect({ path, upToDate: committed === text }).toEqual({ path, upToDate: true });
    }
  });

  it('judge documents as ajv.compile of the same schema does, errors included', () => {
    const compiled = new Ajv(CONFIG_AJV_OPTIONS).compile(CONFIG_SCHEMA as object);
    const docs: unknown[] = [
      { version: 1, project: 'lab', vms: [{ name: 'web-1' }] },
      { version: 2, project: 'Lab!', vms: [{ name: 'a*', cpus: 0, memory: { startup: 'lots' } }], extra: true },
      { version: 1, project: 'lab', policy: { allowRestart: 'yes', protect: 'prod-*' }, vms: 'none' },
      null,
      [],
    ];
    for (const doc of docs) {
      const a = compiled(doc);
      const b = validateConfig(doc);
      expect(b).toBe(a);
      expect(validateConfig.errors ?? null).toEqual(compiled.errors ?? null);
    }
    const current = new Ajv(ARTIFACT_AJV_OPTIONS).compile(CURRENT_SCHEMA as object);
    for (const doc of [{ schemaVersion: 1 }, { schemaVersion: 1, backend: 'sim', host: {}, complete: true, incomplete: [], vms: [{ id: 1 }] }]) {
      expect(validateCurrent(doc)).toBe(current(doc));
      expect(validateCurrent.errors).toEqual(current.errors);
    }
  });
});
