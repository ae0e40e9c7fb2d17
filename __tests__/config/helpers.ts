// Shared helpers for the config tests: fixtures, collecting problems, and finding where a piece of
// text sits in a document (computed from the text itself, independently of the code under test).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isHvcError, type Problem } from '../../src/core/errors.js';
import { parseConfig } from '../../src/core/config/load.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/config/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** The problems parseConfig reports for `text`; fails when it accepts the text or throws anything else. */
export function problemsOf(text: string, file = 'test.yaml'): Problem[] {
  try {
    parseConfig(text, file);
  } catch (e) {
    if (!isHvcError(e) || e.reason !== 'invalid-config') throw e;
    return e.problems;
  }
  throw new Error('expected the configuration to be rejected, but it was accepted');
}

/** 1-based line/column of the `nth` occurrence of `needle` in `text`. */
export function where(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** The one problem at `path`; fails (listing all) when there is none or more than one. */
export function at(problems: Problem[], path: string): Problem {
  const found = problems.filter((p) => p.path === path);
  if (found.length !== 1) throw new Error(`expected one problem at ${path}, got ${found.length}:\n${JSON.stringify(problems, null, 2)}`);
  return found[0]!;
}

/** A document with working defaults, so a test only writes the part it is about. */
export function doc(vms: string, extra = ''): string {
  return `version: 1\nproject: lab\ndefaults:\n  cpus: 2\n  memory: 2GB\n  path: D:\\Hyper-V\\lab\n${extra}vms:\n${vms}`;
}

/** 1-based line/column just after the `nth` occurrence of `prefix` (where a value written after it starts). */
export function after(text: string, prefix: string, nth = 0): { line: number; column: number } {
  const p = where(text, prefix, nth);
  return { line: p.line, column: p.column + prefix.length };
}
