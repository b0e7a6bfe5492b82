package io.streamgate.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Where the real PostgreSQL and Redis of the integration tests are, and a fresh namespace per test class. */
public final class TestServers {

    public static final String PG_URL = env("STREAMGATE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");
    public static final String REDIS_URL = env("STREAMGATE_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestServers() {}

    /** A schema name no other test class uses. */
    public static String freshSchema() {
        return "it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /**
     * A client of the control-api under test on {@code port}. Each request opens a connection of its own instead of
     * sharing Reactor Netty's global resources with the server in the same JVM (which Spring disposes when a test
     * context closes): with them shared, a request now and then went unanswered until the client's timeout, here and
     * in the gateway's tests.
     */
    public static WebTestClient client(int port) {
        return WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A Redis channel no other test class listens on. */
    public static String freshChannel() {
        return "it-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":streamgate:config:changes";
    }

    /** What every integration test's control-api needs: its own schema and channel, the real Redis, two tokens. */
    public static void register(
            DynamicPropertyRegistry registry, String schema, String channel, String adminToken, String gatewayToken) {
        registry.add("streamgate.control.storage.url", () -> pgUrl(schema));
        registry.add("streamgate.control.events.redis-url", () -> REDIS_URL);
        registry.add("streamgate.control.events.channel", () -> channel);
        registry.add("streamgate.control.security.admin-token", () -> adminToken);
        registry.add("streamgate.control.security.gateway-token", () -> gatewayToken);
    }

    /** {@link #PG_URL} pointed at {@code schema}. */
    public static String pgUrl(String schema) {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    /** A JDBC connection to check rows directly, on the test thread (blocking is fine there). */
    public static Connection jdbc(String schema) throws SQLException {
        java.net.URI uri = java.net.URI.create(PG_URL.replaceFirst("\\?.*$", ""));
        String[] user = uri.getUserInfo() == null
                ? new String[] {"postgres"}
                : uri.getUserInfo().split(":", 2);
        Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort())
                        + uri.getPath() + "?currentSchema=" + schema,
                user[0],
                user.length > 1 ? user[1] : null);
        return connection;
    }

    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = jdbc(schema);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
