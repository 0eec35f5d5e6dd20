// Admission: every operation is costed before it runs (limits.ts) and refused whole over the
// budget; then each root field waits for a slot in its caller's role lane, light or heavy by its
// cost. A role has a few heavy slots and more light ones, so the heaviest allowed requests queue
// behind each other and never hold the driver pool that other users' requests need.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type GraphQLFieldResolver, type OperationDefinitionNode } from 'graphql';
import type { Config } from '../config.js';
import { apiError } from './errors.js';
import type { Context } from './context.js';
import { COST_BUDGET, fieldWeights, fragmentsOf, measureOperation } from './limits.js';

/**
 * A root field above this cost takes a heavy slot: deep or wide expands. Everything the web app
 * sends in normal use (expand of a few ids at depth 1–2, ring, trace, a saved query) stays light.
 */
export const HEAVY_COST = 10_000;
export const LANES = {
  light: { slots: 8, queue: 500, waitMs: 60_000 },
  heavy: { slots: 2, queue: 32, waitMs: 60_000 },
} as const;

/** A counting semaphore with a bounded queue and a bounded wait. */
export class Lane {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxQueue: number,
    private readonly waitMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.maxQueue)
        throw apiError('SERVER_BUSY', 'too many heavy requests are waiting for your role; try again shortly');
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(go), 1);
          reject(apiError('SERVER_BUSY', 'the server is busy with other requests of your role; try again shortly'));
        }, this.waitMs);
        this.waiting.push(go);
      });
    } else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

export class Admission {
  private readonly lanes = new Map<string, { light: Lane; heavy: Lane }>();

  run<T>(role: string, cost: number, work: () => Promise<T>): Promise<T> {
    let l = this.lanes.get(role);
    if (!l) {
      l = {
        light: new Lane(LANES.light.slots, LANES.light.queue, LANES.light.waitMs),
        heavy: new Lane(LANES.heavy.slots, LANES.heavy.queue, LANES.heavy.waitMs),
      };
      this.lanes.set(role, l);
    }
    return (cost > HEAVY_COST ? l.heavy : l.light).run(work);
  }
}

/** Refuses operations over the budget and introspection by anonymous callers in token mode. */
export function admissionPlugin(config: Config): ApolloServerPlugin<Context> {
  const weights = fieldWeights(config.limits);
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, operation, request, contextValue }) => {
        if (!operation) return;
        const m = measureOperation(
          schema,
          fragmentsOf(document.definitions),
          operation,
          weights,
          variablesWithDefaults(operation, request.variables ?? {}),
        );
        if (m.introspection && contextValue.caller.role === null)
          throw apiError('UNAUTHENTICATED', 'introspection needs a bearer token', 401);
        if (m.cost > COST_BUDGET)
          throw apiError(
            'QUERY_TOO_COSTLY',
            `this request would touch about ${m.cost} graph elements; the limit per request is ${COST_BUDGET}. ` +
              'Ask for fewer ids, a smaller depth or limit, or fewer aliases, in separate requests',
            400,
          );
        contextValue.rootCosts = m.rootCosts;
      },
    }),
  };
}

/** The request's variables, with the operation's declared defaults for those not sent. */
function variablesWithDefaults(op: OperationDefinitionNode, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...given };
  for (const d of op.variableDefinitions ?? []) {
    const name = d.variable.name.value;
    const dv = d.defaultValue;
    if (out[name] !== undefined || !dv) continue;
    if (dv.kind === Kind.INT || dv.kind === Kind.FLOAT) out[name] = Number(dv.value);
    else if (dv.kind === Kind.LIST) out[name] = dv.values;
  }
  return out;
}

type Resolvers = Record<string, unknown>;

/** Wraps every Query and Mutation resolver so that it runs in its caller's lane. */
export function admitted<R extends Resolvers>(resolvers: R, admission: Admission): R {
  const out: Resolvers = { ...resolvers };
  for (const root of ['Query', 'Mutation']) {
    const fields = resolvers[root] as Record<string, unknown> | undefined;
    if (!fields) continue;
    const wrapped: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(fields)) {
      const resolve = fn as GraphQLFieldResolver<unknown, Context>;
      wrapped[name] = ((parent, args, ctx, info) =>
        admission.run(ctx.caller.role ?? 'anonymous', ctx.rootCosts?.get(String(info.path.key)) ?? 0, async () =>
          resolve(parent, args, ctx, info),
        )) as GraphQLFieldResolver<unknown, Context>;
    }
    out[root] = wrapped;
  }
  return out as R;
}
