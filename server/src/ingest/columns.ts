// Column mapping: which input column holds which canonical field, and which log kind a file is.
// Detected from headers (common synonyms, case and punctuation ignored) or given by a mapping
// file (--mapping M.json, see mapping-file.ts), which always wins.
import { FIELDS, SYNONYMS, type ColumnMap, type Field, type Kind, type Mapping } from './fields.js';
import { MappingError, type MappingFile } from './mapping-file.js';

const squash = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Finds the canonical field for each header; the first synonym in list order wins a tie. */
export function detectColumns(headers: string[]): ColumnMap {
  const byName = new Map(headers.map((h) => [squash(h), h]));
  const used = new Set<string>();
  const columns: ColumnMap = {};
  for (const field of FIELDS) {
    for (const syn of SYNONYMS[field]) {
      const h = byName.get(syn);
      if (h !== undefined && !used.has(h)) {
        columns[field] = h;
        used.add(h);
        break;
      }
    }
  }
  return columns;
}

/** Guesses the log kind from the mapped fields and the file name. */
export function detectKind(columns: ColumnMap, fileName: string, headerCount: number): Kind | undefined {
  const has = (f: Field) => columns[f] !== undefined;
  const name = fileName.toLowerCase();
  if (has('indicator')) return 'intel';
  if (has('path') && (has('sensitivity') || has('controls') || has('domain')) && !has('account')) return 'api-assets';
  const account = has('account') || has('email');
  if (!account) return undefined;
  if (has('label') && headerCount <= 3 && !has('time')) return 'labels';
  if (/regist|signup|sign_up|account/.test(name)) return 'registration';
  if (/login|api|access|traffic|session/.test(name)) return 'login';
  if (/order|transaction|payment|txn|purchase|refund/.test(name)) return 'order';
  if (has('amount') || has('card') || has('cardBin') || has('orderId') || has('seller') || has('toAccount'))
    return 'order';
  if (has('method') || has('path')) return 'login';
  if (!has('time')) return 'link';
  return 'registration';
}

/** The mapping for one file: detected from its header, with a mapping file's entries on top. */
export function resolveMapping(
  headers: string[],
  fileName: string,
  opts: { kind?: Kind | undefined; file?: MappingFile | undefined },
): Mapping {
  const detected = detectColumns(headers);
  const columns: ColumnMap = opts.file?.columns ? { ...opts.file.columns } : detected;
  if (opts.file?.columns && !opts.file.kind && !opts.kind) {
    // An explicit column map still benefits from detection of the columns it does not name.
    for (const [f, h] of Object.entries(detected) as [Field, string][]) {
      if (columns[f] === undefined && !Object.values(columns).includes(h)) columns[f] = h;
    }
  }
  for (const [field, header] of Object.entries(columns) as [Field, string][]) {
    if (!headers.includes(header)) {
      throw new MappingError(
        `${fileName}: mapping names column '${header}' for ${field}, but the file has no such column`,
      );
    }
  }
  const kind = opts.kind ?? opts.file?.kind ?? detectKind(columns, fileName, headers.length);
  if (!kind) {
    throw new MappingError(
      `${fileName}: cannot tell what kind of log this is from its columns (${headers.slice(0, 12).join(', ')}); pass --kind or --mapping`,
    );
  }
  for (const [prop, header] of Object.entries(opts.file?.accountProps ?? {})) {
    if (!headers.includes(header)) {
      throw new MappingError(
        `${fileName}: accountProps.${prop} names column '${header}', which the file does not have`,
      );
    }
  }
  for (const [prop, header] of Object.entries(opts.file?.nodeProps ?? {})) {
    if (!headers.includes(header)) {
      throw new MappingError(`${fileName}: nodeProps.${prop} names column '${header}', which the file does not have`);
    }
  }
  return {
    kind,
    columns,
    accountProps: opts.file?.accountProps ?? {},
    nodeProps: opts.file?.nodeProps ?? {},
    required: opts.file?.required ?? [],
  };
}
