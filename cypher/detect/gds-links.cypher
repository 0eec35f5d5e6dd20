// Graph Data Science: every projected account pair with its summed weight, once per pair, by node
// id: the links detection's fraud-proximity walk reads (account-risk.ts), as the in-process graph
// gives them.
CALL gds.graph.relationshipProperty.stream($graphName, 'weight')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue
WHERE sourceNodeId < targetNodeId
RETURN sourceNodeId AS a, targetNodeId AS b, propertyValue AS weight
