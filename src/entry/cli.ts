#!/usr/bin/env node
import './dirname-shim.js';
import { main } from '../cli/main.js';

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  env: process.env,
  cwd: process.cwd(),
  isTty: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
