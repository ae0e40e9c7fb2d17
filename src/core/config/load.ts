// The entry points for reading a configuration: text → resolved Config, or every located problem of
// the file at once in one HvcError('invalid-config').
import { readFileSync } from 'node:fs';
import { formatProblem, HvcError, type Problem } from '../errors.js';
import type { Config, LoadedConfig } from './types.js';
import { resolveConfig } from './resolve.js';
import { schemaProblems } from './schema-validate.js';
import { readYaml } from './yaml-source.js';

/**
 * Parses and validates the YAML text of a configuration and resolves it (defaults merged, sizes in
 * bytes, MACs normalized, every field filled). `file` is used in problems only.
 * @throws HvcError('invalid-config') listing every problem found, each located (file, line, column, path).
 */
export function parseConfig(text: string, file: string): Config {
  const src = readYaml(text, file);
  if (src.value === undefined && src.problems.length > 0) throw invalid(file, src.problems); // unreadable YAML
  if (src.value === undefined || src.value === null) {
    throw invalid(file, [
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'the file holds no configuration',
        expected: 'a mapping with at least version, project and vms',
        hint: 'start from the example in docs/config.md',
      },
    ]);
  }
  const fromSchema = schemaProblems(src.value, src.positions, file);
  const { config, problems: fromRules } = resolveConfig(src.value, src.positions, file);
  // A value the rules explain (names, sizes, MACs, paths, secrets) gets their message, not the
  // schema's generic one for the same place.
  const explained = new Set(fromRules.map((p) => p.path));
  const problems = [...src.problems, ...fromSchema.filter((p) => !explained.has(p.path)), ...fromRules];
  if (problems.length > 0) throw invalid(file, problems);
  return config;
}

/**
 * Reads and parses a configuration file.
 * @throws HvcError('invalid-config') when the file cannot be read or is not a valid configuration.
 */
export function loadConfig(file: string): LoadedConfig {
  return { file, config: parseConfig(readText(file), file) };
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw invalid(file, [{ file, message: `cannot read configuration file ${file}: ${why}` }]);
  }
  // Windows PowerShell 5.1 writes UTF-16 by default (Out-File, >): say so instead of failing on NULs.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalid(file, [{ file, line: 1, column: 1, message: 'the file is UTF-16 text; configuration files are UTF-8', hint: 'save it as UTF-8 (Set-Content -Encoding utf8, or your editor\'s "Save with encoding")' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(file, [{ file, line: 1, column: 1, message: 'the file is not valid UTF-8 text', hint: 'save it as UTF-8' }]);
  }
}

function invalid(file: string, problems: Problem[]): HvcError {
  const sorted = dedupe(problems).sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message),
  );
  const n = sorted.length;
  const summary = `${file} is not a valid configuration: ${n} problem${n === 1 ? '' : 's'}\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
  return new HvcError('invalid-config', summary, { problems: sorted });
}

/** A value inherited from defaults may be reported once per inheriting VM; keep one of each. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.path}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
