// The GraphQL documents of exploring the graph (rings, search, expand, entity, trace, paths, saved
// queries), typed against the schema. Panels import the document they need; result types come
// from here too (ResultOf). Fields several documents share are in fragments.ts; the workflow's
// documents (triage, impact, blind spots, cases) in workflow-queries.ts.
import { FlagFields, GraphEdgeFields, GraphFields, GraphNodeFields } from './fragments.js';
import { graphql, type ResultOf } from './graphql.js';

export type GGraph = ResultOf<typeof GraphFields>;
export type GNode = GGraph['nodes'][number];
export type GEdge = GGraph['edges'][number];

export const RingsQuery = graphql(`
  query Rings($sort: RingSort, $min: Float, $after: String) {
    rings(sort: $sort, minScore: $min, first: 30, after: $after) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        id
        score
        size
        latestRegistration
        reasons {
          code
          weight
          detail
        }
      }
    }
  }
`);
export type RingSummary = ResultOf<typeof RingsQuery>['rings']['nodes'][number];

export const RingQuery = graphql(
  `
    query Ring($id: ID!) {
      ring(id: $id) {
        id
        score
        size
        reasons {
          code
          weight
          detail
        }
        graph {
          ...GraphFields
        }
        chain {
          tier
          title
          entities {
            id
          }
        }
        timeline {
          time
          detail
        }
      }
    }
  `,
  [GraphFields],
);
export type RingDetail = NonNullable<ResultOf<typeof RingQuery>['ring']>;

export const SearchQuery = graphql(`
  query Search($text: String!) {
    search(text: $text) {
      id
      type
      key
      label
      risk
      tags
      degree
      rings {
        id
        score
      }
    }
  }
`);
export type SearchHit = ResultOf<typeof SearchQuery>['search'][number];

export const ExpandQuery = graphql(
  `
    query Expand($ids: [ID!]!, $types: [String!], $limit: Int, $offset: Int) {
      expand(ids: $ids, depth: 1, types: $types, limit: $limit, offset: $offset) {
        nodes {
          ...GraphNodeFields
        }
        edges {
          ...GraphEdgeFields
        }
        truncated
        capped {
          id
          degree
        }
      }
    }
  `,
  [GraphNodeFields, GraphEdgeFields],
);

export const EntityQuery = graphql(
  `
    query Entity($id: ID!) {
      entity(id: $id) {
        id
        type
        key
        label
        risk
        tags
        props
        degree
        rings {
          id
          score
          size
        }
        flags {
          ...FlagFields
        }
      }
    }
  `,
  [FlagFields],
);
export type EntityDetail = NonNullable<ResultOf<typeof EntityQuery>['entity']>;

export const FlagMutation = graphql(`
  mutation Flag($id: ID!, $tag: String!, $note: String) {
    flagEntity(id: $id, tag: $tag, note: $note) {
      id
      tags
    }
  }
`);

export const TraceQuery = graphql(
  `
    query Trace($id: ID!) {
      trace(id: $id) {
        rings
        graph {
          ...GraphFields
        }
        events {
          time
          detail
        }
      }
    }
  `,
  [GraphFields],
);

export const PathsQuery = graphql(
  `
    query Paths($from: ID!, $to: ID!) {
      paths(from: $from, to: $to, maxHops: 6, limit: 3) {
        ...GraphFields
      }
    }
  `,
  [GraphFields],
);

export const SavedQueriesQuery = graphql(`
  query SavedQueries {
    savedQueries {
      name
      description
      mode
      params {
        name
        type
        required
        default
        description
        min
        max
      }
    }
  }
`);
export type SavedQuery = ResultOf<typeof SavedQueriesQuery>['savedQueries'][number];

export const RunSavedQuery = graphql(
  `
    query RunSavedQuery($name: String!, $params: JSON) {
      runSavedQuery(name: $name, params: $params) {
        columns
        rows
        truncated
        elapsedMs
        graph {
          ...GraphFields
        }
      }
    }
  `,
  [GraphFields],
);
export type SavedQueryResult = ResultOf<typeof RunSavedQuery>['runSavedQuery'];

/** Page size of the riskiest-accounts list. */
export const RISKIEST_PAGE = 25;

export const RiskiestAccountsQuery = graphql(`
  query RiskiestAccounts($minRisk: Float!, $first: Int!, $after: String) {
    accounts(orderBy: RISK, minRisk: $minRisk, first: $first, after: $after) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        id
        key
        risk
        ring
        riskReasons {
          code
          weight
          detail
        }
      }
    }
  }
`);
export type RiskyAccount = ResultOf<typeof RiskiestAccountsQuery>['accounts']['nodes'][number];

export const AccountRiskQuery = graphql(`
  query AccountRisk($id: ID!) {
    account(id: $id) {
      id
      risk
      riskReasons {
        code
        weight
        detail
      }
    }
  }
`);
export type AccountRisk = NonNullable<ResultOf<typeof AccountRiskQuery>['account']>;

export const RunDetectionMutation = graphql(`
  mutation RunDetection {
    runDetection {
      rings
      flaggedAccounts
      seconds
    }
  }
`);
