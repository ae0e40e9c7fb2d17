// The sim agent process: the same JSON-lines protocol as hyperv-agent.ps1 over stdin/stdout, with
// the host held in a state file shared by every sim agent of a pool. Counters and knobs (latency,
// fail/crash/hang at the Nth operation, slow launch) live in that file too.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { PROTOCOL_VERSION } from '../../agent/protocol.js';
import { observedHost, observedVmsSettled, SimError, simOperation } from './host.js';
import { peekSimStateAhead, readSimKnobs, readSimState, readSimStateAhead, updateSimCounters, updateSimState, type SimKnobs, type SimState } from './state.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CLIENT_PID = Number(process.env.HVC_CLIENT_PID);
const FIRST_PPID = process.ppid;

/** The client that launched us is gone: reparented (POSIX), or its pid no longer runs. */
function clientGone(): boolean {
  if (process.platform !== 'win32' && process.ppid !== FIRST_PPID) return true;
  if (!Number.isInteger(CLIENT_PID) || CLIENT_PID <= 0) return false;
  try {
    process.kill(CLIENT_PID, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

export interface SimAgentIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  exit: (code: number) => void;
}

/**
 * Runs the agent until stdin ends. `readAhead`: the agent that will observe (its client asks for that
 * one: HVC_SIM_READ_AHEAD) reads the host and prepares its VM list before the hello, while the client
 * still works, and writes nothing until it is asked: a client may start it before it has read its
 * config, and a run whose config is refused then ends it unasked, having changed nothing. Its launch
 * is counted with its first request. A pool's other agents count their launch at once and read
 * nothing ahead: their first request is a change, made under the lock on a fresh read.
 */
export async function runSimAgent(stateFile: string, io: SimAgentIo, opts: { readAhead?: boolean } = {}): Promise<void> {
  let launchToCount = false;
  let knobs: SimKnobs;
  if (opts.readAhead) {
    readSimStateAhead(stateFile);
    knobs = readSimKnobs(stateFile);
    launchToCount = true;
  } else {
    knobs = await updateSimCounters(stateFile, (s) => {
      s.stats.launches++;
      return s.knobs;
    });
  }
  if (knobs.launchDelayMs > 0) await sleepUnlessOrphaned(knobs.launchDelayMs, io);
  if (knobs.failLaunch) {
    // A failed launch is counted by an agent that counts at once; one that reads ahead was never
    // asked, and writes nothing.
    io.stderr.write('sim: injected launch failure (knobs.failLaunch)\n');
    return io.exit(2);
  }
  // The request takes this parse, and this VM list, if the file still holds the same bytes then.
  if (opts.readAhead) prepareObserve(stateFile);
  // A client killed while this agent started (a plan killed while it read its config) asks nothing:
  // end here rather than wait on a pipe nobody writes.
  if (opts.readAhead && clientGone()) return io.exit(0);
  io.stdout.write(JSON.stringify({ type: 'hello', agent: 'sim', protocol: PROTOCOL_VERSION, pid: process.pid }) + '\n');

  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    const countLaunch = launchToCount;
    launchToCount = false;
    const reply = await handleLine(stateFile, line, io, countLaunch);
    if (reply !== null) io.stdout.write((typeof reply === 'string' ? reply : JSON.stringify(reply)) + '\n');
  }
  io.exit(0);
}

/**
 * observe's VM part prepared ahead, by the snapshot it was made from: the request's snapshot is that
 * very object only when the file held the same bytes then (readSimState), and the part is kept only
 * when no VM's part changes with time alone (observedVmsSettled), so it is the answer the request
 * would have made. Printed once, here, instead of on the request's path.
 */
const preparedVms = new WeakMap<SimState, { text: string; at: number }>();

function prepareObserve(stateFile: string): void {
  try {
    const s = peekSimStateAhead(stateFile);
    if (s === null) return;
    const at = Date.now();
    const vms = observedVmsSettled(s, at);
    if (vms !== null) preparedVms.set(s, { text: JSON.stringify(vms), at });
  } catch {
    /* the request reads the file again and reports what is wrong with it */
  }
}

/** The prepared VM part, while the clock has not gone back past the moment it was made at. */
function preparedFor(snapshot: SimState, now: number): string | undefined {
  const p = preparedVms.get(snapshot);
  return p !== undefined && now >= p.at ? p.text : undefined;
}

/** Sleeps, ending the process early (writing nothing) if its client goes away meanwhile. */
async function sleepUnlessOrphaned(ms: number, io: SimAgentIo): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now()) {
    await sleep(Math.min(left, 50));
    if (clientGone()) {
      io.exit(0);
      return new Promise<void>(() => undefined);
    }
  }
}

async function handleLine(stateFile: string, line: string, io: SimAgentIo, countLaunch = false): Promise<object | string | null> {
  let req: { id?: unknown; op?: unknown; args?: unknown } | null | undefined;
  try {
    req = JSON.parse(line);
  } catch {
    req = undefined; // not JSON: answered below
  }
  const id = typeof req?.id === 'number' ? req.id : -1;
  if (typeof req?.op !== 'string' || id < 0) {
    // A line that is no request still ends the wait for the first one: its launch counts now.
    if (countLaunch) await updateSimCounters(stateFile, (s) => void s.stats.launches++);
    return { id, ok: false, error: { code: 'invalid-request', message: req === undefined ? 'request is not JSON' : 'request needs a numeric id and an op' } };
  }
  const op = req.op;
  if (clientGone()) {
    // The client died after writing this request: nobody would learn the outcome, and its next run
    // plans from a fresh observation. Start nothing.
    io.stderr.write(`sim: client gone; ${op} not started\n`);
    io.exit(0);
    return new Promise<null>(() => undefined);
  }

  // Count the operation (globally, across processes) and read the knobs in one locked step.
  const { index, knobs } = await updateSimCounters(stateFile, (s) => {
    if (countLaunch) s.stats.launches++;
    return { index: ++s.stats.operations, knobs: s.knobs };
  });
  if (knobs.crashAt === index) {
    io.stderr.write(`sim: injected crash at operation ${index} (${op})\n`);
    io.exit(3);
    return new Promise<null>(() => undefined);
  }
  if (knobs.hangAt === index) {
    io.stderr.write(`sim: injected hang at operation ${index} (${op})\n`);
    io.stdin.once('end', () => io.exit(0)); // an orphaned hung agent still ends with its client
    return new Promise<null>(() => undefined); // never answers; the client's timeout kills us
  }
  const readOnly = op === 'observe' || op === 'guest.addresses' || op === 'doctor';
  // Only the per-VM observe cost needs the VM count before the latency (one extra read then).
  const perVm = op === 'observe' && knobs.observePerVmMs > 0 ? knobs.observePerVmMs * readSimState(stateFile).vms.length : 0;
  const latency = (knobs.opLatencyMs[op] ?? knobs.opLatencyMs.default ?? 0) + perVm;
  if (latency > 0) await sleep(latency);
  if (knobs.failAt === index) return { id, ok: false, error: { code: 'hyperv-error', message: `sim: injected failure at operation ${index} (${op})` } };

  try {
    // A query reads the state once; a change is applied under the lock.
    const snapshot = readOnly ? readSimState(stateFile) : null;
    const now = Date.now();
    const vmsText = snapshot !== null && op === 'observe' ? preparedFor(snapshot, now) : undefined;
    if (vmsText !== undefined) {
      // The reply JSON.stringify would print of { id, ok, result: { host, vms } }, its VM part printed ahead.
      return `{"id":${id},"ok":true,"result":{"host":${JSON.stringify(observedHost(snapshot!, req.args, now))},"vms":${vmsText}}}`;
    }
    const result = snapshot ? simOperation(snapshot, op, req.args, Date.now()) : await updateSimState(stateFile, (s) => simOperation(s, op, req.args, Date.now()));
    return { id, ok: true, result };
  } catch (e) {
    if (e instanceof SimError) return { id, ok: false, error: { code: e.code, message: e.message } };
    return { id, ok: false, error: { code: 'hyperv-error', message: `sim: ${(e as Error).message}` } };
  }
}

