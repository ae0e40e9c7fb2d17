// `hyperv-converge doctor`: asks the agent to check what a run needs on the host (module, service,
// permission, switches, base images, writable paths) and reports each failure with its exact fix.
import type { Config } from '../core/config/types.js';
import type { Backend } from '../core/ports.js';

export interface DoctorCheck {
  id: string;
  ok: boolean;
  message: string;
  fix: string | null;
}

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))].sort();

/** What the config needs from the host, as the doctor request's arguments. */
export function doctorArgs(config: Config): { paths: string[]; images: string[]; switches: string[] } {
  const live = config.vms.filter((v) => v.state !== 'absent');
  return { paths: uniq(live.map((v) => v.path)), images: uniq(live.map((v) => v.disk.image)), switches: uniq(live.map((v) => v.switch)) };
}

export async function runDoctor(backend: Backend, config: Config): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  if (backend.kind === 'replay') {
    return { ok: true, checks: [{ id: 'backend', ok: true, message: 'replay backend: a recording, nothing on a host to check', fix: null }] };
  }
  const out = await backend.query({ op: 'doctor', args: doctorArgs(config) }, Math.max(config.host.operationTimeoutSec, 60) * 1000);
  if (!out.ok) {
    const remote = config.host.computerName;
    // A launch that could not be built says what was not found and its own fix.
    const unavailable = out.error.detail as { reason?: unknown; fix?: unknown } | undefined;
    if (out.error.code === 'agent-launch-failed' && typeof unavailable?.reason === 'string' && typeof unavailable.fix === 'string') {
      checks.push({ id: 'agent', ok: false, message: `the host agent cannot be started: ${unavailable.reason}`, fix: unavailable.fix });
      return { ok: false, checks };
    }
    checks.push({
      id: 'agent',
      ok: false,
      message: `the host agent could not run the checks (${out.error.code}): ${out.error.message}`,
      fix:
        out.error.code === 'agent-launch-failed'
          ? 'run on the Hyper-V host (or a runner that can reach it) with Windows PowerShell 5.1 or PowerShell 7 on PATH'
          : remote
            ? `check PowerShell remoting to ${remote}: Test-WSMan -ComputerName ${remote}`
            : 'rerun with the agent stderr shown above and report it',
    });
    return { ok: false, checks };
  }
  const raw = out.result as { checks?: unknown };
  if (!raw || !Array.isArray(raw.checks)) return { ok: false, checks: [{ id: 'agent', ok: false, message: 'doctor result is malformed', fix: 'report this as a bug' }] };
  for (const c of raw.checks as Record<string, unknown>[]) {
    if (typeof c?.id !== 'string' || typeof c.ok !== 'boolean' || typeof c.message !== 'string') {
      return { ok: false, checks: [{ id: 'agent', ok: false, message: 'doctor result is malformed', fix: 'report this as a bug' }] };
    }
    checks.push({ id: c.id, ok: c.ok, message: c.message, fix: c.ok ? null : typeof c.fix === 'string' ? c.fix : null });
  }
  return { ok: checks.every((c) => c.ok), checks };
}
