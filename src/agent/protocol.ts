// The agent wire protocol (version 1): JSON lines over the agent's stdin/stdout, UTF-8. The agent
// speaks first with a hello line; then one request at a time, each answered by one response line
// carrying the same id. Arguments travel as data, so no user value ever becomes script text.
import type { AgentErrorCode } from '../core/ports.js';
import type { AgentOperation, SettingsSpec } from '../core/plan/operations.js';

export const PROTOCOL_VERSION = 1;
/** A response line longer than this is a protocol error (a runaway agent must not exhaust memory). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** What one VM may add to an observe answer on top of MAX_LINE_BYTES (a real VM's entry is ~1 KiB). */
export const OBSERVE_BYTES_PER_VM = 16 * 1024;
/** The observe answer's hard bound, whatever the VM count: a JavaScript string holds at most ~512 Mi characters. */
export const MAX_OBSERVE_LINE_BYTES = 512 * 1024 * 1024 - 1024 * 1024;

/**
 * The longest observe answer accepted for a host expected to hold `vms` VMs (the file's count, or
 * the last observation's, whichever is larger): a 100,000-VM host answers ~100 MiB in one line, more
 * than any other request, and still bounded.
 */
export function observeLineCap(vms: number): number {
  const n = Number.isFinite(vms) && vms > 0 ? Math.floor(vms) : 0;
  return Math.min(MAX_OBSERVE_LINE_BYTES, MAX_LINE_BYTES + OBSERVE_BYTES_PER_VM * n);
}

export type AgentFlavor = 'hyperv' | 'sim';

export interface AgentHello {
  type: 'hello';
  agent: AgentFlavor;
  protocol: number;
  pid: number;
}

export interface AgentRequest {
  id: number;
  op: AgentOperation['op'];
  args: AgentOperation['args'];
}

export type AgentResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: AgentErrorCode; message: string } };

/** Codes an agent may report for one request (the rest are the client's own). */
export const AGENT_SIDE_CODES: readonly AgentErrorCode[] = [
  'invalid-request',
  'unsupported',
  'not-found',
  'invalid-state',
  'invalid-argument',
  'permission-denied',
  'timeout',
  'hyperv-error',
];

export function encodeRequest(req: AgentRequest): string {
  return JSON.stringify(req) + '\n';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses the first line; a string result is the reason it is not a valid hello. */
export function parseHello(line: string): AgentHello | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return `first line is not JSON: ${preview(line)}`;
  }
  if (!isObject(v) || v.type !== 'hello') return `first line is not a hello: ${preview(line)}`;
  if (v.agent !== 'hyperv' && v.agent !== 'sim') return `hello names an unknown agent: ${preview(line)}`;
  if (v.protocol !== PROTOCOL_VERSION) return `agent speaks protocol ${String(v.protocol)}, this client speaks ${PROTOCOL_VERSION}`;
  if (typeof v.pid !== 'number') return `hello carries no pid: ${preview(line)}`;
  return { type: 'hello', agent: v.agent, protocol: v.protocol, pid: v.pid };
}

/** Parses one response line; a string result says why it is not a valid response. */
export function parseResponse(line: string): AgentResponse | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return `response is not JSON: ${preview(line)}`;
  }
  if (!isObject(v) || typeof v.id !== 'number') return `response carries no id: ${preview(line)}`;
  if (v.ok === true) {
    if (!('result' in v)) return `response ${v.id} has ok=true but no result`;
    return { id: v.id, ok: true, result: v.result };
  }
  if (v.ok === false) {
    const e = v.error;
    if (!isObject(e) || typeof e.code !== 'string' || typeof e.message !== 'string') return `response ${v.id} has ok=false but no {code, message} error`;
    const code = (AGENT_SIDE_CODES as readonly string[]).includes(e.code) ? (e.code as AgentErrorCode) : 'hyperv-error';
    const message = code === e.code ? e.message : `${e.code}: ${e.message}`;
    return { id: v.id, ok: false, error: { code, message } };
  }
  return `response ${v.id} has no boolean ok`;
}

export function preview(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

/** Every operation an agent must answer (checked exhaustive against the core's union below). */
export const AGENT_OPS = [
  'observe',
  'doctor',
  'guest.addresses',
  'vm.create',
  'vm.start',
  'vm.stop',
  'vm.setCpus',
  'vm.setMemory',
  'vm.setSecureBoot',
  'vm.connectSwitch',
  'vm.setMac',
  'vm.setNotes',
  'vm.checkpoint',
  'vm.remove',
  'disk.grow',
  'vm.addAdapter',
  'vm.removeAdapter',
  'vm.setAdapter',
  'disk.add',
  'disk.detach',
  'dvd.add',
  'dvd.set',
  'seed.write',
  'vm.setSettings',
  'vm.setIntegrationServices',
  'switch.create',
  'switch.setNat',
  'switch.remove',
] as const satisfies readonly AgentOperation['op'][];

/**
 * The largest seed image seed.write accepts (both agents; the script's $SeedMaxBytes): a NoCloud seed
 * holds at most three files of MAX_FILE_BYTES (1 MiB) each, so anything near this is a mistake, and
 * the bound keeps a request's decoding bounded in memory.
 */
export const MAX_SEED_IMAGE_BYTES = 8 * 1024 * 1024;
/**
 * Every VM settings key (vm.create `settings`, vm.setSettings); checked exhaustive below. Both agents
 * apply all of them: the script test holds hyperv-agent.ps1's $SettingsKeys equal to this list.
 */
export const SETTINGS_KEYS = ['tpm', 'secureBootTemplate', 'nestedVirtualization', 'checkpointType', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'memoryWeight', 'memoryBuffer', 'firstBootDevice'] as const satisfies readonly (keyof SettingsSpec)[];
const _allSettings: Exclude<keyof SettingsSpec, (typeof SETTINGS_KEYS)[number]> extends never ? true : never = true;
void _allSettings;
type Missing = Exclude<AgentOperation['op'], (typeof AGENT_OPS)[number]>;
// Fails to compile when operations.ts gains an op this list lacks.
const _exhaustive: Missing extends never ? true : Missing = true;
void _exhaustive;
