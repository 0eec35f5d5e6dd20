// The rejects file of one input: one JSON line per rejected row (line, row index, reason,
// excerpt). Written synchronously, so whatever was rejected before a crash is on disk; on resume
// entries past the checkpoint are dropped so that the file matches the counts exactly.
import fs from 'node:fs';
import path from 'node:path';
import { printable } from '../printable.js';

export interface RejectEntry {
  file: string;
  line: number;
  row: number;
  reason: string;
  excerpt: string;
}

export class RejectsFile {
  private fd: number | undefined;
  count = 0;

  constructor(readonly path: string) {}

  /** Keeps the entries of rows before `rowsDone` (already committed) and opens for appending. */
  open(rowsDone: number): void {
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    let kept: string[] = [];
    if (rowsDone > 0 && fs.existsSync(this.path)) {
      kept = fs
        .readFileSync(this.path, 'utf8')
        .split('\n')
        .filter((l) => l && (JSON.parse(l) as RejectEntry).row < rowsDone);
    }
    fs.writeFileSync(this.path, kept.map((l) => `${l}\n`).join(''));
    this.count = kept.length;
    this.fd = fs.openSync(this.path, 'a');
  }

  add(entry: RejectEntry): void {
    if (this.fd === undefined) throw new Error('rejects file not open');
    // Reasons quote values from the file: escaped and cut, so a rejects file is safe to cat.
    const safe = { ...entry, reason: printable(entry.reason), excerpt: printable(entry.excerpt, 200) };
    fs.writeSync(this.fd, `${JSON.stringify(safe)}\n`);
    this.count++;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    if (this.count === 0) fs.rmSync(this.path, { force: true });
  }
}
