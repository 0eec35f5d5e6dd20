// Graph Data Science: groups of accounts held together by shared identifiers alone (weakly connected
// components over links whose `linkedHard` part reaches $threshold; GDS keeps links above its
// threshold, so it is given $threshold less a hair), kept on the projected graph as `component` for
// gds-communities.cypher. Streams every projected account with its node id (gds-links.cypher names
// accounts by node id), its component and the component's size (a group needs two).
CALL gds.wcc.mutate($graphName, {
  relationshipWeightProperty: 'linkedHard', threshold: $threshold - 1.0e-9, mutateProperty: 'component'
}) YIELD componentCount
CALL gds.graph.nodeProperty.stream($graphName, 'component') YIELD nodeId, propertyValue
WITH propertyValue AS componentId, collect(nodeId) AS members
UNWIND members AS nodeId
RETURN nodeId, gds.util.asNode(nodeId).key AS account, componentId AS component, size(members) AS size
