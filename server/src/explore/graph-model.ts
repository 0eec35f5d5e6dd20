// The API's graph shapes and the conversion from plain Neo4j values: a node's id is
// "<Label>:<key>", an edge's id is "<source>-<TYPE>-><target>" (one edge per pair and type,
// because relationships aggregate events).
import type { Plain, PlainNode, PlainRel } from '../db/plain.js';
import type { EntityId } from '../model/ids.js';
import { isEntityLabel } from '../model/labels.js';

export interface GraphNode {
  id: string;
  type: string;
  key: string;
  label: string;
  risk: number | null;
  tags: string[];
  props: Record<string, Plain>;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  count: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  props: Record<string, Plain>;
  /** Dated events in the order they were loaded, on links that keep them (transfers, purchases, card payments). */
  events: LinkEvent[] | null;
}
export interface LinkEvent {
  time: string;
  amount: number;
}
export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export function nodeLabel(n: PlainNode): string {
  return n.labels.find(isEntityLabel) ?? n.labels[0] ?? 'Node';
}

export function nodeId(n: PlainNode): string {
  return `${nodeLabel(n)}:${String(n.properties.key ?? n.elementId)}`;
}

/** The entity id of a node read from the graph; undefined for a node that is not an entity. */
export function entityIdOf(n: PlainNode): EntityId | undefined {
  const label = n.labels.find(isEntityLabel);
  const key = n.properties.key;
  return label && (typeof key === 'string' || typeof key === 'number') ? { label, key: String(key) } : undefined;
}

function shortLabel(type: string, key: string): string {
  if (type === 'PaymentMethod') return key.startsWith('pm_') ? `card ${key.slice(3, 9)}…` : key.slice(0, 16);
  if (type === 'Address') return key.length > 28 ? `${key.slice(0, 27)}…` : key;
  return key.length > 32 ? `${key.slice(0, 31)}…` : key;
}

function flagTag(audit: Plain): string | null {
  try {
    const tag = (JSON.parse(String(audit)) as { tag?: unknown }).tag;
    return typeof tag === 'string' ? tag : null;
  } catch {
    return null;
  }
}

const HIDDEN = new Set(['key', 'tags', 'risk', 'riskDigest', 'flags']);

export function toGraphNode(n: PlainNode): GraphNode {
  const type = nodeLabel(n);
  const key = String(n.properties.key ?? n.elementId);
  const props: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(n.properties)) if (!HIDDEN.has(k)) props[k] = v;
  // The tags investigators flagged (the audit trail itself stays on Entity.flags).
  if (Array.isArray(n.properties.flags) && n.properties.flags.length)
    props.flagged = [...new Set(n.properties.flags.map(flagTag).filter((t): t is string => t !== null))];
  const risk = n.properties.risk ?? (type === 'Ring' ? n.properties.score : null);
  return {
    id: `${type}:${key}`,
    type,
    key,
    label:
      type === 'PaymentMethod' && n.properties.bin
        ? `card ${String(n.properties.bin)}…${String(n.properties.last4 ?? '')}`
        : shortLabel(type, key),
    risk: typeof risk === 'number' ? risk : null,
    tags: Array.isArray(n.properties.tags) ? (n.properties.tags as string[]) : [],
    props,
  };
}

export function toGraphEdge(r: PlainRel, ids: Map<string, string>): GraphEdge | undefined {
  const source = ids.get(r.startElementId);
  const target = ids.get(r.endElementId);
  if (!source || !target) return undefined;
  const props: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(r.properties)) if (!EDGE_FIELDS.includes(k)) props[k] = v;
  return {
    id: `${source}-${r.type}->${target}`,
    source,
    target,
    type: r.type,
    count: typeof r.properties.count === 'number' ? r.properties.count : null,
    firstSeen: typeof r.properties.firstSeen === 'string' ? r.properties.firstSeen : null,
    lastSeen: typeof r.properties.lastSeen === 'string' ? r.properties.lastSeen : null,
    props,
    events: linkEvents(r.properties.eventTimes, r.properties.eventAmounts),
  };
}

/** Stored link properties that have a field of their own (not repeated in props). */
const EDGE_FIELDS = ['count', 'firstSeen', 'lastSeen', 'eventTimes', 'eventAmounts'];

export function linkEvents(times: Plain | undefined, amounts: Plain | undefined): LinkEvent[] | null {
  if (!Array.isArray(times) || !Array.isArray(amounts)) return null;
  const out: LinkEvent[] = [];
  times.forEach((t, i) => {
    const amount = amounts[i];
    if (typeof t === 'number' && typeof amount === 'number') out.push({ time: new Date(t).toISOString(), amount });
  });
  return out;
}

/** Collects nodes and relationships (deduplicated) into a GraphData, capped at maxNodes. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly ids = new Map<string, string>();
  private readonly pending: PlainRel[] = [];
  truncated = false;

  constructor(private readonly maxNodes: number) {}

  get size(): number {
    return this.nodes.size;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  addNode(n: PlainNode): boolean {
    const g = toGraphNode(n);
    this.ids.set(n.elementId, g.id);
    if (this.nodes.has(g.id)) return true;
    if (this.nodes.size >= this.maxNodes) {
      this.truncated = true;
      return false;
    }
    this.nodes.set(g.id, g);
    return true;
  }

  addRel(r: PlainRel): void {
    this.pending.push(r);
  }

  build(): GraphData {
    for (const r of this.pending) {
      const e = toGraphEdge(r, this.ids);
      if (e && this.nodes.has(e.source) && this.nodes.has(e.target)) this.edges.set(e.id, e);
    }
    this.pending.length = 0;
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated };
  }
}
