// Streams records out of CSV, TSV or JSONL files, gzipped or not: a header, then one record at a
// time with its line number. Reading fails per row, never per file: a row that cannot be read
// (bad quoting, wrong JSON, a line cut off by a damaged gzip stream) comes out as a record with an
// error, and everything readable around it comes out as rows. Encodings: see text-decoding.ts.
// Invalid UTF-8 turns into U+FFFD (rejected later, naming the column).
import fs from 'node:fs';
import { printable } from '../printable.js';
import { CsvRecordAssembler, type AssembledRecord } from './csv-records.js';
import { decodeFile, detectEncoding, EncodingError, readSample, type TextEncoding } from './text-decoding.js';
import { physicalLines, type PhysicalLine } from './text-lines.js';

export type Format = 'csv' | 'tsv' | 'jsonl';

export interface SourceRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  row?: Record<string, string>;
  /** Why the record could not be read (bad quoting, wrong column count, bad JSON, damaged file). */
  error?: string;
  /** The start of the record's text, control characters escaped. */
  excerpt: string;
}

export interface Source {
  format: Format;
  encoding: TextEncoding;
  headers: string[];
  records: AsyncIterable<SourceRecord>;
  /** Bytes read from the file so far (compressed bytes for .gz): drives the progress bar. */
  bytesRead(): number;
  totalBytes: number;
  close(): void;
}

export class SourceError extends Error {}

const EXCERPT_CHARS = 200;
const excerptOf = (text: string) => printable(text, EXCERPT_CHARS);

export function detectFormat(file: string, firstLine: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.csv')) return 'csv';
  if (firstLine.trimStart().startsWith('{')) return 'jsonl';
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}

async function fileEncoding(file: string): Promise<TextEncoding> {
  const sample = await readSample(file);
  try {
    return detectEncoding(sample.bytes, sample.complete);
  } catch (e) {
    if (e instanceof EncodingError) throw new SourceError(`${file}: ${e.message}`);
    throw e;
  }
}

/** The first `chars` characters of the decoded content (for the checkpoint key and sniffing). */
export async function readPrefix(file: string, chars = 65536): Promise<string> {
  const decoded = decodeFile(file, await fileEncoding(file));
  let text = '';
  try {
    for await (const chunk of decoded.chunks) {
      text += chunk;
      if (text.length >= chars) break;
    }
  } finally {
    decoded.close();
  }
  return text.slice(0, chars);
}

function stringify(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function jsonRecord(l: PhysicalLine): SourceRecord | undefined {
  const trimmed = l.text.trim();
  if (!trimmed) return undefined;
  const excerpt = excerptOf(trimmed);
  if (l.overlong !== undefined) return { line: l.line, error: `line of ${l.overlong} characters is too long`, excerpt };
  let obj: unknown;
  try {
    obj = JSON.parse(trimmed);
  } catch {
    return { line: l.line, error: 'not valid JSON', excerpt };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    return { line: l.line, error: 'not a JSON object', excerpt };
  const row: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) row[k] = stringify(v);
  return { line: l.line, row, excerpt };
}

function csvRecord(r: AssembledRecord, headers: string[]): SourceRecord {
  const excerpt = excerptOf(r.text);
  if ('error' in r) return { line: r.line, error: r.error, excerpt };
  if (r.fields.length !== headers.length)
    return { line: r.line, error: `expected ${headers.length} columns, found ${r.fields.length}`, excerpt };
  const row: Record<string, string> = {};
  headers.forEach((h, i) => (row[h] = r.fields[i] ?? ''));
  return { line: r.line, row, excerpt };
}

export async function openSource(file: string): Promise<Source> {
  if (!fs.existsSync(file)) throw new SourceError(`${file}: no such file`);
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new SourceError(`${file}: not a regular file`);
  const encoding = await fileEncoding(file);
  const decoded = decodeFile(file, encoding);
  const lines = physicalLines(decoded.chunks)[Symbol.asyncIterator]();
  const fail = (message: string): never => {
    decoded.close();
    throw new SourceError(`${file}: ${message}`);
  };

  // The header: the first non-empty line (for CSV, the first record).
  let first: PhysicalLine | undefined;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if (next.value.text.trim() !== '') {
      first = next.value;
      break;
    }
  }
  if (!first) return fail('empty file (no header line)');
  if (first.overlong !== undefined) return fail(`the header line has ${first.overlong} characters: not a header`);
  const format = detectFormat(file, first.text.trim());
  const base = { format, encoding, bytesRead: decoded.bytesRead, totalBytes: stat.size, close: decoded.close };

  // Whatever a damaged stream cut off: the row it cut is rejected, never loaded half.
  const damaged = (last: PhysicalLine | undefined, nextLine: number): SourceRecord[] => {
    const damage = decoded.damage();
    if (!damage) return [];
    if (last?.unterminated)
      return [{ line: last.line, error: `row cut off: ${damage.reason}`, excerpt: excerptOf(last.text) }];
    return [{ line: nextLine, error: damage.reason, excerpt: '' }];
  };

  if (format === 'jsonl') {
    let headers: string[];
    try {
      headers = Object.keys(JSON.parse(first.text.trim()) as object);
    } catch {
      return fail(`line ${first.line} is not a JSON object, so the keys cannot be read`);
    }
    const header = first;
    const records = (async function* () {
      let last: PhysicalLine | undefined = header;
      const firstRec = header.unterminated && decoded.damage() ? undefined : jsonRecord(header);
      if (firstRec) yield firstRec;
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        last = next.value;
        if (last.unterminated && decoded.damage()) break;
        const rec = jsonRecord(last);
        if (rec) yield rec;
      }
      yield* damaged(last, (last?.line ?? 0) + 1);
    })();
    return { ...base, headers, records };
  }

  const assembler = new CsvRecordAssembler({
    delimiter: format === 'tsv' ? '\t' : ',',
    quoting: format !== 'tsv',
  });
  // The header record may span lines only if its quotes say so; read until it is complete.
  const queued: AssembledRecord[] = [];
  let lastLine: PhysicalLine | undefined = first;
  queued.push(...assembler.push(first));
  while (queued.length === 0) {
    const next = await lines.next();
    if (next.done) {
      queued.push(...assembler.end());
      break;
    }
    lastLine = next.value;
    queued.push(...assembler.push(next.value));
  }
  const headerRecord = queued.shift();
  if (!headerRecord || 'error' in headerRecord) return fail('the header line has an unbalanced quote');
  const headers = headerRecord.fields.map((h) => h.replace(/^\uFEFF/, '').trim());
  if (headers.some((h) => h === '')) return fail('the header has an empty column name');
  if (new Set(headers).size !== headers.length) return fail('the header repeats a column name');
  assembler.expectedColumns = headers.length;

  const records = (async function* () {
    for (const r of queued) yield csvRecord(r, headers);
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      lastLine = next.value;
      if (lastLine.unterminated && decoded.damage()) break;
      for (const r of assembler.push(lastLine)) yield csvRecord(r, headers);
    }
    for (const r of assembler.end()) yield csvRecord(r, headers);
    yield* damaged(lastLine, (lastLine?.line ?? 0) + 1);
  })();
  return { ...base, headers, records };
}
