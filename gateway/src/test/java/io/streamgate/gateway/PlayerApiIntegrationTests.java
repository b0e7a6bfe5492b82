package io.streamgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.gateway.balancer.ViewerSession;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.live.StreamerHealth;
import io.streamgate.gateway.snapshot.SnakeCaseJson;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Tag("integration")
// Each class runs its own gateway against its own fakes: close it afterwards so its pollers and timers do not
// keep running beside the next class's gateway.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class PlayerApiIntegrationTests {

    static final long A = 101;
    static final long B = 202;
    static final String HOST_A = "play.a.test";

    // S1 carries far more viewers than S2, so new sessions sent to S2 within one poll cannot make it the busier one.
    static final FakeStreamer S1 = new FakeStreamer()
            .live("101_live", 300)
            .live("101_redir", 0)
            .live("202_secret", 0)
            .live("101_dying", 5)
            .live("101_fresh", 0);
    static final FakeStreamer S2 = new FakeStreamer().live("101_live", 1);
    static final FakeStreamer S3 = new FakeStreamer().live("101_dying", 0);
    // Serves the stream, but its polls never answer: the gateway never knows what it has live.
    static final FakeStreamer S4 = new FakeStreamer().live("101_unpolled", 0).failPolls(true);
    static final FakeControlApi CONTROL = new FakeControlApi(snapshot(1, false));
    static final Path FILE = tempFile();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    LiveMap liveMap;

    @Autowired
    SnapshotStore snapshots;

    @Autowired
    StreamerHealth health;

    static ConfigSnapshot snapshot(long version, boolean withFresh) {
        List<StreamEntry> streams = new ArrayList<>(List.of(
                new StreamEntry(A, "live", PlaybackMode.REWRITE, List.of(1L, 2L)),
                new StreamEntry(A, "redir", PlaybackMode.REDIRECT, List.of(1L)),
                new StreamEntry(A, "nolive", PlaybackMode.REWRITE, List.of(1L)),
                new StreamEntry(A, "unpolled", PlaybackMode.REWRITE, List.of(1L, 4L)),
                new StreamEntry(A, "dying", PlaybackMode.REWRITE, List.of(1L, 3L)),
                new StreamEntry(B, "secret", PlaybackMode.REWRITE, List.of(1L))));
        if (withFresh) {
            streams.add(new StreamEntry(A, "fresh", PlaybackMode.REWRITE, List.of(1L)));
        }
        return new ConfigSnapshot(
                version,
                List.of(
                        new ProjectEntry(A, "a", List.of(HOST_A), ProjectStatus.ACTIVE),
                        new ProjectEntry(B, "b", List.of("play.b.test"), ProjectStatus.ACTIVE)),
                List.of(
                        new StreamerEntry(1, "s1", S1.baseUrl()),
                        new StreamerEntry(2, "s2", S2.baseUrl()),
                        new StreamerEntry(3, "s3", S3.baseUrl()),
                        new StreamerEntry(4, "s4", S4.baseUrl())),
                streams);
    }

    static Path tempFile() {
        try {
            return Files.createTempDirectory("gateway-it").resolve("snapshot.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> "0");
        registry.add("streamgate.gateway.snapshot.control-url", CONTROL::url);
        registry.add("streamgate.gateway.snapshot.token", () -> FakeControlApi.TOKEN);
        registry.add("streamgate.gateway.snapshot.redis-url", () -> "");
        registry.add("streamgate.gateway.snapshot.sync-interval", () -> "200ms");
        registry.add("streamgate.gateway.snapshot.file", FILE::toString);
        registry.add("streamgate.gateway.signing.keys", () -> FakeStreamer.KEYS);
        registry.add("streamgate.gateway.live.poll-interval", () -> "200ms");
        registry.add("streamgate.gateway.live.timeout", () -> "150ms");
        registry.add("streamgate.gateway.playback.access-log", () -> "true");
    }

    @AfterAll
    static void stopServers() {
        CONTROL.close();
        S1.close();
        S2.close();
        S3.close();
        S4.close();
    }

    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestHttp.get("http://127.0.0.1:" + managementPort + "/actuator/health")
                                .status())
                        .isEqualTo(200));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(liveMap.streamersOf("101_live")).hasSize(2));
    }

    @Test
    void healthIsUpOnTheManagementPortOnlyAndTheSnapshotIsPersisted() throws Exception {
        TestHttp.Response health = TestHttp.get("http://127.0.0.1:" + managementPort + "/actuator/health");
        assertThat(health.text()).contains("\"status\":\"UP\"");
        assertThat(TestHttp.get(port, "localhost", "/actuator/health").status()).isEqualTo(404);
        // The player route is added to the main server only: the management port never answers players.
        assertThat(TestHttp.get(managementPort, HOST_A, "/live/index.m3u8").status())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(FILE));
        assertThat(SnakeCaseJson.MAPPER
                        .readValue(Files.readAllBytes(FILE), ConfigSnapshot.class)
                        .version())
                .isPositive();
    }

    @Test
    void rewritesTheMasterPlaylistWithAbsoluteSignedUrlsOnTheLeastLoadedStreamer() {
        TestHttp.Response response = TestHttp.get(port, HOST_A, "/live/index.m3u8");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header(HttpHeaderNames.CONTENT_TYPE)).startsWith("application/vnd.apple.mpegurl");
        assertThat(response.header(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
        List<String> uris = response.text()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(uris).hasSize(2);
        String session = null;
        for (String uri : uris) {
            assertThat(uri).startsWith(S2.baseUrl() + "/101_live/tracks-v");
            assertThat(verify(S2, "101_live", uri)).isEqualTo(PlaybackSigner.Verification.VALID);
            assertThat(TestHttp.get(uri).status()).isEqualTo(200);
            String sid = param(uri, PlaybackSigner.SESSION);
            assertThat(sid).isNotEqualTo(session == null ? "" : null).doesNotStartWith("gw-");
            session = sid;
        }
        String other = TestHttp.get(port, HOST_A, "/live/index.m3u8").text();
        assertThat(other).doesNotContain(session);
    }

    @Test
    void playersHaveEventLoopsOfTheirOwnWithOneThatOnlyAccepts() {
        assertThat(TestHttp.get(port, HOST_A, "/live/index.m3u8").status()).isEqualTo(200);

        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .toList();
        assertThat(threads).anyMatch(name -> name.startsWith("player-select-"));
        assertThat(threads).anyMatch(name -> name.startsWith("player-") && !name.startsWith("player-select-"));
    }

    @Test
    void theAccessLogHasEveryPlayerRequestButNoQuery(CapturedOutput output) {
        TestHttp.get(port, HOST_A, "/live/index.m3u8?token=s3cr3t-viewer-token");
        TestHttp.get(managementPort, HOST_A, "/actuator/health?probe=mgmt");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getOut()).contains("\"GET /live/index.m3u8 HTTP/1.1\" 200"));
        assertThat(output.getOut()).doesNotContain("s3cr3t-viewer-token").doesNotContain("probe=mgmt");
    }

    @Test
    void theUniversalFormWorksOnAnyHost() {
        TestHttp.Response response = TestHttp.get(port, "localhost:8080", "/101_live/index.m3u8");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains(S2.baseUrl() + "/101_live/tracks-v1/index.m3u8?sg_kid=k1&");
    }

    @Test
    void redirectModeAnswers302ToTheSignedMasterPlaylist() {
        TestHttp.Response byStream = TestHttp.get(port, HOST_A, "/redir/index.m3u8");
        assertThat(byStream.status()).isEqualTo(302);
        // An explicit empty body keeps the player's connection reusable.
        assertThat(byStream.header(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("0");
        String location = byStream.header(HttpHeaderNames.LOCATION);
        assertThat(location).startsWith(S1.baseUrl() + "/101_redir/index.m3u8?sg_kid=k1&");
        assertThat(verify(S1, "101_redir", location)).isEqualTo(PlaybackSigner.Verification.VALID);
        assertThat(TestHttp.get(location).status()).isEqualTo(200);

        TestHttp.Response byQuery = TestHttp.get(port, HOST_A, "/live/index.m3u8?mode=redirect");
        assertThat(byQuery.status()).isEqualTo(302);
        assertThat(byQuery.header(HttpHeaderNames.LOCATION)).startsWith(S2.baseUrl() + "/101_live/index.m3u8?");
    }

    @Test
    void otherPlaybackPathsRedirectToTheStreamer() {
        for (String rest : List.of("tracks-v1/index.m3u8", "tracks-v1/123.ts", "tracks-v1/init.mp4", "video/1.m4s")) {
            TestHttp.Response response = TestHttp.get(port, HOST_A, "/live/" + rest);
            assertThat(response.status()).isEqualTo(302);
            String location = response.header(HttpHeaderNames.LOCATION);
            assertThat(location).startsWith(S2.baseUrl() + "/101_live/" + rest + "?sg_kid=k1&");
            assertThat(verify(S2, "101_live", location)).isEqualTo(PlaybackSigner.Verification.VALID);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/live",
                "/live/",
                "/a%2fb/index.m3u8",
                "/live%2f/index.m3u8",
                "/live%00/index.m3u8",
                "/live/..%2f..%2findex.m3u8",
                "/li%20ve/index.m3u8",
                "/li%C3%A9/index.m3u8",
                "/live/a/b/c/d/e.ts",
                "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/index.m3u8"
            })
    void rejectsMalformedPathsWith400AndAnEmptyBody(String path) {
        TestHttp.Response response = TestHttp.get(port, HOST_A, path);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void unknownForeignAndUnknownHostAnswerTheSame404() {
        TestHttp.Response missing = TestHttp.get(port, HOST_A, "/nothing/index.m3u8");
        TestHttp.Response foreign = TestHttp.get(port, HOST_A, "/secret/index.m3u8");
        TestHttp.Response foreignUniversal = TestHttp.get(port, HOST_A, "/202_secret/index.m3u8");
        TestHttp.Response unknownHost = TestHttp.get(port, "elsewhere.test", "/live/index.m3u8");
        TestHttp.Response unknownProject = TestHttp.get(port, "elsewhere.test", "/999_live/index.m3u8");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
        for (TestHttp.Response response : List.of(foreign, foreignUniversal, unknownHost, unknownProject)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.body());
            assertThat(response.headers().entries().toString())
                    .isEqualTo(missing.headers().entries().toString());
        }
        // The same stream is reachable through its own tenant.
        assertThat(TestHttp.get(port, "play.b.test", "/secret/index.m3u8?mode=redirect")
                        .status())
                .isEqualTo(302);
    }

    @Test
    void aStreamLiveNowhereAnswers503WithRetryAfter() {
        TestHttp.Response response = TestHttp.get(port, HOST_A, "/nolive/index.m3u8");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header(HttpHeaderNames.RETRY_AFTER)).isEqualTo("2");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aStreamPlacedOnAStreamerWhoseStateIsUnknownIsSentThereRatherThan503() {
        // S1 answers its polls without the stream (known: not live there); S4's polls fail, so it may have it.
        await().atMost(Duration.ofSeconds(10)).until(() -> S4.polls() > 0);
        TestHttp.Response redirect = TestHttp.get(port, HOST_A, "/unpolled/index.m3u8?mode=redirect");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header(HttpHeaderNames.LOCATION)).startsWith(S4.baseUrl() + "/101_unpolled/index.m3u8?");

        TestHttp.Response rewritten = TestHttp.get(port, HOST_A, "/unpolled/index.m3u8");
        assertThat(rewritten.status()).isEqualTo(200);
        assertThat(rewritten.text()).contains(S4.baseUrl() + "/101_unpolled/tracks-v1/index.m3u8?");
    }

    @Test
    void onlyGetAndHeadAreAllowed() {
        assertThat(TestHttp.exchange(HttpMethod.POST, "http://127.0.0.1:" + port + "/live/index.m3u8", HOST_A)
                        .status())
                .isEqualTo(405);
        assertThat(TestHttp.exchange(HttpMethod.HEAD, "http://127.0.0.1:" + port + "/live/index.m3u8", HOST_A)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSnapshotChangeIsPickedUpByThePeriodicSync() {
        assertThat(TestHttp.get(port, HOST_A, "/fresh/index.m3u8").status()).isEqualTo(404);
        CONTROL.set(snapshot(2, true));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TestHttp.get(port, HOST_A, "/fresh/index.m3u8?mode=redirect")
                                .status())
                        .isEqualTo(302));
        assertThat(snapshots.current().version()).isEqualTo(2);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aDeadStreamerGetsNoNewViewersAfterTheNextPoll() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveMap.streamersOf("101_dying"))
                .hasSize(2));
        assertThat(TestHttp.get(port, HOST_A, "/dying/tracks-v1/1.ts").header(HttpHeaderNames.LOCATION))
                .startsWith(S3.baseUrl());

        S3.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveMap.streamersOf("101_dying"))
                .extracting(LiveStreamer::streamerId)
                .containsExactly(1L));
        for (int i = 0; i < 10; i++) {
            assertThat(TestHttp.get(port, HOST_A, "/dying/index.m3u8").text()).contains(S1.baseUrl() + "/101_dying/");
        }
    }

    @Test
    // Last but one: S2 stays ejected afterwards, and only the last test (on other streamers) runs after it.
    @Order(Integer.MAX_VALUE - 1)
    void aFailingMasterFetchFallsBackToTheNextStreamerAndEjectsTheFailingOne() {
        // Stream "101_live": S2 is the least loaded; make its master fail. The session, placed on S2, makes the request
        // a returning viewer's, whose master is never served from the cache, so S2 is asked whatever earlier tests
        // cached. (A made-up id only counts as returning when its digits happen to read as a streamer id.)
        S2.failMasters(true);
        try {
            TestHttp.Response response = TestHttp.get(
                    port, HOST_A, "/live/index.m3u8?sg_sid=" + ViewerSession.placed(ViewerSession.newIdentity(), 2));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).contains(S1.baseUrl() + "/101_live/tracks-v1/index.m3u8?");
            assertThat(health.ejected(2)).isTrue();
        } finally {
            S2.failMasters(false);
        }
    }

    static PlaybackSigner.Verification verify(FakeStreamer streamer, String stream, String url) {
        return streamer.verifier()
                .verify(
                        stream,
                        param(url, PlaybackSigner.KEY_ID),
                        param(url, PlaybackSigner.EXPIRES),
                        param(url, PlaybackSigner.SESSION),
                        param(url, PlaybackSigner.SIGNATURE),
                        Instant.now().getEpochSecond());
    }

    static String param(String url, String key) {
        Map<String, List<String>> params = new QueryStringDecoder(url).parameters();
        List<String> values = params.get(key);
        return values == null ? null : values.get(0);
    }
}
