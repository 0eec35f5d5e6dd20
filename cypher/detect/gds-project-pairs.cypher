// Graph Data Science (detect --engine gds), where the database has ringscope's procedure: the same
// projection as gds-project.cypher, with the account pairs computed by ringscope.accountPairs
// (neo4j/…/AccountPairs.java) instead of Cypher's row-by-row aggregation; $params carries the same
// names as gds-project.cypher's parameters. An integration test compares the two projections.
CALL ringscope.accountPairs($params) YIELD a, b, hard, soft, kinds
WITH gds.graph.project($graphName, a, b,
       {relationshipProperties: {
          weight: hard + soft,
          linkedHard: CASE WHEN hard + soft >= $threshold THEN hard ELSE -1.0 END,
          kinds: kinds
       }},
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS links
