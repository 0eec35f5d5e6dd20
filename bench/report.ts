// Writes the results tables into bench/README.md (between the results markers; the text around
// them is kept) from bench/results/*.json.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname);
const resultsDir = path.join(dir, 'results');
type Json = any;
const read = (f: string): Json | undefined => {
  const p = path.join(resultsDir, f);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Json) : undefined;
};
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '–');
const out: string[] = [];

const files = fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json'));
const any = files.map(read).find((j: Json) => j?.machine);
if (any) {
  const m = any.machine;
  out.push(`Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memGiB} GiB RAM, Node ${m.node ?? ''}; shared and noisy, so`);
  out.push('compare within a table (same run), not across tables.', '');
}

const ingest = read('ingest.json');
if (ingest) {
  out.push(
    `### Ingest (${ingest.accounts} generated accounts, ${ingest.rows} rows, every generated file; a warm-up load by each variant, then turns)`,
    '',
  );
  const mean = ingest.meanSeconds as Record<string, number>;
  const cpu = (ingest.meanCpuSeconds ?? {}) as Record<string, number>;
  const rows = Object.keys(mean).map((v) => {
    const rs = ingest.runs.filter((r: Json) => r.variant === v);
    const rps = Math.round(rs.reduce((n: number, r: Json) => n + r.rowsPerSecond, 0) / rs.length);
    const load = rs.map((r: Json) => r.load?.[0]).filter((l: unknown) => l !== undefined);
    return [
      ingest.variants[v] ?? v,
      rs.length,
      mean[v]!.toFixed(1),
      rps,
      mean.before ? x(mean.before, mean[v]!) : '–',
      mean['load-csv'] ? x(mean['load-csv'], mean[v]!) : '–',
      cpu[v] === undefined ? '–' : cpu[v]!.toFixed(1),
      cpu[v] !== undefined && cpu.before ? x(cpu.before, cpu[v]!) : '–',
      cpu[v] !== undefined && cpu['load-csv'] ? x(cpu['load-csv'], cpu[v]!) : '–',
      load.join(', '),
    ];
  });
  out.push(
    table(
      [
        'variant',
        'runs',
        'mean seconds',
        'rows/s',
        'vs before',
        'vs LOAD CSV',
        'CPU s (Neo4j + Node)',
        'CPU vs before',
        'CPU vs LOAD CSV',
        'load average (1 min)',
      ],
      rows,
    ),
    '',
    `All runs built the same graph (${ingest.graph.nodes} nodes, ${ingest.graph.relationships} relationships, ${ingest.graph.events} events, amount ${ingest.graph.amount} summed). ` +
      `The LOAD CSV files were prepared by ringscope's readers and normalisers in ${ingest.loadCsvPrepareSeconds} s, not counted.`,
    '',
  );
}

const detects = files
  .filter((f) => f.startsWith('detect-'))
  .map(read)
  .sort((a: Json, b: Json) => a.accounts - b.accounts || a.seed - b.seed);
if (detects.length) {
  out.push('### Detection quality (generate → ingest → detect → evaluate against truth.json)', '');
  out.push(
    table(
      [
        'accounts',
        'seed',
        'precision',
        'recall',
        'F1',
        'rings found',
        'purity',
        'legit groups flagged',
        'detect s',
        'detect peak RSS MB',
      ],
      detects.map((d: Json) => {
        const t = d.evaluation.truth;
        const legit =
          Object.entries(t.legitGroupsFlagged)
            .map(([k, v]) => `${k} ${v as number}`)
            .join(', ') || 'none';
        return [
          d.accounts,
          d.seed,
          t.members.precision,
          t.members.recall,
          t.members.f1,
          `${t.ringsFound}/${t.ringsPlanted}`,
          t.meanPurity,
          legit,
          d.detect.seconds.toFixed(1),
          d.detect.peakRssMb,
        ];
      }),
    ),
    '',
  );
}

const scales = files
  .filter((f) => f.startsWith('scale-'))
  .map((f) => ({ ...read(f), run: `${f.replace(/\.json$/, '')} (${String(read(f)?.date ?? '').slice(0, 10)})` }))
  .sort((a: Json, b: Json) => a.accounts - b.accounts || String(a.date).localeCompare(String(b.date)));
if (scales.length) {
  const opt = (v: unknown, digits = 0) => (typeof v === 'number' ? v.toFixed(digits) : '–');
  out.push('### Scale (each step is the CLI in its own process; peak RSS is that process)', '');
  out.push(
    table(
      [
        'run (results file, date)',
        'accounts',
        'rows',
        'generate s',
        'ingest s',
        'rows/s',
        'ingest RSS MB',
        'bulk ingest s',
        'bulk rows/s',
        'bulk RSS MB',
        'bulk vs ingest',
        'nodes',
        'relationships',
        'detect s',
        'detect RSS MB',
        'detect again s (warm)',
        'precision',
        'recall',
      ],
      scales.map((d: Json) => {
        const loaded = d.ingest ?? d.bulk;
        return [
          d.run,
          d.accounts,
          loaded.rows,
          d.generate.seconds.toFixed(1),
          opt(d.ingest?.seconds),
          d.ingest?.rowsPerSecond ?? '–',
          d.ingest?.peakRssMb ?? '–',
          opt(d.bulk?.seconds),
          d.bulk?.rowsPerSecond ?? '–',
          d.bulk?.peakRssMb ?? '–',
          d.bulk?.speedupVsTransactional
            ? d.bulk.speedupVsTransactional >= 1
              ? `${d.bulk.speedupVsTransactional}x faster`
              : `${(1 / d.bulk.speedupVsTransactional).toFixed(2)}x slower (fixed restart cost)`
            : '–',
          loaded.nodesCreated,
          loaded.relationshipsCreated,
          d.detect.seconds.toFixed(1),
          d.detect.peakRssMb,
          opt(d.detectRerun?.seconds, 1),
          d.evaluation.truth.members.precision,
          d.evaluation.truth.members.recall,
        ];
      }),
    ),
    '',
  );
  const phased = scales.flatMap((d: Json) =>
    [
      { d, label: d.detectAfter ? `first run, after ${d.detectAfter}` : 'first run', detect: d.detect },
      { d, label: 'Cypher table (warm)', detect: d.detectCypher },
      {
        d,
        label: d.detectGds
          ? `GDS grouping (warm; rings differing from the first run: ${d.detectGds.ringsOnlyInProcess} / ${d.detectGds.ringsOnlyGds})`
          : '',
        detect: d.detectGds,
      },
      {
        d,
        label: d.detectGraphPairs
          ? `pairs from the identifier graph (warm; rings differing from the first run: ${d.detectGraphPairs.ringsOnlyFirst} / ${d.detectGraphPairs.ringsOnlyGraphPairs})`
          : '',
        detect: d.detectGraphPairs,
      },
      { d, label: 'again (warm)', detect: d.detectRerun },
    ].filter((x) => x.detect?.phases),
  );
  if (phased.length) {
    const names = [
      'graph',
      'riskFeatures',
      'gdsGrouping',
      'memberReads',
      'grouping',
      'evidence',
      'scoring',
      'risk',
      'write',
      'history',
    ];
    out.push(
      'Detection by step (wall seconds). graph (the linked account pairs: summed in Neo4j by ringscope.accountLinks ' +
        'where the database has it, the default since 2026-11-29; before that, and in "pairs from the identifier ' +
        'graph" and "Cypher table" rows, identifiers and soft signals streamed into the account graph here), ' +
        'riskFeatures (the per-account table, read in key ranges at once) and memberReads (candidate members’ ' +
        'tools and APIs, and the identifiers they share, after grouping; read by ringscope.memberActivity and ' +
        'ringscope.groupIdentifiers where the database has them, since 2026-11-29) are read side by side, each ' +
        'timed from its own start; evidence (each account’s own evidence, from the table alone: worked out here ' +
        'as soon as the table arrives, while the other reads run; in the first step after the reads before ' +
        '2026-11-29) overlaps them too; the steps after ' +
        'them run one after another. "first run": right after a load (nothing stored by an earlier run), on the ' +
        'database the transactional ingest has just filled (how the 2026-11-25 rows were measured) or on one just ' +
        'started (a cold JVM: after a bulk load, or a --detect-only --fresh run), as the row says where the results ' +
        'file records it; "again": the same detection once more on the warm database; ' +
        '"Cypher table": between the two, the same detection with the per-account table summed by the portable Cypher ' +
        "statement (`detect --engine cypher`) instead of ringscope's procedure in the database (the default where the " +
        'database has it; results recorded before the procedure existed used Cypher); "GDS grouping": then ' +
        '`detect --engine gds`, the account links projected and grouped inside Neo4j by Graph Data Science ' +
        '(gdsGrouping: projection, WCC and Louvain, timed from the start of the reads; grouping: what this process ' +
        'then waited for it), with the count of rings (members and score) only the first run found / only GDS found; ' +
        '"pairs from the identifier graph": `detect --pairs graph`, the table in the database as by default, the ' +
        'pairs summed in this process from the identifier graph (memberReads then needs no read of the candidate ' +
        "groups' identifiers).",
      '',
    );
    out.push(
      table(
        ['run', 'accounts', 'detection', 'features summed', 'pairs summed', ...names, 'total'],
        phased.map(({ d, label, detect }: Json) => [
          d.run,
          d.accounts,
          label,
          detect.engine === 'db' ? 'in Neo4j (procedure)' : 'Cypher',
          detect.pairs === 'procedure' ? 'in Neo4j (procedure)' : detect.grouping === 'gds' ? 'in Neo4j (GDS)' : 'here',
          ...names.map((n) => opt(detect.phases[n], 1)),
          detect.seconds.toFixed(1),
        ]),
      ),
      '',
    );
  }
  const bulked = scales.filter((d: Json) => d.bulk?.bulk);
  if (bulked.length) {
    out.push(
      `Bulk load by step (s): ${bulked
        .map(
          (d: Json) =>
            `${d.accounts}: read, spill and aggregate ${opt(d.bulk.bulk.prepareSeconds)}, offline import ${opt(d.bulk.bulk.importSeconds)}, restart with schema and indexes ${opt(d.bulk.bulk.finishSeconds)}`,
        )
        .join('; ')}.`,
      '',
    );
  }
  for (const d of scales.filter((x: Json) => x.ingest)) {
    out.push(
      `Rows/s by file, ${d.run}: ${d.ingest.perFile
        .filter((f: Json) => f.rows > 10000)
        .map((f: Json) => `${f.file} ${f.rowsPerSecond}`)
        .join(', ')}.`,
    );
  }
  out.push('');
}

const api = read('api.json');
if (api) {
  out.push(
    `### API latency (${api.database.accounts} accounts, ${api.database.nodes} nodes, ${api.database.relationships} relationships)`,
    '',
  );
  const rows = api.results.map((r: Json) => [
    r.name,
    r.requests,
    r.medianMs,
    r.p95Ms,
    r.maxMs,
    r.medianSize,
    r.maxSize,
  ]);
  out.push(table(['request', 'n', 'median ms', 'p95 ms', 'max ms', 'median size', 'max size'], rows), '');
  const pairs = new Map<string, Json[]>();
  for (const r of api.results) pairs.set(r.name.split(':')[0], [...(pairs.get(r.name.split(':')[0]) ?? []), r]);
  out.push(
    [...pairs]
      .map(([k, [a, b]]) =>
        a && b ? `${k}: ringscope/baseline median ${x(a.medianMs, b.medianMs)}, p95 ${x(a.p95Ms, b.p95Ms)}` : '',
      )
      .join('; ') + '.',
    `(${api.note})`,
    '',
  );
}

const render = read('render.json');
if (render) {
  out.push(`### Render in headless Chromium (${render.browser}, viewport ${render.viewport}, median of runs)`, '');
  const rows: (string | number)[][] = [];
  for (const r of render.results) {
    const base = render.results.find(
      (b: Json) => b.layout === r.layout && b.elements === r.elements && b.variant === 'baseline',
    );
    rows.push([
      r.layout,
      r.elements,
      r.variant,
      r.addMs,
      r.layoutMs,
      r.firstFrameMs,
      r.totalMs,
      base ? x(r.totalMs, base.totalMs) : '',
      r.zoomFrameMs,
      r.panFrameMs ?? '',
      r.panFrameMs ? Math.round(1000 / Math.max(1, r.panFrameMs)) : '',
      r.selectMs ?? '',
      r.expandMs ?? '',
    ]);
  }
  out.push(
    table(
      [
        'layout',
        'elements',
        'variant',
        'add ms',
        'layout ms',
        'first frame ms',
        'total ms',
        'vs baseline',
        'ms/frame zooming',
        'ms/frame panning',
        'pan fps',
        'select ms',
        'expand +100 ms',
      ],
      rows,
    ),
    '',
  );
}

const readme = path.join(dir, 'README.md');
const text = fs.existsSync(readme)
  ? fs.readFileSync(readme, 'utf8')
  : '# Benchmarks\n\n<!-- results:start -->\n<!-- results:end -->\n';
const start = text.indexOf('<!-- results:start -->');
const end = text.indexOf('<!-- results:end -->');
if (start < 0 || end < 0) throw new Error(`${readme}: results markers missing`);
fs.writeFileSync(readme, `${text.slice(0, start)}<!-- results:start -->\n${out.join('\n')}\n${text.slice(end)}`);
console.error(`wrote ${readme}`);
