// What an operation asks for, measured before anything runs: selection depth, fields and aliases
// (checked as a validation rule) and its cost (checked with the variables, see admission.ts).
// One linear walk: each fragment is measured once and its measure reused at every spread, so a
// document of nested spreads costs its size to check, not 2^n (graphql-query-complexity and the
// old walk here re-walk a fragment at each spread, which is why this is not a library).
// Types are recognised by shape, not instanceof: under the test runner Apollo's schema comes from
// graphql's CommonJS build and this file's imports from its ES module build.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type ValidationContext,
} from 'graphql';
import type { Config } from '../config.js';

export const MAX_DEPTH = 10;
/**
 * Depth allowed to an operation that only reads the schema (see introspectionOnly): the standard
 * introspection query GraphiQL and other tools send is 15 deep (a type reference unwraps nine
 * ofType levels). Its width stays under MAX_FIELDS and MAX_ALIASES like any other operation.
 */
export const MAX_INTROSPECTION_DEPTH = 20;
export const MAX_FIELDS = 300;
export const MAX_ALIASES = 20;
/** The most one request may cost; a field's cost is roughly the graph elements it may touch. */
export const COST_BUDGET = 100_000;

export interface Measure {
  depth: number;
  fields: number;
  aliases: number;
  cost: number;
  /** Cost of each root field by response key (alias or name): admission.ts queues by it. */
  rootCosts: Map<string, number>;
  /** The operation reads __schema or __type. */
  introspection: boolean;
}

type Args = Record<string, unknown>;
/** A numeric argument clamped to its allowed range: out-of-range values are the resolver's to refuse, by name. */
const num = (v: unknown, fallback: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(v, 0), max) : fallback;
const count = (v: unknown) => (Array.isArray(v) ? Math.min(v.length, 200) : 1);

/**
 * What one field may cost by itself, from its arguments (defaults applied): the number of graph
 * elements it may touch. expand is the "depth × limit × ids".
 */
export function fieldWeights(limits: Config['limits']): Record<string, (a: Args) => number> {
  return {
    expand: (a) => count(a.ids) * num(a.depth, 1, 3) * num(a.limit, 500, limits.maxNodes),
    paths: (a) => num(a.maxHops, 4, 6) * num(a.limit, 5, 25) * 100,
    search: (a) => num(a.first, 20, 100) * 10,
    neighbours: (a) => num(a.first, 50, 200) * 20,
    rings: (a) => num(a.first, 50, 200) * 20,
    ring: () => limits.maxNodes,
    trace: () => limits.maxNodes,
    runSavedQuery: () => limits.maxRows,
    runDetection: () => COST_BUDGET,
    entity: () => 10,
    flagEntity: () => 10,
    stats: () => 50,
  };
}

/** A type with fields (object or interface), found by shape. */
type Composite = { getFields(): Record<string, GraphQLField<unknown, unknown>> };
function composite(t: unknown): Composite | undefined {
  let x = t as { ofType?: unknown; getFields?: unknown } | null | undefined;
  while (x && x.ofType) x = x.ofType as typeof x;
  return x && typeof x.getFields === 'function' ? (x as Composite) : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.NULL:
      return null;
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
    default:
      return node.value;
  }
}

/** A field's arguments, with the schema's defaults for those not given. */
function argumentsOf(def: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Args {
  const args: Args = {};
  for (const a of def.args) {
    const given = node.arguments?.find((x) => x.name.value === a.name);
    const v = given ? valueOf(given.value, variables) : undefined;
    args[a.name] = v === undefined || v === null ? a.defaultValue : v;
  }
  return args;
}

interface Tally {
  depth: number;
  fields: number;
  aliases: number;
  cost: number;
  introspection: boolean;
}

/** Measures one operation. Without variables (validation), argument-based costs use defaults. */
export function measureOperation(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  weights: Record<string, (a: Args) => number>,
  variables: Record<string, unknown> = {},
): Measure {
  const memo = new Map<string, Tally>();
  const rootCosts = new Map<string, number>();

  const walk = (set: SelectionSetNode, parent: Composite | undefined, root: boolean): Tally => {
    const acc: Tally = { depth: 0, fields: 0, aliases: 0, cost: 0, introspection: false };
    const add = (m: Tally, extraDepth: number) => {
      acc.depth = Math.max(acc.depth, m.depth + extraDepth);
      acc.fields += m.fields;
      acc.aliases += m.aliases;
      acc.cost += m.cost;
      acc.introspection ||= m.introspection;
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const def = parent?.getFields()[name];
        const child = sel.selectionSet
          ? walk(sel.selectionSet, def ? composite(def.type) : undefined, false)
          : { depth: 0, fields: 0, aliases: 0, cost: 0, introspection: false };
        let own = sel.selectionSet ? 1 : 0;
        const weigh = root ? weights[name] : undefined;
        if (weigh && def) own = weigh(argumentsOf(def, sel, variables));
        const m = {
          depth: child.depth,
          fields: child.fields + 1,
          aliases: child.aliases + (sel.alias ? 1 : 0),
          cost: child.cost + own,
          introspection: child.introspection || name === '__schema' || name === '__type',
        };
        add(m, 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        add(walk(sel.selectionSet, composite(t), root), 0);
      } else {
        const frag = fragments[sel.name.value];
        if (!frag) continue;
        let m = memo.get(frag.name.value);
        if (!m) {
          // A cycle (refused by NoFragmentCycles anyway) meets this placeholder and stops.
          memo.set(frag.name.value, { depth: 0, fields: 0, aliases: 0, cost: 0, introspection: false });
          const t = schema.getType(frag.typeCondition.name.value);
          m = walk(frag.selectionSet, composite(t), root);
          memo.set(frag.name.value, m);
        }
        add(m, 0);
      }
    }
    return acc;
  };

  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const rootComposite = composite(rootType);
  const m = walk(operation.selectionSet, rootComposite, true);
  // Root fields by response key; a fragment spread twice at the root merges, so once each.
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const one = walk({ kind: Kind.SELECTION_SET, selections: [sel] }, rootComposite, true);
        rootCosts.set(key, (rootCosts.get(key) ?? 0) + one.cost);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet);
      else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
        seen.add(sel.name.value);
        collect(fragments[sel.name.value]!.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return { ...m, rootCosts };
}

export function fragmentsOf(definitions: readonly { kind: Kind }[]): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      const f = d as FragmentDefinitionNode;
      fragments[f.name.value] = f;
    }
  return fragments;
}

const META_ROOT_FIELDS = new Set(['__schema', '__type', '__typename']);

/**
 * True when every root field of the operation (through fragments) is __schema, __type or
 * __typename: it reads the schema and nothing else. Such an operation gets the introspection
 * depth; one real field next to __schema puts the whole operation under the ordinary limit.
 * Nesting that multiplies (fields { type { fields … } }) is refused by graphql-js's own
 * MaxIntrospectionDepthRule, one of the specified rules Apollo runs before this one.
 */
export function introspectionOnly(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  const seen = new Set<string>();
  const only = (set: SelectionSetNode): boolean =>
    set.selections.every((sel) => {
      if (sel.kind === Kind.FIELD) return META_ROOT_FIELDS.has(sel.name.value);
      if (sel.kind === Kind.INLINE_FRAGMENT) return only(sel.selectionSet);
      const frag = fragments[sel.name.value];
      if (!frag || seen.has(frag.name.value)) return true; // unknown or cyclic: other rules refuse it
      seen.add(frag.name.value);
      return only(frag.selectionSet);
    });
  return only(operation.selectionSet);
}

/** Validation rule: depth, fields and aliases, which do not depend on variables. */
export function operationLimits(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const fragments = fragmentsOf(context.getDocument().definitions);
      const m = measureOperation(context.getSchema(), fragments, node, {});
      const refuse = (message: string) =>
        context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
      if (introspectionOnly(node, fragments)) {
        if (m.depth > MAX_INTROSPECTION_DEPTH)
          refuse(`introspection query depth ${m.depth} exceeds the limit of ${MAX_INTROSPECTION_DEPTH}`);
      } else if (m.depth > MAX_DEPTH) refuse(`query depth ${m.depth} exceeds the limit of ${MAX_DEPTH}`);
      if (m.fields > MAX_FIELDS) refuse(`query selects ${m.fields} fields; the limit is ${MAX_FIELDS}`);
      if (m.aliases > MAX_ALIASES) refuse(`query uses ${m.aliases} aliases; the limit is ${MAX_ALIASES}`);
    },
  };
}
