package io.streamgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.gateway.snapshot.SnakeCaseJson;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** control-api is down at start: the gateway serves the last-known-good snapshot from disk and is ready. */
@Tag("integration")
// Each class runs its own gateway against its own fakes: close it afterwards so its pollers and timers do not
// keep running beside the next class's gateway.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LastKnownGoodIntegrationTests {

    static final FakeStreamer STREAMER = new FakeStreamer().live("5_cam", 0);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    SnapshotStore snapshots;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path file = Files.createTempDirectory("gateway-lkg-it").resolve("snapshot.json");
        Files.write(
                file,
                SnakeCaseJson.MAPPER.writeValueAsBytes(new ConfigSnapshot(
                        9,
                        List.of(new ProjectEntry(5, "p", List.of("cam.test"), ProjectStatus.ACTIVE)),
                        List.of(new StreamerEntry(1, "s1", STREAMER.baseUrl())),
                        List.of(new StreamEntry(5, "cam", PlaybackMode.REWRITE, List.of(1L))))));
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        registry.add("management.server.port", () -> "0");
        registry.add("streamgate.gateway.snapshot.control-url", () -> "http://127.0.0.1:" + deadPort);
        registry.add("streamgate.gateway.snapshot.token", () -> FakeControlApi.TOKEN);
        registry.add("streamgate.gateway.snapshot.redis-url", () -> "");
        registry.add("streamgate.gateway.snapshot.file", file::toString);
        registry.add("streamgate.gateway.signing.keys", () -> FakeStreamer.KEYS);
        registry.add("streamgate.gateway.live.poll-interval", () -> "200ms");
        registry.add("streamgate.gateway.live.timeout", () -> "150ms");
    }

    @AfterAll
    static void stop() {
        STREAMER.close();
    }

    @Test
    void startsFromTheLastKnownGoodFileAndServesPlayers() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestHttp.get("http://127.0.0.1:" + managementPort + "/actuator/health")
                                .text())
                        .contains("\"status\":\"UP\""));
        assertThat(snapshots.current().version()).isEqualTo(9);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            TestHttp.Response response = TestHttp.get(port, "cam.test", "/cam/index.m3u8?mode=redirect");
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header(HttpHeaderNames.LOCATION)).startsWith(STREAMER.baseUrl() + "/5_cam/");
        });
    }
}
