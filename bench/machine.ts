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
