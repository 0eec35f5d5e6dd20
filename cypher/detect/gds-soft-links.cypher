// Graph Data Science: the links that reach the threshold only with soft signals (grouping.ts joins
// two groups through them when at least half of each takes part), once per pair, by node id.
CALL gds.graph.relationshipProperty.stream($graphName, 'linkedHard')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue
WHERE sourceNodeId < targetNodeId AND propertyValue >= 0 AND propertyValue < $threshold
RETURN sourceNodeId AS a, targetNodeId AS b
