// SIGINT and SIGTERM (Ctrl-C, a cancelled workflow) become an AbortSignal the engine honours: no new
// step is sent, in-flight ones get a bounded grace, result.json says `cancelled`, locks are released.
// A second signal ends the process at once.
export function cancelOnSignals(): AbortSignal {
  const controller = new AbortController();
  let count = 0;
  const on = (sig: NodeJS.Signals): void => {
    count++;
    if (count > 1) process.exit(130);
    process.stderr.write(`${sig}: cancelling — no new step is sent; waiting briefly for the ones in flight\n`);
    controller.abort(sig);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return controller.signal;
}
