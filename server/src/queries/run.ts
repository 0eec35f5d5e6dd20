// Runs a saved query with bound parameters: rows (capped, with `truncated`), their columns, and a
// graph of every node, relationship and path in them for the canvas.
import type { Database } from '../db/database.js';
import { isPlainNode, isPlainPath, isPlainRel, type Plain, type PlainNode, type PlainRel } from '../db/plain.js';
import { GraphBuilder, toGraphNode, type GraphData } from '../explore/graph-model.js';
import { bindParams, ParamError, type SavedQuery } from './catalog.js';

export interface QueryResult {
  columns: string[];
  rows: Record<string, Plain>[];
  graph: GraphData;
  truncated: boolean;
  elapsedMs: number;
}

/** Replaces nodes/relationships/paths in a row with readable summaries (ids and keys). */
function rowView(v: Plain): Plain {
  if (isPlainNode(v)) return toGraphNode(v).id;
  if (isPlainRel(v)) return v.type;
  if (isPlainPath(v)) return v.nodes.map((n) => toGraphNode(n).id).join(' → ');
  if (Array.isArray(v)) return v.map(rowView);
  if (v && typeof v === 'object') {
    const out: Record<string, Plain> = {};
    for (const [k, x] of Object.entries(v)) out[k] = rowView(x as Plain);
    return out;
  }
  return v;
}

function collect(v: Plain, nodes: PlainNode[], rels: PlainRel[]): void {
  if (isPlainNode(v)) nodes.push(v);
  else if (isPlainRel(v)) rels.push(v);
  else if (isPlainPath(v)) {
    nodes.push(...v.nodes);
    rels.push(...v.relationships);
  } else if (Array.isArray(v)) v.forEach((x) => collect(x, nodes, rels));
}

/**
 * No rows because an account parameter names no account is a mistake to report, not an empty
 * answer: a typo'd key or a key from another data set would otherwise look like "nothing found".
 */
async function explainEmpty(db: Database, q: SavedQuery, params: Record<string, unknown>): Promise<void> {
  for (const p of q.params) {
    if (p.type !== 'AccountKey') continue;
    const key = String(params[p.name]);
    const found = await db.read('explore/entities', { ids: [{ label: 'Account', key }] });
    if (!found.length) throw new ParamError(`parameter '${p.name}': no account with key '${key.slice(0, 80)}'`);
  }
}

export async function runSavedQuery(
  db: Database,
  q: SavedQuery,
  given: Record<string, unknown>,
  limits: { maxRows: number; maxNodes: number; timeoutMs: number },
): Promise<QueryResult> {
  const params = bindParams(q, given);
  const started = Date.now();
  const result =
    q.mode === 'read'
      ? await db.readTextCapped(q.text, params, limits.maxRows, { timeoutMs: limits.timeoutMs })
      : await db.writeTextCapped(q.text, params, limits.maxRows, { timeoutMs: limits.timeoutMs });
  if (result.rows.length === 0) await explainEmpty(db, q, params);
  const builder = new GraphBuilder(limits.maxNodes);
  const nodes: PlainNode[] = [];
  const rels: PlainRel[] = [];
  for (const row of result.rows) for (const v of Object.values(row)) collect(v, nodes, rels);
  for (const n of nodes) builder.addNode(n);
  for (const r of rels) builder.addRel(r);
  const graph = builder.build();
  return {
    columns: result.keys,
    rows: result.rows.map((r) => rowView(r) as Record<string, Plain>),
    graph,
    truncated: result.truncated || graph.truncated,
    elapsedMs: Date.now() - started,
  };
}
