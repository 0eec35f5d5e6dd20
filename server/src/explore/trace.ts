// Case trace: from a suspect account back to its resources, tools, ring and abused APIs, as a
// picture and as events in time order (the attack path).
import type { Database } from '../db/database.js';
import { isPlainNode, isPlainRel, type PlainNode, type PlainRel } from '../db/plain.js';
import type { EntityId } from '../model/ids.js';
import { GraphBuilder, linkEvents, toGraphNode, type GraphData } from './graph-model.js';
import type { TimelineEvent } from './rings.js';

export interface Trace {
  root: string;
  graph: GraphData;
  events: TimelineEvent[];
  rings: string[];
}

/** Dated money events listed one by one per link in a trace; older ones are summed in one line. */
const TRACE_EVENTS_PER_LINK = 100;

const VERBS: Record<string, string> = {
  USED_DEVICE: 'used device',
  USED_IP: 'came from IP',
  PAID_WITH: 'paid with',
  HAS_PHONE: 'verified phone',
  HAS_EMAIL: 'registered email',
  SHIPS_TO: 'shipped to',
  CALLED: 'called',
  RAN: 'ran',
  REFERRED: 'referred',
  TRANSFERRED_TO: 'transferred money to',
  BOUGHT_FROM: 'bought from',
  MEMBER_OF: 'is a member of ring',
};

/** The trace of an account; undefined for any other entity or an account not in the graph. */
export async function trace(db: Database, id: EntityId, maxNodes: number): Promise<Trace | undefined> {
  if (id.label !== 'Account') return undefined;
  const rows = await db.read('explore/trace', { id });
  const first = rows[0];
  if (!first || !isPlainNode(first.a)) return undefined;
  const builder = new GraphBuilder(maxNodes);
  const root = first.a;
  builder.addNode(root);
  const rootId = toGraphNode(root).id;
  const events: TimelineEvent[] = [];
  const rings: string[] = [];
  if (typeof root.properties.registeredAt === 'string') {
    events.push({
      time: root.properties.registeredAt,
      entityId: rootId,
      kind: 'registered',
      detail: 'account registered',
    });
  }
  for (const row of rows) {
    if (!isPlainNode(row.x) || !isPlainRel(row.rel)) continue;
    const x = row.x as PlainNode;
    const rel = row.rel as PlainRel;
    if (!builder.addNode(x)) continue;
    builder.addRel(rel);
    const node = toGraphNode(x);
    if (rel.type === 'MEMBER_OF') rings.push(node.key);
    const t = rel.properties.firstSeen;
    const tags = node.tags.length ? ` [${node.tags.join(', ')}]` : '';
    const what = `${VERBS[rel.type] ?? rel.type} ${node.type === 'Ring' ? node.key : node.label}`;
    // Money links with dated events: one line per event (the latest TRACE_EVENTS_PER_LINK), each with its amount.
    const dated = linkEvents(rel.properties.eventTimes, rel.properties.eventAmounts) ?? [];
    const listed = dated.slice(-TRACE_EVENTS_PER_LINK);
    for (const e of listed) {
      events.push({ time: e.time, entityId: node.id, kind: rel.type, detail: `${what}: ${e.amount}${tags}` });
    }
    const total = typeof rel.properties.count === 'number' ? rel.properties.count : null;
    if (!listed.length || (total !== null && total > listed.length)) {
      const count =
        total === null
          ? ''
          : listed.length
            ? ` (${total}×, ${total - listed.length} not listed one by one)`
            : ` (${total}×)`;
      events.push({
        time: typeof t === 'string' ? t : typeof x.properties.detectedAt === 'string' ? x.properties.detectedAt : '',
        entityId: node.id,
        kind: rel.type,
        detail: `${what}${count}${tags}`,
      });
    }
    for (const pair of (row.tools as [PlainRel | null, PlainNode | null][]) ?? []) {
      const [tr, tool] = pair;
      if (tr && tool && isPlainNode(tool) && isPlainRel(tr) && builder.addNode(tool)) {
        builder.addRel(tr);
        events.push({
          time: typeof t === 'string' ? t : '',
          entityId: toGraphNode(tool).id,
          kind: 'RAN',
          detail: `device ${node.label} ran ${String(tool.properties.key)}`,
        });
      }
    }
  }
  events.sort((a, b) => (a.time || '9').localeCompare(b.time || '9'));
  return { root: rootId, graph: builder.build(), events, rings };
}
