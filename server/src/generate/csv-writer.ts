// Streams CSV rows to a file with backpressure (csv-stringify does the quoting), so generating a
// million accounts stays in bounded memory.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';

export type CsvRow = Record<string, string | number | null | undefined>;

export class CsvWriter {
  private readonly csv: Stringifier;
  private readonly done: Promise<void>;
  rows = 0;

  constructor(
    readonly file: string,
    readonly columns: readonly string[],
  ) {
    const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    this.csv = stringify({ header: true, columns: [...columns] });
    this.csv.pipe(out);
    this.done = finished(out);
  }

  /** Writes one row; await it (it only waits when the buffers are full). */
  async write(row: CsvRow): Promise<void> {
    this.rows++;
    if (!this.csv.write(row)) await once(this.csv, 'drain');
  }

  async close(): Promise<void> {
    this.csv.end();
    await this.done;
  }
}
