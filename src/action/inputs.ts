// The action's inputs, read once and validated. Wrong values are a `usage` failure before anything
// observes or changes a host, so a typo never turns into a silent default.
import { isAbsolute, resolve } from 'node:path';
import { HvcError } from '../core/errors.js';
import { defaultStateDir } from '../engine/state-location.js';

export type ActionMode = 'plan' | 'apply' | 'drift' | 'reconcile';

/** How the action reaches a host. `hyperv[:computer]` in production; `sim:` and `replay:` for demos and tests. */
export type BackendInput = { kind: 'hyperv'; computerName: string | null } | { kind: 'sim'; stateFile: string } | { kind: 'replay'; file: string };

export interface ActionInputs {
  /** As written in the workflow (relative to the workspace): the key of the sticky comment and drift issue. */
  config: string;
  configFile: string;
  mode: ActionMode;
  backend: BackendInput;
  token: string;
  outputDir: string;
  stateDir: string;
  /** As given; null: hyperv-converge-<config>[-<target>], decided once the target is known. */
  artifactName: string | null;
  uploadArtifact: boolean;
  /** Seconds the artifact upload may take before the run gives up on it (the report is written first). */
  uploadTimeoutSec: number;
  /** The host key for comment, artifact and drift issue; null: from the backend / config. */
  target: string | null;
  /** A push applies only the plan reviewed on the pull request it merged (false: what the branch holds). */
  pushRequiresReviewedPlan: boolean;
  /** Empty: the repository's default branch. */
  applyBranches: string[];
  requiredApprovals: number;
  allowForkPrs: boolean;
  environmentApproved: boolean;
  planHash: string | null;
  failOnDrift: boolean;
  driftIssue: boolean;
  driftIssueLabel: string | null;
  comment: boolean;
  /** `changes-only`: no new comment for a plan without changes (an existing one is still updated). */
  commentChangesOnly?: boolean;
  concurrency: number | undefined;
  /** How long apply waits for another apply's host lock, seconds. */
  lockWaitSec: number;
  /** reconcile: show the per-guest /etc/hosts diffs, write nothing. */
  dryRun: boolean;
}

/** Every input the action reads; action.yml declares exactly these. */
export const INPUT_NAMES = [
  'config',
  'mode',
  'backend',
  'github-token',
  'output-dir',
  'state-dir',
  'artifact-name',
  'upload-artifact',
  'apply-branches',
  'required-approvals',
  'allow-fork-prs',
  'environment-approved',
  'plan-hash',
  'fail-on-drift',
  'drift-issue',
  'drift-issue-label',
  'comment',
  'concurrency',
  'lock-wait',
  'dry-run',
  'target',
  'push-requires-reviewed-plan',
  'upload-timeout',
] as const;

/** Reads an input the way the runner passes it: `INPUT_<NAME>` upper-cased, hyphens kept. */
export type InputReader = (name: string) => string;

export const envInputReader =
  (env: NodeJS.ProcessEnv = process.env): InputReader =>
  (name) =>
    (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

/** A config path made safe for artifact names and markers: `infra/lab/vms.yaml` → `infra-lab-vms.yaml`. */
export function configSlug(config: string): string {
  const s = config
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'config';
}

function commentMode(read: InputReader): { comment: boolean; commentChangesOnly: boolean } {
  if (read('comment').toLowerCase() === 'changes-only') return { comment: true, commentChangesOnly: true };
  try {
    return { comment: bool(read, 'comment', true), commentChangesOnly: false };
  } catch {
    throw new HvcError('usage', `input 'comment' must be true, false or changes-only, got '${read('comment')}'`);
  }
}

/** A host name made safe for markers and artifact names (letters, digits, . _ -). */
export function targetKey(t: string): string {
  return t.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'host';
}

/** The default artifact name: one per config and target per run. */
export const defaultArtifactName = (config: string, target: string | null): string => `hyperv-converge-${configSlug(config)}${target ? `-${target}` : ''}`;

function bool(read: InputReader, name: string, dflt: boolean): boolean {
  const v = read(name).toLowerCase();
  if (v === '') return dflt;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new HvcError('usage', `input '${name}' must be true or false, got '${read(name)}'`);
}

function int(read: InputReader, name: string, min: number, max: number): number | undefined {
  const v = read(name);
  if (v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new HvcError('usage', `input '${name}' must be a whole number from ${min} to ${max}, got '${v}'`);
  return Number(v);
}

export function parseBackend(v: string, workspace: string): BackendInput {
  const [kind, ...rest] = v.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case '':
    case 'hyperv':
      return { kind: 'hyperv', computerName: arg || null };
    case 'sim':
      if (!arg) throw new HvcError('usage', `input 'backend': sim needs a state file, e.g. sim:lab-state.json`);
      return { kind: 'sim', stateFile: resolve(workspace, arg) };
    case 'replay':
      if (!arg) throw new HvcError('usage', `input 'backend': replay needs a current.json, e.g. replay:current.json`);
      return { kind: 'replay', file: resolve(workspace, arg) };
    default:
      throw new HvcError('usage', `input 'backend' must be hyperv, hyperv:<computer>, sim:<state file> or replay:<current.json>, got '${v}'`);
  }
}

export function readInputs(read: InputReader, workspace: string): ActionInputs {
  const config = read('config') || 'vms.yaml';
  const modeIn = read('mode') || 'plan';
  if (modeIn !== 'plan' && modeIn !== 'apply' && modeIn !== 'drift' && modeIn !== 'reconcile') throw new HvcError('usage', `input 'mode' must be plan, apply, drift or reconcile, got '${modeIn}'`);
  const slug = configSlug(config);
  const explicitTarget = read('target') ? targetKey(read('target')) : null;
  const outputDir = resolve(workspace, read('output-dir') || `.hvc/out/${slug}${explicitTarget ? `-${explicitTarget}` : ''}`);
  const planHash = read('plan-hash') || null;
  if (planHash !== null && !/^sha256:[0-9a-f]{64}$/.test(planHash)) throw new HvcError('usage', `input 'plan-hash' must look like sha256:<64 hex>, got '${planHash}'`);
  const artifactName = read('artifact-name') || null;
  if (artifactName !== null && /[":<>|*?\\/\r\n]/.test(artifactName)) throw new HvcError('usage', `input 'artifact-name' may not contain " : < > | * ? \\ / or line breaks`);
  const requiredApprovals = int(read, 'required-approvals', 1, 100) ?? 1;
  return {
    config,
    configFile: isAbsolute(config) ? config : resolve(workspace, config),
    mode: modeIn,
    backend: parseBackend(read('backend') || 'hyperv', workspace),
    token: read('github-token'),
    outputDir,
    // Outlives the job: actions/checkout cleans the workspace, which would lose the journal and lock.
    stateDir: read('state-dir') ? resolve(workspace, read('state-dir')) : defaultStateDir(),
    artifactName,
    uploadArtifact: bool(read, 'upload-artifact', true),
    uploadTimeoutSec: int(read, 'upload-timeout', 1, 3600) ?? 300,
    target: explicitTarget,
    pushRequiresReviewedPlan: bool(read, 'push-requires-reviewed-plan', true),
    applyBranches: read('apply-branches')
      .split(/[\s,]+/)
      .map((b) => b.replace(/^refs\/heads\//, ''))
      .filter(Boolean),
    requiredApprovals,
    allowForkPrs: bool(read, 'allow-fork-prs', false),
    environmentApproved: bool(read, 'environment-approved', false),
    planHash,
    failOnDrift: bool(read, 'fail-on-drift', false),
    driftIssue: bool(read, 'drift-issue', false),
    driftIssueLabel: read('drift-issue-label') || null,
    ...commentMode(read),
    concurrency: int(read, 'concurrency', 1, 64),
    lockWaitSec: int(read, 'lock-wait', 0, 3600) ?? 600,
    dryRun: bool(read, 'dry-run', false),
  };
}
