// Progress on stderr: rows read of an estimate (from the file's size and the bytes per row of the
// plan's sample), the rate and the time left; one redrawn line on a terminal, a plain line every
// few seconds otherwise. Without an estimate (bulk paths) it falls back to the share of bytes read.
export interface Progress {
  update(rows: number, bytes: number): void;
  done(): void;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** The progress text: `12,000 of ~30,190 rows (40%), 1,500 rows/s, 12 s left`. */
export function progressText(rows: number, estimate: number | undefined, seconds: number, final: boolean): string {
  const rate = rows / Math.max(seconds, 0.001);
  if (final) return `${fmt(rows)} rows in ${duration(seconds)}, ${fmt(rate)} rows/s`;
  if (!estimate) return `${fmt(rows)} rows, ${fmt(rate)} rows/s`;
  // An estimate is an estimate: never 100% (or past it) before the end.
  const total = Math.max(estimate, rows + 1);
  const pct = Math.min(99, Math.floor((rows / total) * 100));
  const left = rate > 0 ? (total - rows) / rate : Infinity;
  return `${fmt(rows)} of ~${fmt(total)} rows (${pct}%), ${fmt(rate)} rows/s, ${duration(left)} left`;
}

export function createProgress(
  label: string,
  totalBytes: number,
  out: NodeJS.WriteStream = process.stderr,
  quiet = false,
  estimatedRows?: number,
): Progress {
  const started = Date.now();
  let lastDraw = 0;
  const tty = out.isTTY === true;
  let lastRows = 0;
  let lastBytes = 0;
  const draw = (final: boolean) => {
    const seconds = (Date.now() - started) / 1000;
    // No row estimate: rows scaled by the share of bytes read (rough, but it moves).
    const estimate =
      estimatedRows ?? (lastBytes > 0 && totalBytes > 0 ? Math.round((lastRows * totalBytes) / lastBytes) : undefined);
    const text = `${label}: ${progressText(lastRows, estimate, seconds, final)}`;
    if (tty) out.write(`\r\u001b[2K${text}${final ? '\n' : ''}`);
    else out.write(`${text}\n`);
  };
  return {
    update(rows, bytes) {
      lastRows = rows;
      lastBytes = bytes;
      const now = Date.now();
      if (quiet || now - lastDraw < (tty ? 200 : 5000)) return;
      lastDraw = now;
      draw(false);
    },
    done() {
      if (!quiet) draw(true);
    },
  };
}
