// Graph Data Science: Louvain communities inside one group too large to be one ring, as grouping.ts
// does in process: the group's accounts (the components named by $filterParams, in $nodeFilter,
// which detection writes as `n.component = $c0 OR …` from numbered parameters only) and their links
// that reach the threshold (`linkedHard` is -1 below it) are filtered into their own graph
// $subgraphName, so modularity is that of the group alone. One thread, so a
// re-run gives the same communities. gds-drop.cypher frees the subgraph.
CALL gds.graph.filter($subgraphName, $graphName, $nodeFilter, 'r.linkedHard >= 0.0', {parameters: $filterParams})
YIELD graphName
CALL gds.louvain.stream(graphName, {relationshipWeightProperty: 'weight', concurrency: 1})
YIELD nodeId, communityId
RETURN nodeId, communityId AS community
