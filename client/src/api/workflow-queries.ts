// GraphQL documents of the investigator workflow: triage queue, triaging a ring, a ring's attack
// type, triage record and history; impact preview and choke point; API assets and blind spots;
// cases. Fields several documents share are in fragments.ts.
import { BlindSpotFields, CaseFields, FlagFields, ImpactFields, TriageFields } from './fragments.js';
import { graphql, type ResultOf, type VariablesOf } from './graphql.js';

export const AttackTypesQuery = graphql(`
  query AttackTypes {
    attackTypes {
      id
      title
    }
  }
`);

export const TriageQuery = graphql(`
  query Triage(
    $statuses: [TriageStatus!]
    $assignee: String
    $attackType: String
    $minScore: Float
    $since: String
    $source: String
    $after: String
  ) {
    dataSources
    triage(
      statuses: $statuses
      assignee: $assignee
      attackType: $attackType
      minScore: $minScore
      since: $since
      source: $source
      first: 30
      after: $after
    ) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        id
        score
        size
        status
        assignee
        firstDetectedAt
        updatedAt
        updatedBy
        sources
        attack {
          type
          title
          confidence
        }
        reasons {
          detail
        }
      }
    }
  }
`);
export type TriageVars = VariablesOf<typeof TriageQuery>;
export type TriageRow = ResultOf<typeof TriageQuery>['triage']['nodes'][number];
export type TriageStatus = TriageRow['status'];

export const RingWorkflowQuery = graphql(
  `
    query RingWorkflow($id: ID!) {
      ring(id: $id) {
        id
        attack {
          type
          title
          confidence
          evidence
        }
        triage {
          ...TriageFields
        }
        history {
          at
          kind
          description
        }
      }
    }
  `,
  [TriageFields],
);
export type RingWorkflow = NonNullable<ResultOf<typeof RingWorkflowQuery>['ring']>;

export const TriageRingMutation = graphql(
  `
    mutation TriageRing($id: ID!, $status: TriageStatus, $assignee: String, $note: String) {
      triageRing(id: $id, status: $status, assignee: $assignee, note: $note) {
        ...TriageFields
      }
    }
  `,
  [TriageFields],
);

export type ImpactResult = ResultOf<typeof ImpactFields>;

export const ImpactQuery = graphql(
  `
    query ImpactPreview($block: BlockInput!) {
      impactPreview(block: $block) {
        ...ImpactFields
      }
    }
  `,
  [ImpactFields],
);
export type BlockInput = VariablesOf<typeof ImpactQuery>['block'];

export const ChokePointQuery = graphql(
  `
    query ChokePoint($id: ID!) {
      ring(id: $id) {
        id
        chokePoint {
          members
          reaching
          cut
          resources {
            id
            type
            label
          }
          impact {
            ...ImpactFields
          }
        }
      }
    }
  `,
  [ImpactFields],
);

export type BlindSpotRow = ResultOf<typeof BlindSpotFields>;

export const ApiAssetsQuery = graphql(
  `
    query ApiAssets {
      protectiveControls
      blindSpots(first: 50) {
        ...BlindSpotFields
      }
      apiAssets {
        id
        key
        domain
        sensitivity
        controls
        protected
        callers
        calls
        flaggedCallers
        flaggedCalls
        audit {
          ...FlagFields
        }
      }
    }
  `,
  [BlindSpotFields, FlagFields],
);
export type ApiAssetRow = ResultOf<typeof ApiAssetsQuery>['apiAssets'][number];

export const UpdateApiMutation = graphql(`
  mutation UpdateApi($id: ID!, $controls: [String!], $note: String) {
    updateApiAsset(id: $id, controls: $controls, note: $note) {
      id
      controls
    }
  }
`);

export const RingBlindSpotsQuery = graphql(
  `
    query RingBlindSpots($id: ID!) {
      ring(id: $id) {
        id
        blindSpots {
          ...BlindSpotFields
        }
      }
    }
  `,
  [BlindSpotFields],
);

export type CaseDetail = ResultOf<typeof CaseFields>;

export const CasesQuery = graphql(`
  query Cases {
    cases {
      id
      title
      updatedAt
      entityCount
      viewCount
    }
  }
`);

export const CaseQuery = graphql(
  `
    query Case($id: ID!) {
      case(id: $id) {
        ...CaseFields
      }
    }
  `,
  [CaseFields],
);

export const OpenCaseMutation = graphql(
  `
    mutation OpenCase($title: String!, $entities: [ID!]!) {
      openCase(title: $title, entities: $entities) {
        ...CaseFields
      }
    }
  `,
  [CaseFields],
);

export const AddToCaseMutation = graphql(
  `
    mutation AddToCase($id: ID!, $entities: [ID!], $note: String) {
      addToCase(id: $id, entities: $entities, note: $note) {
        ...CaseFields
      }
    }
  `,
  [CaseFields],
);

export const SaveCaseViewMutation = graphql(`
  mutation SaveCaseView($id: ID!, $name: String!, $view: JSON!) {
    saveCaseView(id: $id, name: $name, view: $view) {
      id
    }
  }
`);

export const CaseRingQuery = graphql(`
  query CaseRing($id: ID!) {
    ring(id: $id) {
      id
      score
      size
      reasons {
        code
        detail
      }
      attack {
        title
        confidence
      }
      triage {
        status
        assignee
      }
      blindSpots {
        api
        calls
        money
      }
    }
  }
`);
export type CaseRing = NonNullable<ResultOf<typeof CaseRingQuery>['ring']>;
