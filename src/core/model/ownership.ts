// The ownership marker: one line this tool writes at the end of a VM's Notes. A VM without our
// project's marker is never changed or removed; adopting one means adding the line by hand.

const MARKER_PREFIX = 'hyperv-converge: project=';
const MARKER_LINE = /(?:^|\r?\n)hyperv-converge: project=([a-z0-9-]+)[ \t]*$/;

export function markerLine(project: string): string {
  return `${MARKER_PREFIX}${project}`;
}

/** The project named by the marker on the last line of the notes, or null. */
export function ownerOf(notes: string): string | null {
  // trimEnd strips exactly what /\s+$/ matches (WhiteSpace and LineTerminator), without the regex.
  const m = MARKER_LINE.exec(notes.trimEnd());
  return m ? m[1]! : null;
}

/** The user's part of the notes: everything before the marker line. */
export function userNotes(notes: string): string {
  const trimmed = notes.trimEnd();
  const m = MARKER_LINE.exec(trimmed);
  return m ? trimmed.slice(0, m.index) : notes;
}

/** Notes as this tool writes them: the user's text, then the marker line. */
export function withMarker(user: string, project: string): string {
  return user === '' ? markerLine(project) : `${user}\n${markerLine(project)}`;
}

/** Notes' line ends as one \n (CRLF and a lone CR): how notes are compared and written. */
export function sameLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
