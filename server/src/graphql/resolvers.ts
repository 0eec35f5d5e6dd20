// The resolver map: one file per area (status, rings, explore, saved queries), joined here. Thin
// resolvers: check the role, parse arguments once (naming the one that is wrong), call the
// service, shape the answer.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { SavedQuery } from '../queries/catalog.js';
import { JSONScalar } from './json-scalar.js';
import { buildExploreResolvers } from './resolvers-explore.js';
import { buildSavedQueryResolvers } from './resolvers-queries.js';
import { buildRingResolvers } from './resolvers-rings.js';
import { buildRiskResolvers } from './resolvers-risk.js';
import { buildStatusResolvers } from './resolvers-status.js';
import { buildWorkflowResolvers } from './resolvers-workflow.js';
import { buildImpactResolvers } from './resolvers-impact.js';
import { buildApiResolvers } from './resolvers-apis.js';
import { buildCaseResolvers } from './resolvers-cases.js';

/** Kept here too for resolver files written against the old place. */
export type { Context } from './context.js';

export function buildResolvers(config: Config, db: Database, savedQueries: Map<string, SavedQuery>) {
  const status = buildStatusResolvers(db);
  const rings = buildRingResolvers(config, db);
  const explore = buildExploreResolvers(config, db);
  const queries = buildSavedQueryResolvers(config, db, savedQueries);
  const workflow = buildWorkflowResolvers(db);
  const impact = buildImpactResolvers(config, db);
  const apis = buildApiResolvers(db);
  const cases = buildCaseResolvers(db);
  const risk = buildRiskResolvers(db);
  return {
    Query: {
      ...status.Query,
      ...rings.Query,
      ...explore.Query,
      ...queries.Query,
      ...workflow.Query,
      ...impact.Query,
      ...apis.Query,
      ...cases.Query,
      ...risk.Query,
    },
    Mutation: {
      ...rings.Mutation,
      ...explore.Mutation,
      ...workflow.Mutation,
      ...apis.Mutation,
      ...cases.Mutation,
    },
    Case: cases.Case,
    Account: risk.Account,
    Ring: { ...workflow.Ring, ...impact.Ring, ...apis.Ring },
    JSON: JSONScalar,
  };
}
