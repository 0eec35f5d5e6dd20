// A plain text table for terminals; long cells are cut so one wide value cannot wreck the layout.
export function formatTable(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown) => {
    const t = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return t.length > 60 ? `${t.slice(0, 59)}…` : t;
  };
  const body = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((x, i) => x.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
