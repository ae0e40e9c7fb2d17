// hyperv-converge CLI: the same engine as the action, for a terminal. Human output goes to stderr,
// `--json` output to stdout. Commands and their options: args.ts.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createBackend, type BackendSpec } from '../backends/index.js';
import { runDoctor } from '../backends/doctor.js';
import { loadConfig } from '../core/config/load.js';
import { formatProblem, HvcError, isHvcError, type FailureReason, type Problem } from '../core/errors.js';
import type { Config } from '../core/config/types.js';
import type { RunResult } from '../core/model/result.js';
import { planAdopt } from '../core/plan/adopt.js';
import type { Plan } from '../core/plan/types.js';
import { breakHostLock, inspectHostLock } from '../engine/apply/lock.js';
import { Cancelled, unlessCancelled } from '../engine/cancellation.js';
import { runPipeline, type PipelineOptions } from '../engine/pipeline.js';
import { streamLogger } from '../engine/log.js';
import { defaultStateDir, hostKeyOf } from '../engine/state-location.js';
import { describeHolder } from '../engine/take-lock.js';
import { printable } from '../engine/printable.js';
import type { GuestReconcileReport } from '../guest/reconcile.js';
import { runReconcile } from '../engine/reconcile.js';
import { commandHelp, globalHelp, parseCommandLine, useColor, type Command, type Parsed } from './args.js';
import { findProjectFile } from './locate.js';
import { guestSummary, renderApplySummary, renderGuests, renderPlan } from './render.js';
import { ensureSimHost } from './sim-host.js';
import { observeStatus, renderStatus } from './status.js';
import { VERSION } from './version.js';

/** Exit codes (docs/cli.md): distinct per outcome so scripts can branch. */
export const EXIT = {
  ok: 0, // success; plan/drift: no changes
  error: 1, // any failure (typed reason printed)
  changes: 2, // plan/drift: changes present
  refused: 3, // refused by safety (or a reviewed plan that changed)
  usage: 64, // wrong arguments
  cancelled: 130, // stopped by SIGINT/SIGTERM (result.json says what ran)
} as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** The directory relative paths are taken from. */
  workDir: string;
  /** stderr is a terminal (colours by default). */
  isTty: boolean;
  /** Asks a question on the terminal and returns the answer; absent when stdin is not a terminal. */
  ask?: (question: string) => Promise<string>;
  /** Fires on SIGINT/SIGTERM: apply sends no new step and reports `cancelled`. */
  signal?: AbortSignal;
  /** Fires on a second signal: apply stops waiting for in-flight steps (result.json is still written). */
  cancelNow?: AbortSignal;
}

type Values = Parsed['values'];
const str = (v: Values, k: keyof Values): string | undefined => v[k] as string | undefined;

/**
 * A path given relative to the working directory. Through a function on purpose: ncc's asset
 * relocator turns `resolve(<dir>, 'literal')` into a path inside the bundle (and copies matching
 * files into dist/), which would break `./vms.yaml` lookup.
 */
function fromWorkDir(io: Io, path: string): string {
  return resolve(io.workDir, path);
}

/** A problem as compilers print it: the file relative to the working directory when it is inside it. */
function problemLine(p: Problem, io: Io): string {
  const rel = p.file ? relative(io.workDir, p.file) : '';
  return formatProblem(p.file && rel && !rel.startsWith('..') && !isAbsolute(rel) ? { ...p, file: rel } : p);
}

export function exitCodeFor(result: Pick<RunResult, 'status' | 'failureReason'>): number {
  const reason: FailureReason | null = result.failureReason;
  if (reason === 'usage') return EXIT.usage;
  if (reason === 'cancelled') return EXIT.cancelled;
  if (reason === 'safety-refused' || reason === 'plan-changed') return EXIT.refused;
  if (reason) return EXIT.error;
  return result.status === 'changes' ? EXIT.changes : EXIT.ok;
}

interface Resolved {
  configPath: string;
  backend: BackendSpec;
  embedded: boolean;
}

/** The config and backend to use; without a config, the embedded lab example on its simulated host. */
function resolveTarget(values: Values, io: Io): Resolved {
  const given = str(values, 'config');
  const local = fromWorkDir(io, 'vms.yaml');
  const embedded = !given && !existsSync(local);
  const configPath = given ? fromWorkDir(io, given) : embedded ? findProjectFile('examples/lab/vms.yaml') : local;
  const kind = str(values, 'backend') ?? (embedded ? 'sim' : 'hyperv');
  if (values.powershell !== undefined && kind !== 'hyperv') throw new HvcError('usage', '--powershell applies to --backend hyperv only');
  // (An empty --powershell, like any option given an empty value, is refused by parseCommandLine.)
  if (kind === 'replay') {
    const file = str(values, 'replay');
    if (!file) throw new HvcError('usage', '--backend replay needs --replay FILE (a recorded current.json)');
    return { configPath, backend: { kind: 'replay', file: fromWorkDir(io, file) }, embedded };
  }
  if (str(values, 'replay')) throw new HvcError('usage', '--replay FILE needs --backend replay');
  if (kind === 'sim') {
    const name = configPath.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
    const stateFile = fromWorkDir(io, str(values, 'sim-state') ?? join('.hvc', 'sim', `${name}-host.json`));
    const seeded = ensureSimHost(stateFile, configPath, str(values, 'sim-state') === undefined);
    if (seeded) io.err(seeded);
    return { configPath, backend: { kind: 'sim', stateFile }, embedded };
  }
  if (str(values, 'sim-state')) throw new HvcError('usage', '--sim-state FILE needs --backend sim');
  if (kind === 'hyperv') {
    const ps = str(values, 'powershell');
    return { configPath, backend: { kind: 'hyperv', computerName: null, ...(ps ? { powershell: fromWorkDir(io, ps) } : {}) }, embedded };
  }
  if (values.powershell !== undefined) throw new HvcError('usage', '--powershell applies to --backend hyperv only');
  throw new HvcError('usage', `unknown backend '${kind}': expected hyperv, sim or replay`);
}

/**
 * `--backend hyperv` drives the config's host.computerName (null: this machine) once the config
 * loads; the config read for it is handed on, so a run parses its file once.
 */
function withConfiguredHost(target: Resolved): { backend: BackendSpec; config: Config | null } {
  if (target.backend.kind !== 'hyperv') return { backend: target.backend, config: null };
  try {
    const { config } = loadConfig(target.configPath);
    // The agent never needs the guests' SSH key: keep its variable out of the agent's environment.
    return { backend: { ...target.backend, computerName: config.host.computerName, ...(config.ssh ? { stripEnv: [config.ssh.privateKeyEnv] } : {}) }, config };
  } catch {
    return { backend: target.backend, config: null }; // an invalid config: the run reports it, located
  }
}

function fixedClock(values: Values, env: NodeJS.ProcessEnv): (() => Date) | undefined {
  const iso = str(values, 'now') ?? env.HVC_NOW;
  if (!iso) return undefined;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new HvcError('usage', `--now '${iso}' is not an ISO 8601 time`);
  return () => t;
}

function lockWaitMs(values: Values): number | undefined {
  const raw = str(values, 'lock-wait');
  if (raw === undefined) return undefined;
  const sec = Number(raw);
  if (!(raw.trim() !== '' && Number.isFinite(sec) && sec >= 0 && sec <= 86_400)) throw new HvcError('usage', `--lock-wait must be a number of seconds from 0 to 86400, not '${raw}'`);
  return Math.round(sec * 1000);
}

/** A saved plan.json for `apply --plan`: schema-valid, of this config's project. */
async function readSavedPlan(io: Io, file: string): Promise<Plan> {
  const path = fromWorkDir(io, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new HvcError('usage', `--plan ${file}: cannot read a plan.json there (${(e as Error).message.split('\n')[0]})`);
  }
  // The artifact validators (a few hundred KB of generated code) load only when a file is checked.
  const { artifactProblems } = await import('../artifacts/validate.js');
  const problems = artifactProblems('plan', data);
  if (problems.length) throw new HvcError('usage', `--plan ${file} is not a plan.json: ${problems.slice(0, 3).join('; ')}`);
  return data as Plan;
}

/**
 * apply's confirmation, as terraform asks it: on a terminal the user types 'yes'; without a terminal
 * the run must be approved up front (--auto-approve, or a reviewed plan via --plan / --plan-hash).
 */
function approval(command: Command, values: Values, io: Io): ((plan: Plan) => Promise<boolean>) | undefined {
  if (values['auto-approve'] || values.plan || values['plan-hash']) return undefined;
  if (!io.ask) {
    throw new HvcError('usage', `${command} changes the host and needs confirmation, but there is no terminal to ask on: pass --auto-approve (or apply a reviewed plan with --plan FILE)`);
  }
  const ask = io.ask;
  return async (plan) => {
    io.err('');
    const answer = await ask(`Apply ${plan.steps.length} step(s) to the host? Only 'yes' is accepted: `);
    if (answer.trim() === 'yes') return true;
    io.err('Apply cancelled.');
    return false;
  };
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    io.err(`usage error: ${(e as Error).message}\n(run 'hyperv-converge --help' for commands, 'hyperv-converge <command> --help' for options)`);
    return EXIT.usage;
  }
  const { values, command } = parsed;
  if (parsed.version) {
    io.out(`hyperv-converge ${VERSION}`);
    return EXIT.ok;
  }
  if (parsed.help) {
    io.out(argv.some((a) => !a.startsWith('-')) ? commandHelp(command) : globalHelp());
    return EXIT.ok;
  }
  const color = useColor(values, io.env, io.isTty);
  const log = streamLogger(io.err, Boolean(values.verbose));
  try {
    const approve = command === 'apply' || command === 'adopt' ? approval(command, values, io) : undefined;
    const target = resolveTarget(values, io);
    if (target.embedded) io.err(`using the embedded example ${target.configPath} on a simulated lab host (pass --config FILE for your own)`);

    if (command === 'validate') {
      const { config } = loadConfig(target.configPath);
      io.err(`${target.configPath}: valid — project '${config.project}', ${config.vms.length} VM(s)`);
      if (values.json) io.out(JSON.stringify({ command, valid: true, project: config.project, vms: config.vms.length }));
      return EXIT.ok;
    }
    const configured = withConfiguredHost(target);
    const backend = configured.backend;
    if (command === 'doctor' || command === 'status') {
      const config = configured.config ?? loadConfig(target.configPath).config;
      const be = createBackend(backend);
      try {
        // Both only read the host: a signal ends them at once, and the agent inside the read with them
        // (nothing is left half-done, and nothing would ever wait for or report it).
        if (command === 'status') {
          const report = await unlessCancelled(observeStatus(config, be), io.signal);
          io.err(renderStatus(report));
          if (values.json) io.out(JSON.stringify({ command, ...report }));
          return report.complete ? EXIT.ok : EXIT.error;
        }
        const report = await unlessCancelled(runDoctor(be, config), io.signal);
        for (const c of report.checks) io.err(`${c.ok ? 'ok  ' : 'FAIL'} ${c.message}${!c.ok && c.fix ? `\n       fix: ${c.fix}` : ''}`);
        if (values.json) io.out(JSON.stringify({ command, ...report }));
        return report.ok ? EXIT.ok : EXIT.error;
      } catch (e) {
        if (!(e instanceof Cancelled)) throw e;
        const message = `cancelled by a signal before the host answered; nothing was checked${command === 'status' ? ' or shown' : ''}`;
        io.err(`${command}: cancelled: ${message}`);
        if (values.json) io.out(JSON.stringify({ command, status: 'cancelled', failureReason: 'cancelled', message }));
        return EXIT.cancelled;
      } finally {
        await be.close({ killBusy: io.signal?.aborted === true });
      }
    }
    const stateDir = str(values, 'state-dir') ? fromWorkDir(io, str(values, 'state-dir')!) : defaultStateDir();
    if (command === 'unlock') return await unlock(parsed.rest[0] ?? null, stateDir, hostKeyOf(backend), values, io);

    const clock = fixedClock(values, io.env);
    const outDir = fromWorkDir(io, str(values, 'out') ?? 'out');
    if (command === 'reconcile') {
      const dryRun = Boolean(values['dry-run']);
      if (dryRun && values['lock-wait'] !== undefined) throw new HvcError('usage', '--lock-wait does not apply to reconcile --dry-run: a dry run writes nothing and takes no host lock');
      const wait = lockWaitMs(values);
      const outcome = await runReconcile({
        configPath: target.configPath, backend, outDir, dryRun, env: io.env, log,
        stateDir, ...(clock ? { clock } : {}),
        ...(wait !== undefined ? { lockWaitMs: wait } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        ...(io.cancelNow ? { cancelNow: io.cancelNow } : {}),
      });
      for (const p of outcome.problems) io.err(problemLine(p, io));
      const guests = outcome.result.extra.guests as GuestReconcileReport | undefined;
      if (guests) io.err(renderGuests(guests));
      io.err(outcome.result.failureReason ? `reconcile: ${outcome.result.failureReason}: ${outcome.problems.length ? outcome.result.message.split('\n')[0] : outcome.result.message}` : `reconcile: ${outcome.result.message}`);
      if (values.json) io.out(JSON.stringify({ command, status: outcome.result.status, failureReason: outcome.result.failureReason, message: outcome.result.message, files: outcome.files, guests: guests ? guestSummary(guests) : null }));
      return exitCodeFor(outcome.result);
    }

    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32)) {
      throw new HvcError('usage', `--concurrency must be a whole number from 1 to 32, not '${values.concurrency}'`);
    }
    const saved = str(values, 'plan') ? await readSavedPlan(io, str(values, 'plan')!) : null;
    if (saved && values['plan-hash'] && values['plan-hash'] !== saved.planHash) throw new HvcError('usage', `--plan-hash ${values['plan-hash']} is not the hash of --plan ${values.plan} (${saved.planHash})`);
    if (saved && values.target) throw new HvcError('usage', `--target cannot be combined with --plan: the saved plan's targets (${saved.targets?.join(', ') ?? 'none'}) are applied`);
    const targets = saved ? saved.targets : (values.target as string[] | undefined);
    const adoptVm = command === 'adopt' ? parsed.rest[0]! : null;
    let shown = false;
    const showPlan = (plan: Plan, obs: Parameters<typeof renderPlan>[1]) => {
      io.err(renderPlan(plan, obs, color));
      shown = true;
    };
    const opts: PipelineOptions = {
      mode: command === 'adopt' ? 'apply' : (command as 'plan' | 'apply' | 'drift'),
      configPath: target.configPath,
      ...(configured.config ? { config: configured.config } : {}),
      backend,
      outDir,
      expectedPlanHash: saved?.planHash ?? str(values, 'plan-hash') ?? null,
      log,
      stateDir,
      guestEnv: io.env,
      ...(io.signal ? { signal: io.signal } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(clock ? { clock } : {}),
      ...(targets?.length ? { targets } : {}),
      ...(lockWaitMs(values) !== undefined ? { lockWaitMs: lockWaitMs(values) } : {}),
      ...(adoptVm ? { planner: (c, o, k) => planAdopt(c, o, adoptVm, k) } : {}),
      ...(command === 'apply' || command === 'adopt'
        ? {
            // The plan is shown before anything changes, then confirmed (unless approved up front).
            approve: async (plan, obs) => {
              showPlan(plan, obs);
              return approve ? approve(plan) : true;
            },
          }
        : {}),
      ...(io.cancelNow ? { cancelNow: io.cancelNow } : {}),
      seedEnv: io.env,
    };
    const outcome = await runPipeline(opts);
    const { result, plan } = outcome;
    for (const p of outcome.problems) io.err(problemLine(p, io));
    if (plan && !shown) showPlan(plan, outcome.observation);
    if ((command === 'apply' || command === 'adopt') && result.steps.length) io.err(renderApplySummary(result));
    const guests = result.extra.guests as GuestReconcileReport | undefined;
    if (guests) io.err(renderGuests(guests));
    const guestFailed = guests ? guests.hosts.failed.length : 0;
    // A config failure's message repeats its problems, printed above: say its first line only.
    if (result.failureReason) io.err(`${command}: ${result.failureReason}: ${outcome.problems.length ? result.message.split('\n')[0] : result.message}`);
    else if (command === 'drift') io.err(plan && result.status === 'changes' ? 'drift: the host differs from the file' : 'drift: none');
    else if (command !== 'plan') io.err(`${command}: ${result.message}`);
    if (guestFailed) io.err(`${command}: guest network: /etc/hosts sync failed on ${guests!.hosts.failed.join(', ')}`);
    io.err(`artifacts: ${[outcome.files.current, outcome.files.plan, outcome.files.result].filter(Boolean).join(' ')}`);
    if (values.json) {
      io.out(
        JSON.stringify({
          command,
          status: result.status,
          failureReason: result.failureReason,
          message: result.message,
          planHash: result.planHash,
          counts: plan?.counts ?? null,
          converged: result.converged,
          remaining: result.remaining.map((s) => ({ vm: s.vm, action: s.action })),
          guests: guests ? guestSummary(guests) : null,
          files: outcome.files,
          problems: outcome.problems,
        }),
      );
    }
    const code = exitCodeFor(result);
    return code === EXIT.ok && guestFailed ? EXIT.error : code;
  } catch (e) {
    if (isHvcError(e)) {
      for (const p of e.problems) io.err(problemLine(p, io));
      io.err(`${command}: ${e.reason}: ${e.problems.length ? e.message.split('\n')[0] : e.message}`);
      if (values.json) io.out(JSON.stringify({ command, status: 'failed', failureReason: e.reason, message: e.message, problems: e.problems }));
      return e.reason === 'usage' ? EXIT.usage : EXIT.error;
    }
    // A bug: its message; the stack only with --verbose (never shown to a user by default).
    io.err(`internal error: ${(e as Error)?.message ?? String(e)}${values.verbose ? `\n${(e as Error)?.stack ?? ''}` : ''}`);
    return EXIT.error;
  }
}

/** `unlock`: show the lock's holder; with its run id, release it on purpose (terraform's force-unlock). */
async function unlock(runId: string | null, stateDir: string, hostKey: string, values: Values, io: Io): Promise<number> {
  const held = await inspectHostLock(stateDir, hostKey);
  const json = (o: object) => values.json && io.out(JSON.stringify({ command: 'unlock', hostKey, ...o }));
  if (!held) {
    io.err(`the host lock of '${hostKey}' is free (${stateDir})`);
    json({ held: false, released: false, holder: null });
    return EXIT.ok;
  }
  const who = describeHolder(held.holder);
  if (runId === null) {
    io.err(`the host lock of '${hostKey}' is held by ${who}; last heartbeat ${held.modifiedAt}\n  lock file: ${held.path}`);
    io.err(held.holder ? `If that run is gone, release the lock: hyperv-converge unlock ${printable(held.holder.runId)}` : `The lock file is unreadable; release it with: hyperv-converge unlock unreadable`);
    json({ held: true, released: false, holder: held.holder, lockFile: held.path });
    return EXIT.error;
  }
  const r = await breakHostLock(stateDir, hostKey, runId === 'unreadable' && !held.holder ? null : runId);
  if (!r.released) {
    io.err(`not released: the host lock of '${hostKey}' is held by ${describeHolder(r.holder)}, not run ${runId}`);
    json({ held: Boolean(r.holder), released: false, holder: r.holder });
    return EXIT.error;
  }
  io.err(`released the host lock of '${hostKey}' held by ${who}`);
  json({ held: false, released: true, holder: r.holder });
  return EXIT.ok;
}
