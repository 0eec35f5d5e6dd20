// Every node and relationship of a graph with its properties and their value types, and a
// comparison of two such dumps: how tests show that two ways of loading the same files (bulk and
// transactional ingest, procedure and Cypher writer) build the same graph.
import { expect } from 'vitest';
import type { Database } from '../../server/src/db/database.js';

export type Props = Record<string, [string, unknown]>;

// Every property but the creation and update times (when each path ran), with its value type.
const NODES = `MATCH (n) RETURN labels(n)[0] + ':' + n.key AS id,
  [k IN keys(n) WHERE NOT k IN ['created', 'updated'] | [k, valueType(n[k]),
    CASE WHEN valueType(n[k]) STARTS WITH 'ZONED DATETIME' THEN toString(n[k]) ELSE n[k] END]] AS props`;
const RELS = `MATCH (a)-[r]->(b) RETURN type(r) + ':' + labels(a)[0] + ':' + a.key + '->' + labels(b)[0] + ':' + b.key AS id,
  [k IN keys(r) | [k, valueType(r[k]),
    CASE WHEN valueType(r[k]) STARTS WITH 'ZONED DATETIME' THEN toString(r[k]) ELSE r[k] END]] AS props`;

async function dump(db: Database, text: string): Promise<Map<string, Props>> {
  const rows = await db.readText(text);
  const out = new Map<string, Props>();
  for (const r of rows) {
    const props: Props = {};
    for (const [k, type, value] of r.props as [string, string, unknown][]) props[k] = [type, value];
    expect(out.has(r.id as string), `${String(r.id)} once`).toBe(false);
    out.set(r.id as string, props);
  }
  return out;
}

export interface GraphDump {
  nodes: Map<string, Props>;
  relationships: Map<string, Props>;
}

export async function dumpGraph(db: Database): Promise<GraphDump> {
  return { nodes: await dump(db, NODES), relationships: await dump(db, RELS) };
}

/** Equal maps; floats may differ in the last bits (sums added in another order). Returns the values compared. */
export function expectSameProps(actual: Map<string, Props>, expected: Map<string, Props>, what: string): number {
  expect([...actual.keys()].sort(), `${what}: the same ids`).toEqual([...expected.keys()].sort());
  let compared = 0;
  for (const [id, expectedProps] of expected) {
    const actualProps = actual.get(id)!;
    expect(Object.keys(actualProps).sort(), `${what} ${id}: property names`).toEqual(Object.keys(expectedProps).sort());
    for (const [k, [type, value]] of Object.entries(expectedProps)) {
      const [actualType, actualValue] = actualProps[k]!;
      expect(actualType, `${what} ${id}.${k}: type`).toBe(type);
      if (typeof value === 'number') expect(actualValue as number, `${what} ${id}.${k}`).toBeCloseTo(value, 6);
      else expect(actualValue, `${what} ${id}.${k}`).toEqual(value);
      compared++;
    }
  }
  return compared;
}

/** The same nodes and relationships with the same properties; returns the node and relationship values compared. */
export function expectSameGraph(actual: GraphDump, expected: GraphDump): { nodeProps: number; relProps: number } {
  return {
    nodeProps: expectSameProps(actual.nodes, expected.nodes, 'node'),
    relProps: expectSameProps(actual.relationships, expected.relationships, 'relationship'),
  };
}
