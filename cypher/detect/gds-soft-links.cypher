// Graph Data Science: the links that reach the threshold only with soft signals (grouping.ts joins
// two groups through them when at least half of each takes part), once per pair.
CALL gds.graph.relationshipProperty.stream($graphName, 'hard')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue
WHERE sourceNodeId < targetNodeId AND propertyValue < $threshold
RETURN sourceNodeId AS aNode, gds.util.asNode(sourceNodeId).key AS a,
       targetNodeId AS bNode, gds.util.asNode(targetNodeId).key AS b
