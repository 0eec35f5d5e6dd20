// Rings: the paged list, and one ring in full: members, picture, black-industry chain by tier,
// timeline and reasons.
import type { Database } from '../db/database.js';
import { isPlainNode, isPlainRel, type PlainNode, type PlainRel } from '../db/plain.js';
import type { Reason } from '../model/reasons.js';
import { TIERS, tierOf } from '../model/tiers.js';
import { GraphBuilder, nodeId, toGraphNode, type GraphData, type GraphNode } from './graph-model.js';

export interface RingSummary {
  id: string;
  score: number;
  size: number;
  reasons: Reason[];
  detectedAt: string | null;
  latestRegistration: string | null;
}

export type RingSort = 'SCORE' | 'SIZE' | 'RECENT';

function toSummary(r: PlainNode, latest: unknown): RingSummary {
  let reasons: Reason[] = [];
  try {
    reasons = JSON.parse(String(r.properties.reasons ?? '[]')) as Reason[];
  } catch {
    reasons = [];
  }
  return {
    id: String(r.properties.key),
    score: Number(r.properties.score),
    size: Number(r.properties.size),
    reasons,
    detectedAt: typeof r.properties.detectedAt === 'string' ? r.properties.detectedAt : null,
    latestRegistration: typeof latest === 'string' ? latest : null,
  };
}

export async function listRings(
  db: Database,
  args: { minScore: number; minSize: number; containing: string | null; sort: RingSort; first: number; skip: number },
): Promise<{ rings: RingSummary[]; total: number }> {
  const rows = await db.read('explore/rings', args);
  const total = Number(rows[0]?.total ?? 0);
  return { rings: rows.filter((r) => isPlainNode(r.r)).map((r) => toSummary(r.r as PlainNode, r.latest)), total };
}

export interface TimelineEvent {
  time: string;
  entityId: string;
  kind: string;
  detail: string;
}

export interface RingDetail extends RingSummary {
  members: GraphNode[];
  graph: GraphData;
  chain: { tier: string; title: string; entities: GraphNode[] }[];
  timeline: TimelineEvent[];
}

export async function getRing(db: Database, id: string, maxNodes: number): Promise<RingDetail | undefined> {
  const rows = await db.read('explore/ring-graph', { id });
  const first = rows[0];
  if (!first || !isPlainNode(first.r)) return undefined;
  const builder = new GraphBuilder(maxNodes);
  const members = (first.members as PlainNode[]).filter(isPlainNode);
  const memberIds = new Set(members.map(nodeId));
  for (const m of members) builder.addNode(m);
  const timeline: TimelineEvent[] = [];
  for (const m of members) {
    const reg = m.properties.registeredAt;
    if (typeof reg === 'string')
      timeline.push({
        time: reg,
        entityId: nodeId(m),
        kind: 'registered',
        detail: `${String(m.properties.key)} registered`,
      });
  }
  for (const row of rows) {
    if (!isPlainNode(row.x)) continue;
    if (!builder.addNode(row.x)) continue;
    const x = toGraphNode(row.x);
    let firstUse: string | null = null;
    for (const rel of row.rels as PlainRel[]) {
      if (!isPlainRel(rel)) continue;
      builder.addRel(rel);
      const f = rel.properties.firstSeen;
      if (typeof f === 'string' && (firstUse === null || f < firstUse)) firstUse = f;
    }
    if (firstUse && x.type !== 'Account') {
      timeline.push({ time: firstUse, entityId: x.id, kind: 'first-use', detail: `${x.type} ${x.label} first used` });
    }
  }
  const graph = builder.build();
  const summary = toSummary(first.r, null);
  // The accounts tier holds members only; accounts they pay, are paid by or refer (outside the
  // ring) come right after it as counterparties, so the tier never reads as a bigger ring.
  const isCounterparty = (n: GraphNode) => n.type === 'Account' && !memberIds.has(n.id);
  const chain = TIERS.flatMap((t) => {
    const tier = {
      tier: t.tier as string,
      title: t.title,
      entities: graph.nodes.filter((n) => tierOf(n.type, n.tags) === t.tier && !isCounterparty(n)),
    };
    const outside = t.tier === 'accounts' ? graph.nodes.filter(isCounterparty) : [];
    return outside.length
      ? [tier, { tier: 'counterparties', title: 'Counterparties outside the ring', entities: outside }]
      : [tier];
  });
  timeline.sort((a, b) => a.time.localeCompare(b.time));
  return {
    ...summary,
    members: graph.nodes.filter((n) => memberIds.has(n.id)),
    graph,
    chain,
    timeline: timeline.slice(0, 500),
  };
}
