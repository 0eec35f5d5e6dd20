// The sample a plan is made from: the header and the first rows of a file (readable rows only),
// profiled column by column, and an estimate of the file's row count for progress (exact when the
// sample is the whole file; otherwise its size over the sample's bytes per row — for .gz the
// uncompressed size from the gzip trailer). Reading stops after `rows` rows: planning is cheap.
import fs from 'node:fs';
import { openSource } from './readers.js';
import { profileColumn, type ColumnProfile } from './value-shapes.js';

export const SAMPLE_ROWS = 20_000;

export interface FileSample {
  file: string;
  headers: string[];
  rows: number;
  /** Rows in the whole file: exact when the sample reached its end, else estimated. */
  estimatedRows: number;
  profiles: Map<string, ColumnProfile>;
}

/** The uncompressed size of a single-member gzip file (its trailer's ISIZE, modulo 4 GiB). */
function gzipSize(file: string, size: number): number | undefined {
  if (size < 18) return undefined;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
    const tail = Buffer.alloc(4);
    fs.readSync(fd, tail, 0, 4, size - 4);
    return tail.readUInt32LE(0);
  } finally {
    fs.closeSync(fd);
  }
}

export async function sampleFile(file: string, rows = SAMPLE_ROWS): Promise<FileSample> {
  const source = await openSource(file);
  const values = new Map<string, string[]>(source.headers.map((h) => [h, []]));
  let n = 0;
  let records = 0;
  let chars = 0;
  let complete = true;
  try {
    for await (const rec of source.records) {
      records++;
      chars += rec.row ? Object.values(rec.row).reduce((sum, v) => sum + v.length + 1, 0) : rec.excerpt.length + 1;
      if (!rec.row) continue;
      for (const h of source.headers) values.get(h)!.push(rec.row[h] ?? '');
      if (++n >= rows) {
        complete = false;
        break;
      }
    }
  } finally {
    source.close();
  }
  const profiles = new Map<string, ColumnProfile>();
  for (const [h, v] of values) profiles.set(h, profileColumn(v));
  let estimatedRows = records;
  if (!complete && records > 0) {
    const bytes = gzipSize(file, source.totalBytes) ?? source.totalBytes;
    const headerChars = source.headers.join(',').length + 1;
    estimatedRows = Math.max(records, Math.round((bytes - headerChars) / (chars / records)));
  }
  return { file, headers: source.headers, rows: n, estimatedRows, profiles };
}
