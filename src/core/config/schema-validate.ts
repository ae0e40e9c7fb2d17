// Validates the raw document against CONFIG_SCHEMA (ajv, compiled at build time) and turns ajv's errors into located,
// readable problems: unknown keys at the key with a did-you-mean, wrong values at the value with
// what was expected (derived from the schema itself), and `anyOf` noise collapsed to the branch the
// value was evidently meant for.
import type { ErrorObject } from 'ajv';
import { validateConfig as validate, validateConfigVm as validateVm } from '../../generated/config-validator.js';
import type { Problem } from '../errors.js';
import { CONFIG_SCHEMA, PATTERN_TEXT } from './schema.js';
import { quoted } from '../input-limits.js';
import { didYouMean } from './suggest.js';
import { vmNameProblem } from './vm-name.js';
import { joinPointer, type PositionMap } from './yaml-source.js';

type SchemaNode = { [k: string]: unknown };

// ajv's standalone code for CONFIG_SCHEMA, generated at build time (scripts/validators.ts): a start
// compiles nothing. `validate` is the schema without the entries of vms (it is always handed the
// document with an empty vms), `validateVm` one entry.

/** Where each key is allowed, for "'allowRestart' belongs under policy". */
const KEY_HOMES = collectKeyHomes(CONFIG_SCHEMA as unknown as SchemaNode, '');


/**
 * The schema's problems, located. At most `limit` are built (the rest only counted in `uncounted`):
 * each VM is validated on its own, so a file with a hundred thousand broken VMs costs a walk over
 * them, not a hundred thousand messages.
 */
export function schemaProblems(value: unknown, positions: PositionMap, file: string, limit = Infinity): { problems: Problem[]; more: number } {
  const problems: Problem[] = [];
  let more = 0;
  const take = (errors: ErrorObject[], prefix: string): void => {
    for (const e of collapseAnyOf(errors)) {
      if (problems.length >= limit) {
        more++;
        continue;
      }
      const p = toProblem(prefix === '' ? e : { ...e, instancePath: prefix + e.instancePath });
      if (!p) continue;
      const pos = positions.locate(p.path, p.at);
      const problem: Problem = { file, ...pos, path: p.path, message: p.message };
      if (p.expected !== undefined) problem.expected = p.expected;
      if (p.hint !== undefined) problem.hint = p.hint;
      problems.push(problem);
    }
  };
  const doc = value as { vms?: unknown } | null;
  const vms = typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Array.isArray(doc.vms) ? doc.vms : null;
  if (!validate(vms === null ? value : { ...doc, vms: [] })) take([...(validate.errors ?? [])], '');
  if (vms !== null) {
    for (let i = 0; i < vms.length; i++) {
      const vm = vms[i];
      if (onlyAGoodName(vm)) continue;
      if (!validateVm(vm)) take([...(validateVm.errors ?? [])], `/vms/${i}`);
    }
  }
  return { problems, more };
}

/**
 * A VM written as nothing but a name the name rules accept (most of a fleet: `- name: vm-00042`,
 * everything else from defaults): the schema accepts it, so it is not walked. The rules are
 * stricter than the schema's name (a property test holds validateConfigVm to true for every such
 * VM); resolve still applies them and reports the names they refuse.
 */
export function onlyAGoodName(vm: unknown): boolean {
  if (vm === null || typeof vm !== 'object' || Array.isArray(vm)) return false;
  // The schema's own reading: every enumerable key (for-in), and name read through the object.
  for (const k in vm) if (k !== 'name') return false;
  const name = (vm as { name?: unknown }).name;
  return typeof name === 'string' && vmNameProblem(name) === null;
}

interface Draft extends Problem {
  path: string;
  at: 'key' | 'value';
}

function toProblem(e: ErrorObject): Draft | undefined {
  const node = (e.parentSchema ?? {}) as SchemaNode;
  const data: unknown = e.data;
  const path = e.instancePath;
  const label = `'${quoted(labelOf(path))}'`;
  const expected = describe(node);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const keyPath = joinPointer(path, key);
      const allowed = Object.keys((node.properties ?? {}) as SchemaNode);
      const where = path === '' ? 'at the top level' : `in '${labelOf(path)}'`;
      if (path === '/defaults' && key === 'name') {
        return { path: keyPath, at: 'key', message: "'name' cannot have a default: every VM names itself", hint: 'remove it from defaults' };
      }
      let hint = didYouMean(key, allowed);
      if (!hint && key === '<<') hint = 'YAML merge keys are not supported; put shared VM settings under defaults';
      if (!hint) {
        const homes = (KEY_HOMES.get(key) ?? []).filter((h) => h !== schemaPathOf(path));
        if (homes.length > 0) hint = `'${quoted(key)}' is a key of ${homes.map((h) => (h === '' ? 'the top level' : `'${h.slice(1).replace(/\//g, '.')}'`)).join(' and ')}`;
      }
      return {
        path: keyPath,
        at: 'key',
        message: `unknown key '${quoted(key)}' ${where}`,
        expected: allowed.length ? `one of ${allowed.join(', ')}` : undefined,
        hint,
      };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      const where = path === '' ? 'at the top level' : `in '${labelOf(path)}'`;
      const child = ((node.properties ?? {}) as Record<string, SchemaNode>)[key];
      return {
        path: joinPointer(path, key),
        at: 'value',
        message: `missing required key '${key}' ${where}`,
        expected: child ? describe(child) : undefined,
        hint: typeof child?.description === 'string' ? firstSentence(child.description) : undefined,
      };
    }
    case 'type':
    case 'const':
    case 'enum':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      let hint: string | undefined;
      if (e.keyword === 'enum' && typeof data === 'string') hint = didYouMean(data, (node.enum as unknown[]).map(String));
      if (e.keyword === 'type') hint = typeHint(node, data);
      const what =
        e.keyword === 'type' ? `has the wrong type: ${show(data)}` : e.keyword === 'const' || e.keyword === 'enum' ? `${show(data)} is not allowed` : `${show(data)} is out of range`;
      return { path, at: 'value', message: `${label} ${what}`, expected, hint };
    }
    case 'pattern':
    case 'minLength':
    case 'maxLength':
      return {
        path,
        at: 'value',
        message: e.keyword === 'maxLength' ? `${label} is too long (${String(data).length} characters, at most ${String(node.maxLength)})` : `${label} ${show(data)} is not valid`,
        expected,
      };
    default:
      return { path, at: 'value', message: `${label} ${e.message ?? 'is not valid'}`, expected };
  }
}

/**
 * ajv reports an `anyOf` failure as the errors of every branch plus one summary. Keep only what
 * helps: when exactly one branch accepts the value's type, that branch's nested errors (or one
 * "must be X or Y" if the branch failed on the value itself); otherwise a single "must be X or Y".
 */
function collapseAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  let out = errors;
  for (const a of anyOfs) {
    const inBranch = (e: ErrorObject): boolean =>
      e !== a && e.schemaPath.startsWith(a.schemaPath + '/') && (e.instancePath === a.instancePath || e.instancePath.startsWith(a.instancePath + '/'));
    const branchErrors = out.filter(inBranch);
    const branches = (a.schema ?? []) as SchemaNode[];
    const fitting = branches.map((b, i) => (typeFits(b, a.data) ? i : -1)).filter((i) => i >= 0);
    let keep: ErrorObject[] = [];
    // The value has a type some branch takes but a value it refuses ("not allowed"), or no branch's type.
    const summaryKeyword = fitting.length > 0 ? 'const' : 'type';
    if (fitting.length === 1) {
      const k = fitting[0]!;
      const own = branchErrors.filter((e) => e.schemaPath.startsWith(`${a.schemaPath}/${k}/`));
      const nested = own.filter((e) => e.instancePath !== a.instancePath || e.keyword === 'additionalProperties' || e.keyword === 'required');
      keep = nested.length > 0 ? nested : [];
    }
    const summary: ErrorObject[] = keep.length > 0 ? [] : [{ ...a, keyword: summaryKeyword }];
    out = out.filter((e) => e !== a && !inBranch(e));
    out.push(...summary, ...keep);
  }
  return out;
}

function typeFits(node: SchemaNode, data: unknown): boolean {
  const t = node.type;
  const types = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
  if (types.length === 0) return true;
  return types.includes(jsonType(data)) || (types.includes('number') && jsonType(data) === 'integer');
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** What a schema node accepts, in words: "an integer from 1 to 240", "one of running, stopped, absent". */
export function describe(node: SchemaNode): string {
  if (Array.isArray(node.anyOf)) return (node.anyOf as SchemaNode[]).map(describe).join(', or ');
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return `one of ${(node.enum as unknown[]).map(String).join(', ')}`;
  const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
  const nullable = types.includes('null');
  const words = types.filter((t) => t !== 'null').map((t) => {
    switch (t) {
      case 'integer': {
        const min = node.minimum as number | undefined;
        const max = node.maximum as number | undefined;
        if (min !== undefined && max !== undefined) return `an integer from ${min} to ${max}`;
        if (min !== undefined) return `an integer of at least ${min}`;
        return 'an integer';
      }
      case 'string':
        if (typeof node.pattern === 'string' && PATTERN_TEXT[node.pattern]) return PATTERN_TEXT[node.pattern]!;
        return node.minLength ? 'a non-empty string' : 'a string';
      case 'boolean':
        return 'true or false';
      case 'object': {
        const keys = Object.keys((node.properties ?? {}) as SchemaNode);
        return keys.length ? `a mapping with keys ${keys.join(', ')}` : 'a mapping';
      }
      case 'array':
        return 'a list';
      default:
        return `a ${t}`;
    }
  });
  const base = words.join(' or ') || 'a value';
  return nullable ? `${base}, or null` : base;
}

function typeHint(node: SchemaNode, data: unknown): string | undefined {
  if (data === null) return 'the key is written without a value; give it one or remove the key';
  if (Array.isArray(node.anyOf)) {
    for (const branch of node.anyOf as SchemaNode[]) {
      const h = typeHint(branch, data);
      if (h) return h;
    }
    return undefined;
  }
  const wantsString = node.type === 'string' || (Array.isArray(node.type) && node.type.includes('string'));
  if (wantsString && typeof data === 'number' && PATTERN_TEXT[String(node.pattern)]?.startsWith('a size')) {
    return `sizes need a unit, such as '${data}MB' or '${data}GB'`;
  }
  if (wantsString && (typeof data === 'number' || typeof data === 'boolean')) return 'YAML read this as a number or boolean: put it in quotes to keep it text';
  if (node.type === 'boolean' && typeof data === 'string' && /^(yes|no|on|off|y|n)$/i.test(data)) {
    return `YAML 1.2 reads '${data}' as text, not a boolean: write true or false`;
  }
  return undefined;
}

function show(v: unknown): string {
  if (v === null) return 'null (no value)';
  if (typeof v === 'string') return `'${quoted(v)}'`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** The last named key of a pointer, with list indexes: `/vms/2/memory` → `memory`, `/policy/protect/0` → `protect[0]`. */
export function labelOf(pointer: string): string {
  const segs = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let label = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i]!;
    if (/^\d+$/.test(s) && i > 0) label = `[${s}]${label}`;
    else return `${s}${label}`;
  }
  return label || '(document)';
}

function firstSentence(s: string): string {
  const i = s.search(/\.\s/);
  return i < 0 ? s : s.slice(0, i + 1);
}

/** `/vms/3/memory` → the schema-side place `/vms/memory` used in KEY_HOMES. */
function schemaPathOf(pointer: string): string {
  return pointer
    .split('/')
    .filter((s) => !/^\d+$/.test(s))
    .join('/');
}

function collectKeyHomes(node: SchemaNode, at: string, out = new Map<string, string[]>()): Map<string, string[]> {
  const props = node.properties as Record<string, SchemaNode> | undefined;
  if (props) {
    for (const [k, child] of Object.entries(props)) {
      const homes = out.get(k) ?? [];
      if (!homes.includes(at)) homes.push(at);
      out.set(k, homes);
      collectKeyHomes(child, `${at}/${k}`, out);
    }
  }
  if (node.items && typeof node.items === 'object') collectKeyHomes(node.items as SchemaNode, at, out);
  for (const b of (node.anyOf as SchemaNode[] | undefined) ?? []) collectKeyHomes(b, at, out);
  return out;
}
