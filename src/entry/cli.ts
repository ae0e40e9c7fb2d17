#!/usr/bin/env node
import './dirname-shim.js';
import './counters.js';
import { createInterface } from 'node:readline/promises';
import { main } from '../cli/main.js';
import { cancelOnSignals } from './signals.js';

const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);

// No top-level await: ncc's bundler does not accept it in an entry.
const signal = cancelOnSignals();
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
}).then((code) => {
  process.exitCode = code;
  // Cancelled: agents left inside an operation finish on their own; do not wait for their answers.
  if (signal.aborted) process.exit(code);
});
