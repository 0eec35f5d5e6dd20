// Graph Data Science: groups of accounts held together by shared identifiers alone (weakly connected
// components over links whose `hard` part reaches $threshold; GDS keeps links above its threshold,
// so it is given $threshold less a hair), kept on the projected graph as `component` for
// gds-communities.cypher. Streams only accounts with a partner in their group, with their node ids.
CALL gds.wcc.mutate($graphName, {
  relationshipWeightProperty: 'hard', threshold: $threshold - 1.0e-9, mutateProperty: 'component'
}) YIELD componentCount
CALL gds.graph.nodeProperty.stream($graphName, 'component') YIELD nodeId, propertyValue
WITH propertyValue AS componentId, collect(nodeId) AS members
WHERE size(members) >= 2
UNWIND members AS nodeId
RETURN nodeId, gds.util.asNode(nodeId).key AS account, componentId AS component
