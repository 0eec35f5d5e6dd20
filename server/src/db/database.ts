// The only module that talks to the Neo4j driver. Statements come from the Cypher catalogue by
// name; reads run in READ transactions (a cluster routes them to followers), writes in WRITE
// transactions; every record is turned into plain data; driver errors become DbError (errors.ts)
// with a code the API layer can pass on without leaking Cypher or stack traces.
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Session } from 'neo4j-driver';
import type { Config } from '../config.js';
import { driverLogging } from '../log.js';
import { CypherCatalog, splitStatements } from './cypher-catalog.js';
import { DbError, mapDriverError } from './errors.js';
import { toPlain, type PlainRecord } from './plain.js';

export interface RunOptions {
  timeoutMs?: number;
}

export interface WriteCounters {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
}

/** A write transaction handed to callers of Database.writeTx: runs catalogue statements by name. */
export interface WriteTx {
  run(name: string, params?: Record<string, unknown>): Promise<PlainRecord[]>;
  /** Runs a statement and hands its rows to `onRow` as they arrive, none of them kept; returns how many. */
  stream(name: string, params: Record<string, unknown>, onRow: (row: PlainRecord) => void): Promise<number>;
}

export class Database {
  readonly driver: Driver;

  constructor(
    private readonly config: Config,
    readonly catalog: CypherCatalog,
    readonly uri: string,
    opts: { poolSize?: number } = {},
  ) {
    this.driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: opts.poolSize ?? 20,
      connectionAcquisitionTimeout: 20_000,
      connectionTimeout: 5_000,
      // Transient errors are retried, but a database that is down should be reported in seconds.
      maxTransactionRetryTime: 5_000,
      logging: driverLogging(config.logLevel),
    });
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.config.neo4j.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** Default transaction timeout: the API's (RINGSCOPE_QUERY_TIMEOUT_MS); 0 (none) for batch work. */
  protected defaultTimeoutMs(): number {
    return this.config.limits.queryTimeoutMs;
  }

  private txConfig(opts?: RunOptions) {
    return { timeout: opts?.timeoutMs ?? this.defaultTimeoutMs() };
  }

  /**
   * The same database (same driver and sessions) for batch work — ingest, the demo load, detection —
   * whose statements have no transaction timeout: the API's query timeout protects interactive
   * requests; a slow machine must make batch work slower, not fail it. Do not close the view.
   */
  withoutQueryTimeout(): Database {
    const view = Object.create(this) as Database;
    Object.defineProperty(view, 'defaultTimeoutMs', { value: () => 0 });
    return view;
  }

  /** Runs a catalogue statement in a READ transaction and returns plain rows. */
  async read(name: string, params: Record<string, unknown> = {}, opts?: RunOptions): Promise<PlainRecord[]> {
    return this.readText(this.catalog.get(name), params, opts);
  }

  /** Runs Cypher text that itself came from the catalogue (saved queries) in a READ transaction. */
  async readText(text: string, params: Record<string, unknown> = {}, opts?: RunOptions): Promise<PlainRecord[]> {
    const session = this.session('READ');
    try {
      const result = await session.executeRead((tx) => tx.run(text, params), this.txConfig(opts));
      return result.records.map((r) => toPlain(r));
    } catch (e) {
      throw mapDriverError(e);
    } finally {
      await session.close();
    }
  }

  /** Like readText but also reports whether more than maxRows rows were available. */
  async readTextCapped(text: string, params: Record<string, unknown>, maxRows: number, opts?: RunOptions) {
    return this.runCapped('READ', text, params, maxRows, opts);
  }

  /** A saved query declared `@mode write`: a WRITE transaction, otherwise like readTextCapped. */
  async writeTextCapped(text: string, params: Record<string, unknown>, maxRows: number, opts?: RunOptions) {
    return this.runCapped('WRITE', text, params, maxRows, opts);
  }

  private async runCapped(
    mode: 'READ' | 'WRITE',
    text: string,
    params: Record<string, unknown>,
    maxRows: number,
    opts?: RunOptions,
  ): Promise<{ keys: string[]; rows: PlainRecord[]; truncated: boolean }> {
    const session = this.session(mode);
    const work = async (tx: ManagedTransaction) => {
      const result = tx.run(text, params);
      const rows: PlainRecord[] = [];
      let truncated = false;
      for await (const record of result) {
        if (rows.length >= maxRows) {
          truncated = true;
          break;
        }
        rows.push(toPlain(record));
      }
      const keys = (await result.keys()) as string[];
      return { keys, rows, truncated };
    };
    try {
      return mode === 'READ'
        ? await session.executeRead(work, this.txConfig(opts))
        : await session.executeWrite(work, this.txConfig(opts));
    } catch (e) {
      throw mapDriverError(e);
    } finally {
      await session.close();
    }
  }

  /**
   * Streams the rows of a catalogue READ statement to a callback, without holding them all. The
   * driver retries a transaction that failed on a transient error; once rows have reached the
   * callback a retry would deliver them twice, so the stream fails instead (before any row it may
   * retry as usual).
   */
  async stream(
    name: string,
    params: Record<string, unknown>,
    onRow: (row: PlainRecord) => void,
    opts?: RunOptions,
  ): Promise<number> {
    const session = this.session('READ');
    let n = 0;
    try {
      await session.executeRead(async (tx) => {
        if (n > 0)
          throw new DbError(
            'DATABASE_UNAVAILABLE',
            `reading '${name}' was interrupted after ${n} rows and cannot resume where it stopped; run it again`,
          );
        for await (const record of tx.run(this.catalog.get(name), params)) {
          n++;
          onRow(toPlain(record));
        }
      }, this.txConfig(opts));
      return n;
    } catch (e) {
      throw mapDriverError(e);
    } finally {
      await session.close();
    }
  }

  /** Runs a catalogue statement in its own WRITE transaction. */
  async write(name: string, params: Record<string, unknown> = {}, opts?: RunOptions): Promise<PlainRecord[]> {
    const rows: PlainRecord[] = [];
    await this.writeTx(async (tx) => {
      rows.push(...(await tx.run(name, params)));
    }, opts);
    return rows;
  }

  /**
   * Runs several catalogue statements in one WRITE transaction (all or nothing) and returns what
   * they created. The driver retries the whole function on transient errors.
   */
  async writeTx(work: (tx: WriteTx) => Promise<void>, opts?: RunOptions): Promise<WriteCounters> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(async (tx: ManagedTransaction) => {
        const counters: WriteCounters = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
        const count = (result: Pick<QueryResult, 'summary'>) => {
          const u = result.summary.counters.updates();
          counters.nodesCreated += u.nodesCreated;
          counters.relationshipsCreated += u.relationshipsCreated;
          counters.propertiesSet += u.propertiesSet;
        };
        await work({
          run: async (name, params = {}) => {
            const result = await tx.run(this.catalog.get(name), params);
            count(result);
            return result.records.map((r) => toPlain(r));
          },
          stream: async (name, params, onRow) => {
            const result = tx.run(this.catalog.get(name), params);
            let n = 0;
            for await (const record of result) {
              n++;
              onRow(toPlain(record));
            }
            count({ summary: await result.summary() });
            return n;
          },
        });
        return counters;
      }, this.txConfig(opts));
    } catch (e) {
      throw mapDriverError(e);
    } finally {
      await session.close();
    }
  }

  /** Runs a catalogue statement outside an explicit transaction (needed for CALL … IN TRANSACTIONS). */
  async runAutoCommit(name: string, params: Record<string, unknown> = {}): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(this.catalog.get(name), params);
    } catch (e) {
      throw mapDriverError(e);
    } finally {
      await session.close();
    }
  }

  /** Applies every statement of cypher/schema/*.cypher; all use IF NOT EXISTS, so this is idempotent. */
  async applySchema(): Promise<number> {
    let n = 0;
    for (const file of this.catalog.folder('schema')) {
      for (const statement of splitStatements(file.text)) {
        const session = this.session('WRITE');
        try {
          await session.run(statement);
          n++;
        } catch (e) {
          const err = mapDriverError(e);
          throw new DbError(err.code, `${file.file}: ${err.message}`, err.neo4jCode);
        } finally {
          await session.close();
        }
      }
    }
    await this.read('admin/await-indexes');
    return n;
  }

  /** EXPLAINs a statement: used to validate saved queries without running them. */
  async explain(text: string, params: Record<string, unknown>): Promise<{ type: string }> {
    const session = this.session('READ');
    try {
      const result = await session.run(`EXPLAIN ${text}`, params);
      return { type: result.summary.queryType };
    } catch (e) {
      throw mapDriverError(e);
    } finally {
      await session.close();
    }
  }

  /** Server version and edition, or throws DATABASE_UNAVAILABLE. */
  async serverInfo(): Promise<{ version: string; edition: string; address: string }> {
    try {
      const info = await this.driver.getServerInfo({ database: this.config.neo4j.database });
      const rows = await this.read('admin/server-components');
      const row = rows[0] ?? {};
      return {
        version: String(row.version ?? info.agent ?? 'unknown'),
        edition: String(row.edition ?? 'unknown'),
        address: String(info.address ?? ''),
      };
    } catch (e) {
      throw mapDriverError(e);
    }
  }

  async waitUntilReachable(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.driver.getServerInfo({ database: this.config.neo4j.database });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw mapDriverError(e);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Another connection to the same database with its own small pool (health checks). */
  sibling(poolSize: number): Database {
    return new Database(this.config, this.catalog, this.uri, { poolSize });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
