// Streams CSV rows to a file with backpressure, so generating a million accounts stays in bounded memory.
import fs from 'node:fs';
import { once } from 'node:events';

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export class CsvWriter {
  private readonly stream: fs.WriteStream;
  rows = 0;

  constructor(
    readonly file: string,
    readonly columns: readonly string[],
  ) {
    this.stream = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    this.stream.write(`${columns.join(',')}\n`);
  }

  /** Writes one row; await it (it only waits when the OS buffer is full). */
  async write(row: Record<string, string | number | null | undefined>): Promise<void> {
    this.rows++;
    if (!this.stream.write(`${this.columns.map((c) => cell(row[c])).join(',')}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
