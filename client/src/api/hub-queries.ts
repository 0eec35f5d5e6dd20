// The GraphQL document of a hub's neighbour list (ui/hub-list.ts).
import { graphql, type ResultOf } from './graphql.js';

export const NeighboursQuery = graphql(`
  query Neighbours($id: ID!, $text: String, $after: String) {
    neighbours(id: $id, text: $text, first: 50, after: $after) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        relationship
        count
        node {
          id
          type
          label
          tags
        }
      }
    }
  }
`);
export type NeighbourRow = ResultOf<typeof NeighboursQuery>['neighbours']['nodes'][number];
