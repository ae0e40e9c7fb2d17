// Validation of artifacts against their published schemas (used by the replay backend on input, and
// by tests on output).
import type { ValidateFunction } from 'ajv';
import { validateCurrent, validatePlan, validateResult } from '../generated/artifact-validators.js';

// ajv's standalone code for the published schemas, generated at build time (scripts/validators.ts).
const validators: Record<'current' | 'plan' | 'result', ValidateFunction> = { current: validateCurrent, plan: validatePlan, result: validateResult };

/** Problems as `path: message` lines; empty when valid. */
export function artifactProblems(kind: 'current' | 'plan' | 'result', value: unknown): string[] {
  const v = validators[kind];
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
