// CSV cells for the picture export (exports.ts); no DOM here, so unit tests can import it.
/**
 * One quoted CSV cell. Text starting with = + - @ (or a tab or carriage return) would be run as a
 * formula by spreadsheet programs (=HYPERLINK(…)): it gets a leading apostrophe, as OWASP advises.
 */
export function csvCell(v: unknown): string {
  let text = String(v ?? '');
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}
