// Turns driver values (nodes, relationships, paths, temporal values) into plain JSON-able data.
// Integers are already JS numbers (the driver runs with disableLosslessIntegers).
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

export type Plain =
  null | boolean | number | string | Plain[] | { [k: string]: Plain } | PlainNode | PlainRel | PlainPath;
export type PlainRecord = Record<string, Plain>;

export interface PlainNode {
  __kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, Plain>;
}
export interface PlainRel {
  __kind: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, Plain>;
}
export interface PlainPath {
  __kind: 'path';
  nodes: PlainNode[];
  relationships: PlainRel[];
}

function props(p: Record<string, unknown>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(p)) out[k] = plainValue(v);
  return out;
}

export function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(plainValue);
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { __kind: 'node', elementId: n.elementId, labels: [...n.labels], properties: props(n.properties) };
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return {
      __kind: 'relationship',
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: props(r.properties),
    };
  }
  if (neo4j.isPath(v as never)) {
    const p = v as unknown as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    const nodes = [plainValue(p.start) as PlainNode];
    const relationships: PlainRel[] = [];
    for (const s of p.segments) {
      relationships.push(plainValue(s.relationship) as PlainRel);
      nodes.push(plainValue(s.end) as PlainNode);
    }
    return { __kind: 'path', nodes, relationships };
  }
  if (
    neo4j.isDateTime(v as never) ||
    neo4j.isDate(v as never) ||
    neo4j.isLocalDateTime(v as never) ||
    neo4j.isTime(v as never) ||
    neo4j.isLocalTime(v as never) ||
    neo4j.isDuration(v as never)
  ) {
    const t = v as { toStandardDate?: () => Date; toString(): string };
    if (neo4j.isDateTime(v as never) && t.toStandardDate) return t.toStandardDate().toISOString();
    return t.toString();
  }
  if (typeof v === 'object') return props(v as Record<string, unknown>);
  return String(v);
}

export function toPlain(record: Neo4jRecord): PlainRecord {
  const out: PlainRecord = {};
  for (const key of record.keys) out[String(key)] = plainValue(record.get(key));
  return out;
}

export function isPlainNode(v: unknown): v is PlainNode {
  return typeof v === 'object' && v !== null && (v as { __kind?: string }).__kind === 'node';
}
export function isPlainRel(v: unknown): v is PlainRel {
  return typeof v === 'object' && v !== null && (v as { __kind?: string }).__kind === 'relationship';
}
export function isPlainPath(v: unknown): v is PlainPath {
  return typeof v === 'object' && v !== null && (v as { __kind?: string }).__kind === 'path';
}
