// Configuration: the only module that reads process.env. Values are validated once here and
// passed down as a typed, frozen object; a bad value fails start-up with the variable's name.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type Role = 'viewer' | 'investigator' | 'analyst' | 'admin';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const ROLES: readonly Role[] = ['viewer', 'investigator', 'analyst', 'admin'];

export interface Config {
  /** Repository root (where cypher/, client/dist and neo4j/ live). */
  rootDir: string;
  neo4j: {
    /** Set when an external Neo4j is used; undefined means the embedded launcher. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string | undefined;
  };
  embedded: {
    home: string;
    boltPort: number;
    pageCache: string;
    heap: string;
    /** Register ringscope's procedures in the embedded database (RINGSCOPE_PROCEDURES, default on). */
    procedures: boolean;
  };
  http: { host: string; port: number };
  /** token → role, from RINGSCOPE_TOKENS="tokenA:admin,tokenB:viewer". */
  tokens: Map<string, Role>;
  limits: {
    queryTimeoutMs: number;
    maxNodes: number;
    maxRows: number;
  };
  /** Server log level (pino), from RINGSCOPE_LOG_LEVEL; logs go to stderr as JSON lines. */
  logLevel: LogLevel;
}

export class ConfigError extends Error {}

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const intString = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const sizeString = (name: string) => z.string().regex(/^\d+[kmg]?$/i, `${name} must be a size like 512m or 2g`);

const envSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'NEO4J_URI must look like bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'NEO4J_PASSWORD must have at least 8 characters').optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  RINGSCOPE_DATA_DIR: z.string().min(1).optional(),
  RINGSCOPE_BOLT_PORT: intString('RINGSCOPE_BOLT_PORT', 1, 65535).default(7687),
  RINGSCOPE_PAGECACHE: sizeString('RINGSCOPE_PAGECACHE').default('1g'),
  RINGSCOPE_HEAP: sizeString('RINGSCOPE_HEAP').default('2g'),
  RINGSCOPE_PROCEDURES: z.enum(['on', 'off'], { error: 'RINGSCOPE_PROCEDURES must be on or off' }).default('on'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intString('PORT', 0, 65535).default(4000),
  RINGSCOPE_TOKENS: z.string().optional(),
  RINGSCOPE_QUERY_TIMEOUT_MS: intString('RINGSCOPE_QUERY_TIMEOUT_MS', 100, 600_000).default(30_000),
  RINGSCOPE_MAX_NODES: intString('RINGSCOPE_MAX_NODES', 10, 100_000).default(5_000),
  RINGSCOPE_MAX_ROWS: intString('RINGSCOPE_MAX_ROWS', 10, 1_000_000).default(10_000),
  RINGSCOPE_LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `RINGSCOPE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

/** The embedded database's password when none is configured; it never leaves this machine. */
const EMBEDDED_DEFAULT_PASSWORD = 'ringscope-local';

function parseTokens(text: string | undefined): Map<string, Role> {
  const tokens = new Map<string, Role>();
  if (!text) return tokens;
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const cut = entry.lastIndexOf(':');
    const token = entry.slice(0, cut);
    const role = entry.slice(cut + 1) as Role;
    if (cut <= 0 || !ROLES.includes(role)) {
      // The entry is not echoed: it holds a secret.
      throw new ConfigError(
        `RINGSCOPE_TOKENS entry ${tokens.size + 1} must be token:role with role one of ${ROLES.join(', ')}`,
      );
    }
    if (token.length < 16) throw new ConfigError('RINGSCOPE_TOKENS: each token must have at least 16 characters');
    tokens.set(token, role);
  }
  return tokens;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = first?.path.join('.') ?? 'environment';
    throw new ConfigError(`invalid configuration: ${name}: ${first?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) {
    throw new ConfigError('NEO4J_PASSWORD is required when NEO4J_URI is set');
  }
  const dataDir = path.resolve(rootDir, e.RINGSCOPE_DATA_DIR ?? '.data');
  return Object.freeze({
    rootDir,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD ?? EMBEDDED_DEFAULT_PASSWORD,
      database: e.NEO4J_DATABASE,
    },
    embedded: {
      home: path.join(dataDir, 'neo4j'),
      boltPort: e.RINGSCOPE_BOLT_PORT,
      pageCache: e.RINGSCOPE_PAGECACHE,
      heap: e.RINGSCOPE_HEAP,
      procedures: e.RINGSCOPE_PROCEDURES === 'on',
    },
    http: { host: e.HOST, port: e.PORT },
    tokens: parseTokens(e.RINGSCOPE_TOKENS),
    limits: {
      queryTimeoutMs: e.RINGSCOPE_QUERY_TIMEOUT_MS,
      maxNodes: e.RINGSCOPE_MAX_NODES,
      maxRows: e.RINGSCOPE_MAX_ROWS,
    },
    logLevel: e.RINGSCOPE_LOG_LEVEL,
  });
}
