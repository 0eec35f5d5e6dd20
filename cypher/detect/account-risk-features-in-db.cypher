// The per-account risk features of account-risk-features.cypher (same sums, same times, same
// numeric properties), computed by the embedded launcher's procedure ringscope.accountRiskFeatures
// (neo4j/src/main/java/ringscope/neo4j/AccountRiskFeatures.java) with Neo4j's Core API instead of
// Cypher's row-by-row runtime, and sent 1,000 accounts to a record: `numbers` holds the values named
// by `fields` for each account in turn (NaN for a missing time) as little-endian 64-bit floats in
// base64 text (the JavaScript driver decodes text natively, lists of floats a byte at a time), `numeric` holds
// [position in the chunk, property, value]. The identifier burst (most identifiers first used within
// $burstWindowMs) is worked out there, so the times are not sent. Detection reads this when
// admin/procedures lists the procedure and account-risk-features.cypher otherwise (an external
// Neo4j without the plugin). Parameters: as account-risk-features.cypher, plus $burstWindowMs.
// Cost: one pass over accounts and their relationships, one degree lookup per identifier link.
CALL ringscope.accountRiskFeatures($from, $to, {
  benignTags: $benignTags, riskyTags: $riskyTags, proxyTags: $proxyTags, smsTags: $smsTags,
  toolCategories: $toolCategories, strongTypes: $strongTypes, notFeatures: $notFeatures,
  burstWindowMs: $burstWindowMs
})
YIELD fields, keys, labels, tags, numbers, numeric
RETURN fields, keys, labels, tags, numbers, numeric
