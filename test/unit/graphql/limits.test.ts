// The operation measure behind the cost budget: expand costs ids × depth × limit, aliases each
// count, variables and defaults are used, and nested fragment spreads are measured in linear time.
// The depth rule: an operation that only introspects (GraphiQL's schema query is 15 deep) gets its
// own cap; anything that also reads real fields keeps the ordinary one.
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  COST_BUDGET,
  MAX_DEPTH,
  MAX_INTROSPECTION_DEPTH,
  fieldWeights,
  fragmentsOf,
  measureOperation,
  operationLimits,
} from '../../../server/src/graphql/limits.js';

const schema = buildSchema(
  fs.readFileSync(path.join(import.meta.dirname, '../../../server/src/graphql/schema.graphql'), 'utf8'),
);
const weights = fieldWeights({ maxNodes: 5000, maxRows: 10_000, queryTimeoutMs: 30_000 });

function measure(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return measureOperation(schema, fragmentsOf(doc.definitions), op, weights, variables);
}

const expand = (alias: string, args: string) => `${alias}: expand(${args}) { nodes { id } truncated }`;

describe('operation cost', () => {
  it('costs expand as ids × depth × limit, per alias', () => {
    const one = measure(`{ ${expand('a', 'ids: ["Account:1"], depth: 3, limit: 5000')} }`);
    expect(one.cost).toBeGreaterThanOrEqual(15_000);
    expect(one.cost).toBeLessThan(15_100);
    const twenty = measure(
      `{ ${Array.from({ length: 20 }, (_, i) => expand(`a${i}`, 'ids: ["Account:1"], depth: 3, limit: 5000')).join(' ')} }`,
    );
    expect(twenty.cost).toBeGreaterThan(COST_BUDGET);
    expect(twenty.aliases).toBe(20);
    expect([...twenty.rootCosts.values()].every((c) => c >= 15_000)).toBe(true);
  });

  it('reads ids and limit from variables and uses the schema defaults', () => {
    const v = measure('query($ids: [ID!]!, $l: Int) { expand(ids: $ids, depth: 2, limit: $l) { truncated } }', {
      ids: ['Account:1', 'Account:2', 'Account:3'],
      l: 100,
    });
    expect(v.cost).toBe(3 * 2 * 100);
    const defaults = measure('{ expand(ids: ["Account:1"]) { truncated } }');
    expect(defaults.cost).toBe(1 * 1 * 500);
  });

  it('measures 60 fragments each spread twice in linear time', () => {
    const frags = Array.from({ length: 60 }, (_, i) =>
      i < 59 ? `fragment F${i} on GraphNode { id ...F${i + 1} ...F${i + 1} }` : 'fragment F59 on GraphNode { id }',
    );
    const started = performance.now();
    const m = measure(`{ expand(ids: ["Account:1"]) { nodes { ...F0 } } } ${frags.join(' ')}`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(m.fields).toBeGreaterThan(2 ** 59);
  });

  it('flags introspection', () => {
    expect(measure('{ __schema { types { name } } }').introspection).toBe(true);
    expect(measure('{ me { role } }').introspection).toBe(false);
  });
});

describe('operation depth', () => {
  /** The messages of the limit rule (alone: the deep queries below are not valid against the schema). */
  const limitErrors = (query: string) => validate(schema, parse(query), [operationLimits]).map((e) => e.message);
  /** Nested selections `depth` deep under a first field, e.g. a { b { c } } for 3. */
  const nested = (names: string[], depth: number) => {
    let q = 'id';
    for (let i = depth - 1; i >= 1; i--) q = `${names[i % names.length]} { ${q} }`;
    return q;
  };
  // The query GraphiQL 5 sends to build its documentation explorer.
  const graphiqlIntrospection = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });

  it("passes GraphiQL's introspection query, which is deeper than the ordinary limit", () => {
    const doc = parse(graphiqlIntrospection);
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
    expect(measureOperation(schema, fragmentsOf(doc.definitions), op, weights).depth).toBeGreaterThan(MAX_DEPTH);
    expect(validate(schema, doc, [...specifiedRules, operationLimits])).toEqual([]);
  });

  it('still refuses a deep query on real fields', () => {
    expect(limitErrors(`{ rings { ${nested(['nodes', 'reasons'], MAX_DEPTH)} } }`)).toEqual([
      `query depth ${MAX_DEPTH + 1} exceeds the limit of ${MAX_DEPTH}`,
    ]);
  });

  it('refuses __schema next to a real field at the introspection depth: the exemption is for pure introspection', () => {
    const mixed = graphiqlIntrospection.replace('__schema {', 'stats { nodes } __schema {');
    expect(mixed).not.toBe(graphiqlIntrospection);
    expect(limitErrors(mixed)).toEqual(['query depth 15 exceeds the limit of 10']);
    // The same through a fragment spread at the root.
    expect(
      limitErrors(
        `{ ...Deep __schema { queryType { name } } } fragment Deep on Query { rings { ${nested(['nodes'], 11)} } }`,
      ),
    ).toEqual(['query depth 12 exceeds the limit of 10']);
  });

  it('caps pure introspection too: depth and width', () => {
    const deep = `{ __type(name: "Query") { ${nested(['ofType'], MAX_INTROSPECTION_DEPTH)} } }`;
    expect(limitErrors(deep)).toEqual([
      `introspection query depth ${MAX_INTROSPECTION_DEPTH + 1} exceeds the limit of ${MAX_INTROSPECTION_DEPTH}`,
    ]);
    const wide = `{ __schema { types { ${Array.from({ length: 300 }, () => 'name').join(' ')} } } }`;
    expect(limitErrors(wide)).toEqual(['query selects 302 fields; the limit is 300']);
  });
});
