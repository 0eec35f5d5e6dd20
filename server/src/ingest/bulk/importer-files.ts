// Writes the offline importer's input (neo4j-admin database import full): one header file and one
// data file per node label and per relationship type, with the same properties and value types the
// transactional statements in cypher/ingest/ store. Numbers are doubles (the JavaScript driver
// sends every number as a float), times are UTC datetimes, empty values are left out (as a null
// property is), lists use ARRAY_DELIMITER. Returns the importer's argument lines.
import fs from 'node:fs';
import path from 'node:path';
import { keepsEvents, latestEvents } from '../../model/events.js';
import { LINK_SUM_COLUMNS } from '../effects.js';
import type { LinkAgg, NodeAgg, PartitionAggregate } from './aggregate.js';
import {
  ACCOUNT_COLUMNS,
  API_COLUMNS,
  ARRAY_DELIMITER,
  LINK_END,
  NODE_COLUMNS,
  type PropType,
  type PropTypes,
} from './importer-columns.js';

const str = (s: string) => `"${s.replaceAll('"', '""')}"`;
const time = (t: number | null) => (t === null ? '' : new Date(t).toISOString());
const num = (n: number | null) => (n === null ? '' : String(n));
const list = (l: string[] | null) => (l === null || l.length === 0 ? '' : str(l.join(ARRAY_DELIMITER)));

class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly header: string,
    readonly data: string,
    columns: string[],
  ) {
    fs.writeFileSync(header, columns.join(',') + '\n');
    this.fd = fs.openSync(data, 'w');
  }

  write(fields: string[]): void {
    const line = fields.join(',');
    this.buffer.push(line);
    this.size += line.length + 1;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

interface NodeFile {
  csv: CsvFile;
  dynamic: [string, PropType][];
}

export class ImporterFiles {
  private readonly nodeFiles = new Map<string, NodeFile>();
  private readonly relFiles = new Map<string, CsvFile>();
  /** Set when a string holds a line break: the importer then reads fields across lines. */
  multiline = false;

  constructor(
    readonly dir: string,
    private readonly propTypes: PropTypes,
    private readonly createdIso: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private text(s: string): string {
    if (!this.multiline && /[\r\n]/.test(s)) this.multiline = true;
    return str(s);
  }

  private nodeFile(label: string): NodeFile {
    let f = this.nodeFiles.get(label);
    if (f) return f;
    const fixed = [
      ...NODE_COLUMNS,
      ...(label === 'Account' ? ACCOUNT_COLUMNS : []),
      ...(label === 'Api' ? API_COLUMNS : []),
    ];
    const dynamic = [...(this.propTypes.byLabel.get(label) ?? new Map<string, PropType>())];
    for (const [k] of dynamic) {
      if (k === 'key' || fixed.includes(k)) {
        throw new Error(
          `bulk import: a ${label} attribute is named '${k}', like a property ringscope sets itself; rename it in the mapping or ingest without --bulk`,
        );
      }
    }
    const type = (t: PropType) => (t === 'double' ? ':double' : t === 'boolean' ? ':boolean' : '');
    const columns = [
      `key:ID(${label})`,
      'tags:string[]',
      'created:datetime',
      'firstSeen:datetime',
      'lastSeen:datetime',
      'intelConfidence:double',
      'intelSources:string[]',
      ...(label === 'Account' ? ['registeredAt:datetime', 'firstOrderAt:datetime', 'label', 'sources:string[]'] : []),
      ...(label === 'Api' ? ['method', 'path', 'domain', 'sensitivity', 'controls:string[]'] : []),
      ...dynamic.map(([k, t]) => `${k}${type(t)}`),
    ];
    const base = path.join(this.dir, `nodes-${label}`);
    f = { csv: new CsvFile(`${base}.header.csv`, `${base}.csv`, columns), dynamic };
    this.nodeFiles.set(label, f);
    return f;
  }

  private relFile(name: string): CsvFile {
    let f = this.relFiles.get(name);
    if (f) return f;
    const device = name === 'RAN-device';
    const type = device ? 'RAN' : name;
    const columns = [
      `:START_ID(${device ? 'Device' : 'Account'})`,
      `:END_ID(${LINK_END[type]})`,
      'count:double',
      ...(device
        ? []
        : [...LINK_SUM_COLUMNS[type]!.map((c) => `${c}:double`), 'firstSeen:datetime', 'lastSeen:datetime']),
      ...(keepsEvents(type) ? ['eventTimes:long[]', 'eventAmounts:double[]'] : []),
    ];
    const base = path.join(this.dir, `rels-${name}`);
    f = new CsvFile(`${base}.header.csv`, `${base}.csv`, columns);
    this.relFiles.set(name, f);
    return f;
  }

  private nodeRow(label: string, n: NodeAgg, f: NodeFile): string[] {
    const row = [
      this.text(n.key),
      list(n.tags),
      this.createdIso,
      time(n.first),
      time(n.last),
      num(n.intelConfidence),
      list(n.intelSources),
    ];
    if (label === 'Account')
      row.push(time(n.registeredAt), time(n.firstOrderAt), n.label === null ? '' : this.text(n.label), list(n.sources));
    if (label === 'Api') {
      const a = n.asset;
      const [method, p] = n.key.split(' ');
      row.push(
        a ? this.text(method ?? '') : '',
        a && p !== undefined ? this.text(p) : '',
        a?.domain ? this.text(a.domain) : '',
        a?.sensitivity ? this.text(a.sensitivity) : '',
        a ? list(a.controls) : '',
      );
    }
    for (const [k, t] of f.dynamic) {
      const v = n.props[k];
      row.push(v === undefined ? '' : t === 'double' || t === 'boolean' ? String(v) : this.text(String(v)));
    }
    return row;
  }

  private relRow(name: string, r: LinkAgg): string[] {
    const row = [this.text(r.start), this.text(r.end), String(r.count)];
    if (name === 'RAN-device') return row;
    for (const c of LINK_SUM_COLUMNS[name]!) row.push(String(r[c]));
    row.push(time(r.first), time(r.last));
    if (keepsEvents(name)) {
      const e = r.events && r.events.eventTimes.length ? latestEvents(r.events) : null;
      row.push(e ? e.eventTimes.join(ARRAY_DELIMITER) : '', e ? e.eventAmounts.join(ARRAY_DELIMITER) : '');
    }
    return row;
  }

  writeAggregate(agg: PartitionAggregate): void {
    for (const [label, byKey] of agg.nodes) {
      const f = this.nodeFile(label);
      for (const n of byKey.values()) f.csv.write(this.nodeRow(label, n, f));
    }
    for (const [name, byPair] of agg.rels) {
      const f = this.relFile(name);
      for (const r of byPair.values()) f.write(this.relRow(name, r));
    }
  }

  /** The ingest checkpoints (:IngestFile), so a later `ingest` of the same files changes nothing. */
  writeCheckpoints(
    files: {
      key: string;
      name: string;
      source: string;
      kind: string;
      rowsDone: number;
      accepted: number;
      rejected: number;
      skipped: number;
      skipReasons: Record<string, number>;
    }[],
  ): void {
    const csv = new CsvFile(
      path.join(this.dir, 'nodes-IngestFile.header.csv'),
      path.join(this.dir, 'nodes-IngestFile.csv'),
      [
        'key:ID(IngestFile)',
        'name',
        'source',
        'kind',
        'rowsDone:double',
        'accepted:double',
        'rejected:double',
        'skipped:double',
        'skipReasons',
        'done:boolean',
        'created:datetime',
        'updated:datetime',
      ],
    );
    for (const f of files) {
      csv.write([
        str(f.key),
        this.text(f.name),
        this.text(f.source),
        str(f.kind),
        String(f.rowsDone),
        String(f.accepted),
        String(f.rejected),
        String(f.skipped),
        this.text(JSON.stringify(f.skipReasons)),
        'true',
        this.createdIso,
        this.createdIso,
      ]);
    }
    csv.close();
    this.nodeFiles.set('IngestFile', { csv, dynamic: [] });
  }

  /** Closes every file and returns the importer's arguments, one per line. */
  finish(threads: number): string[] {
    const args: string[] = [];
    for (const [label, f] of this.nodeFiles) {
      if (label !== 'IngestFile') f.csv.close();
      args.push(`--nodes=${label}=${f.csv.header},${f.csv.data}`);
    }
    for (const [name, f] of this.relFiles) {
      f.close();
      args.push(`--relationships=${name === 'RAN-device' ? 'RAN' : name}=${f.header},${f.data}`);
    }
    args.push(
      '--id-type=string',
      `--array-delimiter=${ARRAY_DELIMITER}`,
      `--multiline-fields=${this.multiline}`,
      `--threads=${threads}`,
      '--bad-tolerance=0',
      '--skip-duplicate-nodes=false',
      '--skip-bad-relationships=false',
    );
    return args;
  }
}
