// The entry points for reading a configuration: text → resolved Config, or every located problem of
// the file at once in one HvcError('invalid-config').
import { closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { MAX_FILE_BYTES } from '../seed/iso9660.js';
import { sha256OfCanonicalBounded } from '../canonical.js';
import { formatProblem, HvcError, type Problem } from '../errors.js';
import { MAX_CONFIG_BYTES, MAX_CONFIG_EXPANDED_CHARS, MAX_PROBLEMS } from '../input-limits.js';
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
  if (text.length > MAX_CONFIG_BYTES && Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw invalid(file, [tooLarge(file, Buffer.byteLength(text))]);
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
  // Each source builds at most a few screens of problems and counts the rest.
  const budget = 2 * MAX_PROBLEMS;
  const fileProblems = inlineSeedFiles(src.value, file, src.positions);
  const fromSchema = schemaProblems(src.value, src.positions, file, budget);
  const fromRules = resolveConfig(src.value, src.positions, file, budget);
  // A value the rules explain (names, sizes, MACs, paths, secrets) gets their message, not the
  // schema's generic one for the same place.
  const explained = new Set(fromRules.problems.map((p) => p.path));
  const problems = [...src.problems, ...fileProblems, ...fromSchema.problems.filter((p) => !explained.has(p.path)), ...fromRules.problems];
  const more = (src.more ?? 0) + fromSchema.more + fromRules.more;
  if (problems.length > 0 || more > 0) throw invalid(file, problems, more);
  const config = fromRules.config;
  // The config's hash is taken over what the file says (see configHash), here where that is at
  // hand: a few hundred bytes a VM instead of the resolved VM's every field, printed again.
  let documentHash: string | null;
  try {
    documentHash = sha256OfCanonicalBounded(src.value, MAX_CONFIG_EXPANDED_CHARS);
  } catch (e) {
    // Only a value JSON cannot hold (a YAML .nan or .inf) where the schema takes any value.
    throw invalid(file, [{ file, line: 1, column: 1, message: `the document holds a value JSON cannot hold: ${(e as Error).message}` }]);
  }
  if (documentHash === null) {
    const mib = MAX_CONFIG_EXPANDED_CHARS / 1024 / 1024;
    throw invalid(file, [
      {
        file,
        line: 1,
        column: 1,
        message: `the configuration is too large once its aliases and seed files are expanded: more than ${mib} MiB of text (each use of an alias or a seed file counts in full); a configuration has at most ${mib} MiB so expanded`,
        hint: 'give large seed texts only to the VMs that need them, or split the fleet over several files',
      },
    ]);
  }
  Object.defineProperty(config, 'documentHash', { value: documentHash, enumerable: false });
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
    bytes = readBounded(file);
  } catch (e) {
    if (e instanceof HvcError) throw e;
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

/** Reads at most MAX_CONFIG_BYTES + 1 bytes: a larger file is refused without being read whole. */
function readBounded(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // Not zero-filled: only the bytes read are ever looked at (the subarray below), and the 8 MiB
    // are then not written (nor resident) for a file of a few kilobytes.
    const buf = Buffer.allocUnsafe(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n > MAX_CONFIG_BYTES) throw invalid(file, [tooLarge(file, fstatSync(fd).size)]);
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, size: number): Problem {
  return {
    file,
    line: 1,
    column: 1,
    message: `the file is too large (${size.toLocaleString('en-US')} bytes); a configuration has at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')} bytes`,
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * cloudInit texts given as `{ file }` are read here, relative to the configuration's folder, and put in
 * place of the reference (so the config hash covers their content). A file must stay inside that
 * folder (a pull request may not make the runner read its own files into a seed) and be small.
 */
function inlineSeedFiles(doc: unknown, configFile: string, positions: { locate(path: string, at: 'key' | 'value'): { line?: number; column?: number } }): Problem[] {
  if (!isObj(doc)) return [];
  const problems: Problem[] = [];
  const root = resolvePath(dirname(configFile));
  // The folder as the file system names it: a configuration in a folder reached through a symbolic
  // link still reads the seed files beside it.
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    /* the folder is gone: each seed file's read reports it */
  }
  // A seed file named by many VMs is read once, and is one string in the document.
  const read = new Map<string, string>();
  const holders: [Obj, string][] = [];
  if (isObj(doc.defaults) && isObj(doc.defaults.cloudInit)) holders.push([doc.defaults.cloudInit, '/defaults/cloudInit']);
  if (Array.isArray(doc.vms)) {
    for (let i = 0; i < doc.vms.length; i++) {
      const v: unknown = doc.vms[i];
      if (isObj(v) && isObj(v.cloudInit)) holders.push([v.cloudInit, `/vms/${i}/cloudInit`]);
    }
  }
  for (const [ci, base] of holders) {
    for (const k of ['userData', 'metaData', 'networkConfig']) {
      const ref = ci[k];
      if (!isObj(ref) || typeof ref.file !== 'string') continue;
      const path = `${base}/${k}/file`;
      const fail = (message: string, hint?: string): void => {
        problems.push({ file: configFile, ...positions.locate(path, 'value'), path, message, ...(hint ? { hint } : {}) });
        ci[k] = ''; // reported here; nothing more to say about it downstream
      };
      const target = resolvePath(root, ref.file);
      const insideOf = (folder: string, p: string): boolean => {
        const rel = relative(folder, p);
        return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
      };
      const inside = (p: string): boolean => insideOf(root, p);
      if (isAbsolute(ref.file) || /^[A-Za-z]:/.test(ref.file) || !inside(target)) {
        fail(`${k} file '${ref.file}' is outside the configuration's folder`, 'keep seed files next to the configuration file (a relative path without ..)');
        continue;
      }
      try {
        const real = realpathSync(target);
        if (!insideOf(realRoot, real)) {
          fail(`${k} file '${ref.file}' leads outside the configuration's folder (a symbolic link)`);
          continue;
        }
        const st = statSync(real);
        if (!st.isFile()) {
          fail(`${k} file '${ref.file}' is not a file`);
          continue;
        }
        if (st.size > MAX_FILE_BYTES) {
          fail(`${k} file '${ref.file}' is ${st.size} bytes; a seed file may hold at most ${MAX_FILE_BYTES}`);
          continue;
        }
        let text = read.get(real);
        if (text === undefined) read.set(real, (text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(real))));
        ci[k] = text;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        fail(code === 'ENOENT' ? `${k} file '${ref.file}' does not exist (relative to ${root})` : code === undefined ? `${k} file '${ref.file}' is not valid UTF-8 text` : `${k} file '${ref.file}' cannot be read (${code})`);
      }
    }
  }
  return problems;
}

function invalid(file: string, problems: Problem[], uncounted = 0): HvcError {
  const sorted = dedupe(problems).sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message),
  );
  const n = sorted.length + uncounted;
  // The first MAX_PROBLEMS are listed and carried; the rest are counted in one last unlocated
  // problem, so a file with a million mistakes costs a screenful, not hundreds of megabytes.
  const shown: Problem[] = sorted.slice(0, MAX_PROBLEMS);
  const more = n - shown.length;
  if (more > 0) shown.push({ message: `… ${more.toLocaleString('en-US')} more problems (only the first ${MAX_PROBLEMS} are listed)` });
  const summary =
    `${file} is not a valid configuration: ${n} problem${n === 1 ? '' : 's'}${more > 0 ? ` (the first ${MAX_PROBLEMS} listed, and ${more} more)` : ''}\n` +
    shown.map((p) => `  ${formatProblem(p)}`).join('\n');
  return new HvcError('invalid-config', summary, { problems: shown, detail: { problemCount: n } });
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
