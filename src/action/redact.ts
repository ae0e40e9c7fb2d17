// Secrets must not reach what the action writes outside the log (comments, summaries, issues): the
// runner masks only the log. Values are registered here and with core.setSecret together.
import * as core from '@actions/core';

export class Redactor {
  private readonly values = new Set<string>();

  /** Registers a secret (each line of a multi-line value too, as the runner masks per line). */
  add(value: string | undefined | null): void {
    if (!value) return;
    for (const v of [value, ...value.split(/\r?\n/)]) {
      const t = v.trim();
      if (t.length >= 4 && !this.values.has(t)) {
        this.values.add(t);
        core.setSecret(t);
      }
    }
  }

  redact = (text: string): string => {
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join('***');
    return out;
  };
}
