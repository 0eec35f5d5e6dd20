package ringscope.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * What detection reads of candidate ring members once the groups are known, computed with the Core
 * API instead of Cypher's row-by-row runtime: the tools and APIs of each account
 * (cypher/detect/account-features.cypher) and the identifiers members share
 * (cypher/detect/group-identifiers.cypher). The same rows as those statements (an integration test
 * compares them); at 1M accounts the two statements read ~370k members in 16–18 s.
 */
public final class MemberReads {
    private static final Label ACCOUNT = Label.label("Account");
    private static final Label TOOL = Label.label("Tool");
    private static final Label API = Label.label("Api");
    private static final RelationshipType RAN = RelationshipType.withName("RAN");
    private static final RelationshipType CALLED = RelationshipType.withName("CALLED");
    private static final RelationshipType[] IDENTIFIER_TYPES = AccountPairs.IDENTIFIER_TYPES;
    private static final Set<String> IDENTIFIER_LABELS = AccountPairs.BASE_WEIGHT.keySet();

    @Context
    public Transaction tx;

    public static final class Activity {
        public String key;
        public List<Object> tools;
        public List<Map<String, Object>> apis;
    }

    public static final class Shared {
        public String label;
        public Object key;
        public Object tags;
        public long degree;
        public List<String> members;
    }

    @Procedure(name = "ringscope.memberActivity", mode = Mode.READ)
    @Description("The tools and APIs of the given accounts (see cypher/detect/account-features-in-db.cypher).")
    public Stream<Activity> memberActivity(@Name("keys") List<String> keys) {
        // The few API nodes, read once: {api, sensitivity, controls} by node id.
        Map<Long, Object[]> apis = new HashMap<>();
        return keys.stream().map(key -> {
            Node a = key == null ? null : tx.findNode(ACCOUNT, "key", key);
            if (a == null) return null;
            Activity out = new Activity();
            out.key = key;
            out.tools = new ArrayList<>();
            out.apis = new ArrayList<>();
            for (Relationship r : a.getRelationships(Direction.OUTGOING, RAN, CALLED)) {
                Node n = r.getEndNode();
                if (r.isType(RAN)) {
                    if (n.hasLabel(TOOL)) out.tools.add(n.getProperty("key", null));
                    continue;
                }
                Object[] api = apis.computeIfAbsent(n.getId(), id -> n.hasLabel(API)
                        ? new Object[] {n.getProperty("key", null), n.getProperty("sensitivity", null),
                            n.getProperty("controls", new String[0])}
                        : null);
                if (api == null) continue;
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("api", api[0]);
                call.put("count", r.getProperty("count", null));
                call.put("sensitivity", api[1]);
                call.put("controls", api[2]);
                out.apis.add(call);
            }
            return out;
        }).filter(Objects::nonNull);
    }

    @Procedure(name = "ringscope.groupIdentifiers", mode = Mode.READ)
    @Description("Identifiers two or more of the given accounts share (see cypher/detect/group-identifiers-in-db.cypher).")
    public Stream<Shared> groupIdentifiers(@Name("keys") List<String> keys, @Name("maxShare") long maxShare) {
        // Each identifier with the keys linked to it, in the order first met.
        LinkedHashMap<Long, LinkedHashSet<String>> members = new LinkedHashMap<>();
        for (String key : keys) {
            Node a = key == null ? null : tx.findNode(ACCOUNT, "key", key);
            if (a == null) continue;
            for (Relationship r : a.getRelationships(Direction.OUTGOING, IDENTIFIER_TYPES)) {
                Node n = r.getEndNode();
                boolean identifier = false;
                for (Label l : n.getLabels()) identifier |= IDENTIFIER_LABELS.contains(l.name());
                if (identifier) members.computeIfAbsent(n.getId(), id -> new LinkedHashSet<>()).add(key);
            }
        }
        return members.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(e -> {
            Node n = tx.getNodeById(e.getKey());
            // Links from accounts, as COUNT { (n)<-[:…]-(:Account) }; counting stops past maxShare,
            // where the row is dropped whatever the rest.
            long degree = 0;
            for (Relationship r : n.getRelationships(Direction.INCOMING, IDENTIFIER_TYPES)) {
                if (r.getStartNode().hasLabel(ACCOUNT) && ++degree > maxShare) return null;
            }
            Shared s = new Shared();
            s.label = n.getLabels().iterator().next().name();
            s.key = n.getProperty("key", null);
            s.tags = n.getProperty("tags", new String[0]);
            s.degree = degree;
            s.members = new ArrayList<>(e.getValue());
            return s;
        }).filter(Objects::nonNull);
    }
}
