// Ingest: files → records → row effects → aggregated batches → one write transaction per batch,
// which also advances the file's checkpoint, so a crash at any point resumes exactly where the
// last committed batch ended and a finished file ingested again changes nothing.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database, WriteCounters } from '../db/database.js';
import { DbError } from '../db/errors.js';
import { Batch } from './batch.js';
import { dataSourceOf } from './data-source.js';
import { chooseWriter, writeBatch, type BatchWriter, type Created } from './write-batch.js';
import type { Kind, Mapping } from './fields.js';
import type { MappingSet } from './mapping-file.js';
import type { FilePlan } from './plan.js';
import { emptySummary, type FileSummary, type IngestSummary } from './summary.js';

export type { FileSummary, IngestSummary } from './summary.js';
import { planOf, planRun, problemOf, type RunPlan } from './plan-run.js';
import { createProgress } from './progress.js';
import { printable } from '../printable.js';
import { openSource, readPrefix } from './readers.js';
import { RejectsFile } from './rejects.js';
import { rowEffects } from './row-effects.js';

/**
 * Ingest runs without the API's query timeout (RINGSCOPE_QUERY_TIMEOUT_MS is for API queries): on a
 * slow or busy machine a batch takes longer, it must not fail. (The first `npm start` on a loaded
 * machine failed its demo load with "the query took longer than the configured timeout".)
 */
const NO_TIMEOUT = { timeoutMs: 0 };

export interface IngestOptions {
  kind?: Kind | undefined;
  mapping?: MappingSet | undefined;
  /** The data source the files' rows are recorded under (default: each file's name without extensions). */
  source?: string | undefined;
  rejectsDir: string;
  batchSize?: number;
  quiet?: boolean;
  /** Called with the plan before anything is written (the CLI prints it: every ingest starts with its plan). */
  onPlan?: (plan: RunPlan) => void;
  /** Called as rows are read (every 1,000) and when a file is done: the demo load shows it in /health. */
  onProgress?: (p: { file: string; rows: number; estimatedRows: number; done: boolean }) => void;
  /** Run a batch's statements while the previous batch commits (default). false: one at a time. */
  overlapCommits?: boolean;
  /**
   * How batches are written (write-batch.ts): 'auto' (default) by ringscope's procedure where the
   * database has it, else by the Cypher statements; 'procedure' refuses without it; 'cypher' never uses it.
   */
  writer?: 'auto' | BatchWriter | undefined;
}

/**
 * The database went away in the middle of a file. At least `committedRows` rows are in the graph (a
 * batch whose commit answer was lost may be too); the checkpoint in the database has the exact
 * point, so running the same command again resumes right after it.
 */
export class IngestInterrupted extends Error {
  constructor(
    readonly file: string,
    readonly committedRows: number,
    readonly dbError: DbError,
  ) {
    super(
      `${path.basename(file)}: the graph database became unreachable; at least ${committedRows} rows are ` +
        "committed (the file's checkpoint holds the exact point): run the same command again to resume",
    );
  }
}

/** The checkpoint was not where this batch expected it: the batch before it has not committed. */
class CheckpointOrderError extends DbError {
  constructor() {
    super('DATABASE_ERROR', 'ingest batch ran ahead of the one before it');
  }
}

/** The key of a file's :IngestFile checkpoint: its first characters and the mapping read it with. */
export function checkpointKey(prefix: string, mapping: Mapping): string {
  return createHash('sha256').update(prefix).update('\u0000').update(JSON.stringify(mapping)).digest('hex');
}

/** One file by its plan; `writer` is the one ingestFiles chose for the run (chooseWriter). */
export async function ingestFile(
  db: Database,
  plan: FilePlan,
  opts: IngestOptions,
  writer: BatchWriter,
): Promise<FileSummary> {
  const started = Date.now();
  const file = plan.file;
  const summary = emptySummary(file);
  summary.columns = plan.columns;
  const dataSource = dataSourceOf(file, opts.source);
  const source = await openSource(file);
  try {
    const mapping = plan.mapping;
    summary.kind = mapping.kind;
    const key = checkpointKey(await readPrefix(file), mapping);
    const checkpoint = (await db.read('ingest/checkpoint-get', { key }, NO_TIMEOUT))[0];
    const rowsDone = Number(checkpoint?.rowsDone ?? 0);
    summary.resumedFrom = rowsDone;
    summary.rowsRead = rowsDone;
    summary.accepted = Number(checkpoint?.accepted ?? 0);
    summary.skipped = Number(checkpoint?.skipped ?? 0);
    summary.skipReasons = JSON.parse(String(checkpoint?.skipReasons ?? '{}')) as Record<string, number>;
    const rejects = new RejectsFile(
      path.join(opts.rejectsDir, `${path.basename(file)}.${key.slice(0, 8)}.rejects.jsonl`),
    );
    rejects.open(rowsDone);
    summary.rejectsFile = rejects.path;

    const counters: WriteCounters = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
    const progress = createProgress(
      path.basename(file),
      source.totalBytes,
      process.stderr,
      opts.quiet,
      plan.estimatedRows,
    );
    const report = (done: boolean) =>
      opts.onProgress?.({ file, rows: summary.rowsRead, estimatedRows: plan.estimatedRows, done });
    report(false);
    const batchSize = opts.batchSize ?? 2000;
    let batch = new Batch();
    let index = 0;

    // Batch k+1 runs its statements while batch k commits, and the parser fills batch k+2 meanwhile.
    // Order stays exact: k+1's last statement advances the checkpoint only from where k left it (it
    // waits on k's lock on the checkpoint node, then checks), so k+1 can never commit before k; if it
    // finds k not committed (k failed and is being retried) it rolls back and runs again after k.
    let lastRowsDone = rowsDone;
    let previousCommitted: Promise<void> = Promise.resolve();
    let previousStatementsDone: Promise<void> = Promise.resolve();
    // Every batch, not only the last: a batch's counts land when its own promise settles, which can
    // be after a later (e.g. empty closing) batch has committed. Without this the summary of a 1M
    // registrations file missed one batch's 8,965 nodes and 8,000 relationships.
    let allCommitted: Promise<unknown> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    let committedRows = rowsDone;
    const flush = async (done: boolean) => {
      const b = batch;
      batch = new Batch();
      const cp = {
        key,
        name: path.basename(file),
        source: dataSource,
        kind: mapping.kind,
        from: lastRowsDone,
        rowsDone: index,
        done,
      };
      lastRowsDone = index;
      const accepted = summary.accepted + b.rows;
      summary.accepted = accepted;
      const rejected = rejects.count;
      const skipped = summary.skipped;
      const skipReasons = JSON.stringify(summary.skipReasons);
      await (opts.overlapCommits === false ? previousCommitted.catch(() => {}) : previousStatementsDone);
      if (failure) throw failure.error;
      const before = previousCommitted;
      let statementsDone!: () => void;
      previousStatementsDone = new Promise<void>((r) => (statementsDone = r));
      let created: Created = { nodesCreated: 0, relationshipsCreated: 0 };
      const attempt = () =>
        db.writeTx(async (tx) => {
          created = await writeBatch(tx, b, dataSource, writer);
          const advanced = await tx.run('ingest/checkpoint-set', { ...cp, accepted, rejected, skipped, skipReasons });
          if (Number(advanced[0]?.advanced ?? 0) !== 1) throw new CheckpointOrderError();
          statementsDone();
        }, NO_TIMEOUT);
      previousCommitted = attempt()
        .catch(async (e: unknown) => {
          if (!(e instanceof CheckpointOrderError)) throw e;
          await before;
          return attempt();
        })
        .then((c) => {
          counters.nodesCreated += c.nodesCreated + created.nodesCreated;
          counters.relationshipsCreated += c.relationshipsCreated + created.relationshipsCreated;
          committedRows = Math.max(committedRows, cp.rowsDone);
        })
        .finally(() => statementsDone());
      // A failed batch stops the file at the next flush: nothing after it may commit.
      previousCommitted.catch((error: unknown) => (failure ??= { error }));
      allCommitted = Promise.all([allCommitted, previousCommitted]);
      // Awaited below; until then a rejection must not count as unhandled.
      allCommitted.catch(() => {});
      if (done) await allCommitted;
    };

    try {
      for await (const rec of source.records) {
        if (index < rowsDone) {
          index++;
          continue;
        }
        const rowIndex = index++;
        summary.rowsRead++;
        if (rec.error !== undefined || rec.row === undefined) {
          rejects.add({ file, line: rec.line, row: rowIndex, reason: rec.error ?? 'unreadable', excerpt: rec.excerpt });
        } else {
          const result = rowEffects(rec.row, mapping);
          if (result.ok) batch.add(result.effects);
          else if (result.skipped) {
            summary.skipped++;
            summary.skipReasons[result.reason] = (summary.skipReasons[result.reason] ?? 0) + 1;
          } else rejects.add({ file, line: rec.line, row: rowIndex, reason: result.reason, excerpt: rec.excerpt });
        }
        if (batch.rows >= batchSize) await flush(false);
        progress.update(summary.rowsRead, source.bytesRead());
        if (summary.rowsRead % 1000 === 0) report(false);
      }
      await flush(true);
      report(true);
    } catch (e) {
      if (e instanceof DbError && e.code === 'DATABASE_UNAVAILABLE') {
        await allCommitted.catch(() => {});
        throw new IngestInterrupted(file, committedRows, e);
      }
      throw e;
    } finally {
      await allCommitted.catch(() => {});
      await previousCommitted.catch(() => {});
      rejects.close();
      progress.done();
    }
    summary.rejected = rejects.count;
    summary.rejectsFile = rejects.count > 0 ? rejects.path : null;
    summary.nodesCreated = counters.nodesCreated;
    summary.relationshipsCreated = counters.relationshipsCreated;
  } finally {
    source.close();
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

async function unreadable(file: string): Promise<never> {
  (await openSource(file)).close();
  throw new Error(`${file}: could not be read`);
}

/**
 * Plans the run (plan.ts), then ingests the files one after another by that plan. A file that cannot
 * be read, or whose plan has a problem (a kind that cannot be told, two columns nothing tells
 * apart), is reported, naming the columns, and nothing of it is written; the rest go on.
 */
export async function ingestFiles(api: Database, files: string[], opts: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const db = api.withoutQueryTimeout();
  // Chosen once for the run: one SHOW PROCEDURES, and every file written the same way.
  const writer = await chooseWriter(db, opts.writer ?? 'auto');
  const plan = await planRun(files, { kind: opts.kind, mapping: opts.mapping });
  opts.onPlan?.(plan);
  const result: IngestSummary = { files: [], plan, writer, nodesCreated: 0, relationshipsCreated: 0, seconds: 0 };
  for (const file of files) {
    // A file the plan cannot settle (kind unknown, two columns nothing tells apart) is not loaded
    // at all, its columns named; the other files go on, as after a file that cannot be read.
    const problem = plan.problems.filter((p) => p.file === file).map((p) => p.message);
    if (problem.length) {
      const planned = planOf(plan, file);
      result.files.push({
        ...emptySummary(file),
        kind: planned?.kind ?? null,
        columns: planned?.columns ?? [],
        error: printable(problem.join('; '), 300),
      });
      continue;
    }
    try {
      const planned = planOf(plan, file);
      // Not planned: it could not be opened; opening it again reports why, as for any file.
      const s = planned ? await ingestFile(db, planned, opts, writer) : await unreadable(file);
      result.files.push(s);
      result.nodesCreated += s.nodesCreated;
      result.relationshipsCreated += s.relationshipsCreated;
    } catch (e) {
      const unreachable = e instanceof IngestInterrupted || (e instanceof DbError && e.code === 'DATABASE_UNAVAILABLE');
      const message =
        unreachable && !(e instanceof IngestInterrupted)
          ? `${path.basename(file)}: the graph database is not reachable; nothing of this file was written`
          : e instanceof Error
            ? e.message
            : String(e);
      result.files.push({
        ...emptySummary(file),
        ...(e instanceof IngestInterrupted ? { resumedFrom: 0, rowsRead: e.committedRows } : {}),
        error: printable(message),
      });
      if (unreachable) {
        // Nothing more can be written: say so for every file not started, and stop.
        for (const rest of files.slice(files.indexOf(file) + 1))
          result.files.push({ ...emptySummary(rest), error: 'not started: the graph database is not reachable' });
        result.interrupted = true;
        break;
      }
    }
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
