// The ingest plan: per file its kind and, per column, its role (account, counterparty, identifier
// and type, time, amount, status, label, account property, numeric feature, identifier property,
// ignored) with the evidence and a confidence. Made from header names, value shapes of a sample,
// and the other files of the run (cross-file.ts): the column whose values are the accounts of the
// registration file is the account column of the orders file. A mapping file's entries are taken
// as given. Where two columns cannot be told apart the plan lists a problem and ingest stops.
// Every column appears in the plan: nothing is dropped without being listed as ignored.
import path from 'node:path';
import { printable } from '../printable.js';
import { nameEvidence, valueEvidence, type Evidence } from './column-evidence.js';
import { crossFileEvidence } from './cross-file.js';
import { KINDS, type ColumnMap, type Field, type Kind, type Mapping } from './fields.js';
import { MappingError, mappingForFile, type MappingFile, type MappingSet } from './mapping-file.js';
import { assignAccounts, COUNTERPARTY } from './plan-accounts.js';
import { fillTables, pickKind } from './plan-kinds.js';
import { describeField, leftoverColumn, roleOf, usedFields, type ColumnPlan } from './plan-roles.js';
import type { FileSample } from './sample.js';

export type { ColumnPlan, Role } from './plan-roles.js';

export interface FilePlan {
  file: string;
  kind: Kind;
  columns: ColumnPlan[];
  /** The mapping ingest runs with (detected, or the mapping file's entry). */
  mapping: Mapping;
  /** Which mapping entry applied: a glob, 'single' for a one-mapping file, null for none. */
  mappingEntry: string | null;
  sampledRows: number;
  /** Rows in the file, exact or estimated from its size (progress). */
  estimatedRows: number;
}

export interface Plan {
  files: FilePlan[];
  /** Ambiguities and contradictions, each naming the file and columns: ingest refuses to start. */
  problems: { file: string; message: string }[];
}

/** Identifier fields where picking the wrong one of two columns would link the wrong accounts. */
const CONTESTED: Field[] = ['device', 'card', 'ip', 'phone', 'email', 'address', 'time'];
const THRESHOLD = 0.35;

function merge(evidence: Evidence[]): Map<Field, Evidence> {
  const best = new Map<Field, Evidence>();
  for (const e of evidence) {
    const prev = best.get(e.field);
    if (!prev) best.set(e.field, { ...e });
    else {
      // Name and values agreeing is stronger than either alone.
      const hi = prev.score >= e.score ? prev : e;
      const lo = prev.score >= e.score ? e : prev;
      best.set(e.field, {
        field: e.field,
        score: Math.min(0.99, hi.score + lo.score * 0.25),
        why: `${hi.why}; ${lo.why}`,
      });
    }
  }
  return best;
}

export function makePlan(
  samples: FileSample[],
  opts: { kind?: Kind | undefined; mapping?: MappingSet | undefined },
): Plan {
  const problems: Plan['problems'] = [];
  const chosen = samples.map((s) => mappingForFile(opts.mapping, s.file));
  const fixed = samples.map((s, i) => fixedColumns(s, chosen[i]?.mapping));
  const cross = crossFileEvidence(samples, fixed);
  const files = samples.map((s, i) => {
    const entry = chosen[i];
    try {
      return planFile(s, i, entry?.mapping, entry ? (entry.glob ?? 'single') : null, fixed[i]!, cross, opts, problems);
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      problems.push({ file: s.file, message: e.message });
      return undefined;
    }
  });
  return { files: files.filter((f): f is FilePlan => f !== undefined), problems };
}

/** The columns a mapping file names, checked against the header. */
function fixedColumns(s: FileSample, m: MappingFile | undefined): ColumnMap {
  const name = path.basename(s.file);
  const columns: ColumnMap = { ...(m?.columns ?? {}) };
  const check = (what: string, header: string) => {
    if (!s.headers.includes(header))
      throw new MappingError(`${name}: mapping names column '${header}' for ${what}, but the file has no such column`);
  };
  for (const [f, h] of Object.entries(columns)) check(f, h);
  for (const [p, h] of Object.entries(m?.accountProps ?? {})) check(`accountProps.${p}`, h);
  for (const [p, h] of Object.entries(m?.nodeProps ?? {})) check(`nodeProps.${p}`, h);
  return columns;
}

function planFile(
  s: FileSample,
  index: number,
  m: MappingFile | undefined,
  mappingEntry: string | null,
  fixed: ColumnMap,
  cross: ReturnType<typeof crossFileEvidence>,
  opts: { kind?: Kind | undefined },
  problems: Plan['problems'],
): FilePlan {
  const name = path.basename(s.file);
  const columns: ColumnMap = { ...fixed };
  const why = new Map<string, { text: string; confidence: number }>();
  for (const [f, h] of Object.entries(fixed))
    why.set(h, {
      text: `mapping ${mappingEntry === 'single' ? '' : `'${mappingEntry}' `}names it ${f}`,
      confidence: 1,
    });
  const taken = () => new Set(Object.values(columns));
  // With a kind given by the mapping, the mapping is complete: nothing else is guessed.
  const detect = !(m?.kind && m.columns);
  const props = { account: { ...(m?.accountProps ?? {}) }, node: { ...(m?.nodeProps ?? {}) } };
  const ignoredByMapping = new Set(m?.ignore ?? []);

  if (detect) {
    const scores = new Map<string, Map<Field, Evidence>>();
    const crossHere = cross.get(index) ?? new Map<string, Evidence[]>();
    // Fields some column of this file is known to hold from other files' values.
    const matched = new Set([...crossHere.values()].flat().map((e) => e.field));
    for (const h of s.headers) {
      if (
        taken().has(h) ||
        ignoredByMapping.has(h) ||
        Object.values(props.account).includes(h) ||
        Object.values(props.node).includes(h)
      )
        continue;
      const p = s.profiles.get(h)!;
      const own = crossHere.get(h) ?? [];
      // A header that names a field whose values another column here has shown is only a name.
      const names = nameEvidence(h).map((e) =>
        matched.has(e.field) && !own.some((o) => o.field === e.field)
          ? {
              ...e,
              score: e.score * 0.5,
              why: `${e.why}, but its values match no other file's ${e.field} while another column's do`,
            }
          : e,
      );
      scores.set(h, merge([...names, ...valueEvidence(p), ...own]));
    }
    assignAccounts(s, scores, columns, why, problems);
    // Everything else, best evidence first; each field and column once.
    const all: { h: string; e: Evidence }[] = [];
    for (const [h, fields] of scores) for (const e of fields.values()) all.push({ h, e });
    all.sort((a, b) => b.e.score - a.e.score);
    for (const { h, e } of all) {
      if (e.score < THRESHOLD || e.field === 'account' || COUNTERPARTY.includes(e.field)) continue;
      if (columns[e.field] !== undefined || taken().has(h)) continue;
      const rival = all.find(
        (o) =>
          o.e.field === e.field && o.h !== h && !taken().has(o.h) && o.e.score >= 0.5 && e.score - o.e.score < 0.05,
      );
      if (rival && CONTESTED.includes(e.field) && e.field !== 'time') {
        problems.push({
          file: s.file,
          message: `${name}: columns '${h}' and '${rival.h}' could both be the ${e.field} (${e.why} / ${rival.e.why}); name one in a mapping`,
        });
      }
      columns[e.field] = h;
      why.set(h, { text: e.why, confidence: e.score });
    }
  }

  if (detect) fillTables(s, columns, why);
  const kind = opts.kind ?? m?.kind ?? pickKind(s, columns, cross.identifierFiles.get(index));
  if (!kind || !KINDS.includes(kind)) {
    throw new MappingError(
      `${name}: cannot tell what kind of log this is from its columns (${printable(s.headers.slice(0, 12).join(', '), 200)}); pass --kind or --mapping`,
    );
  }
  // Fields this kind of file does not use are leftovers, said so in the plan.
  const unused = new Map<string, string>();
  const used = usedFields(kind, columns);
  for (const [f, h] of Object.entries(columns) as [Field, string][]) {
    if (used.has(f)) continue;
    delete columns[f];
    unused.set(
      h,
      `looks like ${describeField(f)} (${why.get(h)?.text ?? 'mapping'}), which a file of kind ${kind} does not use`,
    );
  }
  const plans: ColumnPlan[] = [];
  const byColumn = new Map(Object.entries(columns).map(([f, h]) => [h, f as Field]));
  for (const h of s.headers) {
    const field = byColumn.get(h);
    const p = s.profiles.get(h)!;
    if (field) {
      const w = why.get(h) ?? { text: 'detected', confidence: 0.5 };
      plans.push({
        column: h,
        ...roleOf(field, kind),
        field,
        evidence: `${describeField(field)}: ${w.text}`,
        confidence: round(w.confidence),
      });
      continue;
    }
    const accountProp = Object.entries(props.account).find(([, c]) => c === h)?.[0];
    const nodeProp = Object.entries(props.node).find(([, c]) => c === h)?.[0];
    if (accountProp || nodeProp) {
      const numeric = (p.shares.integer ?? 0) + (p.shares.decimal ?? 0) > 0.95;
      plans.push({
        column: h,
        role: nodeProp ? 'identifier property' : numeric ? 'numeric feature' : 'account property',
        property: (accountProp ?? nodeProp)!,
        evidence: `mapping names it ${nodeProp ? 'nodeProps' : 'accountProps'}.${accountProp ?? nodeProp}`,
        confidence: 1,
      });
      continue;
    }
    if (ignoredByMapping.has(h) || !detect) {
      plans.push({
        column: h,
        role: 'ignored',
        evidence: ignoredByMapping.has(h) ? 'the mapping lists it under ignore' : 'not in the mapping',
        confidence: 1,
      });
      continue;
    }
    const accountProfile = s.profiles.get(columns.account ?? columns.email ?? '') ?? null;
    const left = leftoverColumn(h, p, kind, accountProfile, cross.matchedNothing(index, h), unused.get(h));
    if (left.role === 'account property' || left.role === 'numeric feature') props.account[left.property!] = h;
    if (left.role === 'identifier property') props.node[left.property!] = h;
    plans.push(left);
  }
  const mapping: Mapping = {
    kind,
    columns,
    accountProps: props.account,
    nodeProps: props.node,
    required: m?.required ?? [],
  };
  return {
    file: s.file,
    kind,
    columns: plans,
    mapping,
    mappingEntry,
    sampledRows: s.rows,
    estimatedRows: s.estimatedRows,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
