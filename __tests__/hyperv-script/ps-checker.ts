// Static checker for the host agent script: parses it with the tree-sitter PowerShell grammar and
// checks every command it invokes against Microsoft's cmdlet reference
// (<repo>/../shared/reference/powershell-cmdlets.json). Used by the tests; reports violations as
// data so a mutation test can prove each rule bites.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { referencePath } from '../hyperv-double/generate.mjs';

export interface ReferenceCmdlet {
  name: string;
  module: string;
  parameterSets: { set: string; parameters: { name: string; type: string }[] }[];
}
export interface Reference {
  cmdlets: Record<string, ReferenceCmdlet>;
}

export interface Violation {
  rule: 'syntax' | 'unknown-command' | 'wrong-module' | 'unqualified-hyperv' | 'no-parameter-set' | 'forbidden' | 'dynamic-invocation' | 'not-remote-aware';
  line: number;
  message: string;
}

export interface CommandUse {
  name: string; // as written, without module
  module: string | null; // qualifier as written
  parameters: string[]; // named parameters incl. splatted keys, without common parameters
  splats: string[];
  line: number;
  kind: 'cmdlet' | 'function';
  /** The parameter set that fits, for cmdlets. */
  set?: string;
}

export interface CheckReport {
  violations: Violation[];
  commands: CommandUse[];
  functions: string[];
  splatKeys: Record<string, string[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
// Microsoft's cmdlet reference as data: the repository's copy of ../shared/reference/ (a test keeps
// the two equal where the shared one is present), so every clone runs these checks.
export { referencePath };
export const agentScriptPath = join(repoRoot, 'src', 'backends', 'hyperv', 'hyperv-agent.ps1');

/** PowerShell's common parameters, accepted by every cmdlet and advanced function. */
export const COMMON_PARAMETERS = new Set(
  ['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable'].map((s) => s.toLowerCase()),
);
/** Parameters that take objects which already carry their host (no -ComputerName needed). */
const OBJECT_PARAMETERS = new Set(['vm', 'vmnetworkadapter', 'vmsnapshot', 'vmfirmware', 'vmdrivecontroller', 'vmintegrationservice', 'vmmemory', 'vmprocessor', 'vmswitch', 'vmharddiskdrive', 'vmdvddrive']);
const FORBIDDEN_COMMANDS = new Set(['invoke-expression', 'iex', 'add-type', 'new-module', 'invoke-command-string']);
const FORBIDDEN_TEXT: [RegExp, string][] = [
  [/\[\s*scriptblock\s*\]\s*::\s*create/i, '[scriptblock]::Create builds code from a string'],
  [/\.InvokeCommand\b/i, '$ExecutionContext.InvokeCommand runs code from strings'],
  [/\bNewScriptBlock\b/i, 'NewScriptBlock builds code from a string'],
  [/\bInvokeScript\b/i, 'InvokeScript runs code from a string'],
];

/** Cmdlets the shared reference lacks (the NetNat module), from the same Microsoft docs: see its "about". */
export const supplementPath = join(here, 'reference-supplement.json');

/** The shared reference with the supplement's cmdlets added (never replacing one it has). */
export function withSupplement(ref: Reference): Reference {
  const extra = (JSON.parse(readFileSync(supplementPath, 'utf8')) as Reference).cmdlets;
  return { ...ref, cmdlets: { ...extra, ...ref.cmdlets } };
}

export function loadReference(): Reference | null {
  if (!existsSync(referencePath)) return null;
  return withSupplement(JSON.parse(readFileSync(referencePath, 'utf8')) as Reference);
}

let parserPromise: Promise<Parser> | null = null;
export function powershellParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = join(dirname(require.resolve('tree-sitter-powershell/package.json')), 'tree-sitter-powershell.wasm');
    const lang = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(lang);
    return p;
  })();
  return parserPromise;
}

function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) if (c) yield* walk(c);
}

const line = (n: Node) => n.startPosition.row + 1;

/** Keys each hashtable variable can carry: `$X = @{ k = … }` and `$X['k'] = …` / `$X.k = …`. */
function splatKeys(src: string): Record<string, string[]> {
  const keys: Record<string, Set<string>> = {};
  const add = (v: string, k: string) => (keys[v.toLowerCase()] ??= new Set()).add(k);
  for (const m of src.matchAll(/\$(\w+)\s*=\s*@\{([^{}]*)\}/g)) {
    keys[m[1]!.toLowerCase()] ??= new Set();
    for (const k of m[2]!.matchAll(/(?:^|[;\s])'?(\w+)'?\s*=/g)) add(m[1]!, k[1]!);
  }
  for (const m of src.matchAll(/\$(\w+)\[\s*'(\w+)'\s*\]\s*=/g)) add(m[1]!, m[2]!);
  for (const m of src.matchAll(/\$(\w+)\.(\w+)\s*=[^=]/g)) if (keys[m[1]!.toLowerCase()]) add(m[1]!, m[2]!);
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, [...v].sort()]));
}

export async function checkScript(src: string, ref: Reference): Promise<CheckReport> {
  const parser = await powershellParser();
  const tree = parser.parse(src);
  if (!tree) throw new Error('parser returned no tree');
  const violations: Violation[] = [];
  const commands: CommandUse[] = [];

  for (const n of walk(tree.rootNode)) {
    if (n.type === 'ERROR' || n.isMissing) violations.push({ rule: 'syntax', line: line(n), message: `${n.isMissing ? 'missing' : 'syntax error'} near: ${n.text.slice(0, 60)}` });
  }

  const functions = new Set<string>();
  for (const n of walk(tree.rootNode)) {
    if (n.type === 'function_statement') {
      const name = n.children.find((c) => c?.type === 'function_name');
      if (name) functions.add(name.text.toLowerCase());
    }
  }
  const splats = splatKeys(src);

  for (const [re, why] of FORBIDDEN_TEXT) {
    const m = re.exec(src);
    if (m) violations.push({ rule: 'forbidden', line: src.slice(0, m.index).split('\n').length, message: why });
  }

  for (const n of walk(tree.rootNode)) {
    if (n.type !== 'command') continue;
    const op = n.children.find((c) => c?.type === 'command_invokation_operator');
    const nameNode = n.childForFieldName('command_name');
    if (!nameNode) continue;
    if (op || nameNode.type !== 'command_name') {
      // `& { … }` runs a literal script block: allowed. Anything else names a command at run time.
      const isLiteralBlock = nameNode.type === 'command_name_expr' && nameNode.children.length === 1 && nameNode.children[0]?.type === 'script_block_expression';
      if (!isLiteralBlock) violations.push({ rule: 'dynamic-invocation', line: line(n), message: `command invoked through '${op?.text ?? ''}' with a computed name: ${n.text.slice(0, 60)}` });
      continue;
    }
    const written = nameNode.text;
    const slash = written.lastIndexOf('\\');
    const module = slash >= 0 ? written.slice(0, slash) : null;
    const name = slash >= 0 ? written.slice(slash + 1) : written;
    const lower = name.toLowerCase();

    const params: string[] = [];
    const usedSplats: string[] = [];
    const elements = n.childForFieldName('command_elements');
    if (elements) {
      for (const e of walk(elements)) {
        if (e.type === 'command_parameter' && e.parent?.id === elements.id) params.push(e.text.replace(/^-/, '').replace(/:$/, ''));
        if (e.type === 'variable' && e.text.startsWith('@')) {
          // Only a splat when it is a whole argument of this command (not nested in a sub-expression).
          let p = e.parent;
          let direct = true;
          while (p && p.id !== elements.id) {
            if (p.type === 'command' || p.type === 'script_block' || p.type === 'parenthesized_expression' || p.type === 'sub_expression') direct = false;
            p = p.parent;
          }
          if (direct) usedSplats.push(e.text.slice(1));
        }
      }
    }
    const splatted = usedSplats.flatMap((v) => splats[v.toLowerCase()] ?? []);
    const all = [...params, ...splatted].filter((p) => !COMMON_PARAMETERS.has(p.toLowerCase()));
    for (const v of usedSplats) {
      if (!(v.toLowerCase() in splats)) violations.push({ rule: 'forbidden', line: line(n), message: `${written} splats @${v}, which is not a hashtable literal of this script` });
    }

    if (FORBIDDEN_COMMANDS.has(lower)) {
      violations.push({ rule: 'forbidden', line: line(n), message: `${written} runs code built from strings` });
      continue;
    }
    if (functions.has(lower) && module === null) {
      commands.push({ name, module, parameters: all, splats: usedSplats, line: line(n), kind: 'function' });
      continue;
    }
    const c = ref.cmdlets[lower];
    if (!c) {
      violations.push({ rule: 'unknown-command', line: line(n), message: `'${written}' is not a cmdlet of the reference (nor a function of this script)` });
      continue;
    }
    if (module !== null && module.toLowerCase() !== c.module.toLowerCase()) {
      violations.push({ rule: 'wrong-module', line: line(n), message: `'${written}': ${c.name} belongs to module ${c.module}` });
    }
    if (c.module === 'Hyper-V' && module === null) {
      violations.push({ rule: 'unqualified-hyperv', line: line(n), message: `'${written}' must be called as Hyper-V\\${c.name} (PowerCLI also defines it)` });
    }
    const wanted = all.map((p) => p.toLowerCase());
    const fits = c.parameterSets.find((s) => {
      const names = new Set(s.parameters.map((p) => p.name.toLowerCase()));
      return wanted.every((p) => names.has(p));
    });
    if (!fits) {
      const bad = wanted.filter((p) => !c.parameterSets.some((s) => s.parameters.some((q) => q.name.toLowerCase() === p)));
      violations.push({
        rule: 'no-parameter-set',
        line: line(n),
        message: bad.length
          ? `${c.name} has no parameter ${bad.map((b) => `-${b}`).join(', ')}`
          : `${c.name}: parameters ${all.map((p) => `-${p}`).join(' ')} do not fit one parameter set (${c.parameterSets.map((s) => s.set).join(' | ')})`,
      });
    }
    if (c.module === 'Hyper-V') {
      const remoteAware = wanted.includes('computername') || wanted.some((p) => OBJECT_PARAMETERS.has(p));
      const canBeRemote = c.parameterSets.some((s) => s.parameters.some((p) => p.name === 'ComputerName'));
      if (!remoteAware && canBeRemote) violations.push({ rule: 'not-remote-aware', line: line(n), message: `${written} neither takes -ComputerName (splat @Remote) nor a VM object: it would act on the local host` });
    }
    commands.push({ name: c.name, module, parameters: all, splats: usedSplats, line: line(n), kind: 'cmdlet', ...(fits ? { set: fits.set } : {}) });
  }
  return { violations, commands, functions: [...functions].sort(), splatKeys: splats };
}
