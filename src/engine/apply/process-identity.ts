// Who a process is, beyond its pid: a pid alone is ambiguous across PID namespaces (containers
// sharing a state volume), across reboots and after the pid is reused. On Linux the kernel's boot id,
// the pid namespace and the process's start time (in clock ticks since boot) pin it down; elsewhere
// (Windows) only the host name and pid are known, and the answer errs towards "alive".
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  hostname: string;
  /** /proc/sys/kernel/random/boot_id; null where there is no /proc. */
  bootId: string | null;
  /** The pid namespace, e.g. `pid:[4026531836]`; null where there is none. */
  pidNs: string | null;
  /** Field 22 of /proc/<pid>/stat: start time in ticks since boot; null where unknown. */
  startTicks: string | null;
}

export type Liveness = 'alive' | 'dead' | 'unknown';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function bootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id');
}

function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

/** Start time of a process in this namespace; null when it is not running or /proc is absent. */
export function startTicksOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return rest[19] ?? null;
}

/** The identity of a process of this host and namespace (this process by default). */
export function identityOf(pid = process.pid): ProcessIdentity {
  return { pid, hostname: osHostname(), bootId: bootId(), pidNs: pidNamespace(), startTicks: startTicksOf(pid) };
}

/** True when `pid` names a running process here (EPERM: it exists but is someone else's). */
export function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process a record names still runs. 'unknown' when it lives where this process cannot
 * look: another host name, another boot of the kernel, another pid namespace.
 */
export function liveness(id: Partial<ProcessIdentity>): Liveness {
  if (typeof id.pid !== 'number' || !Number.isInteger(id.pid) || id.pid <= 0) return 'unknown';
  if (typeof id.hostname !== 'string' || id.hostname.toLowerCase() !== osHostname().toLowerCase()) return 'unknown';
  // Records written before these fields existed are judged by host name and pid alone.
  if (id.bootId !== undefined && id.bootId !== bootId()) return 'unknown';
  if (id.pidNs !== undefined && id.pidNs !== pidNamespace()) return 'unknown';
  if (!pidRunning(id.pid)) return 'dead';
  if (id.startTicks && startTicksOf(id.pid) !== id.startTicks) return 'dead'; // the pid was reused
  return 'alive';
}
