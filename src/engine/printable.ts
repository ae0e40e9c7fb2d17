// Values read from files another process wrote (journal, lock, agent records) are printed through
// this: control, format and line-separator characters become \uXXXX, so no file can drive a terminal.
export function printable(s: unknown): string {
  return String(s).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
