// The LOAD CSV baseline of the ingest benchmark: what Neo4j's own `LOAD CSV … CALL { } IN
// TRANSACTIONS` does with the same rows. ringscope's readers, mapping and normalisers turn each
// input row into its effects once (prepare, timed apart); every effect becomes one line of a CSV
// per statement in the embedded server's import directory, and cypher/bench/load-csv-*.cypher
// merge them line by line, each pass committing every 2,000 lines. No aggregation in Node: that
// is the point of the baseline.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../server/src/db/database.js';
import { linkStatement } from '../server/src/ingest/batch.js';
import { resolveMapping } from '../server/src/ingest/columns.js';
import { openSource } from '../server/src/ingest/readers.js';
import type { RowEffects } from '../server/src/ingest/effects.js';
import { rowEffects } from '../server/src/ingest/row-effects.js';
import { CsvWriter } from '../server/src/generate/csv-writer.js';

/** Node properties each identifier label carries, as CSV columns of its link file. */
const NODE_COLUMNS: Record<string, string[]> = {
  USED_DEVICE: [],
  USED_IP: ['version'],
  PAID_WITH: ['bin', 'last4'],
  HAS_PHONE: ['block'],
  HAS_EMAIL: ['canonical', 'domain', 'pattern', 'stem'],
  SHIPS_TO: ['text'],
  CALLED: [],
  RAN: ['category'],
};
const SUM_COLUMNS = ['amount', 'declines', 'chargebacks', 'refunds', 'failures'];
const ACCOUNT_PROPS = new Set(['country', 'userAgent']);

/** One pass: the statement and the file it reads, in the order they must run. */
export interface LoadCsvPass {
  statement: string;
  file: string;
  lines: number;
}

/**
 * Writes the baseline's CSV files into importDir/load-csv and returns the passes to run. Throws
 * when a row carries something the baseline's fixed columns do not cover (it must build the same
 * graph, or it is no baseline).
 */
export async function prepareLoadCsv(files: string[], importDir: string): Promise<LoadCsvPass[]> {
  const dir = path.join(importDir, 'load-csv');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const writers = new Map<string, CsvWriter>();
  const order: string[] = [];
  const writer = (statement: string, columns: string[]) => {
    let w = writers.get(statement);
    if (!w) {
      w = new CsvWriter(path.join(dir, `${statement.slice('bench/'.length)}.csv`), columns);
      writers.set(statement, w);
      order.push(statement);
    }
    return w;
  };
  // Fixed pass order, as ringscope ingests: assets and intel, accounts, then what links to them.
  writer('bench/load-csv-api-assets', ['key', 'domain', 'sensitivity', 'controls', 'tags']);
  writer('bench/load-csv-intel', ['label', 'key', 'tags', 'confidence', 'source', 'bin']);
  writer('bench/load-csv-accounts', ['key', 't', 'registeredAt', 'label', ...ACCOUNT_PROPS]);

  const write = async (e: RowEffects) => {
    for (const a of e.apis) {
      await writers.get('bench/load-csv-api-assets')!.write({
        key: a.key,
        domain: a.domain,
        sensitivity: a.sensitivity,
        controls: a.controls.join(';'),
        tags: a.tags.join(';'),
      });
    }
    for (const i of e.intel) {
      const extra = Object.keys(i.nodeProps).filter((k) => k !== 'bin');
      if (extra.length) throw new Error(`LOAD CSV baseline: intel node property ${extra[0]} has no column`);
      await writers.get('bench/load-csv-intel')!.write({
        label: i.label,
        key: i.key,
        tags: i.tags.join(';'),
        confidence: i.confidence,
        source: i.source,
        bin: i.nodeProps.bin as string | undefined,
      });
    }
    for (const a of e.accounts) {
      const extra = Object.keys(a.props).filter((k) => !ACCOUNT_PROPS.has(k));
      if (extra.length) throw new Error(`LOAD CSV baseline: account property ${extra[0]} has no column`);
      await writers.get('bench/load-csv-accounts')!.write({
        key: a.key,
        t: a.t,
        registeredAt: a.registeredAt,
        label: a.label,
        ...(a.props as Record<string, string>),
      });
    }
    for (const l of e.links) {
      const props = NODE_COLUMNS[l.rel]!;
      const extra = Object.keys(l.nodeProps).filter((k) => !props.includes(k));
      if (extra.length) throw new Error(`LOAD CSV baseline: ${l.rel} node property ${extra[0]} has no column`);
      const w = writer(`bench/load-csv-${linkStatement(l.rel, 'link').slice('ingest/'.length)}`, [
        'account',
        'key',
        't',
        ...SUM_COLUMNS,
        ...props,
      ]);
      const { nodeProps, ...event } = l;
      await w.write({ ...event, ...(nodeProps as Record<string, string | number>) });
    }
    for (const l of e.accountLinks) {
      const w = writer(`bench/load-csv-${linkStatement(l.rel, 'account-link').slice('ingest/'.length)}`, [
        'from',
        'to',
        't',
        'amount',
      ]);
      await w.write({ from: l.from, to: l.to, t: l.t, amount: l.amount });
    }
    for (const d of e.deviceTools) {
      await writer('bench/load-csv-device-tool', ['device', 'tool', 'category']).write({ ...d });
    }
  };

  for (const file of files) {
    const source = await openSource(file);
    try {
      const mapping = resolveMapping(source.headers, path.basename(file), {});
      for await (const rec of source.records) {
        if (rec.row === undefined) continue;
        const r = rowEffects(rec.row, mapping);
        if (r.ok) await write(r.effects);
      }
    } finally {
      source.close();
    }
  }
  // Device → tool links match devices, so they go after every identifier link.
  const last = (s: string) => s === 'bench/load-csv-device-tool';
  const passes: LoadCsvPass[] = [];
  for (const statement of [...order.filter((s) => !last(s)), ...order.filter(last)]) {
    const w = writers.get(statement)!;
    await w.close();
    if (w.rows > 0) passes.push({ statement, file: `load-csv/${path.basename(w.file)}`, lines: w.rows });
  }
  return passes;
}

/** Runs the passes one after another (each commits every 2,000 lines on its own). */
export async function runLoadCsv(db: Database, passes: LoadCsvPass[]): Promise<void> {
  for (const p of passes) await db.runAutoCommit(p.statement, { url: `file:///${p.file}` });
}
