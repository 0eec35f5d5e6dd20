package ringscope.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, on loopback, for ringscope.
 *
 * Configuration comes from environment variables so the password never shows in `ps`:
 * RINGSCOPE_NEO4J_HOME (store and logs, default .data/neo4j), RINGSCOPE_BOLT_ADDRESS (127.0.0.1),
 * RINGSCOPE_BOLT_PORT (7687), NEO4J_PASSWORD (required, >= 8 chars), RINGSCOPE_PAGECACHE (512m),
 * RINGSCOPE_TX_MEMORY (global transaction memory cap, 2g), RINGSCOPE_TX_TIMEOUT_SECONDS (0 = none,
 * the server sets its own per-transaction timeouts), RINGSCOPE_IMPORT_DIR (where `LOAD CSV FROM 'file:///…'`
 * reads, default HOME/import), RINGSCOPE_PROCEDURES (on: register ringscope's procedures, see
 * registerProcedures, and the plugins in RINGSCOPE_PLUGIN_DIR, Graph Data Science; off: behave as a server without
 * either). With --exit-on-stdin-eof the launcher stops
 * when its parent closes stdin, so a parent killed with SIGKILL leaves no orphaned JVM.
 *
 * With --import ARGS_FILE it starts no database: it runs Neo4j's offline importer (see BulkImport) on
 * the stopped store under RINGSCOPE_NEO4J_HOME and exits.
 *
 * It prints exactly one line starting with "RINGSCOPE_NEO4J_READY" when Bolt accepts
 * connections, and one "RINGSCOPE_NEO4J_ERROR <reason>" line (exit 2) when it cannot start.
 */
public final class Launcher {
    private static final String READY = "RINGSCOPE_NEO4J_READY";
    private static final String ERROR = "RINGSCOPE_NEO4J_ERROR";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        boolean exitOnStdinEof = false;
        Path importArgs = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--exit-on-stdin-eof")) {
                exitOnStdinEof = true;
            } else if (args[i].equals("--import") && i + 1 < args.length) {
                importArgs = Path.of(args[++i]);
            } else {
                fail("unknown argument '" + args[i] + "' (expected --exit-on-stdin-eof or --import ARGS_FILE)");
            }
        }

        Path home = Path.of(env.getOrDefault("RINGSCOPE_NEO4J_HOME", ".data/neo4j")).toAbsolutePath();
        if (importArgs != null) {
            System.exit(BulkImport.run(home, importArgs));
        }
        String address = env.getOrDefault("RINGSCOPE_BOLT_ADDRESS", "127.0.0.1");
        int port = parseInt("RINGSCOPE_BOLT_PORT", env.getOrDefault("RINGSCOPE_BOLT_PORT", "7687"));
        String password = env.get("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("NEO4J_PASSWORD must be set to at least 8 characters");
        }
        long pageCache = parseBytes("RINGSCOPE_PAGECACHE", env.getOrDefault("RINGSCOPE_PAGECACHE", "512m"));
        long txMemory = parseBytes("RINGSCOPE_TX_MEMORY", env.getOrDefault("RINGSCOPE_TX_MEMORY", "2g"));
        int txTimeout = parseInt("RINGSCOPE_TX_TIMEOUT_SECONDS", env.getOrDefault("RINGSCOPE_TX_TIMEOUT_SECONDS", "0"));

        Path importDir = Path.of(env.getOrDefault("RINGSCOPE_IMPORT_DIR", home.resolve("import").toString())).toAbsolutePath();
        String procedures = env.getOrDefault("RINGSCOPE_PROCEDURES", "on");
        if (!procedures.equals("on") && !procedures.equals("off")) {
            fail("RINGSCOPE_PROCEDURES must be on or off, got '" + procedures + "'");
        }
        // Plugins (Graph Data Science): loaded from RINGSCOPE_PLUGIN_DIR when procedures are on; with
        // them off the server behaves as one without plugins. An empty directory stands for none.
        Path pluginDir = home.resolve("no-plugins");
        String pluginEnv = env.get("RINGSCOPE_PLUGIN_DIR");
        if (procedures.equals("on") && pluginEnv != null && !pluginEnv.isBlank()) {
            pluginDir = Path.of(pluginEnv).toAbsolutePath();
            if (!Files.isDirectory(pluginDir)) {
                fail("RINGSCOPE_PLUGIN_DIR " + pluginDir + " is not a directory (build it with npm run build:neo4j)");
            }
        }

        ensurePortFree(address, port);
        Files.createDirectories(home);
        Files.createDirectories(importDir);

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(address, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(address, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                    .setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    .build();
        } catch (RuntimeException e) {
            fail(describeStartFailure(e, home));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("RINGSCOPE_NEO4J_STOPPING");
            dbms.shutdown();
            stopped.countDown();
        }, "ringscope-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            fail("database did not become available within 120 s (see " + home.resolve("logs") + ")");
        }
        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        if (procedures.equals("on")) {
            registerProcedures(db);
        }

        String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
        System.out.printf("%s bolt://%s:%d version=%s home=%s pid=%d startMs=%d%n", READY, address, port, version,
                home, ProcessHandle.current().pid(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();

        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // the parent writes nothing; EOF means it is gone
                    }
                } catch (IOException ignored) {
                    // a broken pipe means the same as EOF
                }
                System.exit(0);
            }, "ringscope-neo4j-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    /**
     * Registers ringscope's own procedures (detection's feature table, account pairs and candidate
     * members' reads computed inside the database, ingest's batch writer); detection and ingest find them with SHOW
     * PROCEDURES and run their Cypher statements otherwise.
     */
    private static void registerProcedures(GraphDatabaseService db) {
        GlobalProcedures procedures = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
        try {
            procedures.registerProcedure(AccountRiskFeatures.class);
            procedures.registerProcedure(AccountPairs.class);
            procedures.registerProcedure(MemberReads.class);
            procedures.registerProcedure(IngestBatch.class);
        } catch (Exception e) {
            fail("could not register ringscope's procedures: " + e.getMessage());
        }
    }

    /** Sets the neo4j user's password; embedded access to the system database needs no login. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the value it already has: nothing to do then.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void ensurePortFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            fail("Bolt port " + address + ":" + port + " is already in use (" + e.getMessage()
                    + "); stop the other process or set RINGSCOPE_BOLT_PORT");
        }
    }

    private static String describeStartFailure(Throwable e, Path home) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = String.valueOf(t.getMessage());
            if (name.contains("FileLock") || msg.contains("Lock file has been locked")
                    || msg.contains("unable to obtain lock")) {
                return "data directory " + home + " is locked by another Neo4j process; stop it or set RINGSCOPE_NEO4J_HOME";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "Neo4j failed to start: " + root.getClass().getSimpleName() + ": " + root.getMessage()
                + " (see " + home.resolve("logs") + ")";
    }

    private static int parseInt(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            fail(name + " must be a whole number from 0 to 65535, got '" + value + "'");
            return 0;
        }
    }

    private static long parseBytes(String name, String value) {
        String v = value.trim().toLowerCase();
        long unit = 1;
        if (v.endsWith("k")) {
            unit = 1L << 10;
        } else if (v.endsWith("m")) {
            unit = 1L << 20;
        } else if (v.endsWith("g")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Long.parseLong(v) * unit;
        } catch (NumberFormatException e) {
            fail(name + " must be a size like 512m or 2g, got '" + value + "'");
            return 0;
        }
    }

    static void fail(String reason) {
        System.out.println(ERROR + " " + reason);
        System.out.flush();
        System.exit(2);
    }
}
