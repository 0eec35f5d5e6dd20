package ringscope.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Runs Neo4j's offline importer ({@code neo4j-admin database import full}, the
 * org.neo4j:neo4j-import-tool classes already on this classpath) into the default database of a
 * stopped embedded store, replacing it. The importer's own arguments (node and relationship files,
 * delimiters, id type) come one per line from a file ringscope writes, so nothing is parsed twice.
 *
 * Prints "RINGSCOPE_NEO4J_IMPORTED ms=N" on success, "RINGSCOPE_NEO4J_ERROR reason" (exit 2) on
 * failure; the importer's progress goes to stderr.
 */
final class BulkImport {
    private BulkImport() {}

    static int run(Path home, Path argsFile) throws IOException {
        List<String> args = new ArrayList<>(List.of("database", "import", "full", "--overwrite-destination=true"));
        for (String line : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                args.add(line);
            }
        }
        args.add("neo4j");
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        long started = System.nanoTime();
        // The importer prints its progress and report; stdout is kept for the one result line.
        ExecutionContext context = new ExecutionContext(home, conf, System.err, System.err,
                new org.neo4j.io.fs.DefaultFileSystemAbstraction());
        int code = AdminTool.execute(context, args.toArray(String[]::new));
        if (code != 0) {
            Launcher.fail("the offline import failed (exit " + code + "); its report is in the launcher log");
        }
        System.out.printf("RINGSCOPE_NEO4J_IMPORTED ms=%d%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();
        return 0;
    }
}
