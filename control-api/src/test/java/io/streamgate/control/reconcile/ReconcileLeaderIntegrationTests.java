package io.streamgate.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.streamgate.control.Eventually;
import io.streamgate.control.MutableClock;
import io.streamgate.control.OperatorApi;
import io.streamgate.control.RecordingStreamer;
import io.streamgate.control.TestServers;
import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.placement.PlacementAction;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.streamer.StreamerDrivers;
import io.streamgate.control.streamer.StreamerHealth;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Leadership among reconcilers sharing one database: the running one leads, a second one only follows until the
 * lease expires by its (moved) clock and then takes over and acts; and a round that fails is retried next interval.
 */
@Tag("integration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconcileLeaderIntegrationTests {

    static final String ADMIN = "admin-token-for-leader-tests";
    static final String GATEWAY = "gateway-token-for-leader-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Reconciler running;

    @Autowired
    ReconcileStore store;

    @Autowired
    StreamerHealth health;

    @Autowired
    StreamerDrivers drivers;

    @Autowired
    PlacementStore placements;

    @Autowired
    PlacementPlanner planner;

    @Autowired
    ConfigChanges changes;

    @Autowired
    DatabaseClient db;

    @Autowired
    StorageSettings storage;

    @Autowired
    ReconcileSettings settings;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("streamgate.control.storage.url", () -> TestServers.pgUrl(SCHEMA));
        registry.add("streamgate.control.events.redis-url", () -> "");
        registry.add("streamgate.control.security.admin-token", () -> ADMIN);
        registry.add("streamgate.control.security.gateway-token", () -> GATEWAY);
        registry.add(
                "streamgate.control.plugins.folder",
                () -> Path.of("target", "plugins").toAbsolutePath().toString());
        registry.add("streamgate.control.streamer.poll-interval", () -> "100ms");
        registry.add("streamgate.control.reconcile.interval", () -> "200ms");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestServers.dropSchema(SCHEMA);
    }

    Reconciler second(Clock clock, DatabaseClient leaseDb, MeterRegistry registry, String instance) {
        return new Reconciler(
                store,
                health,
                drivers,
                placements,
                planner,
                changes,
                leaseDb,
                storage,
                settings,
                clock,
                registry,
                instance);
    }

    @Test
    void onlyTheLeaseHolderActsAndAnotherTakesOverOnceTheLeaseExpired() {
        OperatorApi api = new OperatorApi(port, ADMIN, GATEWAY);
        try (RecordingStreamer one = new RecordingStreamer();
                RecordingStreamer two = new RecordingStreamer()) {
            Eventually.until("the running reconciler leads", running::leader);
            MutableClock moved = new MutableClock(Clock.systemUTC().instant());
            Reconciler other = second(moved, db, new SimpleMeterRegistry(), "second-instance");
            assertThat(other.round().block(TIMEOUT)).isEqualTo(Reconciler.Round.FOLLOWER);

            // The leader dies without handing the lease back: nothing repairs until someone else leads.
            running.stop();
            register(api, "one", one);
            JsonNode project = api.createProject("leader", List.of());
            String key = project.get("api_key").asString();
            assertThat(api.call(PUT, "/api/v1/streams/cam", key, "{\"inputs\": [{\"url\": \"fake://cam\"}]}")
                            .status())
                    .isEqualTo(201);
            register(api, "two", two);
            assertThat(placed(api, key)).isEqualTo(1);
            Reconciler.Round follower = other.round().block(TIMEOUT);
            assertThat(follower.leader()).isFalse();
            assertThat(follower.changes()).isEmpty();
            assertThat(placed(api, key)).isEqualTo(1);

            // Its clock moves far past the lease: expired for it, and its own new lease outlasts this test.
            moved.advance(Duration.ofHours(1));
            Reconciler.Round taken = other.round().block(TIMEOUT);
            assertThat(taken.leader()).isTrue();
            assertThat(taken.changes())
                    .extracting(Change::streamName, c -> c.streamer().name(), Change::action, Change::reason)
                    .containsExactly(tuple("cam", "two", PlacementAction.PLACED, "repair"));
            assertThat(placed(api, key)).isEqualTo(2);
            // The lease now runs by the new holder's clock: the old leader, back, only follows.
            assertThat(running.round().block(TIMEOUT).leader()).isFalse();
            assertThat(other.round().block(TIMEOUT).changes()).isEmpty();
        }
    }

    @Test
    void aFailingRoundIsRetriedEveryIntervalUntilTheDatabaseIsBack() throws Exception {
        // A database without the lease table fails every round, as a database that is down does.
        String name = "broken-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            DatabaseClient broken = DatabaseClient.create(new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                    .inMemory(name)
                    .username("sa")
                    .option("DB_CLOSE_DELAY=-1")
                    .option("MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
                    .build()));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Reconciler failing = second(Clock.systemUTC(), broken, registry, "failing-instance");
            failing.start();
            try {
                Eventually.until("failed rounds retried", () -> rounds(registry, "failed") >= 3);
                assertThat(failing.isRunning()).isTrue();
                assertThat(rounds(registry, "leader")).isZero();
                keep.createStatement()
                        .execute("CREATE TABLE leader_leases (name VARCHAR(64) PRIMARY KEY,"
                                + " holder VARCHAR(128) NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                Eventually.until("leading once the database is back", () -> rounds(registry, "leader") >= 1);
            } finally {
                failing.stop();
            }
        }
    }

    private static double rounds(SimpleMeterRegistry registry, String outcome) {
        var counter = registry.find("streamgate.control.reconcile.rounds")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void register(OperatorApi api, String name, RecordingStreamer sim) {
        assertThat(api.admin(
                                POST,
                                "/admin/v1/streamers",
                                "{\"name\": \"" + name + "\", \"base_url\": \"" + sim.baseUrl() + "\"}")
                        .status())
                .isEqualTo(201);
        Eventually.until(name + " up", () -> api.admin(GET, "/admin/v1/streamers/" + name, null)
                .json()
                .get("health")
                .get("up")
                .asBoolean());
    }

    private static int placed(OperatorApi api, String key) {
        return api.call(GET, "/api/v1/streams/cam", key, null)
                .json()
                .get("status")
                .get("placements")
                .size();
    }
}
