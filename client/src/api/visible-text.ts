// Bidirectional control characters (right-to-left override and friends) make "Account:u1<RLO>gpj.exe"
// read as something else. Every string the app only shows is passed through showControls, which
// writes each such character as a visible [U+202E] marker; ids sent back to the server stay as they are.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function showControls(text: string): string {
  return text.replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Fields that identify something and go back to the server: never rewritten. */
const ID_FIELDS = new Set(['id', 'key', 'source', 'target', 'entityId', 'root', 'endCursor']);

/** A JSON.parse reviver: display strings get visible controls, identifiers stay intact. */
export function revealControls(this: unknown, field: string, value: unknown): unknown {
  // Strings in arrays (tags, Trace.rings: ring ids the server makes, never user text) count as display text.
  if (typeof value !== 'string' || ID_FIELDS.has(field)) return value;
  return showControls(value);
}
