// Physical lines → CSV/TSV records, one record at a time, so that one bad line costs one row.
// A quoted field may span lines (an address with a line break), but only while the record still
// makes sense: when a quote opened on a line is not closed within a bounded number of lines, or
// the record it closes has the wrong number of columns, that first line is rejected as an
// unbalanced quote and the lines after it are read again on their own. (A streaming CSV parser
// would swallow every following row into one broken record instead.)
//
// Field rules are csv-parse's with relax_quotes: a field that starts with a quote is quoted
// ("" is a quote inside it); quotes elsewhere are plain characters; a closing quote followed by
// something other than the delimiter makes the whole field plain text, quotes kept. The unit
// tests check this splitter against csv-parse on generated records.
import { MAX_LINE_CHARS, type PhysicalLine } from './text-lines.js';

export interface CsvDialect {
  delimiter: string;
  /** TSV has no quoting: every character is literal. */
  quoting: boolean;
}

export type AssembledRecord =
  { line: number; fields: string[]; text: string } | { line: number; error: string; text: string };

export const MAX_RECORD_LINES = 100;
export const MAX_RECORD_CHARS = 1 << 20;
const QUOTE = '"';

/** Splits record text into fields; `open` when it ends inside a quoted field (needs more lines). */
class FieldScanner {
  fields: string[] = [];
  private field = '';
  private raw = '';
  private mode: 'start' | 'plain' | 'quoted' | 'closed' = 'start';

  constructor(private readonly delimiter: string) {}

  get open(): boolean {
    return this.mode === 'quoted';
  }

  reset(): void {
    this.fields = [];
    this.field = '';
    this.raw = '';
    this.mode = 'start';
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.raw = '';
    this.mode = 'start';
  }

  /** Feeds one line (without its line end); a quoted field left open continues on the next line. */
  feed(text: string, continuation: boolean): void {
    if (continuation) {
      this.field += '\n';
      this.raw += '\n';
    }
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      switch (this.mode) {
        case 'start':
          if (c === QUOTE) {
            this.mode = 'quoted';
            this.raw = c;
          } else if (c === d) this.endField();
          else {
            this.mode = 'plain';
            this.field = c;
          }
          break;
        case 'plain':
          if (c === d) this.endField();
          else this.field += c;
          break;
        case 'quoted':
          this.raw += c;
          if (c !== QUOTE) this.field += c;
          else if (text[i + 1] === QUOTE) {
            this.field += QUOTE;
            this.raw += QUOTE;
            i++;
          } else this.mode = 'closed';
          break;
        case 'closed':
          if (c === d) this.endField();
          else {
            // Not a closing quote after all: the field is plain text, quotes and all.
            this.field = this.raw + c;
            this.mode = 'plain';
          }
          break;
      }
    }
    if (this.mode !== 'quoted') this.endField();
  }
}

export class CsvRecordAssembler {
  /** Column count of the header, once known: a multi-line record must match it. */
  expectedColumns: number | undefined;
  private pending: PhysicalLine[] = [];
  private pendingChars = 0;
  private readonly scanner: FieldScanner;

  constructor(
    private readonly dialect: CsvDialect,
    private readonly maxLines = MAX_RECORD_LINES,
    private readonly maxChars = MAX_RECORD_CHARS,
  ) {
    this.scanner = new FieldScanner(dialect.delimiter);
  }

  push(l: PhysicalLine): AssembledRecord[] {
    if (l.overlong !== undefined) {
      const out = this.pending.length ? this.breakPending() : [];
      out.push({
        line: l.line,
        error: `line of ${l.overlong} characters (limit ${MAX_LINE_CHARS})`,
        text: l.text,
      });
      return out;
    }
    if (this.pending.length === 0) {
      if (l.text === '') return [];
      if (!this.dialect.quoting || !l.text.includes(QUOTE))
        return [{ line: l.line, fields: l.text.split(this.dialect.delimiter), text: l.text }];
      this.scanner.reset();
      this.scanner.feed(l.text, false);
      if (!this.scanner.open) return [{ line: l.line, fields: this.scanner.fields, text: l.text }];
      this.pending = [l];
      this.pendingChars = l.text.length;
      return [];
    }
    this.pending.push(l);
    this.pendingChars += l.text.length + 1;
    this.scanner.feed(l.text, true);
    if (this.scanner.open) {
      return this.pending.length >= this.maxLines || this.pendingChars > this.maxChars ? this.breakPending() : [];
    }
    const fields = this.scanner.fields;
    if (this.expectedColumns !== undefined && fields.length !== this.expectedColumns) return this.breakPending();
    const first = this.pending[0]!;
    const text = this.pending.map((p) => p.text).join('\n');
    this.pending = [];
    return [{ line: first.line, fields, text }];
  }

  /** At the end of the input: a quote still open rejects its first line; the rest is read again. */
  end(): AssembledRecord[] {
    const out: AssembledRecord[] = [];
    while (this.pending.length) out.push(...this.breakPending());
    return out;
  }

  private breakPending(): AssembledRecord[] {
    const [first, ...rest] = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    const out: AssembledRecord[] = [
      {
        line: first!.line,
        error: 'unbalanced quote: a quoted field opens on this line and does not close on it',
        text: first!.text,
      },
    ];
    for (const r of rest) out.push(...this.push(r));
    return out;
  }
}
