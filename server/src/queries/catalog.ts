// The saved-query catalogue: cypher/queries/<name>.cypher, each a header of `//` lines
// (description, `@mode read|write`, `@param name Type[min..max] [= default] description`, the
// range optional and only for Int and Float; AccountKey is an account's key, also accepted in the
// entity-id form `Account:<key>`) and one Cypher
// statement. Checked at start-up: header, declared vs used parameters, EXPLAIN succeeds, and a
// `@mode read` query must really be read-only. Values are typed and converted, never spliced.
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import type { CypherFile } from '../db/cypher-catalog.js';

export const PARAM_TYPES = ['String', 'Int', 'Float', 'Boolean', 'DateTime', '[String]', 'AccountKey'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export interface SavedParam {
  name: string;
  type: ParamType;
  required: boolean;
  default: string | null;
  description: string;
  /** Allowed range of an Int or Float (inclusive); null when open on that side. */
  min: number | null;
  max: number | null;
}

export interface SavedQuery {
  name: string;
  file: string;
  description: string;
  mode: 'read' | 'write';
  params: SavedParam[];
  text: string;
  /** 1-based line of the first Cypher line in the file (for error messages). */
  bodyLine: number;
}

export class SavedQueryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

export class ParamError extends Error {}

const WRITE_CLAUSE =
  /\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH|CALL\s+\{[^}]*IN\s+TRANSACTIONS)\b/i;

/** Removes string literals and comments so that parameter and keyword scans see only code. */
function codeOnly(text: string): string {
  return text
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, "''")
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

export function parseSavedQuery(file: CypherFile): SavedQuery {
  const lines = file.text.split('\n');
  const name = file.name.slice('queries/'.length);
  if (!/^[a-z0-9][a-z0-9-]{1,60}$/.test(name)) {
    throw new SavedQueryError(file.file, 1, `file name '${name}' must be lower-case letters, digits and dashes`);
  }
  const description: string[] = [];
  const params: SavedParam[] = [];
  let mode: 'read' | 'write' | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    const body = line.slice(2).trim();
    if (body.startsWith('@mode')) {
      const m = /^@mode\s+(read|write)$/.exec(body);
      if (!m) throw new SavedQueryError(file.file, i + 1, `expected '@mode read' or '@mode write', got '${body}'`);
      mode = m[1] as 'read' | 'write';
    } else if (body.startsWith('@param')) {
      const m =
        /^@param\s+([A-Za-z][A-Za-z0-9_]*)\s+(\[String\]|String|Int|Float|Boolean|DateTime|AccountKey)(?:\[(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?\])?(\s*=\s*(\S+))?\s*(.*)$/.exec(
          body,
        );
      if (!m) {
        throw new SavedQueryError(
          file.file,
          i + 1,
          `expected '@param name Type[min..max] [= default] description' with Type one of ${PARAM_TYPES.join(', ')}`,
        );
      }
      if (params.some((p) => p.name === m[1]))
        throw new SavedQueryError(file.file, i + 1, `parameter '${m[1]}' declared twice`);
      params.push({
        name: m[1]!,
        type: m[2] as ParamType,
        required: m[6] === undefined,
        default: m[6] ?? null,
        description: m[7]?.trim() ?? '',
        min: m[3] === undefined ? null : Number(m[3]),
        max: m[4] === undefined ? null : Number(m[4]),
      });
      const p = params[params.length - 1]!;
      if ((p.min !== null || p.max !== null) && p.type !== 'Int' && p.type !== 'Float')
        throw new SavedQueryError(file.file, i + 1, `a range [min..max] only applies to Int and Float, not ${p.type}`);
    } else if (body.startsWith('@')) {
      throw new SavedQueryError(
        file.file,
        i + 1,
        `unknown header tag '${body.split(/\s/)[0]}' (expected @mode or @param)`,
      );
    } else {
      description.push(body);
    }
  }
  const text = lines.slice(i).join('\n').trim();
  if (!description.length) throw new SavedQueryError(file.file, 1, 'header must start with a description line');
  if (!mode) throw new SavedQueryError(file.file, 1, "header must declare '@mode read' or '@mode write'");
  if (!text) throw new SavedQueryError(file.file, i + 1, 'no Cypher statement after the header');
  const code = codeOnly(text);
  const used = new Set([...code.matchAll(/\$([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  for (const p of params) {
    if (!used.has(p.name))
      throw new SavedQueryError(file.file, i + 1, `parameter '${p.name}' is declared but not used`);
  }
  for (const u of used) {
    if (!params.some((p) => p.name === u)) {
      const at = lines.findIndex((l, k) => k >= i && l.includes(`$${u}`));
      throw new SavedQueryError(file.file, at + 1, `parameter '$${u}' is used but not declared with @param`);
    }
  }
  if (mode === 'read') {
    const lineNo = lines.findIndex((l, k) => k >= i && WRITE_CLAUSE.test(codeOnly(l)));
    if (lineNo >= 0) {
      const clause = WRITE_CLAUSE.exec(codeOnly(lines[lineNo]!))?.[1] ?? 'write';
      throw new SavedQueryError(
        file.file,
        lineNo + 1,
        `'@mode read' query contains a write clause (${clause.toUpperCase()})`,
      );
    }
  }
  for (const p of params) {
    if (p.default !== null) {
      try {
        convertParam(p, p.default);
      } catch (e) {
        throw new SavedQueryError(file.file, 1, `default of '${p.name}': ${(e as Error).message}`);
      }
    }
  }
  return { name, file: file.file, description: description.join(' '), mode, params, text, bodyLine: i + 1 };
}

/** Converts one parameter value (from GraphQL JSON or the CLI's text) to what the driver needs. */
export function convertParam(p: SavedParam, value: unknown): unknown {
  const bad = (expected: string) =>
    new ParamError(`parameter '${p.name}' must be ${expected}, got ${JSON.stringify(value)?.slice(0, 60)}`);
  const inRange = (n: number) => {
    if (p.min !== null && n < p.min) throw bad(`at least ${p.min}`);
    if (p.max !== null && n > p.max) throw bad(`at most ${p.max}`);
    return n;
  };
  switch (p.type) {
    case 'AccountKey': {
      if (typeof value !== 'string' && typeof value !== 'number') throw bad("an account key such as 'u_1042'");
      // The entity-id form people copy from the canvas ("Account:u_1042") means the same account.
      const key = String(value)
        .trim()
        .replace(/^Account:/, '');
      if (!key) throw bad("an account key such as 'u_1042'");
      if (/^[A-Z][A-Za-z]*:/.test(key))
        throw bad(`an account key, and '${key.slice(0, key.indexOf(':'))}' ids are not accounts`);
      return key;
    }
    case 'String':
      if (typeof value !== 'string' && typeof value !== 'number') throw bad('a string');
      if (String(value).length > 1000) throw bad('a string of at most 1000 characters');
      return String(value);
    case 'Int': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad('a whole number');
      return neo4j.int(inRange(n));
    }
    case 'Float': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('a number');
      return inRange(n);
    }
    case 'Boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw bad('true or false');
    case 'DateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad('an ISO 8601 date-time');
      return new Date(value).toISOString();
    }
    case '[String]': {
      const list = Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value.split(',').map((s) => s.trim())
          : undefined;
      if (!list || list.some((x) => typeof x !== 'string') || list.length > 1000) throw bad('a list of strings');
      return list;
    }
  }
}

export function bindParams(q: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (!q.params.some((p) => p.name === key)) {
      throw new ParamError(
        `query '${q.name}' has no parameter '${key}' (it takes ${q.params.map((p) => p.name).join(', ') || 'none'})`,
      );
    }
  }
  for (const p of q.params) {
    const v = given[p.name] ?? p.default;
    if (v === null || v === undefined)
      throw new ParamError(`query '${q.name}' needs parameter '${p.name}' (${p.type})`);
    out[p.name] = convertParam(p, v);
  }
  return out;
}

/** Parses every file and checks it against the database with EXPLAIN. Throws on the first problem. */
export async function loadSavedQueries(db: Database): Promise<Map<string, SavedQuery>> {
  const queries = new Map<string, SavedQuery>();
  for (const file of db.catalog.folder('queries')) {
    const q = parseSavedQuery(file);
    const sample: Record<string, unknown> = {};
    for (const p of q.params) {
      sample[p.name] = convertParam(
        p,
        p.default ??
          {
            String: 'x',
            AccountKey: 'x',
            Int: String(p.min ?? 1),
            Float: String(p.min ?? 1),
            Boolean: 'true',
            DateTime: '2025-01-01T00:00:00Z',
            '[String]': 'x',
          }[p.type],
      );
    }
    let type: string;
    try {
      type = (await db.explain(q.text, sample)).type;
    } catch (e) {
      throw new SavedQueryError(q.file, q.bodyLine, `EXPLAIN failed: ${(e as Error).message.split('\n')[0]}`);
    }
    if (q.mode === 'read' && type !== 'r') {
      throw new SavedQueryError(
        q.file,
        q.bodyLine,
        `'@mode read' query is not read-only (Neo4j says query type '${type}')`,
      );
    }
    queries.set(q.name, q);
  }
  return queries;
}
