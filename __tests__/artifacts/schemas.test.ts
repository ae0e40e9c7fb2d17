import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACT_SCHEMAS } from '../../src/artifacts/schemas.js';
import { artifactProblems } from '../../src/artifacts/validate.js';

// schemas/*.json are what users and editors read; they must be exactly what the code validates with.
// To regenerate after changing src/artifacts/schemas.ts: HVC_UPDATE_SCHEMAS=1 npm test -- __tests__/artifacts
describe('published artifact schemas', () => {
  for (const [name, schema] of Object.entries(ARTIFACT_SCHEMAS)) {
    it(`schemas/${name} equals the schema the code validates with`, () => {
      const file = join(process.cwd(), 'schemas', name);
      const text = JSON.stringify(schema, null, 2) + '\n';
      if (process.env.HVC_UPDATE_SCHEMAS) writeFileSync(file, text);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(text);
    });
  }

  it('rejects artifacts that do not match, saying where', () => {
    expect(artifactProblems('current', { schemaVersion: 1 })).toEqual(expect.arrayContaining([expect.stringContaining("must have required property 'host'")]));
    expect(artifactProblems('plan', { schemaVersion: 2 }).length).toBeGreaterThan(0);
    expect(artifactProblems('result', { schemaVersion: 1, mode: 'plan', status: 'weird' }).join('\n')).toContain('/status');
  });
});
