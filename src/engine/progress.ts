// Apply progress as an operator reads it: one line when a step starts and one when it ends, both
// numbered [n/N] in the order steps start, and a 'still running' line for a step that takes long
// (image copies, graceful stops) so a quiet terminal never looks hung.
import type { StepEvent } from './apply/executor.js';
import type { Logger } from './log.js';

export interface StepProgress {
  onEvent: (e: StepEvent) => void;
  stop: () => void;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function stepProgress(total: number, log: Logger, heartbeatMs: number): StepProgress {
  let started = 0;
  const running = new Map<string, { n: number; label: string; since: number; beat: number }>();
  const number = (stepId: string) => running.get(stepId)?.n ?? ++started;
  const tag = (n: number) => `[${n}/${total}]`;
  const timer =
    heartbeatMs > 0
      ? setInterval(() => {
          const now = Date.now();
          for (const r of running.values()) {
            if (now - r.beat >= heartbeatMs) {
              r.beat = now;
              log.info(`${tag(r.n)} ${r.label}: still running (${seconds(now - r.since)} elapsed)`);
            }
          }
        }, Math.max(10, Math.min(heartbeatMs, 1000)))
      : null;
  timer?.unref();
  return {
    onEvent(e) {
      if (e.type !== 'start' && e.type !== 'end') return;
      const label = `${e.step.vm}: ${e.step.action}`;
      if (e.type === 'start') {
        const n = number(e.step.id);
        running.set(e.step.id, { n, label, since: Date.now(), beat: Date.now() });
        log.info(`${tag(n)} ${label} …`);
        return;
      }
      const n = number(e.step.id);
      running.delete(e.step.id);
      const r = e.result;
      const what = r.outcome === 'succeeded' ? 'done' : r.outcome === 'skipped' ? 'skipped' : r.outcome === 'timed-out' ? 'TIMED OUT' : 'FAILED';
      log.info(`${tag(n)} ${label} ${what}${r.outcome === 'skipped' ? '' : ` (${r.durationMs} ms)`}${r.error ? ` — ${r.error.message}` : ''}`);
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
