// SIGINT and SIGTERM (Ctrl-C, a cancelled workflow) and SIGHUP (the terminal closed; without a
// handler it kills the process halfway) become AbortSignals the engine honours. The
// first: no new step is sent, in-flight ones get a bounded grace, result.json says `cancelled`, locks
// are released. The second (an impatient Ctrl-C, the runner's SIGTERM 7.5 s after its SIGINT): the
// grace ends now and the run still writes result.json; if that does not end it within 2 s, the
// process exits. A third ends the process at once.
export interface Cancellation {
  signal: AbortSignal;
  now: AbortSignal;
}

export function cancelOnSignals(): Cancellation {
  const first = new AbortController();
  const second = new AbortController();
  let count = 0;
  const on = (sig: NodeJS.Signals): void => {
    count++;
    if (count > 2) process.exit(130);
    if (count === 2) {
      process.stderr.write(`${sig}: not waiting for the steps in flight; writing result.json and ending\n`);
      second.abort(sig);
      setTimeout(() => process.exit(130), 2000).unref();
      return;
    }
    process.stderr.write(`${sig}: cancelling — no new step is sent; waiting briefly for the ones in flight\n`);
    first.abort(sig);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  process.on('SIGHUP', on);
  return { signal: first.signal, now: second.signal };
}
