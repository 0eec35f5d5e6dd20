package ringscope.neo4j;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeValueIndexCursor;
import org.neo4j.internal.kernel.api.PropertyIndexQuery;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.internal.schema.IndexDescriptor;
import org.neo4j.internal.schema.SchemaDescriptors;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.values.storable.Values;

/**
 * One ingest batch's accounts, identifier nodes and account–identifier links written with the Core
 * API, as cypher/ingest/accounts.cypher, node-*.cypher and link-*.cypher write them in Cypher: the
 * same MERGE semantics, properties, value types and sums (an integration test compares the graphs
 * both paths build from the same files, property by property). It runs inside the caller's
 * transaction, so a batch stays all or nothing with its other statements and its checkpoint.
 *
 * <p>Keys are found with the uniqueness constraint's index under its lock, as Cypher's MERGE does:
 * a batch that overlaps the previous batch's commit waits for a key that batch is creating and then
 * finds it, instead of creating it twice. Every node and relationship found is write-locked before
 * its properties are read, so the sums and seen times it adds to are the committed ones. A
 * relationship is looked for from its end with fewer relationships of its type, then looked for
 * again under both ends' locks before it is created.
 */
public final class IngestBatch {
    private static final Label ACCOUNT = Label.label("Account");
    private static final String[] NO_TEXT = new String[0];

    @Context
    public Transaction tx;

    public static final class Written {
        public long nodesCreated;
        public long relationshipsCreated;
    }

    /** One row of a batch's columns: the value of a column at this row, null where the column is absent. */
    interface Row {
        Object get(String column);
    }

    /**
     * A batch's rows as columns (column name → one value per row): the rows' field names cross the
     * wire once per batch instead of once per row, which halves what Bolt packs and unpacks.
     */
    private static final class Columns {
        final Map<String, List<?>> columns = new HashMap<>();
        final int size;

        Columns(Object value) {
            int n = 0;
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() instanceof List<?> l) {
                        columns.put(String.valueOf(e.getKey()), l);
                        n = Math.max(n, l.size());
                    }
                }
            }
            this.size = n;
        }

        Row row(int i) {
            return column -> {
                List<?> l = columns.get(column);
                return l == null || i >= l.size() ? null : l.get(i);
            };
        }
    }

    @Procedure(name = "ringscope.writeBatch", mode = Mode.WRITE)
    @Description("Writes one ingest batch's accounts, identifier nodes and account-identifier links (see cypher/ingest/write-batch.cypher).")
    public Stream<Written> writeBatch(@Name("accounts") Map<String, Object> accounts,
            @Name("nodes") List<Map<String, Object>> nodes, @Name("links") List<Map<String, Object>> links,
            @Name("source") String source, @Name("keep") long keep) {
        Writer w = new Writer((InternalTransaction) tx);
        try {
            Columns accountRows = new Columns(accounts);
            for (int i = 0; i < accountRows.size; i++) w.account(accountRows.row(i), source);
            for (Map<String, Object> group : nodes) {
                Label label = Label.label(text(group.get("label")));
                Columns rows = new Columns(group.get("rows"));
                for (int i = 0; i < rows.size; i++) w.node(label, rows.row(i));
            }
            for (Map<String, Object> group : links) {
                RelationshipType type = RelationshipType.withName(text(group.get("type")));
                Label label = Label.label(text(group.get("label")));
                String[] sums = strings(group.get("sums"));
                Columns rows = new Columns(group.get("rows"));
                for (int i = 0; i < rows.size; i++) w.link(type, label, sums, rows.row(i), (int) keep);
            }
        } catch (KernelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Written out = new Written();
        out.nodesCreated = w.nodesCreated;
        out.relationshipsCreated = w.relationshipsCreated;
        return Stream.of(out);
    }

    private static final class Writer {
        final InternalTransaction tx;
        final KernelTransaction ktx;
        final TokenRead tokens;
        final int keyToken;
        final Map<String, IndexDescriptor> indexes = new HashMap<>();
        /** Nodes this call wrote, by label and key: the links' ends. */
        final Map<String, Map<String, Node>> written = new HashMap<>();
        final ZonedDateTime now;
        long nodesCreated;
        long relationshipsCreated;

        Writer(InternalTransaction tx) {
            this.tx = tx;
            this.ktx = tx.kernelTransaction();
            this.tokens = ktx.tokenRead();
            this.keyToken = tokens.propertyKey("key");
            this.now = ZonedDateTime.now(ZoneOffset.UTC);
        }

        /** cypher/ingest/accounts.cypher. */
        void account(Row row, String source) throws KernelException {
            Node a = merge(ACCOUNT, text(row.get("key")));
            widen(a, row);
            Object registeredAt = row.get("registeredAt");
            if (registeredAt != null) a.setProperty("registeredAt", dateTime(registeredAt));
            Object firstOrderAt = row.get("firstOrderAt");
            if (firstOrderAt != null) {
                Long before = AccountRiskFeatures.epochMillis(a.getProperty("firstOrderAt", null));
                long t = millis(firstOrderAt);
                if (before == null || before > t) a.setProperty("firstOrderAt", dateTime(firstOrderAt));
            }
            Object label = row.get("label");
            if (label != null) a.setProperty("label", label);
            String[] sources = a.getProperty("sources", null) instanceof String[] s ? s : NO_TEXT;
            if (!Arrays.asList(sources).contains(source)) {
                String[] more = Arrays.copyOf(sources, sources.length + 1);
                more[sources.length] = source;
                a.setProperty("sources", more);
            }
            setAll(a, row.get("props"));
        }

        /** cypher/ingest/node-*.cypher: the batch's properties, then the seen span. */
        void node(Label label, Row row) throws KernelException {
            Node n = merge(label, text(row.get("key")));
            setAll(n, row.get("nodeProps"));
            widen(n, row);
        }

        /** cypher/ingest/link-*.cypher: one relationship per pair, its counts and sums added up. */
        void link(RelationshipType type, Label label, String[] sums, Row row, int keep)
                throws KernelException {
            Node a = end(ACCOUNT, text(row.get("account")));
            Node n = end(label, text(row.get("key")));
            Relationship r = find(a, n, type);
            if (r == null) {
                // Both ends locked in id order, then looked for again: another transaction may have
                // created it since (Cypher's MERGE does the same).
                Node first = a.getElementId().compareTo(n.getElementId()) <= 0 ? a : n;
                tx.acquireWriteLock(first);
                tx.acquireWriteLock(first == a ? n : a);
                r = find(a, n, type);
            }
            if (r != null) tx.acquireWriteLock(r);
            Object first = row.get("first"), last = row.get("last");
            List<?> times = row.get("eventTimes") instanceof List<?> l ? l : List.of();
            List<?> amounts = row.get("eventAmounts") instanceof List<?> l ? l : List.of();
            if (r == null) {
                r = a.createRelationshipTo(n, type);
                relationshipsCreated++;
                r.setProperty("count", row.get("count"));
                for (String s : sums) r.setProperty(s, row.get(s));
                if (first != null) r.setProperty("firstSeen", dateTime(first));
                if (last != null) r.setProperty("lastSeen", dateTime(last));
                if (!times.isEmpty()) {
                    r.setProperty("eventTimes", latest(new long[0], times, keep));
                    r.setProperty("eventAmounts", latest(new double[0], amounts, keep));
                }
                return;
            }
            r.setProperty("count", add(r.getProperty("count", null), row.get("count")));
            for (String s : sums) r.setProperty(s, add(r.getProperty(s, null), row.get(s)));
            widen(r, row);
            if (!times.isEmpty()) {
                r.setProperty("eventTimes", latest(r.getProperty("eventTimes", null) instanceof long[] t ? t : new long[0], times, keep));
                r.setProperty("eventAmounts",
                        latest(r.getProperty("eventAmounts", null) instanceof double[] m ? m : new double[0], amounts, keep));
            }
        }

        /** MERGE (n:Label {key}) ON CREATE SET n.tags = [], n.created = datetime(). */
        Node merge(Label label, String key) throws KernelException {
            Map<String, Node> byKey = written.computeIfAbsent(label.name(), k -> new HashMap<>());
            Node known = byKey.get(key);
            if (known != null) return known;
            long id = seek(label, key);
            Node n;
            if (id >= 0) {
                // Locked before its properties are read: a batch overlapping the previous batch's
                // commit waits here for that batch's changes instead of reading what they replace
                // (a lost update of a seen time or a sum otherwise).
                n = node(id);
                tx.acquireWriteLock(n);
            } else {
                n = tx.createNode(label);
                n.setProperty("key", key);
                n.setProperty("tags", NO_TEXT);
                n.setProperty("created", now);
                nodesCreated++;
            }
            byKey.put(key, n);
            return n;
        }

        /** A link's end: written earlier in this call, as the batch's node statements run first. */
        Node end(Label label, String key) throws KernelException {
            Node n = written.getOrDefault(label.name(), Map.of()).get(key);
            if (n != null) return n;
            long id = seek(label, key);
            if (id < 0) throw new IllegalStateException("a link names :" + label.name() + " " + key + ", which the batch did not write");
            return node(id);
        }

        @SuppressWarnings("deprecation")
        Node node(long id) {
            return tx.getNodeById(id);
        }

        /** The node with this key, found under the uniqueness constraint's lock, or -1. */
        long seek(Label label, String key) throws KernelException {
            IndexDescriptor index = indexes.get(label.name());
            if (index == null) {
                int labelToken = tokens.nodeLabel(label.name());
                Iterator<IndexDescriptor> it = labelToken < 0 || keyToken < 0 ? List.<IndexDescriptor>of().iterator()
                        : ktx.schemaRead().index(SchemaDescriptors.forLabel(labelToken, keyToken));
                while (it.hasNext()) {
                    IndexDescriptor d = it.next();
                    if (d.isUnique()) index = d;
                }
                if (index == null) throw new IllegalStateException("no uniqueness constraint on :" + label.name() + "(key): apply ringscope's schema first");
                indexes.put(label.name(), index);
            }
            try (NodeValueIndexCursor cursor = ktx.cursors().allocateNodeValueIndexCursor(ktx.cursorContext(), ktx.memoryTracker())) {
                return ktx.dataRead().lockingNodeUniqueIndexSeek(index, cursor,
                        PropertyIndexQuery.exact(keyToken, Values.stringValue(key)));
            }
        }

        /** The relationship of this type from a to n, looked for from the end with fewer of them. */
        static Relationship find(Node a, Node n, RelationshipType type) {
            boolean fromA = a.getDegree(type, Direction.OUTGOING) <= n.getDegree(type, Direction.INCOMING);
            Node from = fromA ? a : n, to = fromA ? n : a;
            try (var rels = from.getRelationships(fromA ? Direction.OUTGOING : Direction.INCOMING, type)) {
                for (Relationship r : rels) {
                    if (r.getOtherNode(from).equals(to)) return r;
                }
            }
            return null;
        }
    }

    /** firstSeen = the earlier of the two, lastSeen = the later (a missing time changes nothing). */
    private static void widen(org.neo4j.graphdb.Entity e, Row row) {
        Object first = row.get("first"), last = row.get("last");
        if (first != null) {
            Long before = AccountRiskFeatures.epochMillis(e.getProperty("firstSeen", null));
            if (before == null || millis(first) < before) e.setProperty("firstSeen", dateTime(first));
        }
        if (last != null) {
            Long before = AccountRiskFeatures.epochMillis(e.getProperty("lastSeen", null));
            if (before == null || millis(last) > before) e.setProperty("lastSeen", dateTime(last));
        }
    }

    /** SET e += props. */
    private static void setAll(org.neo4j.graphdb.Entity e, Object props) {
        if (!(props instanceof Map<?, ?> map)) return;
        for (Map.Entry<?, ?> p : map.entrySet()) {
            if (p.getValue() == null) e.removeProperty(String.valueOf(p.getKey()));
            else e.setProperty(String.valueOf(p.getKey()), p.getValue());
        }
    }

    /** Cypher's +: integers stay integers, anything with a float is a float; a missing value is null. */
    private static Object add(Object a, Object b) {
        if (a == null || b == null) return null;
        if (a instanceof Long x && b instanceof Long y) return x + y;
        return ((Number) a).doubleValue() + ((Number) b).doubleValue();
    }

    /** The kept window of (before + the batch's events), the latest `keep`; times as toInteger. */
    private static long[] latest(long[] before, List<?> more, int keep) {
        long[] all = Arrays.copyOf(before, before.length + more.size());
        for (int i = 0; i < more.size(); i++) all[before.length + i] = (long) ((Number) more.get(i)).doubleValue();
        return all.length <= keep ? all : Arrays.copyOfRange(all, all.length - keep, all.length);
    }

    private static double[] latest(double[] before, List<?> more, int keep) {
        double[] all = Arrays.copyOf(before, before.length + more.size());
        for (int i = 0; i < more.size(); i++) all[before.length + i] = ((Number) more.get(i)).doubleValue();
        return all.length <= keep ? all : Arrays.copyOfRange(all, all.length - keep, all.length);
    }

    /** datetime({epochMillis: toInteger(v)}). */
    private static ZonedDateTime dateTime(Object v) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis(v)), ZoneOffset.UTC);
    }

    private static long millis(Object v) {
        return v instanceof Long l ? l : (long) ((Number) v).doubleValue();
    }

    private static String text(Object v) {
        if (v instanceof String s) return s;
        throw new IllegalArgumentException("expected text, got " + v);
    }

    private static String[] strings(Object v) {
        if (!(v instanceof List<?> l)) return NO_TEXT;
        String[] out = new String[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = text(l.get(i));
        return out;
    }
}
