// The CLI's commands and options: which options each command takes, its help text, and parsing
// that refuses an option the command does not use (`plan --plan-hash x` is a usage error, not
// silently ignored) and suggests the command meant by a typo.
import { parseArgs } from 'node:util';
import { didYouMean } from '../core/config/suggest.js';
import { HvcError } from '../core/errors.js';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  arg?: string;
  help: string;
}

export const OPTIONS = {
  config: { type: 'string', short: 'c', arg: 'FILE', help: 'VM config (default: ./vms.yaml; without one, the embedded lab example)' },
  backend: { type: 'string', short: 'b', arg: 'KIND', help: 'hyperv | sim | replay (default: hyperv; sim for the embedded example)' },
  'sim-state': { type: 'string', arg: 'FILE', help: 'simulated host state (default: .hvc/sim/<config name>-host.json); a missing file is seeded' },
  replay: { type: 'string', arg: 'FILE', help: 'recorded current.json for --backend replay' },
  powershell: { type: 'string', arg: 'PATH', help: 'the PowerShell that runs the hyperv agent (default: Windows PowerShell 5.1 on Windows, pwsh from PATH elsewhere)' },
  out: { type: 'string', short: 'o', arg: 'DIR', help: 'where current.json, plan.json, result.json go (default: ./out)' },
  target: { type: 'string', multiple: true, arg: 'VM', help: 'only this VM (repeatable); recorded in the plan and its hash' },
  plan: { type: 'string', arg: 'FILE', help: 'apply exactly this saved plan.json, if the host still plans to the same hash' },
  'plan-hash': { type: 'string', arg: 'HASH', help: 'refuse unless the recomputed plan has this hash' },
  'auto-approve': { type: 'boolean', help: 'apply without asking for confirmation (for scripts)' },
  'lock-wait': { type: 'string', arg: 'SEC', help: 'how long to wait for another run\'s host lock (default 600)' },
  concurrency: { type: 'string', arg: 'N', help: 'apply pool size, 1-32 (default: host.concurrency of the config)' },
  'state-dir': { type: 'string', arg: 'DIR', help: 'journal and host lock (default: $HVC_STATE_DIR or ~/.hyperv-converge)' },
  'dry-run': { type: 'boolean', help: 'show per-guest /etc/hosts diffs, write nothing' },
  now: { type: 'string', arg: 'ISO', help: 'fixed timestamp for reproducible artifacts (also $HVC_NOW)' },
  json: { type: 'boolean', help: 'print a machine-readable summary on stdout' },
  'no-color': { type: 'boolean', help: 'no colours (also $NO_COLOR; $FORCE_COLOR forces them)' },
  verbose: { type: 'boolean', short: 'v', help: 'phase timings and details' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', help: 'print the version' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

const HOST: OptionName[] = ['config', 'backend', 'sim-state', 'replay', 'powershell'];
const ALWAYS: OptionName[] = ['json', 'no-color', 'verbose', 'help'];

export const COMMANDS = {
  validate: { args: '', summary: 'check the config file and report every problem at once', options: ['config'] },
  plan: { args: '', summary: 'observe the host and show what apply would do (no changes)', options: [...HOST, 'out', 'now', 'target'] },
  apply: {
    args: '',
    summary: 'show the plan, ask to confirm, then change the host, re-observe and verify',
    options: [...HOST, 'out', 'now', 'target', 'plan', 'plan-hash', 'auto-approve', 'lock-wait', 'concurrency', 'state-dir'],
  },
  drift: { args: '', summary: 'plan, reporting a non-empty plan as drift', options: [...HOST, 'out', 'now'] },
  status: { args: '', summary: 'the managed VMs at a glance: state, addresses, owner, drift', options: HOST },
  adopt: { args: ' VM', summary: 'take over a VM made by hand: a plan with one step writing the ownership marker', options: [...HOST, 'out', 'now', 'auto-approve', 'lock-wait', 'state-dir'] },
  unlock: { args: ' [RUN_ID]', summary: 'show who holds the host lock; with the holder\'s run id, release it', options: [...HOST, 'state-dir'] },
  doctor: { args: '', summary: 'check the host: Hyper-V module, service, rights, switches, images, paths', options: HOST },
  reconcile: { args: '', summary: 'discover guest IPs and sync /etc/hosts over SSH (--dry-run: show diffs only)', options: [...HOST, 'out', 'now', 'lock-wait', 'state-dir', 'dry-run'] },
} as const satisfies Record<string, { args: string; summary: string; options: readonly OptionName[] }>;

export type Command = keyof typeof COMMANDS;

const EXIT_LINE = 'exit codes: 0 ok/no changes, 1 error, 2 changes present, 3 refused by safety or plan changed, 64 usage, 130 cancelled';

function optionLines(names: readonly OptionName[]): string[] {
  return names.map((n) => {
    const o: OptionSpec = OPTIONS[n];
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${n}${o.arg ? ` ${o.arg}` : ''}`;
    return `  ${flag.padEnd(24)}${o.help}`;
  });
}

export function globalHelp(): string {
  const cmds = (Object.keys(COMMANDS) as Command[]).map((c) => `  ${c.padEnd(11)} ${COMMANDS[c].summary}`);
  return [
    'usage: hyperv-converge <command> [options]',
    '',
    'commands:',
    ...cmds,
    '',
    "'hyperv-converge <command> --help' lists the command's options. Also: --version, --help.",
    '',
    EXIT_LINE,
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const c = COMMANDS[command];
  return [`usage: hyperv-converge ${command}${c.args} [options]`, '', c.summary, '', 'options:', ...optionLines([...c.options, ...ALWAYS]), '', EXIT_LINE].join('\n');
}

export interface Parsed {
  command: Command;
  /** Positionals after the command (adopt's VM, unlock's run id). */
  rest: string[];
  values: Partial<Record<OptionName, string | boolean | string[]>>;
  help: boolean;
  version: boolean;
}

const parseOptions = Object.fromEntries(
  Object.entries(OPTIONS).map(([k, o]: [string, OptionSpec]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
);

/** Throws HvcError('usage') with the reason and where to look. */
export function parseCommandLine(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: parseOptions });
  } catch (e) {
    const m = /Unknown option '(--?[^']+)'/.exec((e as Error).message);
    const hint = m ? didYouMean(m[1]!.replace(/^-+/, ''), Object.keys(OPTIONS)) : undefined;
    throw new HvcError('usage', `${(e as Error).message.split('. To specify')[0]}${hint ? `; ${hint.replace(/'([^']+)'/, "'--$1'")}` : ''}`);
  }
  const values = parsed.values as Parsed['values'];
  const [first, ...rest] = parsed.positionals;
  if (first === undefined && (values.help || values.version)) return { command: 'plan', rest: [], values, help: Boolean(values.help), version: Boolean(values.version) };
  const name = first ?? 'plan';
  if (!(name in COMMANDS)) {
    const hint = didYouMean(name, Object.keys(COMMANDS));
    throw new HvcError('usage', `unknown command '${name}'${hint ? `; ${hint}` : ''}`);
  }
  const command = name as Command;
  if (values.help || values.version) return { command, rest, values, help: Boolean(values.help), version: Boolean(values.version) };
  const allowed = new Set<string>([...COMMANDS[command].options, ...ALWAYS]);
  const wrong = Object.keys(values).filter((k) => !allowed.has(k));
  if (wrong.length) {
    const users = (o: string) => (Object.keys(COMMANDS) as Command[]).filter((c) => (COMMANDS[c].options as readonly string[]).includes(o));
    throw new HvcError('usage', `${command} does not take ${wrong.map((o) => `--${o}`).join(', ')}${wrong.length === 1 && users(wrong[0]!).length ? ` (${users(wrong[0]!).join(', ')} does)` : ''}; see 'hyperv-converge ${command} --help'`);
  }
  // An empty value (an unset variable: --config "$CFG") is not the option left out: taken as absent it
  // would run on the default (./vms.yaml, the embedded example, ./out, the PATH's pwsh) instead of
  // what was meant.
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.some((x) => x.trim() === '')) {
      throw new HvcError('usage', `--${k} was given an empty value (an unset variable?); give it one, or leave the option out to use its default`);
    }
  }
  const want = command === 'adopt' ? 1 : command === 'unlock' ? -1 : 0;
  if ((want >= 0 && rest.length !== want) || (want < 0 && rest.length > 1)) {
    throw new HvcError('usage', want === 1 ? `adopt needs exactly one VM name: hyperv-converge adopt VM` : `${command} takes ${want < 0 ? 'at most one argument' : 'no arguments'}, got '${rest.join(' ')}'`);
  }
  return { command, rest, values, help: false, version: false };
}

/** Colours: --no-color and $NO_COLOR turn them off, $FORCE_COLOR (not 0/false) on; else only on a terminal. */
export function useColor(values: Parsed['values'], env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (values['no-color']) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force.toLowerCase() !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTty;
}
