// Graph Data Science: the pairs linked by soft signals, with which (`kinds`: 1 phone block, 2 email
// stem, 4 sign-up IP, summed), once per pair, by node id: ring scoring counts the members taking
// part in each kind.
CALL gds.graph.relationshipProperty.stream($graphName, 'kinds')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue
WHERE sourceNodeId < targetNodeId AND propertyValue > 0
RETURN sourceNodeId AS a, targetNodeId AS b, toInteger(propertyValue) AS kinds
