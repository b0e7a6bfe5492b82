package io.streamgate.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole cloud on this machine: streamer-sims (three unless a test asks for more), control-api on the real
 * PostgreSQL (a schema of its own) and the real Redis, a gateway that follows Redis and one that only polls. Every
 * part is a real process.
 */
final class Cloud implements AutoCloseable {

    static final String ADMIN_TOKEN = "system-test-admin-" + UUID.randomUUID();
    static final String GATEWAY_TOKEN = "system-test-gateway-" + UUID.randomUUID();
    static final String SIGNING_KEYS = "st1:" + UUID.randomUUID();
    /** The polling gateway's full-sync interval; the Redis-following one uses a long one so Redis must do the work. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final List<AppProcess> sims = new ArrayList<>();
    final List<String> simUrls = new ArrayList<>();
    final String controlUrl;
    final String gatewayUrl;
    final String gatewayManagementUrl;
    final String pollingGatewayUrl;
    final String pollingGatewayManagementUrl;
    /** The plugins folder every part of this cloud loads from: a copy of the built-in jars, so tests may drop in more. */
    final Path pluginsFolder;

    final AppProcess control;

    private final List<AppProcess> all = new ArrayList<>();
    private final String pgBase;
    private final String schema =
            "sg_system_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /**
     * What a test changes about the cloud.
     *
     * @param sims how many streamer-sims
     * @param controlArgs extra command-line settings of control-api (e.g. a short reconcile interval)
     * @param gatewayArgs extra command-line settings of both gateways
     */
    record Options(int sims, List<String> controlArgs, List<String> gatewayArgs) {
        static final Options DEFAULT = new Options(3, List.of(), List.of());

        Options {
            controlArgs = List.copyOf(controlArgs);
            gatewayArgs = List.copyOf(gatewayArgs);
        }
    }

    private Cloud(Path apps, Path builtInPlugins, Path logs, Options options) throws IOException, InterruptedException {
        pluginsFolder = Files.createDirectories(logs.resolve("plugins"));
        // Start from the built-ins alone: a jar a previous run dropped in must not be there before a test drops it.
        try (var left = Files.list(pluginsFolder)) {
            for (Path jar : left.toList()) {
                Files.delete(jar);
            }
        }
        try (var jars = Files.list(builtInPlugins)) {
            for (Path jar :
                    jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, pluginsFolder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        pgBase = env("STREAMGATE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");
        String redis = env("STREAMGATE_TEST_REDIS_URL", "redis://127.0.0.1:6379");

        int controlPort = Ports.free();
        controlUrl = "http://127.0.0.1:" + controlPort;
        for (int i = 1; i <= options.sims(); i++) {
            int port = Ports.free();
            AppProcess sim = new AppProcess(
                    "sim-" + i,
                    apps.resolve("streamer-sim-exec.jar"),
                    List.of("--server.port=" + port),
                    Map.of(
                            "STREAMGATE_SIGNING_KEYS",
                            SIGNING_KEYS,
                            "STREAMGATE_SIM_NAME",
                            "sim-" + i,
                            // Publishes of names the sim does not have are asked about (templates), as nginx-rtmp does.
                            "STREAMGATE_SIM_ON_PUBLISH_URL",
                            controlUrl + "/streamer-callbacks/v1/on-publish?streamer=sim-" + i),
                    URI.create("http://127.0.0.1:" + port + "/actuator/health"),
                    logs);
            sims.add(sim);
            simUrls.add("http://127.0.0.1:" + port);
        }
        Map<String, String> controlEnv = new HashMap<>();
        controlEnv.put("STREAMGATE_ADMIN_TOKEN", ADMIN_TOKEN);
        controlEnv.put("STREAMGATE_GATEWAY_TOKEN", GATEWAY_TOKEN);
        // Publish tokens are checked by the streamers with the same keys.
        controlEnv.put("STREAMGATE_SIGNING_KEYS", SIGNING_KEYS);
        controlEnv.put("STREAMGATE_PG_URL", pgBase + (pgBase.contains("?") ? "&" : "?") + "schema=" + schema);
        controlEnv.put("STREAMGATE_REDIS_URL", redis);
        controlEnv.putAll(pluginEnv());
        List<String> controlArgs = new ArrayList<>(List.of("--server.port=" + controlPort));
        controlArgs.addAll(options.controlArgs());
        control = new AppProcess(
                "control-api",
                apps.resolve("control-api-exec.jar"),
                controlArgs,
                controlEnv,
                URI.create(controlUrl + "/actuator/health"),
                logs);

        int gatewayPort = Ports.free();
        int gatewayManagement = Ports.free();
        gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        gatewayManagementUrl = "http://127.0.0.1:" + gatewayManagement;
        AppProcess gateway =
                gateway("gateway", apps, logs, gatewayPort, gatewayManagement, redis, Duration.ofSeconds(30), options);
        int pollingPort = Ports.free();
        int pollingManagement = Ports.free();
        pollingGatewayUrl = "http://127.0.0.1:" + pollingPort;
        pollingGatewayManagementUrl = "http://127.0.0.1:" + pollingManagement;
        AppProcess polling =
                gateway("gateway-polling", apps, logs, pollingPort, pollingManagement, null, POLL_INTERVAL, options);

        // Start everything at once; the two cores are busiest during start-up, so the health waits come after.
        all.addAll(sims);
        all.add(control);
        for (AppProcess app : all) {
            app.start();
        }
        for (AppProcess app : all) {
            app.awaitHealthy(START_TIMEOUT);
        }
        // The gateways report healthy only once they hold a snapshot, so they start after control-api.
        all.add(gateway.start());
        all.add(polling.start());
        gateway.awaitHealthy(START_TIMEOUT);
        polling.awaitHealthy(START_TIMEOUT);
    }

    /** Starts a cloud whose logs and plugins folder live in a folder of the given name. */
    static Cloud start(String name) throws IOException, InterruptedException {
        return start(name, Options.DEFAULT);
    }

    /** Starts a cloud with the given options. */
    static Cloud start(String name, Options options) throws IOException, InterruptedException {
        Path apps = Path.of(System.getProperty("streamgate.apps.directory", "target/apps"));
        Path plugins = Path.of(System.getProperty("streamgate.plugins.directory", "target/plugins"));
        Path logs = Path.of(System.getProperty("streamgate.logs.directory", "target/system-logs"))
                .resolve(name)
                .toAbsolutePath();
        return new Cloud(apps, plugins, logs, options);
    }

    /** Both control-api and the gateways load plugins from one folder; auth services in tests run on loopback. */
    private Map<String, String> pluginEnv() {
        return Map.of(
                "STREAMGATE_PLUGINS_DIR",
                pluginsFolder.toString(),
                "STREAMGATE_ALLOW_PRIVATE_TARGETS",
                "true",
                "STREAMGATE_ADMIN_TOKEN",
                ADMIN_TOKEN);
    }

    private AppProcess gateway(
            String name,
            Path apps,
            Path logs,
            int port,
            int management,
            String redis,
            Duration syncInterval,
            Options options) {
        Map<String, String> env = new HashMap<>();
        env.put("STREAMGATE_GATEWAY_TOKEN", GATEWAY_TOKEN);
        env.put("STREAMGATE_SIGNING_KEYS", SIGNING_KEYS);
        env.put("STREAMGATE_CONTROL_URL", controlUrl);
        env.putAll(pluginEnv());
        if (redis != null) {
            env.put("STREAMGATE_REDIS_URL", redis);
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=" + management,
                "--streamgate.gateway.snapshot.sync-interval=" + syncInterval.toMillis() + "ms",
                "--streamgate.gateway.snapshot.file=" + logs.toAbsolutePath().resolve(name + "-snapshot.json")));
        args.addAll(options.gatewayArgs());
        return new AppProcess(
                name,
                apps.resolve("gateway-exec.jar"),
                args,
                env,
                URI.create("http://127.0.0.1:" + management + "/actuator/health"),
                logs);
    }

    @Override
    public void close() throws Exception {
        for (AppProcess app : all) {
            app.close();
        }
        dropSchema();
    }

    private void dropSchema() throws SQLException {
        URI uri = URI.create(pgBase);
        String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":", 2)[0];
        String password = uri.getUserInfo() != null && uri.getUserInfo().contains(":")
                ? uri.getUserInfo().split(":", 2)[1]
                : "";
        String jdbc =
                "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
        try (var connection = DriverManager.getConnection(jdbc, user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
