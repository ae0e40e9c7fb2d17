#!/usr/bin/env node
import './dirname-shim.js';
import './counters.js';
import { createInterface } from 'node:readline/promises';
import { main } from '../cli/main.js';
import { cancelOnSignals } from './signals.js';

const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);

// Once nothing is left to do (every write, child and timer done: the moment a natural exit begins),
// end without the environment's teardown: after a plan of thousands of VMs that teardown freed a
// heap of hundreds of MB and waited for the collector's background work, tens of milliseconds at
// times over 100, for a process about to end. 'exit' handlers still run; the exit code is kept.
process.once('beforeExit', () => process.exit());

// No top-level await: ncc's bundler does not accept it in an entry.
const { signal, now } = cancelOnSignals();
// Output nobody reads any more (`apply 2>&1 | head`, a dropped session: EPIPE, EIO) must not end an
// apply halfway: the run goes on, and result.json says what it did.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
void main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  env: process.env,
  workDir: process.cwd(),
  isTty: Boolean(process.stderr.isTTY),
  ...(interactive
    ? {
        ask: async (question: string) => {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return await rl.question(question);
          } finally {
            rl.close();
          }
        },
      }
    : {}),
  signal,
  cancelNow: now,
}).then((code) => {
  process.exitCode = code;
  // Cancelled: agents left inside an operation finish on their own; do not wait for their answers.
  if (signal.aborted) process.exit(code);
});
