// The action, start to end: inputs → gate → pipeline → artifacts → outputs, PR comment, job summary,
// drift issue. Every path ends with outputs set and a summary written; a refusal never reaches the
// pipeline in apply mode, so a refused run changes nothing.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { load } from 'js-yaml';
import type { FailureReason } from '../core/errors.js';
import { isHvcError } from '../core/errors.js';
import type { RunResult } from '../core/model/result.js';
import { hasChanges } from '../core/plan/finalize.js';
import { renderPlan } from '../core/plan/text.js';
import type { Plan } from '../core/plan/types.js';
import { loadConfig } from '../core/config/load.js';
import type { LoadedConfig } from '../core/config/types.js';
import { runResult, writeResult } from '../engine/outcome.js';
import { runPipeline, type PipelineOutcome } from '../engine/pipeline.js';
import { uploadRunFiles } from './artifacts.js';
import { syncDriftIssue, driftFingerprint } from './drift-issue.js';
import { artifactUrl, readRunContext, runUrl, type RunContext } from './event.js';
import { decideApply, preflight, type GateDecision } from './gate.js';
import { createGitHubApi, type GitHubApi } from './github.js';
import { defaultArtifactName, envInputReader, readInputs, targetKey, type ActionInputs, type BackendInput } from './inputs.js';
import { createActionLogger } from './log.js';
import { emptyOutputs } from './outputs.js';
import { Redactor } from './redact.js';
import { COMMENT_BUDGET, headline, renderReport, SUMMARY_BUDGET, withStatus, type ReportInput, type ReportStatus } from './report.js';
import { diffPlans, reviewedPlanOf, type PlanDifference, type ReviewedPlan } from './reviewed-plan.js';
import { findSticky, stickyBody, stickyMarker, upsertSticky, type StickyFound } from './sticky-comment.js';

const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_target']);
const REFUSALS = new Set<FailureReason>(['not-approved', 'plan-changed', 'fork-refused', 'safety-refused', 'locked', 'usage']);

/** Masks the config's SSH key before anything logs: read from the raw YAML (it may not validate). */
/**
 * The config, read once for the whole run: its SSH key's value is masked, its host is found, and
 * the pipeline is handed the outcome (a 10,000-VM file costs a fifth of a second to read). A file
 * that does not load is still read for the key's name, so the key is masked before any line.
 */
function readConfigOnce(configFile: string, redactor: Redactor, env: NodeJS.ProcessEnv): () => LoadedConfig {
  let outcome: { loaded: LoadedConfig } | { error: unknown };
  try {
    outcome = { loaded: loadConfig(configFile) };
  } catch (error) {
    outcome = { error };
  }
  const keyEnv = 'loaded' in outcome ? (outcome.loaded.config.ssh?.privateKeyEnv ?? null) : sshKeyEnvOf(configFile);
  if (keyEnv !== null) redactor.add(env[keyEnv]);
  return () => {
    if ('error' in outcome) throw outcome.error; // the pipeline reports its problems, located
    return outcome.loaded;
  };
}

/** ssh.privateKeyEnv of a config file that does not load as a whole. */
function sshKeyEnvOf(configFile: string): string | null {
  try {
    const doc = load(readFileSync(configFile, 'utf8')) as { ssh?: { privateKeyEnv?: unknown } } | null;
    const name = doc?.ssh?.privateKeyEnv;
    return typeof name === 'string' ? name : null;
  } catch {
    return null; // nothing to read: the pipeline reports the file's problems
  }
}

function statusOf(mode: ActionInputs['mode'], result: RunResult, drift: boolean | null): ReportStatus {
  const reason = result.failureReason;
  if (mode === 'drift') return reason && reason !== 'safety-refused' ? 'Failed' : drift ? 'Drift' : 'No drift';
  // Safety findings do not undo what was planned (or applied): they are listed as refusals.
  if (reason === 'safety-refused') return mode === 'apply' ? (result.steps.length ? 'Applied' : 'Refused') : 'Planned';
  if (reason) return REFUSALS.has(reason) ? 'Refused' : 'Failed';
  return mode === 'apply' ? 'Applied' : 'Planned';
}

function gateResult(mode: ActionInputs['mode'], d: Extract<GateDecision, { allowed: false }>): RunResult {
  const now = new Date().toISOString();
  return runResult({
    mode, status: 'refused', failureReason: d.reason, message: d.message, startedAt: now, finishedAt: now,
    extra: { gate: { allowed: false, reason: d.reason, message: d.message, reviewedPlanHash: d.reviewed?.planHash ?? null } },
  });
}

/** `backend: hyperv` without a computer: the config's host.computerName (null: this machine). */
function resolveBackend(inputs: ActionInputs, readConfig: () => LoadedConfig): BackendInput {
  const backend = inputs.backend;
  if (backend.kind === 'hyperv' && backend.computerName === null) {
    try {
      const { config } = readConfig();
      return { kind: 'hyperv', computerName: config.host.computerName, ...(config.ssh ? { stripEnv: [config.ssh.privateKeyEnv] } : {}) };
    } catch {
      // an invalid config: the pipeline reports it, located
    }
  }
  return backend;
}

/**
 * The host this run is for, keying the comment, the artifact and the drift issue so that a matrix
 * over hosts (or two steps in one job) keeps them apart: the target input, else the Hyper-V host
 * (the remote computer, or this runner's machine). Simulated and replayed hosts have none.
 */
function targetOf(inputs: ActionInputs, backend: BackendInput): string | null {
  if (inputs.target) return inputs.target;
  if (backend.kind !== 'hyperv') return null;
  return targetKey(backend.computerName ?? hostname());
}

/** What the rest of the run reports on: the pipeline's outcome, or the gate's refusal alone. */
type Outcome = Pick<PipelineOutcome, 'config' | 'plan' | 'result' | 'files' | 'problems'> & { observation?: PipelineOutcome['observation'] };

export async function runAction(env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal, cancelNow?: AbortSignal): Promise<number> {
  const out = emptyOutputs();
  const redactor = new Redactor();
  const setOutputs = () => {
    for (const [k, v] of Object.entries(out)) core.setOutput(k, v);
  };
  let ctx: RunContext;
  let inputs: ActionInputs;
  try {
    ctx = readRunContext(env);
    inputs = readInputs(envInputReader(env), ctx.workspace);
  } catch (e) {
    const message = isHvcError(e) ? e.message : String(e);
    out.status = 'refused';
    out['failure-reason'] = isHvcError(e) ? e.reason : 'internal';
    setOutputs();
    core.setFailed(message);
    await core.summary.addRaw(`### hyperv-converge\n\n**⛔ Refused** — ${message}\n`).write().catch(() => undefined);
    return 1;
  }
  redactor.add(inputs.token);
  const readConfig = readConfigOnce(inputs.configFile, redactor, env);
  const log = createActionLogger(ctx.workspace, redactor.redact);
  const api: GitHubApi | null = inputs.token ? createGitHubApi(inputs.token, ctx.owner, ctx.repo, { log: (m) => log.info(m) }) : null;
  const backend = resolveBackend(inputs, readConfig);
  const target = targetOf(inputs, backend);
  const artifactName = inputs.artifactName ?? defaultArtifactName(inputs.config, target);
  const prNumber = ctx.pullRequest && PR_EVENTS.has(ctx.eventName) ? ctx.pullRequest.number : null;
  let exitCode = 0;

  // The sticky comment is read before the gate: it holds the reviewed plan an apply must match.
  let sticky: StickyFound | null = null;
  const useComments = api !== null && prNumber !== null && inputs.comment;
  if (api && prNumber !== null && (useComments || inputs.mode === 'apply')) {
    sticky = await findSticky(api, prNumber, inputs.config, target).catch((e: unknown) => {
      log.warn(`could not read the pull request comments: ${(e as Error).message}`);
      return null;
    });
  }

  // reconcile writes into guests: it is held to the apply gate, unless it only shows diffs.
  const mutating = inputs.mode === 'apply' || (inputs.mode === 'reconcile' && !inputs.dryRun);
  const gate = await log.group('Gate', async (): Promise<GateDecision | null> => {
    if (!mutating) {
      const pre = preflight(ctx, inputs);
      if (pre && !pre.allowed) log.error(pre.message);
      else log.info(`mode ${inputs.mode}: read-only (the gate decides only whether an apply may run)`);
      return pre;
    }
    if (!api) {
      const d: GateDecision = { allowed: false, reason: 'usage', message: 'apply needs the github-token input (the gate reads the event, the pull request and its reviews)', reviewed: null };
      log.error(d.message);
      return d;
    }
    if (sticky?.untrusted) log.warn(`the reviewed plan in the pull request comment does not count: ${sticky.untrusted}`);
    const reviewedForCommit = async (sha: string) => {
      const out: { pr: number; reviewed: ReviewedPlan }[] = [];
      for (const n of await api.pullsForCommit(sha)) {
        const found = await findSticky(api, n, inputs.config, target);
        if (found.untrusted) log.warn(`pull request #${n}: its reviewed plan does not count: ${found.untrusted}`);
        if (found.reviewed) out.push({ pr: n, reviewed: found.reviewed });
      }
      return out;
    };
    const d = await decideApply(ctx, inputs, api, async () => sticky?.reviewed ?? null, { untrustedRecord: sticky?.untrusted ?? null, reviewedForCommit, log: (m) => log.info(`checked: ${m}`) }).catch(
      (e: unknown): GateDecision => ({ allowed: false, reason: 'not-approved', message: `the gate could not check the approval: ${(e as Error).message}`, reviewed: null }),
    );
    if (d.allowed) log.info(`apply allowed: ${d.message}${d.expectedPlanHash ? `; the plan must hash to ${d.expectedPlanHash}` : ''}`);
    else log.error(`apply refused (${d.reason}): ${d.message}`);
    return d;
  });
  const forkRefused = gate !== null && !gate.allowed && gate.reason === 'fork-refused';

  // The plan in the log, as the CLI shows it: before the steps when applying, else after planning.
  let planLogged = false;
  const logPlan = (p: Plan, obs: PipelineOutcome['observation']) =>
    log.group('Planned changes', async () => {
      planLogged = true;
      log.info(renderPlan(p, obs, false));
    });
  let outcome: Outcome;
  if (gate && !gate.allowed) {
    const written = writeResult(inputs.outputDir, gateResult(inputs.mode, gate), log);
    outcome = { config: null, plan: null, result: written.result, problems: [], files: { current: null, plan: null, result: written.file } };
  } else {
    if (inputs.mode === 'apply' && useComments && sticky?.comment) {
      await upsertSticky(api!, prNumber!, sticky.comment, withStatus(sticky.comment.body, 'Applying', `${gate?.allowed ? gate.message : ''} — ${runUrl(ctx)}`)).catch((e: unknown) =>
        log.warn(`could not mark the comment as applying: ${(e as Error).message}`),
      );
    }
    outcome = inputs.mode === 'reconcile'
      ? await (await import('../engine/reconcile.js')).runReconcile({
          configPath: inputs.configFile, backend, outDir: inputs.outputDir, dryRun: inputs.dryRun, env, stateDir: inputs.stateDir, log,
          // Writing guests holds the host lock as apply does, and a cancelled job stops it the same way.
          lockWaitMs: inputs.lockWaitSec * 1000,
          ...(signal ? { signal } : {}),
          ...(cancelNow ? { cancelNow } : {}),
        })
      : await runPipeline({
      mode: inputs.mode,
      configPath: inputs.configFile,
      readConfig,
      backend,
      // Guest network (IP discovery, /etc/hosts sync) after a successful apply, as the CLI does.
      guestEnv: env,
      // cloud-init seed references read the same environment; their values are masked before any log line.
      seedEnv: env,
      onSeedSecrets: (values) => values.forEach((v) => redactor.add(v)),
      outDir: inputs.outputDir,
      stateDir: inputs.stateDir,
      lockWaitMs: inputs.lockWaitSec * 1000,
      expectedPlanHash: gate?.allowed ? gate.expectedPlanHash : null,
      log,
      ...(signal ? { signal } : {}),
      approve: async (p, obs) => {
        await logPlan(p, obs);
        return true; // the gate above is the approval
      },
      ...(cancelNow ? { cancelNow } : {}),
      ...(inputs.concurrency !== undefined ? { concurrency: inputs.concurrency } : {}),
    });
  }
  const { plan, result } = outcome;
  if (outcome.config?.ssh) redactor.add(env[outcome.config.ssh.privateKeyEnv]);
  log.annotate(outcome.problems);

  if (plan && !planLogged) await logPlan(plan, outcome.observation ?? null);
  // Each step's result is logged once, as it ends (the Apply group); no second table here.

  const drift = inputs.mode === 'drift' && plan && plan.actionable && !(result.failureReason && result.failureReason !== 'safety-refused') ? plan.steps.length + plan.refusals.length > 0 : null;
  const failureReason: FailureReason | null = inputs.mode === 'drift' && result.failureReason === 'safety-refused' ? null : result.failureReason;
  if (drift === true && plan) log.warn(`drift: the host differs from ${inputs.config}: ${plan.steps.length} step(s) to converge, ${plan.refusals.length} refused or blocked`);
  else if (drift === false) log.info(`drift: none — the host matches ${inputs.config}`);

  out.status = result.status;
  out['failure-reason'] = failureReason ?? '';
  out.gate = gate?.allowed ? gate.basis : '';
  if (plan) {
    out['plan-hash'] = plan.planHash;
    out['has-changes'] = String(plan.steps.length > 0);
    out['create-count'] = String(plan.counts.create);
    out['change-count'] = String(plan.counts.change);
    out['destroy-count'] = String(plan.counts.destroy);
    out['refused-count'] = String(plan.counts.refused);
  }
  if (drift !== null) out.drift = String(drift);
  out['current-path'] = outcome.files.current ?? '';
  out['plan-path'] = outcome.files.plan ?? '';
  out['result-path'] = outcome.files.result;

  const status = statusOf(inputs.mode, result, drift);
  const difference: PlanDifference | null = result.failureReason === 'plan-changed' && plan && gate?.allowed && gate.reviewed ? diffPlans(gate.reviewed, plan) : null;
  if (difference) {
    // What changed since the review, in the log too (the summary and comment show it as a list).
    if (difference.configChanged) log.error('plan changed since review: the configuration changed (configHash)');
    if (difference.basisChanged) log.error('plan changed since review: the observed state of the VMs it concerns changed (basisHash)');
    for (const c of difference.changes) log.error(`plan changed since review: ${c.vm}: ${[...c.removed.map((x) => `- ${x}`), ...c.added.map((x) => `+ ${x}`)].join(', ')}`);
  }
  const report: ReportInput = {
    config: inputs.config,
    target,
    status,
    message: (gate && !gate.allowed ? gate.message : result.message) ?? '',
    failureReason,
    plan,
    result,
    problems: outcome.problems,
    difference,
    reviewedHash: gate?.allowed ? gate.expectedPlanHash : null,
    runUrl: ctx.runId ? runUrl(ctx) : null,
    artifactUrl: null,
  };
  const marker = stickyMarker(inputs.config, target);

  // Report first (comment, drift issue, summary), then upload: a stuck upload must not leave the
  // comment at "Applying" with no summary after the host was changed.
  // The sticky comment: a plan records itself as the reviewed plan; apply keeps the reviewed record.
  const quiet = inputs.commentChangesOnly && !sticky?.comment && inputs.mode !== 'apply' && plan !== null && !hasChanges(plan) && !failureReason && outcome.problems.length === 0;
  if (quiet) log.info('no pull request comment: the plan has no changes (comment: changes-only)');
  let written: Written | null = null;
  if (useComments && !forkRefused && !quiet) {
    await log.group('Pull request comment', async () => {
      try {
        const c = await updateComment(api!, prNumber!, inputs, ctx, sticky, report, plan, gate, redactor, marker);
        out['comment-url'] = c?.url ?? '';
        if (c && c.reviewed !== undefined) written = { reviewed: c.reviewed, id: c.id };
      } catch (e) {
        log.warn(`could not write the pull request comment: ${(e as Error).message}`);
      }
    });
  } else if (api && inputs.comment && inputs.mode === 'apply' && ctx.eventName === 'push' && gate?.allowed) {
    // After a merge is applied (or refused for a changed plan), mark the merged pull request's comment.
    await log.group('Pull request comment', async () => {
      try {
        for (const n of await api.pullsForCommit(ctx.sha)) {
          const found = await findSticky(api, n, inputs.config, target);
          if (!found.comment) continue;
          const c = await upsertSticky(api, n, found.comment, stickyBody(report, found.reviewed, redactor.redact));
          out['comment-url'] ||= c.htmlUrl;
          written ??= { reviewed: found.reviewed, id: c.id };
        }
      } catch (e) {
        log.warn(`could not mark the merged pull request's comment: ${(e as Error).message}`);
      }
    });
  }

  let driftIssueFailed = false;
  if (inputs.mode === 'drift' && inputs.driftIssue && api && (drift !== null)) {
    await log.group('Drift issue', async () => {
      try {
        const r = await syncDriftIssue(api, {
          config: inputs.config,
          target,
          label: inputs.driftIssueLabel,
          drift: drift && plan ? { fingerprint: driftFingerprint(plan), report: redactor.redact(renderReport(report, COMMENT_BUDGET - 2000)) } : null,
          runUrl: report.runUrl,
        });
        out['drift-issue-url'] = r.issue?.htmlUrl ?? '';
        log.info(`drift issue: ${r.action}${r.issue ? ` (#${r.issue.number})` : ''}`);
      } catch (e) {
        // Drift nobody hears of is not detection: the job fails so that its own notification tells.
        log.error(`could not update the drift issue, so the team is not told of this drift: ${(e as Error).message}`);
        driftIssueFailed = true;
      }
    });
  }

  await core.summary
    .addRaw(redactor.redact(renderReport(report, SUMMARY_BUDGET)))
    .write()
    .catch((e: unknown) => log.warn(`could not write the job summary: ${(e as Error).message}`));

  // Artifacts: one per config and target per run, bounded in time; the files stay in the output directory too.
  let uploadFailed = false;
  if (inputs.uploadArtifact && !forkRefused) {
    await log.group('Upload artifact', async () => {
      let note: string;
      try {
        const up = await uploadRunFiles(artifactName, [outcome.files.current, outcome.files.plan, outcome.files.result], inputs.outputDir, inputs.uploadTimeoutSec * 1000);
        if (up.kind === 'uploaded' && up.id !== null) {
          out['artifact-id'] = String(up.id);
          out['artifact-url'] = artifactUrl(ctx, up.id);
          log.info(`uploaded ${artifactName} (id ${up.id}, ${up.size ?? '?'} bytes)`);
          note = `[Artifact](${out['artifact-url']}) \`${artifactName}\``;
        } else if (up.kind === 'unsupported') {
          log.warn(`artifact not uploaded: this is GitHub Enterprise Server, which @actions/artifact does not support (${up.message}). The files stay in ${inputs.outputDir}; upload them with actions/upload-artifact@v3 in a later step`);
          note = `Artifact not uploaded (GitHub Enterprise Server): the files are in \`${inputs.outputDir}\` on the runner`;
        } else if (up.kind === 'timed-out') {
          log.error(`artifact upload did not finish within ${inputs.uploadTimeoutSec} s (upload-timeout); the files stay in ${inputs.outputDir}`);
          note = 'Artifact upload did not finish in time';
          uploadFailed = true;
        } else return;
      } catch (e) {
        log.error(`artifact upload failed: ${(e as Error).message}`);
        note = 'Artifact upload failed';
        uploadFailed = true;
      }
      await core.summary.addRaw(`\n${note}\n`).write().catch(() => undefined);
      // The comment was written before the upload: give it the artifact's link now.
      const w = written as Written | null;
      if (w && out['artifact-url'] && api) {
        const body = stickyBody({ ...report, artifactUrl: out['artifact-url'] }, w.reviewed, redactor.redact);
        await api.updateComment(w.id, body).catch((e: unknown) => log.warn(`could not add the artifact link to the comment: ${(e as Error).message}`));
      }
    });
  }
  if (uploadFailed) exitCode = 1;

  setOutputs();
  if (failureReason) {
    core.setFailed(redactor.redact(`${failureReason}: ${headline(report.message, 1000)}`));
    exitCode = 1;
  } else if (drift && inputs.failOnDrift) {
    core.setFailed(`drift: the host differs from ${inputs.config} (fail-on-drift is true)`);
    exitCode = 1;
  } else if (driftIssueFailed) {
    core.setFailed(`drift: the host differs from ${inputs.config} and the drift issue could not be written`);
    exitCode = 1;
  } else if (exitCode) {
    core.setFailed('the run finished but its artifact could not be uploaded');
  }
  return exitCode;
}

/** The comment this run wrote, and the reviewed record it holds. */
interface Written {
  id: number;
  reviewed: ReviewedPlan | null;
}

/** Writes the sticky comment; returns its link, its id and the reviewed record it now holds (undefined: a status edit only). */
async function updateComment(
  api: GitHubApi,
  pr: number,
  inputs: ActionInputs,
  ctx: RunContext,
  sticky: StickyFound | null,
  report: ReportInput,
  plan: Plan | null,
  gate: GateDecision | null,
  redactor: Redactor,
  marker: string,
): Promise<{ url: string; id: number; reviewed?: ReviewedPlan | null } | null> {
  let existing = sticky?.comment ?? null;
  let reviewed: ReviewedPlan | null = sticky?.reviewed ?? null;
  if (inputs.mode === 'plan' && plan && plan.actionable && ctx.pullRequest) {
    if (existing && sticky?.untrusted) {
      // Someone else edited the comment: its edit history would taint any record kept in it.
      await api.deleteComment(existing.id);
      existing = null;
    }
    // A new plan hash restarts the approval clock: approvals given before it do not count.
    // Taken by the API server's clock right before the write, so an approval given while the old
    // plan was still on show does not count for the new one.
    const since =
      reviewed && reviewed.planHash === plan.planHash ? reviewed.since : ((await api.serverTime().catch(() => null)) ?? sticky?.serverTime ?? new Date()).toISOString();
    // pull_request_target plans the base branch: that plan is not a review of the head.
    const head = ctx.eventName === 'pull_request_target' ? null : ctx.pullRequest.headSha;
    reviewed = reviewedPlanOf(plan, inputs.config, head, since, undefined, ctx.workflowPath);
  } else if (gate && !gate.allowed && existing) {
    // A refused apply keeps the plan on show and says why.
    const c = await upsertSticky(api, pr, existing, redactor.redact(withStatus(existing.body, 'Refused', `${gate.reason}: ${gate.message}`)));
    return { url: c.htmlUrl, id: c.id };
  }
  const c = await upsertSticky(api, pr, existing, stickyBody(report, reviewed, redactor.redact), marker);
  return { url: c.htmlUrl, id: c.id, reviewed };
}
