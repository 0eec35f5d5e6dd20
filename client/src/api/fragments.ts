// The fields the web app reads of each server object that more than one document asks for, named
// once: a document spreads the fragment (`...GraphFields`) and lists it beside its text, so a
// node on the canvas, a flag or a ring's triage looks the same whichever query brought it.
import { graphql } from './graphql.js';

export const GraphNodeFields = graphql(`
  fragment GraphNodeFields on GraphNode {
    id
    type
    key
    label
    risk
    tags
    props
  }
`);

export const GraphEdgeFields = graphql(`
  fragment GraphEdgeFields on GraphEdge {
    id
    source
    target
    type
    count
    firstSeen
    lastSeen
  }
`);

export const GraphFields = graphql(
  `
    fragment GraphFields on Graph {
      nodes {
        ...GraphNodeFields
      }
      edges {
        ...GraphEdgeFields
      }
      truncated
    }
  `,
  [GraphNodeFields, GraphEdgeFields],
);

/** One investigator flag in an audit trail (an entity's flags, an API's audit). */
export const FlagFields = graphql(`
  fragment FlagFields on Flag {
    tag
    note
    by
    at
  }
`);

export const TriageFields = graphql(`
  fragment TriageFields on RingTriage {
    ringId
    status
    assignee
    updatedAt
    updatedBy
    events {
      at
      by
      action
      status
      assignee
      note
    }
  }
`);

export const ImpactFields = graphql(`
  fragment ImpactFields on Impact {
    blocked {
      id
      type
      key
    }
    accounts
    flaggedAccounts
    unflaggedAccounts
    flaggedOrders
    unflaggedOrders
    flaggedAmount
    unflaggedAmount
    rings {
      id
      score
      size
      touched
    }
    accountsSample {
      id
      risk
      flagged
      orders
      amount
    }
  }
`);

export const BlindSpotFields = graphql(`
  fragment BlindSpotFields on BlindSpot {
    id
    api
    domain
    sensitivity
    controls
    abusers
    calls
    money
  }
`);

export const CaseFields = graphql(`
  fragment CaseFields on Case {
    id
    title
    createdAt
    createdBy
    entities
    notes {
      at
      by
      text
    }
    views {
      id
      name
      at
      by
      view
    }
    timeline {
      at
      by
      action
      detail
    }
    flags {
      entityId
      tag
      note
      by
      at
    }
  }
`);
