// HVC_COUNTERS=<file>: when the process exits, write its structural counters there as JSON (tests
// hold whole commands to them; see src/core/counters.ts). Unset: nothing is written.
import { writeFileSync } from 'node:fs';
import { counters } from '../core/counters.js';

const file = process.env.HVC_COUNTERS;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, JSON.stringify(counters) + '\n');
    } catch {
      /* a diagnostic must not change the exit */
    }
  });
}
