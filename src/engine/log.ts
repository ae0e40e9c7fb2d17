// The logger the engine reports progress through. The CLI prints to the terminal; the action maps it
// onto @actions/core (groups, annotations). The engine never writes to stdout itself.
import type { Located } from '../core/errors.js';

export interface Logger {
  info(message: string): void;
  warn(message: string, at?: Located): void;
  error(message: string, at?: Located): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  group: (_name, fn) => fn(),
};

/** Writes to a stream (stderr for the CLI, so stdout stays for --json). */
export function streamLogger(write: (line: string) => void, verbose: boolean): Logger {
  const where = (at?: Located) => (at?.file ? `${at.file}${at.line ? `:${at.line}` : ''}${at.column ? `:${at.column}` : ''}: ` : '');
  return {
    info: (m) => write(m),
    warn: (m, at) => write(`warning: ${where(at)}${m}`),
    error: (m, at) => write(`error: ${where(at)}${m}`),
    debug: (m) => {
      if (verbose) write(`  ${m}`);
    },
    async group(name, fn) {
      const t0 = performance.now();
      if (verbose) write(`── ${name}`);
      try {
        return await fn();
      } finally {
        if (verbose) write(`   ${name}: ${Math.round(performance.now() - t0)} ms`);
      }
    },
  };
}
