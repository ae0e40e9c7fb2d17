// One whole command as a user runs it: a child process, timed from outside, its peak resident set
// taken from the OS. GNU time (/usr/bin/time) reports the maxrss of the process it waited for, which
// Linux takes over that process and every descendant it reaped (an agent the CLI started counts when
// it is the larger), so "peak RSS" is the largest single process of the command, not a sum.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

export interface CommandRun {
  wallMs: number;
  /** CPU time of the command and the children it waited for, ms (null without GNU time). */
  cpuMs: number | null;
  peakRssBytes: number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const MARK = 'HVC_BENCH_TIME';

export function runCommand(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): CommandRun {
  const timed = hasGnuTime();
  const [cmd, argv] = timed ? [GNU_TIME, ['-f', `${MARK} %U %S %M`, command, ...args]] : [command, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: opts.cwd, env: opts.env, encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  let stderr = r.stderr ?? '';
  let cpuMs: number | null = null;
  let peakRssBytes: number | null = null;
  const m = new RegExp(`(?:^|\\n)(?:Command exited with non-zero status \\d+\\n)?${MARK} ([\\d.]+) ([\\d.]+) (\\d+)\\s*$`).exec(stderr);
  if (m) {
    cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
    peakRssBytes = Number(m[3]) * 1024;
    stderr = stderr.slice(0, m.index);
  }
  return { wallMs, cpuMs, peakRssBytes, exitCode: r.status ?? -1, stdout: r.stdout ?? '', stderr };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The run whose wall time is the median (an odd count of runs gives a real run). */
export function medianRun<T extends { wallMs: number }>(runs: T[]): T {
  const s = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return s[(s.length - 1) >> 1]!;
}

/** The phases a `-v` run prints ("   Observe: 412 ms"), ms by name. */
export function phasesOf(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^\s+([A-Z][A-Za-z ]+): (\d+(?:\.\d+)?) ms$/gm)) out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  return out;
}

/** Least-squares line through (x, y): the cost per unit and the fixed cost. */
export function fitLine(points: { x: number; y: number }[]): { slope: number; intercept: number; r2: number } {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}
