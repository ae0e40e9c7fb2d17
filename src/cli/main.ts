// hyperv-converge CLI: the same engine as the action, for a terminal. Commands validate | plan |
// apply | drift | doctor | reconcile. Human output goes to stderr, `--json` output to stdout.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSimState, writeSimState, type SimSeed } from '../backends/sim/state.js';
import { createBackend, type BackendSpec } from '../backends/index.js';
import { runDoctor } from '../backends/doctor.js';
import { loadConfig } from '../core/config/load.js';
import { formatProblem, HvcError, isHvcError, type FailureReason } from '../core/errors.js';
import type { RunResult } from '../core/model/result.js';
import { runPipeline, type PipelineOptions } from '../engine/pipeline.js';
import { streamLogger } from '../engine/log.js';
import type { GuestReconcileReport } from '../guest/reconcile.js';
import { runReconcile } from '../engine/reconcile.js';
import { findProjectFile } from './locate.js';
import { renderApply, renderGuests, renderPlan } from './render.js';

/** Exit codes (docs/cli.md): distinct per outcome so scripts can branch. */
export const EXIT = {
  ok: 0, // success; plan/drift: no changes
  error: 1, // any failure (typed reason printed)
  changes: 2, // plan/drift: changes present
  refused: 3, // refused by safety (or a reviewed plan that changed)
  usage: 64, // wrong arguments
  cancelled: 130, // stopped by SIGINT/SIGTERM (result.json says what ran)
} as const;

const USAGE = `usage: hyperv-converge <command> [options]

commands:
  validate    check the config file and report every problem at once
  plan        observe the host and show what apply would do (no changes)
  apply       plan, then change the host, re-observe and verify
  drift       plan, reporting a non-empty plan as drift
  doctor      check the host: Hyper-V module, service, rights, switches, images, paths
  reconcile   discover guest IPs and sync /etc/hosts over SSH (--dry-run: show diffs only)

options:
  -c, --config FILE     VM config (default: ./vms.yaml; without one, the embedded lab example)
  -b, --backend KIND    hyperv | sim | replay (default: hyperv; sim for the embedded example)
      --sim-state FILE  simulated host state (default: .hvc/sim/<config name>-host.json, seeded
                        from the example's host.json when missing)
      --replay FILE     recorded current.json for --backend replay
      --powershell PATH the PowerShell that runs the hyperv agent (default: Windows PowerShell 5.1
                        at %SystemRoot%\System32\WindowsPowerShell\v1.0 on Windows, pwsh from PATH
                        elsewhere)
  -o, --out DIR         where current.json, plan.json, result.json go (default: ./out)
      --plan-hash HASH  apply: refuse unless the recomputed plan has this hash
      --concurrency N   apply pool size (default: host.concurrency of the config)
      --state-dir DIR   journal and host lock (default: $HVC_STATE_DIR or ~/.hyperv-converge)
      --lock-wait SEC   apply: how long to wait for another apply's host lock (default 600)
      --dry-run         reconcile: show per-guest /etc/hosts diffs, write nothing
      --now ISO         fixed timestamp for reproducible artifacts (also $HVC_NOW)
      --json            print a machine-readable summary on stdout
  -v, --verbose         phase timings and details
  -h, --help

exit codes: 0 ok/no changes, 1 error, 2 changes present, 3 refused by safety, 64 usage, 130 cancelled`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** The directory relative paths are taken from. */
  workDir: string;
  isTty: boolean;
  /** Fires on SIGINT/SIGTERM: apply sends no new step and reports `cancelled`. */
  signal?: AbortSignal;
}

const COMMANDS = ['validate', 'plan', 'apply', 'drift', 'doctor', 'reconcile'] as const;
type Command = (typeof COMMANDS)[number];

/**
 * A path given relative to the working directory. Through a function on purpose: ncc's asset
 * relocator turns `resolve(<dir>, 'literal')` into a path inside the bundle (and copies matching
 * files into dist/), which would break `./vms.yaml` lookup.
 */
function fromWorkDir(io: Io, path: string): string {
  return resolve(io.workDir, path);
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
function resolveTarget(values: Record<string, unknown>, io: Io): Resolved {
  const given = values.config as string | undefined;
  const local = fromWorkDir(io, 'vms.yaml');
  const embedded = !given && !existsSync(local);
  const configPath = given ? fromWorkDir(io, given) : embedded ? findProjectFile('examples/lab/vms.yaml') : local;
  const kind = (values.backend as string | undefined) ?? (embedded ? 'sim' : 'hyperv');
  if (kind === 'replay') {
    const file = values.replay as string | undefined;
    if (!file) throw new HvcError('usage', '--backend replay needs --replay FILE (a recorded current.json)');
    return { configPath, backend: { kind: 'replay', file: fromWorkDir(io, file) }, embedded };
  }
  if (kind === 'sim') {
    const name = configPath.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
    const stateFile = fromWorkDir(io, (values['sim-state'] as string | undefined) ?? join('.hvc', 'sim', `${name}-host.json`));
    if (!existsSync(stateFile)) {
      // First use: seed the simulated host from the host.json beside the config (the recorded lab).
      const seedFile = join(dirname(configPath), 'host.json');
      if (!existsSync(seedFile)) throw new HvcError('usage', `no simulated host at ${stateFile} and no host.json beside ${configPath} to seed one; pass --sim-state FILE`);
      mkdirSync(dirname(stateFile), { recursive: true });
      writeSimState(stateFile, buildSimState(JSON.parse(readFileSync(seedFile, 'utf8')) as SimSeed));
      io.err(`seeded the simulated host ${stateFile} from ${seedFile}`);
    }
    return { configPath, backend: { kind: 'sim', stateFile }, embedded };
  }
  if (kind === 'hyperv') {
    const ps = values.powershell as string | undefined;
    return { configPath, backend: { kind: 'hyperv', computerName: null, ...(ps ? { powershell: fromWorkDir(io, ps) } : {}) }, embedded };
  }
  if (values.powershell !== undefined) throw new HvcError('usage', '--powershell applies to --backend hyperv only');
  throw new HvcError('usage', `unknown backend '${kind}': expected hyperv, sim or replay`);
}

/** `--backend hyperv` drives the config's host.computerName (null: this machine) once the config loads. */
function withConfiguredHost(target: Resolved): BackendSpec {
  if (target.backend.kind !== 'hyperv') return target.backend;
  try {
    const { config } = loadConfig(target.configPath);
    // The agent never needs the guests' SSH key: keep its variable out of the agent's environment.
    return { ...target.backend, computerName: config.host.computerName, ...(config.ssh ? { stripEnv: [config.ssh.privateKeyEnv] } : {}) };
  } catch {
    return target.backend; // an invalid config: the run reports it, located
  }
}

function fixedClock(values: Record<string, unknown>, env: NodeJS.ProcessEnv): (() => Date) | undefined {
  const iso = (values.now as string | undefined) ?? env.HVC_NOW;
  if (!iso) return undefined;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new HvcError('usage', `--now '${iso}' is not an ISO 8601 time`);
  return () => t;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        backend: { type: 'string', short: 'b' },
        'sim-state': { type: 'string' },
        replay: { type: 'string' },
        powershell: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'plan-hash': { type: 'string' },
        concurrency: { type: 'string' },
        'state-dir': { type: 'string' },
        'lock-wait': { type: 'string' },
        'dry-run': { type: 'boolean' },
        now: { type: 'string' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const command = (positionals[0] ?? 'plan') as Command;
  if (!COMMANDS.includes(command) || positionals.length > 1) {
    io.err(`unknown command '${positionals.join(' ')}'\n\n${USAGE}`);
    return EXIT.usage;
  }
  const log = streamLogger(io.err, values.verbose ?? false);
  try {
    const target = resolveTarget(values, io);
    if (target.embedded) io.err(`using the embedded example ${target.configPath} on a simulated lab host (pass --config FILE for your own)`);

    if (command === 'validate') {
      const { config } = loadConfig(target.configPath);
      io.err(`${target.configPath}: valid — project '${config.project}', ${config.vms.length} VM(s)`);
      if (values.json) io.out(JSON.stringify({ valid: true, project: config.project, vms: config.vms.length }));
      return EXIT.ok;
    }
    const backend = withConfiguredHost(target);
    if (command === 'doctor') {
      const { config } = loadConfig(target.configPath);
      const be = createBackend(backend);
      try {
        const report = await runDoctor(be, config);
        for (const c of report.checks) io.err(`${c.ok ? 'ok  ' : 'FAIL'} ${c.message}${!c.ok && c.fix ? `\n       fix: ${c.fix}` : ''}`);
        if (values.json) io.out(JSON.stringify(report));
        return report.ok ? EXIT.ok : EXIT.error;
      } finally {
        await be.close();
      }
    }
    const clock = fixedClock(values, io.env);
    const outDir = fromWorkDir(io, values.out ?? 'out');
    const stateDir = values['state-dir'] ? fromWorkDir(io, values['state-dir']) : undefined;
    if (command === 'reconcile') {
      const outcome = await runReconcile({
        configPath: target.configPath, backend, outDir, dryRun: values['dry-run'] ?? false, env: io.env, log,
        ...(stateDir ? { stateDir } : {}), ...(clock ? { clock } : {}),
      });
      for (const p of outcome.problems) io.err(formatProblem(p));
      const guests = outcome.result.extra.guests as GuestReconcileReport | undefined;
      if (guests) io.err(renderGuests(guests));
      io.err(outcome.result.failureReason ? `reconcile: ${outcome.result.failureReason}: ${outcome.problems.length ? outcome.result.message.split('\n')[0] : outcome.result.message}` : `reconcile: ${outcome.result.message}`);
      if (values.json) io.out(JSON.stringify({ command, status: outcome.result.status, failureReason: outcome.result.failureReason, message: outcome.result.message, files: outcome.files, guests: guests ?? null }));
      return exitCodeFor(outcome.result);
    }

    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32)) {
      throw new HvcError('usage', `--concurrency must be a whole number from 1 to 32, not '${values.concurrency}'`);
    }
    const lockWait = values['lock-wait'] === undefined ? undefined : Number(values['lock-wait']);
    if (lockWait !== undefined && !(Number.isFinite(lockWait) && lockWait >= 0 && lockWait <= 86_400)) {
      throw new HvcError('usage', `--lock-wait must be a number of seconds from 0 to 86400, not '${values['lock-wait']}'`);
    }
    const opts: PipelineOptions = {
      mode: command,
      configPath: target.configPath,
      backend,
      outDir,
      expectedPlanHash: values['plan-hash'] ?? null,
      log,
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(lockWait !== undefined ? { lockWaitMs: lockWait * 1000 } : {}),
      ...(stateDir ? { stateDir } : {}),
      ...(clock ? { clock } : {}),
      guestEnv: io.env,
      ...(io.signal ? { signal: io.signal } : {}),
    };
    const outcome = await runPipeline(opts);
    const { result, plan } = outcome;
    for (const p of outcome.problems) io.err(formatProblem(p));
    if (plan) io.err(renderPlan(plan, outcome.observation, io.isTty));
    if (command === 'apply' && result.steps.length) io.err(renderApply(result));
    // A config failure's message repeats its problems, printed above: say its first line only.
    if (result.failureReason) io.err(`${command}: ${result.failureReason}: ${outcome.problems.length ? result.message.split('\n')[0] : result.message}`);
    else if (command === 'drift') io.err(plan && result.status === 'changes' ? 'drift: the host differs from the file' : 'drift: none');
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
          files: outcome.files,
          problems: outcome.problems,
        }),
      );
    }
    return exitCodeFor(result);
  } catch (e) {
    if (isHvcError(e)) {
      for (const p of e.problems) io.err(formatProblem(p));
      io.err(`${command}: ${e.reason}: ${e.problems.length ? e.message.split('\n')[0] : e.message}`);
      if (values.json) io.out(JSON.stringify({ command, status: 'failed', failureReason: e.reason, message: e.message, problems: e.problems }));
      return e.reason === 'usage' ? EXIT.usage : EXIT.error;
    }
    io.err(`internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.error;
  }
}
