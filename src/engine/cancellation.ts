// A run's cancellation (src/entry/signals.ts): the first signal stops new work; what is in flight
// either is abandoned at once (reads: nothing on a host is left half-done) or gets a bounded grace
// (writes), which a second signal ends. The run then ends as `cancelled`.

/** Thrown inside a run to end it as cancelled; the run's own catch turns it into result.json. */
export class Cancelled extends Error {}

/** How long in-flight operations get to answer after the first signal. */
export const DEFAULT_CANCEL_GRACE_MS = 5_000;

/** A read that a signal cuts short at once: p, or Cancelled as soon as the signal fires. */
export async function unlessCancelled<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) throw new Cancelled();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([p, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Work that starts nothing new after `signal` (it is handed the signal) but may be inside a write: it
 * gets `graceMs` from the signal to end, less when `now` (the second signal) fires. p's value, or
 * 'abandoned' once the grace is over.
 */
export async function withinGrace<T>(p: Promise<T>, signal: AbortSignal | undefined, graceMs: number, now?: AbortSignal): Promise<T | 'abandoned'> {
  if (!signal) return p;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let onNow: (() => void) | undefined;
  const over = new Promise<'abandoned'>((resolve) => {
    onAbort = () => {
      timer = setTimeout(() => resolve('abandoned'), graceMs);
    };
    onNow = () => resolve('abandoned');
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    if (now?.aborted) onNow();
    else now?.addEventListener('abort', onNow, { once: true });
  });
  try {
    return await Promise.race([p, over]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
    now?.removeEventListener('abort', onNow!);
  }
}
