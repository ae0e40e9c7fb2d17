// The ownership marker: one line this tool writes at the end of a VM's Notes. A VM without our
// project's marker is never changed or removed; adopting one means adding the line by hand.

const MARKER_PREFIX = 'hyperv-converge: project=';

/**
 * Where the marker of trimmed notes begins: the project name's first index, or -1 when the last line
 * is not the marker. The rule, as a regular expression over the notes with trailing white space
 * removed: /(?:^|\r?\n)hyperv-converge: project=([a-z0-9-]+)[ \t]*$/ (no m flag: the last line only).
 * Scanned by hand: it runs for every VM of every plan, and a match object per VM is most of its cost.
 */
function projectStart(trimmed: string): number {
  const line = trimmed.lastIndexOf('\n') + 1;
  if (!trimmed.startsWith(MARKER_PREFIX, line)) return -1;
  const start = line + MARKER_PREFIX.length;
  if (start === trimmed.length) return -1;
  for (let i = start; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return -1;
  }
  return start;
}

/** Where the marker line begins in trimmed notes (its line break included), or -1. */
function markerIndex(trimmed: string): number {
  if (projectStart(trimmed) === -1) return -1;
  const nl = trimmed.lastIndexOf('\n');
  return nl <= 0 ? 0 : trimmed.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
}

export function markerLine(project: string): string {
  return `${MARKER_PREFIX}${project}`;
}

/** The project named by the marker on the last line of the notes, or null. */
export function ownerOf(notes: string): string | null {
  // trimEnd strips exactly what /\s+$/ matches (WhiteSpace and LineTerminator), without the regex.
  const trimmed = notes.trimEnd();
  const start = projectStart(trimmed);
  return start === -1 ? null : trimmed.slice(start);
}

/** ownerOf(notes) === project, without making the owner's name. */
export function ownedBy(notes: string, project: string): boolean {
  const trimmed = notes.trimEnd();
  const start = projectStart(trimmed);
  return start !== -1 && trimmed.length - start === project.length && trimmed.startsWith(project, start);
}

/** The user's part of the notes: everything before the marker line. */
export function userNotes(notes: string): string {
  const trimmed = notes.trimEnd();
  const at = markerIndex(trimmed);
  return at === -1 ? notes : trimmed.slice(0, at);
}

/** sameLineEnds(userNotes(notes)) === sameLineEnds(want), without making either text when neither holds a CR. */
export function sameUserNotes(notes: string, want: string): boolean {
  if (notes.includes('\r') || want.includes('\r')) return sameLineEnds(userNotes(notes)) === sameLineEnds(want);
  const trimmed = notes.trimEnd();
  const at = markerIndex(trimmed);
  return at === -1 ? notes === want : at === want.length && trimmed.startsWith(want);
}

/** Notes as this tool writes them: the user's text, then the marker line. */
export function withMarker(user: string, project: string): string {
  return user === '' ? markerLine(project) : `${user}\n${markerLine(project)}`;
}

/** Notes' line ends as one \n (CRLF and a lone CR): how notes are compared and written. */
export function sameLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
