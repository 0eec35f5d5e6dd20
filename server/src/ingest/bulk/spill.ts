// Bounded-memory aggregation for the bulk import: every row effect is appended, as one JSON line, to
// one of P partition files chosen by a hash of the key it aggregates under (the entity, or the pair
// a relationship joins). All records of one key land in the same partition in file order, so each
// partition can then be aggregated alone, in memory, with the same "last value wins" order as the
// transactional ingest. P grows with the input size, so a partition stays around SPILL_TARGET_BYTES.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/** Input bytes per partition; a partition's spill is a few times that, its aggregate far less. */
const SPILL_TARGET_BYTES = 24 << 20;
const FLUSH_BYTES = 1 << 20;

/** FNV-1a over UTF-16 code units: cheap and well spread for partitioning (not for security). */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function partitionCount(inputBytes: number): number {
  return Math.min(512, Math.max(1, Math.ceil(inputBytes / SPILL_TARGET_BYTES)));
}

export class SpillWriter {
  private readonly fds: number[] = [];
  private readonly buffers: string[][] = [];
  private readonly sizes: number[] = [];
  records = 0;

  constructor(
    readonly dir: string,
    readonly partitions: number,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    for (let p = 0; p < partitions; p++) {
      this.fds.push(fs.openSync(this.file(p), 'w'));
      this.buffers.push([]);
      this.sizes.push(0);
    }
  }

  file(p: number): string {
    return path.join(this.dir, `part-${String(p).padStart(3, '0')}.jsonl`);
  }

  add(key: string, record: unknown[]): void {
    const p = this.partitions === 1 ? 0 : hashKey(key) % this.partitions;
    const line = JSON.stringify(record);
    this.buffers[p]!.push(line);
    this.sizes[p]! += line.length + 1;
    this.records++;
    if (this.sizes[p]! >= FLUSH_BYTES) this.flush(p);
  }

  private flush(p: number): void {
    const lines = this.buffers[p]!;
    if (lines.length === 0) return;
    fs.writeSync(this.fds[p]!, lines.join('\n') + '\n');
    this.buffers[p] = [];
    this.sizes[p] = 0;
  }

  close(): void {
    for (let p = 0; p < this.partitions; p++) {
      this.flush(p);
      fs.closeSync(this.fds[p]!);
    }
  }
}

/** The records of one partition, in the order they were written. */
export async function* readPartition(file: string): AsyncGenerator<unknown[]> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield JSON.parse(line) as unknown[];
}
