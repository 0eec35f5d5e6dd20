// Pure helpers of the results table (no DOM): which entity a row is about, sorting by a column.
/** Column names that hold the key of an entity of this type. */
const COLUMN_TYPES: Record<string, string> = {
  account: 'Account',
  device: 'Device',
  ip: 'IP',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  api: 'Api',
  tool: 'Tool',
  ring: 'Ring',
  card: 'PaymentMethod',
};

export const cell = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? ''));

/** The entity a row is about: a cell holding an entity id, or the first column naming a type. */
export function rowEntity(columns: readonly string[], row: Record<string, unknown>): string | null {
  for (const c of columns) {
    const v = row[c];
    if (typeof v === 'string' && /^[A-Z][A-Za-z]+:./.test(v)) return v;
  }
  for (const c of columns) {
    const type = COLUMN_TYPES[c.toLowerCase()];
    const v = row[c];
    if (type && (typeof v === 'string' || typeof v === 'number') && String(v)) return `${type}:${v}`;
  }
  return null;
}

/** Sorts rows by a column: numbers as numbers, anything else as text; nulls last. */
export function sortRows<T extends Record<string, unknown>>(rows: readonly T[], column: string, dir: 1 | -1): T[] {
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
    return cell(x).localeCompare(cell(y), undefined, { numeric: true }) * dir;
  });
}
