// `ringscope ingest --bulk FILE...`: a first load through Neo4j's offline importer. The files are
// read with the same readers, mappings and row rules as the transactional ingest; their effects
// are spilled to hash partitions (spill.ts), aggregated one partition at a time (aggregate.ts) into
// the importer's node and relationship files (importer-files.ts); then the embedded database is
// stopped, imported into by the launcher, started again, given its schema and the few values the
// importer cannot write (empty lists). Only into an empty embedded database.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Config } from '../../config.js';
import { openDatabase } from '../../db/connect.js';
import { embeddedStatus, runLauncherImport } from '../../db/embedded.js';
import type { Kind } from '../fields.js';
import type { MappingSet } from '../mapping-file.js';
import { planOf, planRun, problemOf } from '../plan-run.js';
import { checkpointKey, type FileSummary, type IngestSummary } from '../ingest.js';
import { createProgress } from '../progress.js';
import { openSource, readPrefix } from '../readers.js';
import { RejectsFile } from '../rejects.js';
import { LINK_TYPES } from '../effects.js';
import { rowEffects } from '../row-effects.js';
import { emptyAggregate, foldRecord, spillEffects } from './aggregate.js';
import { dataSourceOf } from '../data-source.js';
import { PropTypes } from './importer-columns.js';
import { ImporterFiles } from './importer-files.js';
import { partitionCount, readPartition, SpillWriter } from './spill.js';

export class BulkRefused extends Error {}

export interface BulkOptions {
  kind?: Kind | undefined;
  mapping?: MappingSet | undefined;
  /** As IngestOptions.source. */
  source?: string | undefined;
  rejectsDir: string;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface BulkSummary extends IngestSummary {
  bulk: {
    partitions: number;
    spillRecords: number;
    /** Reading, spilling and aggregating into the importer's files. */
    prepareSeconds: number;
    importSeconds: number;
    /** Starting again, schema (indexes populated) and empty lists. */
    finishSeconds: number;
  };
}

const since = (t: number) => (Date.now() - t) / 1000;

/** Refuses unless the embedded database is the target, not running elsewhere, and empty. */
async function checkTarget(config: Config): Promise<void> {
  if (config.neo4j.uri) {
    throw new BulkRefused(
      "--bulk builds the embedded database with Neo4j's offline importer, but NEO4J_URI is set: ingest into that database without --bulk (or run neo4j-admin database import on its server)",
    );
  }
  const status = await embeddedStatus(config);
  if (status.listening) {
    throw new BulkRefused(
      `an embedded Neo4j is running on port ${config.embedded.boltPort}${status.pid ? ` (pid ${status.pid})` : ''}; the offline import needs it stopped: run 'ringscope db stop' (or stop the server) and try again`,
    );
  }
  // No store yet: nothing to look at (and no start to wait for).
  if (!fs.existsSync(path.join(config.embedded.home, 'data', 'databases', 'neo4j'))) return;
  const open = await openDatabase(config, { applySchema: false });
  try {
    const nodes = Number((await open.db.read('admin/store-counts'))[0]?.nodes ?? 0);
    if (nodes > 0) {
      throw new BulkRefused(
        `the embedded database in ${config.embedded.home} is not empty (${nodes} nodes): --bulk only loads an empty database; ingest without --bulk to add to it, or use an empty RINGSCOPE_DATA_DIR`,
      );
    }
  } finally {
    await open.close();
  }
}

interface Prepared {
  files: FileSummary[];
  checkpoints: Parameters<ImporterFiles['writeCheckpoints']>[0];
}

/** Reads every file into the spill; any file that cannot be read stops the bulk load before import. */
async function spillFiles(files: string[], spill: SpillWriter, types: PropTypes, opts: BulkOptions): Promise<Prepared> {
  const prepared: Prepared = { files: [], checkpoints: [] };
  // The same plan as the transactional ingest: same kinds, columns and mappings.
  const plan = await planRun(files, { kind: opts.kind, mapping: opts.mapping });
  for (const file of files) {
    const started = Date.now();
    const source = await openSource(file);
    try {
      const planned = planOf(plan, file);
      const problem = problemOf(plan, file) ?? plan.problems[0]?.message;
      if (!planned || problem) throw new Error(problem ?? 'could not be planned');
      const mapping = planned.mapping;
      const key = checkpointKey(await readPrefix(file), mapping);
      const dataSource = dataSourceOf(file, opts.source);
      const rejects = new RejectsFile(
        path.join(opts.rejectsDir, `${path.basename(file)}.${key.slice(0, 8)}.rejects.jsonl`),
      );
      rejects.open(0);
      const progress = createProgress(path.basename(file), source.totalBytes, process.stderr, opts.quiet);
      let rows = 0;
      let accepted = 0;
      let skipped = 0;
      const skipReasons: Record<string, number> = {};
      try {
        for await (const rec of source.records) {
          const row = rows++;
          if (rec.error !== undefined || rec.row === undefined) {
            rejects.add({ file, line: rec.line, row, reason: rec.error ?? 'unreadable', excerpt: rec.excerpt });
          } else {
            const result = rowEffects(rec.row, mapping);
            if (result.ok) {
              accepted++;
              spillEffects(spill, result.effects, dataSource);
              for (const a of result.effects.accounts) types.note('Account', a.props);
              for (const a of result.effects.attributes) types.note(a.label, a.props);
              for (const l of result.effects.links) types.note(LINK_TYPES[l.rel], l.nodeProps);
              for (const i of result.effects.intel) types.note(i.label, i.nodeProps);
            } else if (result.skipped) {
              skipped++;
              skipReasons[result.reason] = (skipReasons[result.reason] ?? 0) + 1;
            } else rejects.add({ file, line: rec.line, row, reason: result.reason, excerpt: rec.excerpt });
          }
          if ((rows & 1023) === 0) progress.update(rows, source.bytesRead());
        }
      } finally {
        rejects.close();
        progress.done();
      }
      prepared.checkpoints.push({
        key,
        name: path.basename(file),
        source: dataSource,
        kind: mapping.kind,
        rowsDone: rows,
        accepted,
        rejected: rejects.count,
        skipped,
        skipReasons,
      });
      prepared.files.push({
        file,
        kind: mapping.kind,
        rowsRead: rows,
        accepted,
        rejected: rejects.count,
        skipped,
        skipReasons,
        rejectsFile: rejects.count > 0 ? rejects.path : null,
        nodesCreated: 0,
        relationshipsCreated: 0,
        seconds: since(started),
        resumedFrom: 0,
        columns: planned.columns,
      });
    } catch (e) {
      throw new BulkRefused(
        `${path.basename(file)}: ${e instanceof Error ? e.message : String(e)}; nothing was imported`,
      );
    } finally {
      source.close();
    }
  }
  return prepared;
}

export async function bulkIngest(config: Config, files: string[], opts: BulkOptions): Promise<BulkSummary> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const started = Date.now();
  await checkTarget(config);
  const work = path.join(path.dirname(config.embedded.home), 'bulk-import');
  fs.rmSync(work, { recursive: true, force: true });
  try {
    const inputBytes = files.reduce((s, f) => s + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    const spill = new SpillWriter(path.join(work, 'spill'), partitionCount(inputBytes));
    const types = new PropTypes();
    let prepared: Prepared;
    try {
      prepared = await spillFiles(files, spill, types, opts);
    } finally {
      spill.close();
    }
    const out = new ImporterFiles(path.join(work, 'csv'), types, new Date().toISOString());
    for (let p = 0; p < spill.partitions; p++) {
      const agg = emptyAggregate();
      for await (const rec of readPartition(spill.file(p))) foldRecord(agg, rec);
      out.writeAggregate(agg);
      fs.rmSync(spill.file(p));
    }
    out.writeCheckpoints(prepared.checkpoints);
    const argsFile = path.join(work, 'import-args.txt');
    const args = out.finish(Math.max(1, Math.min(os.availableParallelism(), 8)));
    args.push(`--report-file=${path.join(config.embedded.home, 'import.report')}`);
    fs.writeFileSync(argsFile, args.join('\n') + '\n');
    const prepareSeconds = since(started);

    if (!opts.quiet) log(`ringscope: ${spill.records} spilled records aggregated; running the offline import…`);
    const importStarted = Date.now();
    await runLauncherImport(config, argsFile, path.join(config.embedded.home, 'import.log'));
    const importSeconds = since(importStarted);

    const finishStarted = Date.now();
    // The restarted store builds every index at once while the schema is applied: give that (and
    // the empty-list pass) an hour, not the API's per-query timeout (at 100k accounts on the loaded
    // machine the 30 s default failed the load at this last step).
    const open = await openDatabase({ ...config, limits: { ...config.limits, queryTimeoutMs: 3_600_000 } }, { log });
    let counts;
    try {
      await open.db.runAutoCommit('bulk/empty-tags');
      await open.db.runAutoCommit('bulk/empty-controls');
      await open.db.runAutoCommit('admin/await-indexes');
      counts = (await open.db.read('admin/store-counts'))[0]!;
    } finally {
      await open.close();
    }
    return {
      files: prepared.files,
      nodesCreated: Number(counts.nodes),
      relationshipsCreated: Number(counts.relationships),
      seconds: since(started),
      bulk: {
        partitions: spill.partitions,
        spillRecords: spill.records,
        prepareSeconds,
        importSeconds,
        finishSeconds: since(finishStarted),
      },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
