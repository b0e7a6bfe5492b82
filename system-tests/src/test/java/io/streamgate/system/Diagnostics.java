package io.streamgate.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What the cloud was doing when a test saw a part stop answering: a thread dump of every JVM the tests started and the
 * database's sessions (open transactions, lock waits), appended to {@code diagnostics.txt} in the logs folder. Only a
 * post-mortem aid; it never changes a test's outcome.
 */
final class Diagnostics {

    private Diagnostics() {}

    static void capture(String why) {
        Path out = Path.of(System.getProperty("streamgate.logs.directory", "target/system-logs"))
                .toAbsolutePath()
                .resolve("diagnostics.txt");
        StringBuilder text = new StringBuilder("=== " + Instant.now() + " " + why + "\n");
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(process -> {
            String command = process.info().commandLine().orElse("");
            if (command.contains("-exec.jar")) {
                text.append("--- ").append(command).append('\n').append(threads(process.pid()));
            }
        });
        text.append("--- pg_stat_activity\n").append(sessions());
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("diagnostics not written: " + e);
        }
    }

    private static String threads(long pid) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(20, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")\n";
        }
    }

    private static String sessions() {
        String base =
                System.getenv().getOrDefault("STREAMGATE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");
        java.net.URI uri = java.net.URI.create(base.replaceFirst("\\?.*$", ""));
        String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":", 2)[0];
        String password = uri.getUserInfo() != null && uri.getUserInfo().contains(":")
                ? uri.getUserInfo().split(":", 2)[1]
                : "";
        String jdbc =
                "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
        StringBuilder rows = new StringBuilder();
        try (var connection = DriverManager.getConnection(jdbc, user, password);
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT pid, state, wait_event_type, wait_event,"
                        + " now() - xact_start AS in_tx, pg_blocking_pids(pid) AS blocked_by, left(query, 200) AS q"
                        + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (result.next()) {
                rows.append(result.getInt("pid"))
                        .append(" | ")
                        .append(result.getString("state"))
                        .append(" | ")
                        .append(result.getString("wait_event_type"))
                        .append('/')
                        .append(result.getString("wait_event"))
                        .append(" | in tx ")
                        .append(result.getString("in_tx"))
                        .append(" | blocked by ")
                        .append(result.getString("blocked_by"))
                        .append(" | ")
                        .append(result.getString("q"))
                        .append('\n');
            }
        } catch (Exception e) {
            rows.append("(no sessions: ").append(e).append(")\n");
        }
        return rows.toString();
    }
}
