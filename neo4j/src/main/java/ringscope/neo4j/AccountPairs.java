package ringscope.neo4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.internal.kernel.api.TokenSet;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.storageengine.api.RelationshipSelection;

import static ringscope.neo4j.AccountRiskFeatures.anyIn;
import static ringscope.neo4j.AccountRiskFeatures.epochMillis;
import static ringscope.neo4j.AccountRiskFeatures.tagsOf;
import static ringscope.neo4j.AccountRiskFeatures.textList;

/**
 * The account–account link pairs of cypher/detect/gds-project.cypher's CALL block and aggregation,
 * computed in Java (Core API; the identifiers through kernel cursors), for detect --engine gds to project
 * (cypher/detect/gds-project-pairs.cypher)
 * and, as ringscope.accountLinks, for grouping in the ringscope process (cypher/detect/account-links.cypher):
 * every pair of accounts sharing an identifier of 2..maxShare accounts (weight by kind, crowd and
 * intel, as server/src/detect/weights.ts), and pairs in burst chains of one phone block, email stem
 * or sign-up IP (soft weights, as signals.ts). One row per pair: summed shared-identifier weight
 * (`hard`), summed soft weight (`soft`) and the soft kinds (1 phone, 2 email, 4 IP). Identifiers are
 * visited in node order and soft signals after them, phone blocks, email stems, then IPs, as the
 * in-process graph sums them. An integration test compares the pairs with the Cypher statement's.
 */
public final class AccountPairs {
    private static final Label ACCOUNT = Label.label("Account");
    private static final Label PHONE = Label.label("Phone");
    private static final Label EMAIL = Label.label("Email");
    private static final Label IP = Label.label("IP");
    private static final RelationshipType HAS_PHONE = RelationshipType.withName("HAS_PHONE");
    private static final RelationshipType HAS_EMAIL = RelationshipType.withName("HAS_EMAIL");
    private static final RelationshipType USED_IP = RelationshipType.withName("USED_IP");
    /** The six identifier link types, account to identifier (the feature table and MemberReads read the same). */
    static final RelationshipType[] IDENTIFIER_TYPES = Arrays.stream(
            new String[] {"USED_DEVICE", "PAID_WITH", "HAS_PHONE", "HAS_EMAIL", "SHIPS_TO", "USED_IP"})
            .map(RelationshipType::withName).toArray(RelationshipType[]::new);
    /**
     * Links of the six identifier types into a node, by this database's type ids (for kernel cursors);
     * none when no such type exists yet.
     */
    static RelationshipSelection identifierLinksIn(TokenRead tokens) {
        int[] types = Arrays.stream(IDENTIFIER_TYPES).mapToInt(t -> tokens.relationshipType(t.name()))
                .filter(t -> t >= 0).toArray();
        return types.length == 0 ? RelationshipSelection.NO_RELATIONSHIPS
                : RelationshipSelection.selection(types, Direction.INCOMING);
    }

    /** Identifier labels and their base weights (MemberReads takes the labels). */
    static final Map<String, Double> BASE_WEIGHT = Map.of(
            "PaymentMethod", 1.0, "Device", 1.0, "Phone", 1.0, "Email", 0.8, "Address", 0.5, "IP", 0.35);

    @Context
    public Transaction tx;

    public static final class Pair {
        public Node a;
        public Node b;
        public double hard;
        public double soft;
        public long kinds;
    }

    /** Summed parts of one pair, in the order the pair was first seen. */
    private static final class Sums {
        final long a, b;
        double hard, soft;
        long kinds;

        Sums(long a, long b) {
            this.a = a;
            this.b = b;
        }
    }

    /**
     * The same pairs in batches for detection in the ringscope process (cypher/detect/account-links.cypher):
     * accounts as indices, each account's key sent once, in the batch where it is first named; a
     * batch of BATCH pairs is one record, so a million pairs cost the Bolt stream a hundred records.
     */
    public static final class LinkBatch {
        /** Keys of the accounts this batch names first, in index order (indices continue from the last batch). */
        public List<String> keys;
        public List<Long> a;
        public List<Long> b;
        public List<Double> hard;
        public List<Double> soft;
        public List<Long> kinds;
    }

    private static final int BATCH = 10_000;

    @Procedure(name = "ringscope.accountPairs", mode = Mode.READ)
    @Description("Account pairs linked by shared identifiers and burst chains (see cypher/detect/gds-project-pairs.cypher).")
    public Stream<Pair> accountPairs(@Name("params") Map<String, Object> params) {
        return new Collector(tx).pairs(params);
    }

    @Procedure(name = "ringscope.accountLinks", mode = Mode.READ)
    @Description("The pairs of ringscope.accountPairs in batches, accounts by index and key (see cypher/detect/account-links.cypher).")
    public Stream<LinkBatch> accountLinks(@Name("params") Map<String, Object> params) {
        return new Collector(tx).batches(params);
    }

    /** One call's pairs (a procedure class may hold no state of its own). */
    private static final class Collector {
        private final Transaction tx;
        /**
         * The pairs in the order first seen, found by their (a << 32 | b) key. A primitive map: as a
         * HashMap<Long, Sums> the key's hash (a ^ b) collided for the close ids of one ring's accounts,
         * and its buckets turned into trees (a quarter of the procedure's CPU at 1M accounts).
         */
        private final LongIntHashMap pairIndex = new LongIntHashMap();
        private final ArrayList<Sums> pairs = new ArrayList<>();
        /** Each account's registration time, read once (phone blocks, email stems and IPs all ask). */
        private final LongLongHashMap registeredAt = new LongLongHashMap();
        private static final long UNREGISTERED = Long.MIN_VALUE;

        /** The account's registration time (epoch ms), null when it has none. */
        private Long registered(Node a) {
            long t = registeredAt.getIfAbsentPut(a.getId(), () -> {
                Long r = epochMillis(a.getProperty("registeredAt", null));
                return r == null ? UNREGISTERED : r;
            });
            return t == UNREGISTERED ? null : t;
        }

        Collector(Transaction tx) {
            this.tx = tx;
        }

        private void add(long x, long y, double hard, double soft, long kind) {
            if (x == y) return;
            long a = Math.min(x, y), b = Math.max(x, y);
            if (b >= (1L << 32)) throw new IllegalStateException("node id " + b + " is beyond 2^32");
            long key = (a << 32) | b;
            int at = pairIndex.getIfAbsent(key, -1);
            Sums s;
            if (at < 0) {
                pairIndex.put(key, pairs.size());
                pairs.add(s = new Sums(a, b));
            } else s = pairs.get(at);
            s.hard += hard;
            s.soft += soft;
            s.kinds |= kind;
        }

        private void collect(Map<String, Object> params) {
            int maxShare = ((Number) params.get("maxShare")).intValue();
            Set<String> benign = new HashSet<>(names(params.get("benignTags")));
            Set<String> risky = new HashSet<>(names(params.get("riskyTags")));
            identifiers(maxShare, benign, risky);
            phoneBlocks(params, maxShare);
            emailStems(params, maxShare);
            signUpIps(params, maxShare, benign);
            pairIndex.clear();
            registeredAt.clear();
        }

        Stream<LinkBatch> batches(Map<String, Object> params) {
            collect(params);
            // Built as the stream is read, so the batches are never all held at once.
            Iterator<Sums> sums = linked().iterator();
            LongLongHashMap index = new LongLongHashMap();
            Iterator<LinkBatch> batches = new Iterator<>() {
                public boolean hasNext() {
                    return sums.hasNext();
                }

                public LinkBatch next() {
                    LinkBatch batch = new LinkBatch();
                    batch.keys = new ArrayList<>();
                    batch.a = new ArrayList<>(BATCH);
                    batch.b = new ArrayList<>(BATCH);
                    batch.hard = new ArrayList<>(BATCH);
                    batch.soft = new ArrayList<>(BATCH);
                    batch.kinds = new ArrayList<>(BATCH);
                    while (batch.a.size() < BATCH && sums.hasNext()) {
                        Sums s = sums.next();
                        batch.a.add(indexOf(s.a, index, batch.keys));
                        batch.b.add(indexOf(s.b, index, batch.keys));
                        batch.hard.add(s.hard);
                        batch.soft.add(s.soft);
                        batch.kinds.add(s.kinds);
                    }
                    return batch;
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false);
        }

        private long indexOf(long node, LongLongHashMap index, List<String> newKeys) {
            long i = index.getIfAbsent(node, -1);
            if (i >= 0) return i;
            long next = index.size();
            index.put(node, next);
            newKeys.add(String.valueOf(tx.getNodeById(node).getProperty("key")));
            return next;
        }

        /** The pairs summed, in the order first seen, without those of no weight. */
        private Stream<Sums> linked() {
            return pairs.stream().filter(s -> s.hard + s.soft > 0);
        }

        Stream<Pair> pairs(Map<String, Object> params) {
            collect(params);
            return linked().map(s -> {
                Pair p = new Pair();
                p.a = tx.getNodeById(s.a);
                p.b = tx.getNodeById(s.b);
                p.hard = s.hard;
                p.soft = s.soft;
                p.kinds = s.kinds;
                return p;
            });
        }

        /**
         * Every identifier of 2..maxShare accounts: its accounts linked pairwise. Read through the
         * kernel's cursors (label ids, link sources by id, the tags alone): the Core API named every
         * label of every node and read each link's start node for its labels; which nodes are
         * accounts is read once instead, from the Account label.
         */
        private void identifiers(int maxShare, Set<String> benign, Set<String> risky) {
            KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
            TokenRead tokens = ktx.tokenRead();
            // Base weight by identifier label id (other labels are not in the map).
            Map<Integer, Double> weightOf = new HashMap<>();
            for (var e : BASE_WEIGHT.entrySet()) {
                int id = tokens.nodeLabel(e.getKey());
                if (id >= 0) weightOf.put(id, e.getValue());
            }
            RelationshipSelection linksIn = identifierLinksIn(tokens);
            if (weightOf.isEmpty() || linksIn == RelationshipSelection.NO_RELATIONSHIPS) return;
            int tagsKey = tokens.propertyKey("tags");
            BitSet accounts = new BitSet();
            try (var all = tx.findNodes(ACCOUNT)) {
                while (all.hasNext()) accounts.set(intId(all.next().getId()));
            }
            long[] members = new long[maxShare + 1];
            try (NodeCursor node = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
                    RelationshipTraversalCursor links = ktx.cursors().allocateRelationshipTraversalCursor(
                            ktx.cursorContext(), ktx.memoryTracker());
                    PropertyCursor props = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker())) {
                ktx.dataRead().allNodesScan(node);
                while (node.next()) {
                    TokenSet labels = node.labels();
                    int count = labels.numberOfTokens();
                    boolean identifier = false;
                    for (int i = 0; i < count && !identifier; i++) identifier = weightOf.containsKey(labels.token(i));
                    if (!identifier) continue;
                    // Cypher's COUNT { (n)<-[:…]-(:Account) }: links, not distinct accounts; past
                    // maxShare the identifier is a crowd whatever the rest, so counting stops there.
                    int degree = 0, distinct = 0;
                    node.relationships(links, linksIn);
                    while (links.next() && degree <= maxShare) {
                        long a = links.sourceNodeReference();
                        if (a > Integer.MAX_VALUE || !accounts.get((int) a)) continue;
                        degree++;
                        boolean seen = false;
                        for (int i = 0; i < distinct && !seen; i++) seen = members[i] == a;
                        if (!seen && distinct < members.length) members[distinct++] = a;
                    }
                    if (degree < 2 || degree > maxShare) continue;
                    List<String> tags = tagsOf(node, props, tagsKey);
                    if (anyIn(tags, benign)) continue;
                    double w = weightOf.getOrDefault(labels.token(0), 0.0)
                            * (degree <= 4 ? 1.0 : Math.pow(4.0 / degree, 0.75))
                            * (anyIn(tags, risky) ? 1.5 : 1.0);
                    if (!(w > 0)) continue;
                    for (int i = 0; i < distinct - 1; i++) {
                        for (int j = i + 1; j < distinct; j++) add(members[i], members[j], w, 0, 0);
                    }
                }
            }
        }

        private static int intId(long id) {
            if (id > Integer.MAX_VALUE) throw new IllegalStateException("node id " + id + " is beyond 2^31");
            return (int) id;
        }

        /** Accounts linked to nodes of `label` through `type`, grouped by the node property `by`. */
        private Map<Object, List<long[]>> timedMembers(Label label, RelationshipType type, String by, boolean distinct,
                Map<Object, Integer> tagged) {
            Map<Object, List<long[]>> groups = new LinkedHashMap<>();
            Map<Object, Set<Long>> seen = new HashMap<>();
            try (var nodes = tx.findNodes(label)) {
                while (nodes.hasNext()) {
                    Node n = nodes.next();
                    Object group = n.getProperty(by, null);
                    if (group == null) continue;
                    boolean sms = tagged != null && textList(n.getProperty("tags", null)).contains("sms-platform");
                    for (Relationship r : n.getRelationships(Direction.INCOMING, type)) {
                        Node a = r.getStartNode();
                        if (!a.hasLabel(ACCOUNT)) continue;
                        Long registered = registered(a);
                        if (registered == null) continue;
                        if (sms) tagged.merge(group, 1, Integer::sum);
                        if (distinct && !seen.computeIfAbsent(group, k -> new HashSet<>()).add(a.getId())) continue;
                        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new long[] {a.getId(), registered});
                    }
                }
            }
            return groups;
        }

        /** Chains of registrations no more than `window` apart, of `minChain` or more: every pair linked. */
        private void chains(List<long[]> members, long window, int minChain, double weight, long kind) {
            members.sort((x, y) -> Long.compare(x[1], y[1]));
            int start = 0;
            for (int i = 1; i <= members.size(); i++) {
                if (i == members.size() || members.get(i)[1] - members.get(i - 1)[1] > window) {
                    if (i - start >= minChain) {
                        for (int x = start; x < i - 1; x++) {
                            for (int y = x + 1; y < i; y++) add(members.get(x)[0], members.get(y)[0], 0, weight, kind);
                        }
                    }
                    start = i;
                }
            }
        }

        private void phoneBlocks(Map<String, Object> p, int maxShare) {
            Map<Object, Integer> tagged = new HashMap<>();
            // One account per block however many of its numbers (phone-blocks.cypher collects DISTINCT).
            Map<Object, List<long[]>> blocks = timedMembers(PHONE, HAS_PHONE, "block", true, tagged);
            for (var e : blocks.entrySet()) {
                List<long[]> ms = e.getValue();
                if (ms.size() < intParam(p, "phoneMinAccounts") || ms.size() > maxShare) continue;
                double w = tagged.getOrDefault(e.getKey(), 0) > 0 ? num(p, "phoneTaggedWeight") : num(p, "phoneWeight");
                chains(ms, (long) num(p, "phoneWindow"), intParam(p, "phoneChain"), w, 1);
            }
        }

        private void emailStems(Map<String, Object> p, int maxShare) {
            // Each email counts (email-stems.cypher collects without DISTINCT).
            for (List<long[]> ms : timedMembers(EMAIL, HAS_EMAIL, "stem", false, null).values()) {
                if (ms.size() < intParam(p, "emailMinAccounts") || ms.size() > maxShare) continue;
                chains(ms, (long) num(p, "emailWindow"), intParam(p, "emailChain"), num(p, "emailWeight"), 2);
            }
        }

        private void signUpIps(Map<String, Object> p, int maxShare, Set<String> benign) {
            try (var ips = tx.findNodes(IP)) {
                while (ips.hasNext()) {
                    Node ip = ips.next();
                    if (ip.getDegree(USED_IP, Direction.INCOMING) < 2) continue;
                    if (anyIn(textList(ip.getProperty("tags", null)), benign)) continue;
                    List<long[]> ms = new ArrayList<>();
                    for (Relationship r : ip.getRelationships(Direction.INCOMING, USED_IP)) {
                        Node a = r.getStartNode();
                        if (!a.hasLabel(ACCOUNT)) continue;
                        Long registered = registered(a);
                        if (registered != null) ms.add(new long[] {a.getId(), registered});
                    }
                    if (ms.size() < intParam(p, "ipMinAccounts") || ms.size() > maxShare) continue;
                    chains(ms, (long) num(p, "ipWindow"), intParam(p, "ipChain"), num(p, "ipWeight"), 4);
                }
            }
        }
    }

    private static double num(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }

    private static int intParam(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).intValue();
    }

    /** A list parameter's texts (tag names). */
    private static List<String> names(Object v) {
        return v instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
