// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise.
export interface Progress {
  update(rows: number, bytes: number): void;
  done(): void;
}

export function createProgress(
  label: string,
  totalBytes: number,
  out: NodeJS.WriteStream = process.stderr,
  quiet = false,
): Progress {
  const started = Date.now();
  let lastDraw = 0;
  const tty = out.isTTY === true;
  const draw = (rows: number, bytes: number, final: boolean) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const pct = totalBytes > 0 ? Math.min(100, (bytes / totalBytes) * 100) : 100;
    const rate = Math.round(rows / seconds);
    if (tty) {
      const width = 24;
      const filled = Math.round((pct / 100) * width);
      out.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct.toFixed(0).padStart(3)}% ${rows.toLocaleString('en-US')} rows ${rate.toLocaleString('en-US')} rows/s${final ? '\n' : ''}`,
      );
    } else {
      out.write(`${label}: ${pct.toFixed(0)}% ${rows} rows ${rate} rows/s\n`);
    }
  };
  let lastRows = 0;
  let lastBytes = 0;
  return {
    update(rows, bytes) {
      lastRows = rows;
      lastBytes = bytes;
      const now = Date.now();
      if (quiet || now - lastDraw < (tty ? 200 : 5000)) return;
      lastDraw = now;
      draw(rows, bytes, false);
    },
    done() {
      if (!quiet) draw(lastRows, Math.max(lastBytes, totalBytes), true);
    },
  };
}
