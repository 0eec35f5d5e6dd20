package ringscope.neo4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.storageengine.api.Degrees;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.values.storable.TextArray;
import org.neo4j.values.storable.Value;

/**
 * The per-account risk feature table of cypher/detect/account-risk-features.cypher, computed with the
 * Core API instead of Cypher: the same rows, columns and sums (an integration test compares the two
 * account by account), several times faster because Neo4j Community runs Cypher on its slotted
 * runtime, row by row. Registered by the embedded launcher only; against an external Neo4j detection
 * reads the Cypher statement instead. Rows stream out as Bolt asks for them, so the table is never
 * held in the database's heap.
 */
public final class AccountRiskFeatures {
    private static final Label ACCOUNT = Label.label("Account");
    private static final RelationshipType REFERRED = RelationshipType.withName("REFERRED");
    /**
     * The relationships read from each account, in the order of the Cypher statement's pattern: the
     * six identifier links (which an identifier's degree counts, from any node), then tools and APIs.
     */
    private static final RelationshipType[] READ = Stream.concat(Arrays.stream(AccountPairs.IDENTIFIER_TYPES),
            Stream.of(RelationshipType.withName("RAN"), RelationshipType.withName("BOUGHT_FROM")))
            .toArray(RelationshipType[]::new);
    private static final double LOG2 = Math.log(2);
    /**
     * Rarity weights and order amounts are summed as whole multiples of 2^-32 and 2^-20, as the
     * Cypher statement does: whole numbers add up the same in any order, and floats do not (the same
     * account's sum differed in its last bit between two runs, which moved it across a percentile).
     */
    private static final double FIXED_RARITY = 4294967296.0, FIXED_AMOUNT = 1048576.0;

    @Context
    public Transaction tx;

    /**
     * The numbers sent for each account, in this order: the 17 sums of the Cypher statement's
     * `counts`, then its times and referral counts, then the identifier burst (most identifiers first
     * used within the burst window) worked out here from `idTimes`, so the times need not be sent.
     */
    static final List<String> FIELDS = List.of(
            "cards", "devices", "phones", "emails", "addresses", "ips", "sharedStrong", "sharedWeak", "payments",
            "orderAmount", "declines", "chargebacks", "refunds", "failures", "proxyIps", "smsPhones", "fraudTools",
            "registered", "firstSeen", "lastSeen", "firstOrder", "firstPayment", "referredOut", "referredIn",
            "identifierBurst");

    /**
     * Up to CHUNK accounts in one record. `numbers` holds FIELDS.size() values per account (NaN for a
     * missing time) as little-endian 64-bit floats, base64 text: the JavaScript driver unpacks a list
     * of floats, and a byte array, a byte at a time through its own buffers, which cost the Node
     * process ~7 s for the 25M numbers of 1M accounts; text it decodes natively. `numeric` holds
     * [account's position in the chunk, property, value] for the numeric properties a mapping loaded.
     */
    public static final class Chunk {
        public List<String> fields;
        public List<String> keys;
        public List<Object> labels;
        public List<List<String>> tags;
        public String numbers;
        public List<List<Object>> numeric;
    }

    /** A chunk being filled; `numbers` is encoded when it is full. */
    private static final class Filling {
        final Chunk chunk = new Chunk();
        final ByteBuffer numbers = ByteBuffer.allocate(CHUNK * FIELDS.size() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);

        Chunk done() {
            numbers.flip();
            byte[] bytes = new byte[numbers.remaining()];
            numbers.get(bytes);
            chunk.numbers = Base64.getEncoder().encodeToString(bytes);
            return chunk;
        }
    }

    private static final int CHUNK = 1000;

    @Procedure(name = "ringscope.accountRiskFeatures", mode = Mode.READ)
    @Description("Per-account risk features (see cypher/detect/account-risk-features-in-db.cypher), for account keys from <= key < to, in chunks.")
    public Stream<Chunk> accountRiskFeatures(@Name("from") String from, @Name("to") String to,
            @Name("params") Map<String, Object> params) {
        Params p = new Params(params);
        Identifiers ids = new Identifiers(tx);
        ResourceIterator<Node> accounts = tx.findNodes(ACCOUNT);
        java.util.Iterator<Chunk> chunks = new java.util.Iterator<>() {
            private Chunk next = advance();

            private Chunk advance() {
                Filling c = null;
                while (accounts.hasNext()) {
                    Node a = accounts.next();
                    Object key = a.getProperty("key", null);
                    String k = key instanceof String text ? text : null;
                    if (k == null) {
                        // Cypher compares a missing or non-text key with a text bound as null: left out
                        // when a bound is set, kept when the range is open.
                        if (from != null || to != null) continue;
                        k = key == null ? null : String.valueOf(key);
                    } else {
                        if (from != null && compareCodePoints(k, from) < 0) continue;
                        if (to != null && compareCodePoints(k, to) >= 0) continue;
                    }
                    if (c == null) c = newChunk();
                    append(c, a, a.getAllProperties(), k, p, ids);
                    if (c.chunk.keys.size() == CHUNK) return c.done();
                }
                accounts.close();
                ids.close();
                return c == null ? null : c.done();
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Chunk next() {
                Chunk r = next;
                next = advance();
                return r;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED), false)
                .onClose(() -> {
                    accounts.close();
                    ids.close();
                });
    }

    /**
     * The far end of an account's link, read through the kernel's cursors: its degree over the six
     * identifier link types in one call (the Core API's getDegree takes one type at a time, and on
     * a node of few links each call walks its whole chain again), and its tags, read only where a
     * feature needs them. The cursors are the procedure's own, reused for every link.
     */
    static final class Identifiers implements AutoCloseable {
        private final KernelTransaction ktx;
        private final NodeCursor node;
        private final PropertyCursor props;
        private final RelationshipSelection identifierLinksIn;
        private final RelationshipSelection referrals;
        private final int tagsKey;
        /**
         * Shared identifiers (two or more accounts) met so far: degree << 4 | the tag flags (1 benign,
         * 2 risky, 4 proxy, 8 SMS platform). An identifier of one account is met once and not kept.
         */
        private final LongIntHashMap shared = new LongIntHashMap();
        private boolean closed;

        Identifiers(Transaction tx) {
            ktx = ((InternalTransaction) tx).kernelTransaction();
            node = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
            props = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker());
            identifierLinksIn = AccountPairs.identifierLinksIn(ktx.tokenRead());
            int referred = ktx.tokenRead().relationshipType(REFERRED.name());
            referrals = referred < 0 ? RelationshipSelection.NO_RELATIONSHIPS
                    : RelationshipSelection.selection(referred, Direction.BOTH);
            tagsKey = ktx.tokenRead().propertyKey("tags");
        }

        /** What remember() kept of node `id`, -1 when nothing. */
        int known(long id) {
            return shared.getIfAbsent(id, -1);
        }

        /** Keeps a shared identifier's degree and tag flags (degrees past 2^27 are not kept). */
        void remember(long id, long degree, int flags) {
            if (degree < (1L << 27)) shared.put(id, (int) (degree << 4) | flags);
        }

        /** The account's REFERRED links out and in, in one pass (getDegree walks a small node's chain per call). */
        Degrees referrals(long account) {
            return at(account) ? node.degrees(referrals) : Degrees.EMPTY;
        }

        /** Positions the cursor on node `id`; false when it is gone. */
        boolean at(long id) {
            ktx.dataRead().singleNode(id, node);
            return node.next();
        }

        /** Links of the six identifier types into the node, from any node (Cypher's COUNT { (n)<-[:…]-() }). */
        long degree() {
            return node.degree(identifierLinksIn);
        }

        /** The node's tags (a text list; anything else reads as none). */
        List<String> tags() {
            return tagsOf(node, props, tagsKey);
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            node.close();
            props.close();
            shared.clear();
        }
    }

    private static Filling newChunk() {
        Filling f = new Filling();
        Chunk c = f.chunk;
        c.fields = FIELDS;
        c.keys = new ArrayList<>(CHUNK);
        c.labels = new ArrayList<>(CHUNK);
        c.tags = new ArrayList<>(CHUNK);
        c.numeric = new ArrayList<>();
        return f;
    }

    /** Most times within any window of `windowMs` (risk-features.ts maxWithin, the same two pointers). */
    static int maxWithin(List<Long> times, long windowMs) {
        if (times.isEmpty()) return 0;
        long[] s = times.stream().mapToLong(Long::longValue).sorted().toArray();
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < s.length; hi++) {
            while (s[hi] - s[lo] > windowMs) lo++;
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    /** The statement's parameters, as sets. */
    private static final class Params {
        final Set<String> benign, risky, proxy, sms, toolCategories, strongTypes, notFeatures;
        final long burstWindowMs;

        Params(Map<String, Object> m) {
            benign = strings(m.get("benignTags"));
            risky = strings(m.get("riskyTags"));
            proxy = strings(m.get("proxyTags"));
            sms = strings(m.get("smsTags"));
            toolCategories = strings(m.get("toolCategories"));
            strongTypes = strings(m.get("strongTypes"));
            notFeatures = strings(m.get("notFeatures"));
            Object window = m.get("burstWindowMs");
            burstWindowMs = window instanceof Number n ? n.longValue() : 86_400_000L;
        }

        private static Set<String> strings(Object v) {
            Set<String> out = new HashSet<>();
            if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o != null) out.add(String.valueOf(o));
                }
            }
            return out;
        }
    }

    /** Sums one account's links and appends its values to the chunk being filled, in FIELDS order. */
    private static void append(Filling f, Node a, Map<String, Object> props, String key, Params p, Identifiers ids) {
        long cards = 0, devices = 0, phones = 0, emails = 0, addresses = 0, ips = 0;
        // Fractional sums are summed in fixed point (see FIXED_RARITY), so they do not depend on the
        // order the store hands out an account's links, which changes as rings come and go.
        long sharedStrong = 0, sharedWeak = 0, orderAmount = 0;
        double payments = 0, declines = 0, chargebacks = 0, refunds = 0, failures = 0;
        long proxyIps = 0, smsPhones = 0, fraudTools = 0;
        List<Long> idTimes = new ArrayList<>();
        Long firstPayment = null;

        for (Relationship r : a.getRelationships(Direction.OUTGOING, READ)) {
            String t = r.getType().name();
            boolean identifier = !t.equals("RAN") && !t.equals("BOUGHT_FROM");
            // The end node's tags count for shared identifiers (rarity), proxy IPs, SMS-platform
            // phones and tools; a device, card, email or address of one account needs no tags.
            // A shared identifier is met again from each of its accounts: what it says is kept.
            List<String> idTags = List.of();
            long degree = 0;
            boolean benign = false, risky = false, proxy = false, sms = false;
            long end = r.getEndNodeId();
            int known = identifier ? ids.known(end) : -1;
            if (known >= 0) {
                degree = known >>> 4;
                benign = (known & 1) != 0;
                risky = (known & 2) != 0;
                proxy = (known & 4) != 0;
                sms = (known & 8) != 0;
            } else if (ids.at(end)) {
                degree = identifier ? ids.degree() : 0;
                if (degree >= 2 || t.equals("USED_IP") || t.equals("HAS_PHONE") || t.equals("RAN")) {
                    idTags = ids.tags();
                    benign = anyIn(idTags, p.benign);
                    risky = anyIn(idTags, p.risky);
                    proxy = anyIn(idTags, p.proxy);
                    sms = anyIn(idTags, p.sms);
                }
                if (identifier && degree >= 2) {
                    ids.remember(end, degree, (benign ? 1 : 0) | (risky ? 2 : 0) | (proxy ? 4 : 0) | (sms ? 8 : 0));
                }
            }
            double rarity = degree >= 2 && !benign ? LOG2 / Math.log(1 + degree) * (risky ? 1.5 : 1.0) : 0.0;
            Long first = null;
            if (!t.equals("SHIPS_TO") && !t.equals("USED_IP") && !t.equals("RAN") && !t.equals("PAID_WITH")) {
                first = epochMillis(r.getProperty("firstSeen", null));
            }
            switch (t) {
                case "PAID_WITH" -> cards++;
                case "USED_DEVICE" -> devices++;
                case "HAS_PHONE" -> phones++;
                case "HAS_EMAIL" -> emails++;
                case "SHIPS_TO" -> addresses++;
                case "USED_IP" -> ips++;
                default -> { }
            }
            if (p.strongTypes.contains(t)) sharedStrong += Math.round(rarity * FIXED_RARITY);
            else sharedWeak += Math.round(rarity * FIXED_RARITY);
            Object amount = null;
            if (t.equals("PAID_WITH")) {
                // One walk of the payment link's properties (getProperty walks the chain each time).
                Map<String, Object> pay = r.getAllProperties();
                first = epochMillis(pay.get("firstSeen"));
                Object count = pay.get("count");
                amount = pay.get("amount");
                payments += count == null ? 1 : number(count);
                if (amount instanceof Number paid) orderAmount += Math.round(paid.doubleValue() * FIXED_AMOUNT);
                declines += number(pay.get("declines"));
                chargebacks += number(pay.get("chargebacks"));
                refunds += number(pay.get("refunds"));
            }
            if (t.equals("USED_DEVICE") || t.equals("USED_IP")) failures += number(r.getProperty("failures", null));
            if (t.equals("USED_IP") && proxy) proxyIps++;
            if (t.equals("HAS_PHONE") && sms) smsPhones++;
            if (t.equals("RAN")) {
                Object category = r.getEndNode().getProperty("category", null);
                if ((category != null && p.toolCategories.contains(String.valueOf(category))) || idTags.contains("fraud-tool")) {
                    fraudTools++;
                }
            }
            if (!t.equals("BOUGHT_FROM") && first != null) idTimes.add(first);
            boolean paid = amount instanceof Number num && num.doubleValue() > 0;
            if ((t.equals("BOUGHT_FROM") || paid) && first != null && (firstPayment == null || first < firstPayment)) {
                firstPayment = first;
            }
        }

        Chunk c = f.chunk;
        int at = c.keys.size();
        c.keys.add(key);
        c.labels.add(props.get("label"));
        c.tags.add(textList(props.get("tags")));
        for (double v : new double[] {cards, devices, phones, emails, addresses, ips, sharedStrong / FIXED_RARITY,
                sharedWeak / FIXED_RARITY, payments, orderAmount / FIXED_AMOUNT, declines, chargebacks, refunds,
                failures, proxyIps, smsPhones, fraudTools}) {
            f.numbers.putDouble(v);
        }
        for (Long t : new Long[] {epochMillis(props.get("registeredAt")), epochMillis(props.get("firstSeen")),
                epochMillis(props.get("lastSeen")), epochMillis(props.get("firstOrderAt")), firstPayment}) {
            f.numbers.putDouble(t == null ? Double.NaN : (double) t);
        }
        Degrees referrals = ids.referrals(a.getId());
        f.numbers.putDouble(referrals.outgoingDegree());
        f.numbers.putDouble(referrals.incomingDegree());
        f.numbers.putDouble(maxWithin(idTimes, p.burstWindowMs));
        for (Map.Entry<String, Object> e : props.entrySet()) {
            Object v = e.getValue();
            if (p.notFeatures.contains(e.getKey())) continue;
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                    || v instanceof Double || v instanceof Float) {
                c.numeric.add(List.of((long) at, e.getKey(), v));
            }
        }
    }

    /** The tags of the node under `node` (a text list; anything else reads as none), by property key id. */
    static List<String> tagsOf(NodeCursor node, PropertyCursor props, int tagsKey) {
        if (tagsKey < 0) return List.of();
        node.properties(props, PropertySelection.selection(tagsKey));
        while (props.next()) {
            if (props.propertyKey() != tagsKey) continue;
            Value v = props.propertyValue();
            if (!(v instanceof TextArray texts)) return List.of();
            String[] out = new String[texts.intSize()];
            for (int i = 0; i < out.length; i++) out[i] = texts.stringValue(i);
            return Arrays.asList(out);
        }
        return List.of();
    }

    /** A summed property's value; a missing or non-numeric one counts 0 (Cypher would refuse the latter). */
    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    static Long epochMillis(Object v) {
        if (v instanceof ZonedDateTime z) return z.toInstant().toEpochMilli();
        if (v instanceof OffsetDateTime o) return o.toInstant().toEpochMilli();
        return null;
    }

    static List<String> textList(Object v) {
        if (v instanceof String[] arr) return Arrays.asList(arr);
        return List.of();
    }

    static boolean anyIn(List<String> values, Set<String> set) {
        for (String v : values) {
            if (set.contains(v)) return true;
        }
        return false;
    }

    /** Compares by Unicode code point, as Cypher orders text (String.compareTo compares UTF-16 units). */
    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
