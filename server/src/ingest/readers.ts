// Streams records out of CSV, TSV or JSONL files, gzipped or not: a header, then one record at a
// time with its line number. Invalid UTF-8 turns into U+FFFD (rejected later, naming the column);
// rows the CSV parser cannot read are reported as parse errors, never thrown.
import fs from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';

export type Format = 'csv' | 'tsv' | 'jsonl';

export interface SourceRecord {
  /** 1-based physical line where the record ends. */
  line: number;
  row?: Record<string, string>;
  /** Why the record could not be read (bad quoting, wrong column count, bad JSON). */
  error?: string;
  excerpt: string;
}

export interface Source {
  format: Format;
  headers: string[];
  records: AsyncIterable<SourceRecord>;
  /** Bytes read from the file so far (compressed bytes for .gz): drives the progress bar. */
  bytesRead(): number;
  totalBytes: number;
  close(): void;
}

export class SourceError extends Error {}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    fs.readSync(fd, buf, 0, 2, 0);
    return buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

export function detectFormat(file: string, firstLine: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.csv')) return 'csv';
  if (firstLine.trimStart().startsWith('{')) return 'jsonl';
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}

/** A decoded text stream of the file (gunzipped when it starts with the gzip magic bytes). */
function textStream(file: string): { stream: Readable; raw: fs.ReadStream } {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = isGzip(file) ? raw.pipe(zlib.createGunzip()) : raw;
  stream.setEncoding('utf8');
  return { stream, raw };
}

/** The first `bytes` characters of the decoded content (for the checkpoint key and sniffing). */
export async function readPrefix(file: string, chars = 65536): Promise<string> {
  const { stream, raw } = textStream(file);
  let text = '';
  for await (const chunk of stream) {
    text += chunk as string;
    if (text.length >= chars) break;
  }
  raw.destroy();
  return text.slice(0, chars);
}

function stringify(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export async function openSource(file: string): Promise<Source> {
  if (!fs.existsSync(file)) throw new SourceError(`${file}: no such file`);
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new SourceError(`${file}: not a regular file`);
  const prefix = await readPrefix(file, 16384);
  const firstLine = (prefix.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').trim();
  if (!firstLine) throw new SourceError(`${file}: empty file (no header line)`);
  const format = detectFormat(file, firstLine);
  const { stream, raw } = textStream(file);
  const bytesRead = () => raw.bytesRead;
  const close = () => raw.destroy();

  if (format === 'jsonl') {
    let headers: string[];
    try {
      headers = Object.keys(JSON.parse(firstLine) as object);
    } catch {
      throw new SourceError(`${file}: line 1 is not a JSON object, so the keys cannot be read`);
    }
    const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
    // Take the iterator now: lines emitted before it exists would be lost (and the loop would wait forever).
    const lineIterator = rl[Symbol.asyncIterator]();
    const lines = { [Symbol.asyncIterator]: () => lineIterator };
    const records = (async function* () {
      let line = 0;
      for await (const text of lines) {
        line++;
        const trimmed = text.replace(/^\uFEFF/, '').trim();
        if (!trimmed) continue;
        const excerpt = trimmed.slice(0, 200);
        let obj: unknown;
        try {
          obj = JSON.parse(trimmed);
        } catch {
          yield { line, error: 'not valid JSON', excerpt };
          continue;
        }
        if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
          yield { line, error: 'not a JSON object', excerpt };
          continue;
        }
        const row: Record<string, string> = {};
        for (const [k, v] of Object.entries(obj)) row[k] = stringify(v);
        yield { line, row, excerpt };
      }
    })();
    return { format, headers, records, bytesRead, totalBytes: stat.size, close };
  }

  const parser = parse({
    bom: true,
    delimiter: format === 'tsv' ? '\t' : ',',
    quote: format === 'tsv' ? false : '"',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  });
  const skipped: SourceRecord[] = [];
  parser.on('skip', (err: Error & { lines?: number; record?: unknown }) => {
    skipped.push({ line: err.lines ?? 0, error: `unreadable CSV (${err.message.split(':')[0]})`, excerpt: '' });
  });
  stream.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await iterator.next();
  if (first.done) throw new SourceError(`${file}: no header line`);
  const headers = first.value.record.map((h) => h.replace(/^\uFEFF/, '').trim());
  if (headers.some((h) => h === '')) throw new SourceError(`${file}: the header has an empty column name`);
  if (new Set(headers).size !== headers.length) throw new SourceError(`${file}: the header repeats a column name`);

  const records = (async function* () {
    for (;;) {
      const next = await iterator.next();
      while (skipped.length) yield skipped.shift()!;
      if (next.done) break;
      const { record, info } = next.value;
      const excerpt = record.join(format === 'tsv' ? '\t' : ',').slice(0, 200);
      if (record.length !== headers.length) {
        yield {
          line: info.lines,
          error: `expected ${headers.length} columns, found ${record.length}`,
          excerpt,
        };
        continue;
      }
      const row: Record<string, string> = {};
      headers.forEach((h, i) => (row[h] = record[i] ?? ''));
      yield { line: info.lines, row, excerpt };
    }
  })();
  return { format, headers, records, bytesRead, totalBytes: stat.size, close };
}
