// The machine a benchmark ran on, as the table's header states it.
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  date: string;
}

function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) return `${m[1]} (${type()} ${release()})`;
  } catch {
    /* not Linux */
  }
  return `${type()} ${release()}`;
}

export function describeMachine(now = new Date()): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    os: osName(),
    node: process.version,
    date: now.toISOString(),
  };
}

/** The CPU clock ticks since boot, all cores (Linux /proc/stat); null elsewhere. */
export interface CpuTicks {
  total: number;
  steal: number;
}

export function cpuTicks(): CpuTicks | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal guest guest_nice (proc(5)); guest time is
    // already inside user, so the total stops at steal.
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    if (f.length < 8 || f.some((n) => !Number.isFinite(n))) return null;
    return { total: f.reduce((a, b) => a + b, 0), steal: f[7]! };
  } catch {
    return null;
  }
}

/**
 * The share of the cores' time the hypervisor gave to other guests between two readings (steal):
 * on a virtual machine, time a benchmark waited for a CPU it did not get. null where it is not known.
 */
export function stealShare(from: CpuTicks | null, to: CpuTicks | null): number | null {
  if (!from || !to || to.total <= from.total) return null;
  return (to.steal - from.steal) / (to.total - from.total);
}
