package io.streamgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A change announced on Redis is fetched at once, without waiting for the (here: hour-long) periodic sync. */
@Tag("integration")
// Each class runs its own gateway against its own fakes: close it afterwards so its pollers and timers do not
// keep running beside the next class's gateway.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisConfigChangeIntegrationTests {

    static final String REDIS_URL = System.getenv().getOrDefault("STREAMGATE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    static final String CHANNEL = "test-" + UUID.randomUUID() + ":config:changes";
    static final FakeControlApi CONTROL = new FakeControlApi(snapshot(1));

    @Autowired
    SnapshotStore snapshots;

    static ConfigSnapshot snapshot(long version) {
        return new ConfigSnapshot(
                version,
                List.of(new ProjectEntry(7, "p", List.of("p.test"), ProjectStatus.ACTIVE)),
                List.of(),
                List.of(new StreamEntry(7, "v" + version, PlaybackMode.REWRITE, List.of())));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("management.server.port", () -> "0");
        registry.add("streamgate.gateway.snapshot.control-url", CONTROL::url);
        registry.add("streamgate.gateway.snapshot.token", () -> FakeControlApi.TOKEN);
        registry.add("streamgate.gateway.snapshot.redis-url", () -> REDIS_URL);
        registry.add("streamgate.gateway.snapshot.channel", () -> CHANNEL);
        registry.add("streamgate.gateway.snapshot.sync-interval", () -> "1h");
        String file = Files.createTempDirectory("gateway-redis-it")
                .resolve("snapshot.json")
                .toString();
        registry.add("streamgate.gateway.snapshot.file", () -> file);
        registry.add("streamgate.gateway.signing.keys", () -> FakeStreamer.KEYS);
    }

    @AfterAll
    static void stop() {
        CONTROL.close();
    }

    @Test
    void aRedisMessageTriggersAFetch() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(snapshots.current().version()).isEqualTo(1));
        CONTROL.set(snapshot(2));

        // A first handshake in a JVM has been seen to be abandoned (the gateway's own listener retries for the same
        // reason): connect with a short timeout, and again, rather than wait out Lettuce's default minute.
        RedisURI uri = RedisURI.create(REDIS_URL);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient redis = RedisClient.create(uri);
        List<StatefulRedisConnection<String, String>> connected = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> connected.add(redis.connect()));
        try (StatefulRedisConnection<String, String> connection = connected.get(0)) {
            // Publish until heard: the gateway's subscription may still be connecting.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        connection.sync().publish(CHANNEL, "2");
                        assertThat(snapshots.current().version()).isEqualTo(2);
                    });
            assertThat(snapshots.current().stream(7, "v2")).isNotNull();
            // An older or equal version announced is not fetched again.
            int served = CONTROL.served();
            connection.sync().publish(CHANNEL, "1");
            connection.sync().publish(CHANNEL, "2");
            assertThat(snapshots.current().version()).isEqualTo(2);
            assertThat(CONTROL.served()).isEqualTo(served);
        } finally {
            redis.shutdown();
        }
    }
}
