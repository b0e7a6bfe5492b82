package io.streamgate.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.streamgate.control.MutableClock;
import io.streamgate.control.TestServers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The leader lease on both databases the control API runs on, migrated by the real migrations. */
@Tag("integration")
class LeaderLeaseIntegrationTests {

    static final Duration TTL = Duration.ofSeconds(15);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String SCHEMA = TestServers.freshSchema();
    static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @AfterAll
    static void dropSchema() throws Exception {
        TestServers.dropSchema(SCHEMA);
    }

    static List<String> databases() {
        return List.of("postgresql", "h2");
    }

    static DatabaseClient database(String kind) {
        if (kind.equals("h2")) {
            String name =
                    "lease-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            Flyway.configure()
                    .locations("classpath:db/migration")
                    .dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;" + H2_OPTIONS, "sa", "")
                    .load()
                    .migrate();
            ConnectionFactory h2 = new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                    .inMemory(name)
                    .username("sa")
                    .option("DB_CLOSE_DELAY=-1")
                    .option(H2_OPTIONS)
                    .build());
            return DatabaseClient.create(h2);
        }
        URI uri = URI.create(TestServers.PG_URL.replaceFirst("\\?.*$", ""));
        String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":", 2)[0];
        String password = uri.getUserInfo() != null && uri.getUserInfo().contains(":")
                ? uri.getUserInfo().split(":", 2)[1]
                : null;
        Flyway.configure()
                .locations("classpath:db/migration")
                .dataSource(
                        "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort())
                                + uri.getPath(),
                        user,
                        password)
                .schemas(SCHEMA)
                .createSchemas(true)
                .load()
                .migrate();
        return DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:" + TestServers.PG_URL + (TestServers.PG_URL.contains("?") ? "&" : "?") + "schema=" + SCHEMA));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneHolderLeadsUntilItsLeaseExpiresThenAnotherTakesOver(String kind) {
        DatabaseClient db = database(kind);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        String name = "test-" + kind + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        LeaderLease a = new LeaderLease(db, TIMEOUT, clock, name, "a", TTL);
        LeaderLease b = new LeaderLease(db, TIMEOUT, clock, name, "b", TTL);

        expect(a.acquire(), true);
        expect(b.acquire(), false);
        clock.advance(TTL.minusSeconds(1));
        // Renewing pushes the expiry forward, so the holder keeps leading past its first expiry.
        expect(a.acquire(), true);
        clock.advance(Duration.ofSeconds(2));
        expect(b.acquire(), false);
        expect(a.acquire(), true);

        clock.advance(TTL.plusSeconds(1));
        expect(b.acquire(), true);
        expect(a.acquire(), false);
        expect(b.acquire(), true);

        StepVerifier.create(b.release()).expectComplete().verify(TIMEOUT);
        expect(a.acquire(), true);
        expect(b.acquire(), false);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void racingForAFreeLeaseElectsExactlyOne(String kind) {
        DatabaseClient db = database(kind);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        for (int round = 0; round < 20; round++) {
            String name = "race-" + round + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
            LeaderLease a = new LeaderLease(db, TIMEOUT, clock, name, "a", TTL);
            LeaderLease b = new LeaderLease(db, TIMEOUT, clock, name, "b", TTL);
            StepVerifier.create(Mono.zip(a.acquire(), b.acquire()))
                    .assertNext(both -> assertThat(both.getT1() ^ both.getT2())
                            .as("exactly one of %s", both)
                            .isTrue())
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    private static void expect(Mono<Boolean> acquired, boolean leads) {
        StepVerifier.create(acquired).expectNext(leads).expectComplete().verify(TIMEOUT);
    }
}
