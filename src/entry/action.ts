import './dirname-shim.js';
import './counters.js';
// The GitHub Action's entry, bundled by ncc into dist/index.js (action.yml: runs.using node24).
import * as core from '@actions/core';
import { runAction } from '../action/run.js';
import { cancelOnSignals } from './signals.js';

const { signal, now } = cancelOnSignals();
runAction(process.env, signal, now).then(
  (code) => {
    process.exitCode = code;
    // Cancelled: agents left inside an operation finish on their own; do not wait for their answers.
    if (signal.aborted) process.exit(code);
    // A timed-out artifact upload may still hold a socket open: the run is over, so end it.
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (e: unknown) => {
    // A bug, never reported as success.
    core.setOutput('failure-reason', 'internal');
    // The stack only in the debug log (ACTIONS_STEP_DEBUG): never in annotations or the summary.
    core.debug(`internal error: ${(e as Error)?.stack ?? String(e)}`);
    core.setFailed(`internal error: ${(e as Error)?.message ?? String(e)}`);
  },
);
