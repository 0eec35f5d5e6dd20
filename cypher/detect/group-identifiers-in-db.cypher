// The identifiers candidate ring members share, the rows of group-identifiers.cypher (same members,
// degrees over all accounts in 2..$maxShare, labels, keys and tags) computed by ringscope's procedure
// ringscope.groupIdentifiers (neo4j/src/main/java/ringscope/neo4j/MemberReads.java). Detection
// reads this where admin/procedures lists the procedure, group-identifiers.cypher otherwise.
CALL ringscope.groupIdentifiers($keys, $maxShare) YIELD label, key, tags, degree, members
RETURN label, key, tags, degree, members
