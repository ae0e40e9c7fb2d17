// Validation of artifacts against their published schemas (used by the replay backend on input, and
// by tests on output).
import { Ajv, type ValidateFunction } from 'ajv';
import { CURRENT_SCHEMA, PLAN_SCHEMA, RESULT_SCHEMA } from './schemas.js';

let compiled: { current: ValidateFunction; plan: ValidateFunction; result: ValidateFunction } | null = null;

function validators() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    compiled = { current: ajv.compile(CURRENT_SCHEMA), plan: ajv.compile(PLAN_SCHEMA), result: ajv.compile(RESULT_SCHEMA) };
  }
  return compiled;
}

/** Problems as `path: message` lines; empty when valid. */
export function artifactProblems(kind: 'current' | 'plan' | 'result', value: unknown): string[] {
  const v = validators()[kind];
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
