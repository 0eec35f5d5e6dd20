// The tools and APIs of the given accounts (candidate ring members), the rows of
// account-features.cypher computed by ringscope's procedure ringscope.memberActivity
// (neo4j/src/main/java/ringscope/neo4j/MemberReads.java) instead of Cypher's row-by-row runtime.
// Detection reads this where admin/procedures lists the procedure, account-features.cypher otherwise.
CALL ringscope.memberActivity($keys) YIELD key, tools, apis
RETURN key, tools, apis
