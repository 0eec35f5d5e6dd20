// Text from files and users made safe to print in a terminal, a log or a JSON error: control
// characters and bidirectional overrides escaped as \uXXXX (so a right-to-left override cannot
// reorder what an investigator reads, and binary input cannot drive the terminal), and the length
// capped with a note of how much was cut.

/** C0/C1 controls (except tab), DEL, and the Unicode bidi embedding/override/isolate marks. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Bidirectional formatting characters only: what can make a label read differently than it is. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const MAX_MESSAGE_CHARS = 300;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Escapes unsafe characters and cuts to `max` characters (plus a note of the original length). */
export function printable(text: string, max = MAX_MESSAGE_CHARS): string {
  // Cut before escaping so a huge input is never copied whole; escaping can only lengthen the kept part.
  const cut = text.length > max ? text.slice(0, max) : text;
  let out = cut.replace(UNSAFE, escape);
  if (out.length > max) out = out.slice(0, max);
  return text.length > max ? `${out}… (${text.length} characters)` : out;
}

/** Shows bidi controls visibly (\u202e) and leaves everything else as it is: for labels on screen. */
export function visibleBidi(text: string): string {
  return text.replace(BIDI, escape);
}

export function hasBidi(text: string): boolean {
  return text.search(BIDI) >= 0;
}
