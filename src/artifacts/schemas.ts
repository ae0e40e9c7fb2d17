// Published JSON Schemas of current.json, plan.json and result.json (schemas/*.json hold the same,
// kept equal by a test). They are the artifacts' contract with users and with the replay backend.
import { STEP_ACTIONS } from '../core/plan/plan.js';

const BASE = 'https://github.com/hyperv-converge/hyperv-converge/schemas';
const sha256 = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' } as const;
const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const bool = { type: 'boolean' } as const;
const strOrNull = { type: ['string', 'null'] } as const;

function obj(properties: Record<string, unknown>, required: string[] = Object.keys(properties), extra = false) {
  return { type: 'object', properties, required, additionalProperties: extra };
}

const slotProps = { controllerType: { enum: ['SCSI', 'IDE'] }, controllerNumber: int, controllerLocation: int };
const memory = obj({ dynamic: bool, startupBytes: int, minimumBytes: int, maximumBytes: int });

const observedVm = obj({
  id: str,
  name: str,
  state: { type: 'string', description: "Hyper-V's VMState by name" },
  generation: { enum: [1, 2] },
  cpus: { type: 'integer', minimum: 1 },
  memory,
  secureBoot: { type: ['boolean', 'null'] },
  notes: str,
  path: str,
  adapters: {
    type: 'array',
    items: obj(
      { name: str, switch: strOrNull, mac: { type: 'string', pattern: '^[0-9A-F]{12}$' }, dynamicMac: bool, ips: { type: 'array', items: str }, vlan: { type: ['integer', 'null'] }, macSpoofing: bool, dhcpGuard: bool, routerGuard: bool },
      ['name', 'switch', 'mac', 'dynamicMac', 'ips'],
    ),
  },
  disks: { type: 'array', items: obj({ path: str, sizeBytes: int, parentPath: strOrNull, ...slotProps }, ['path', 'sizeBytes', 'parentPath']) },
  dvdDrives: { type: 'array', items: obj({ ...slotProps, path: strOrNull }) },
  tpm: { type: ['boolean', 'null'] },
  secureBootTemplate: strOrNull,
  nestedVirtualization: bool,
  checkpointType: str,
  automaticStartAction: str,
  automaticStartDelaySec: int,
  automaticStopAction: str,
  compatibilityForMigration: bool,
  memoryWeight: int,
  memoryBuffer: int,
  firstBootDevice: str,
  checkpoints: { type: 'array', items: obj({ id: str, name: str }) },
  integrationServices: { type: 'array', items: obj({ id: str, name: str, enabled: bool, status: str }) },
}, ['id', 'name', 'state', 'generation', 'cpus', 'memory', 'secureBoot', 'notes', 'path', 'adapters', 'disks', 'checkpoints', 'integrationServices']);

const incompleteCodes = ['host-unreachable', 'agent-failed', 'unparseable', 'transitional-state', 'unknown-state', 'duplicate-name', 'duplicate-id', 'identity-changed', 'query-failed', 'permission-denied'];

export const CURRENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}/current.schema.json`,
  title: 'hyperv-converge current.json: what observe saw',
  ...obj(
    {
      schemaVersion: { const: 1 },
      backend: { enum: ['hyperv', 'sim', 'replay'] },
      host: obj({
        computerName: str,
        switches: { type: 'array', items: obj({ name: str, type: str, notes: str, nat: strOrNull }, ['name', 'type']) },
        paths: { type: 'array', items: obj({ path: str, exists: bool, sizeBytes: { type: ['integer', 'null'], minimum: 0 }, sha256: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' } }, ['path', 'exists']) },
        neighbors: { type: 'array', items: obj({ ip: str, mac: str, state: str }) },
      }),
      complete: bool,
      incomplete: { type: 'array', items: obj({ code: { enum: incompleteCodes }, message: str, vm: str }, ['code', 'message']) },
      vms: { type: 'array', items: observedVm },
      observedAt: str,
      guests: { type: 'object', description: 'Guest network discovery, when configured' },
    },
    ['schemaVersion', 'backend', 'host', 'complete', 'incomplete', 'vms'],
  ),
} as const;

const stepActions = [...STEP_ACTIONS];
const step = obj({
  id: str,
  vm: str,
  vmId: strOrNull,
  action: { enum: stepActions },
  from: {},
  to: {},
  reason: str,
  disruption: { enum: ['benign', 'disruptive', 'destructive'] },
  group: str,
  operation: obj({ op: str, args: { type: 'object' } }),
});
const refusalCodes = [
  'observation-incomplete', 'unmanaged', 'owned-by-other', 'needs-restart', 'generation-change', 'transitional-state',
  'saved-or-paused', 'protected', 'max-disruptive', 'destroy-not-owned', 'disk-shrink', 'disk-below-image', 'missing-image', 'missing-switch',
  'missing-file', 'disk-conflict', 'seed-unavailable', 'switch-in-use', 'switch-type', 'unknown-integration-service',
];

export const PLAN_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}/plan.schema.json`,
  title: 'hyperv-converge plan.json: ordered steps, refusals and hashes',
  definitions: { step },
  ...obj(
    {
      schemaVersion: { const: 1 },
      project: str,
      backend: str,
      actionable: bool,
      steps: { type: 'array', items: { $ref: '#/definitions/step' } },
      refusals: {
        type: 'array',
        items: obj({ vm: str, kind: { enum: ['blocked', 'refused'] }, code: { enum: refusalCodes }, message: str, steps: { type: 'array', items: { $ref: '#/definitions/step' } } }),
      },
      counts: obj({ create: int, change: int, destroy: int, refused: int, unchanged: int }),
      unchanged: { type: 'array', items: str },
      configHash: sha256,
      basisHash: sha256,
      observedHash: sha256,
      targets: { type: 'array', items: str },
      planHash: sha256,
      generatedAt: str,
    },
    ['schemaVersion', 'project', 'backend', 'actionable', 'steps', 'refusals', 'counts', 'unchanged', 'configHash', 'basisHash', 'observedHash', 'planHash'],
  ),
} as const;

const failureReasons = ['invalid-config', 'usage', 'backend-error', 'observation-incomplete', 'safety-refused', 'not-approved', 'plan-changed', 'fork-refused', 'locked', 'apply-failed', 'not-converged', 'agents-running', 'cancelled', 'output-failed', 'internal'];

export const RESULT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}/result.schema.json`,
  title: 'hyperv-converge result.json: what a run did and whether the host converged',
  definitions: { step, observation: { type: 'object', description: 'as current.json' } },
  ...obj(
    {
      schemaVersion: { const: 1 },
      mode: { enum: ['validate', 'plan', 'apply', 'drift', 'reconcile'] },
      status: { enum: ['no-changes', 'changes', 'applied', 'failed', 'refused', 'cancelled'] },
      failureReason: { anyOf: [{ enum: failureReasons }, { type: 'null' }] },
      message: str,
      planHash: { anyOf: [sha256, { type: 'null' }] },
      steps: {
        type: 'array',
        items: obj({
          stepId: str,
          vm: str,
          action: { enum: stepActions },
          outcome: { enum: ['succeeded', 'failed', 'timed-out', 'skipped', 'interrupted'] },
          startedMs: int,
          durationMs: int,
          error: { anyOf: [{ type: 'null' }, obj({ code: str, message: str })] },
        }),
      },
      postObservation: { anyOf: [{ $ref: '#/definitions/observation' }, { type: 'null' }] },
      converged: { type: ['boolean', 'null'] },
      remaining: { type: 'array', items: { $ref: '#/definitions/step' } },
      extra: { type: 'object' },
      startedAt: str,
      finishedAt: str,
    },
    ['schemaVersion', 'mode', 'status', 'failureReason', 'message', 'planHash', 'steps', 'postObservation', 'converged', 'remaining', 'extra'],
  ),
} as const;

export const ARTIFACT_SCHEMAS = {
  'current.schema.json': CURRENT_SCHEMA,
  'plan.schema.json': PLAN_SCHEMA,
  'result.schema.json': RESULT_SCHEMA,
} as const;
