package io.streamgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
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
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.balancer.ViewerRegion;
import io.streamgate.gateway.balancer.ViewerSession;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.live.StreamerHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Failover and stickiness of the player API against real streamers on local sockets, polled through the real
 * {@code flussonic} driver jar. Each test has its own stream on its own streamers, so loads and ejections of one test
 * never reach another. The gateway is in region {@code eu} and trusts the region header.
 */
@Tag("integration")
// Each class runs its own gateway against its own fakes: close it afterwards so its pollers and timers do not
// keep running beside the next class's gateway.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailoverIntegrationTests {

    static final long P = 101;
    static final String HOST = "play.f.test";
    static final String EU = "eu";

    // stickiness
    static final FakeStreamer E1 = new FakeStreamer().live("101_sticky", 0);
    static final FakeStreamer E2 = new FakeStreamer().live("101_sticky", 5);
    // a streamer stopped and started again
    static final FakeStreamer K1 = new FakeStreamer().live("101_stop", 0);
    static final FakeStreamer K2 = new FakeStreamer().live("101_stop", 10);
    static final FakeStreamer K3 = new FakeStreamer().live("101_stop", 20);
    // 5xx on the master
    static final FakeStreamer F1 = new FakeStreamer().live("101_five", 0);
    static final FakeStreamer F2 = new FakeStreamer().live("101_five", 10);
    // draining
    static final FakeStreamer D1 = new FakeStreamer().live("101_drain", 0);
    static final FakeStreamer D2 = new FakeStreamer().live("101_drain", 10);
    // regions
    static final FakeStreamer REU = new FakeStreamer().live("101_region", 50);
    static final FakeStreamer RUS = new FakeStreamer().live("101_region", 0);
    // drivers that cannot be made
    static final FakeStreamer U1 = new FakeStreamer().live("101_unknown", 0);
    static final FakeStreamer U2 = new FakeStreamer().live("101_unknown", 0);
    static final FakeStreamer U3 = new FakeStreamer().live("101_unknown", 100);
    // a streamer whose polls fail while nobody plays
    static final FakeStreamer P1 = new FakeStreamer().live("101_polled", 0);
    static final FakeStreamer P2 = new FakeStreamer().live("101_polled", 0);

    static final long K1_ID = 3;
    static final long F1_ID = 6;
    static final long D1_ID = 8;
    static final long D2_ID = 9;
    static final long U1_ID = 12;
    static final long P1_ID = 15;

    // What tests change in the snapshot; every change is published as a new version with all of it.
    static final AtomicLong VERSION = new AtomicLong(1);
    static volatile StreamerState d1State = StreamerState.ACTIVE;
    static volatile String u1Driver = "no-such-driver";
    static final FakeControlApi CONTROL = new FakeControlApi(snapshot(VERSION.get()));

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    LiveMap liveMap;

    @Autowired
    StreamerHealth health;

    @Autowired
    MeterRegistry meters;

    static void publish() {
        CONTROL.set(snapshot(VERSION.incrementAndGet()));
    }

    static ConfigSnapshot snapshot(long version) {
        List<StreamerEntry> streamers = new ArrayList<>(List.of(
                streamer(1, E1, EU),
                streamer(2, E2, EU),
                streamer(K1_ID, K1, EU),
                streamer(4, K2, EU),
                streamer(5, K3, EU),
                streamer(F1_ID, F1, EU),
                streamer(7, F2, EU),
                new StreamerEntry(D1_ID, "d1", D1.baseUrl(), EU, d1State, "flussonic", Map.of()),
                streamer(D2_ID, D2, EU),
                streamer(10, REU, EU),
                streamer(11, RUS, "us"),
                new StreamerEntry(U1_ID, "u1", U1.baseUrl(), EU, StreamerState.ACTIVE, u1Driver, Map.of()),
                new StreamerEntry(
                        13, "u2", U2.baseUrl(), EU, StreamerState.ACTIVE, "flussonic", Map.of("no_such_key", true)),
                streamer(14, U3, EU),
                streamer(P1_ID, P1, EU),
                streamer(16, P2, EU)));
        List<StreamEntry> streams = new ArrayList<>();
        for (String name : List.of("sticky", "stop", "five", "drain", "region", "unknown", "polled")) {
            streams.add(new StreamEntry(P, name, PlaybackMode.REWRITE, List.of()));
        }
        return new ConfigSnapshot(
                version, List.of(new ProjectEntry(P, "p", List.of(HOST), ProjectStatus.ACTIVE)), streamers, streams);
    }

    static StreamerEntry streamer(long id, FakeStreamer fake, String region) {
        return new StreamerEntry(
                id,
                "s" + id,
                // A trailing slash, as an admin may write it: the driver and the URLs handed out must not double it.
                fake.baseUrl() + "/",
                region,
                StreamerState.ACTIVE,
                "flussonic",
                Map.of());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path file = Files.createTempDirectory("gateway-failover-it").resolve("snapshot.json");
        registry.add("management.server.port", () -> "0");
        registry.add("streamgate.gateway.snapshot.control-url", CONTROL::url);
        registry.add("streamgate.gateway.snapshot.token", () -> FakeControlApi.TOKEN);
        registry.add("streamgate.gateway.snapshot.redis-url", () -> "");
        registry.add("streamgate.gateway.snapshot.sync-interval", () -> "200ms");
        registry.add("streamgate.gateway.snapshot.file", file::toString);
        registry.add("streamgate.gateway.signing.keys", () -> FakeStreamer.KEYS);
        // Quicker than the defaults, with a timeout a loaded machine still meets: a poll timed out ejects a streamer.
        registry.add("streamgate.gateway.live.poll-interval", () -> "500ms");
        registry.add("streamgate.gateway.live.timeout", () -> "400ms");
        registry.add("streamgate.gateway.region", () -> EU);
        registry.add("streamgate.gateway.trust-region-header", () -> "true");
        // Long enough that a stopped streamer is still ejected when it is back, so the test can see it kept away.
        registry.add("streamgate.gateway.ejection.base", () -> "5s");
        registry.add("streamgate.gateway.ejection.max", () -> "20s");
    }

    @AfterAll
    static void stopServers() {
        CONTROL.close();
        for (FakeStreamer streamer : List.of(E1, E2, K1, K2, K3, F1, F2, D1, D2, REU, RUS, U1, U2, U3, P1, P2)) {
            streamer.close();
        }
    }

    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestHttp.get("http://127.0.0.1:" + managementPort + "/actuator/health")
                                .status())
                        .isEqualTo(200));
    }

    @Test
    void aViewersConsecutiveRequestsStayOnItsStreamerWhileLoadsChange() {
        awaitLive("101_sticky", 2);
        TestHttp.Response first = play("/sticky/index.m3u8");
        assertThat(first.status()).isEqualTo(200);
        assertThat(streamerOf(first)).isEqualTo(E1.baseUrl());
        String session = sessionOf(first);

        // E1 becomes by far the busier one: new viewers go to E2 from the next poll on ...
        E1.live("101_sticky", 1000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveMap.streamersOf("101_sticky"))
                .filteredOn(streamer -> streamer.baseUrl().equals(E1.baseUrl()))
                .extracting(LiveStreamer::polledClients)
                .containsExactly(1000L));
        assertThat(streamerOf(play("/sticky/index.m3u8"))).isEqualTo(E2.baseUrl());

        // ... but the viewer's own requests, carrying its session, stay on E1, master reloads and redirects alike,
        // and every answer carries the same session on.
        for (int i = 0; i < 5; i++) {
            for (String path : List.of(
                    "index.m3u8?sg_sid=" + session,
                    "index.m3u8?mode=redirect&sg_sid=" + session,
                    "tracks-v1/index.m3u8?sg_sid=" + session,
                    "tracks-v1/1.ts?sg_sid=" + session)) {
                TestHttp.Response response = play("/sticky/" + path);
                assertThat(response.status()).as(path).isIn(200, 302);
                assertThat(streamerOf(response)).as(path).isEqualTo(E1.baseUrl());
                assertThat(sessionOf(response)).as(path).isEqualTo(session);
            }
        }
        E1.live("101_sticky", 0);
    }

    @Test
    void aStoppedStreamerLosesItsViewersAndGetsNoneWhileEjected() {
        awaitLive("101_stop", 3);
        TestHttp.Response first = play("/stop/index.m3u8");
        assertThat(streamerOf(first)).isEqualTo(K1.baseUrl());
        String session = sessionOf(first);

        K1.stop();
        // The viewer comes back (its next refresh on K1 failed): it is moved, and gets a playlist either way.
        TestHttp.Response moved = play("/stop/index.m3u8?sg_sid=" + session);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(streamerOf(moved)).isEqualTo(K2.baseUrl());
        // The moved viewer's URLs carry its new placement, under the same identity.
        String movedSession = sessionOf(moved);
        assertThat(ViewerSession.streamerOf(movedSession)).isEqualTo(4);
        assertThat(ViewerSession.identityOf(movedSession)).isEqualTo(ViewerSession.identityOf(session));
        await().atMost(Duration.ofSeconds(5)).until(() -> health.ejected(K1_ID));

        // K1 is back, with no viewers at all, and its polls succeed again: but it is ejected, so no viewer goes there.
        K1.restart();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveMap.streamersOf("101_stop"))
                .extracting(LiveStreamer::baseUrl)
                .contains(K1.baseUrl()));
        int checked = 0;
        while (health.ejected(K1_ID)) {
            TestHttp.Response newViewer = play("/stop/tracks-v1/1.ts");
            TestHttp.Response returning = play("/stop/index.m3u8?sg_sid=" + movedSession);
            // Only answers given entirely within the ejection count: it may end while a request is under way.
            if (health.ejected(K1_ID)) {
                checked++;
                assertThat(streamerOf(newViewer)).isNotEqualTo(K1.baseUrl());
                assertThat(streamerOf(returning)).isEqualTo(K2.baseUrl());
            }
        }
        assertThat(checked).isPositive();

        // Once the ejection is over, new viewers go to the emptiest streamer again; the moved viewer stays put.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(streamerOf(play("/stop/tracks-v1/1.ts")))
                .isEqualTo(K1.baseUrl()));
        assertThat(streamerOf(play("/stop/index.m3u8?sg_sid=" + movedSession))).isEqualTo(K2.baseUrl());
    }

    @Test
    void aStreamerAnswering5xxOnItsMasterIsEjectedAndTheViewerStillGets200() {
        awaitLive("101_five", 2);
        F1.failMasters(true);
        try {
            TestHttp.Response response = play("/five/index.m3u8");
            assertThat(response.status()).isEqualTo(200);
            assertThat(streamerOf(response)).isEqualTo(F2.baseUrl());
            assertThat(F1.masterRequests()).isPositive();
            assertThat(health.ejected(F1_ID)).isTrue();

            int before = F1.masterRequests();
            for (int i = 0; i < 5; i++) {
                TestHttp.Response next = play("/five/index.m3u8?sg_sid=viewer-" + i);
                if (health.ejected(F1_ID)) {
                    assertThat(next.status()).isEqualTo(200);
                    assertThat(streamerOf(next)).isEqualTo(F2.baseUrl());
                    assertThat(F1.masterRequests()).isEqualTo(before);
                }
            }
        } finally {
            F1.failMasters(false);
        }
    }

    @Test
    void aDrainingStreamerGetsNoNewSessionsAndStickySessionsMoveOff() {
        awaitLive("101_drain", 2);
        TestHttp.Response first = play("/drain/index.m3u8");
        assertThat(streamerOf(first)).isEqualTo(D1.baseUrl());
        String session = sessionOf(first);

        d1State = StreamerState.DRAINING;
        publish();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveMap.streamersOf("101_drain"))
                .filteredOn(streamer -> streamer.streamerId() == D1_ID)
                .extracting(LiveStreamer::state)
                .containsExactly(StreamerState.DRAINING));

        // D1 is still the emptiest and still serves, but takes no new session, and the sticky one moves off.
        for (int i = 0; i < 5; i++) {
            TestHttp.Response newViewer = play("/drain/index.m3u8");
            assertThat(newViewer.status()).isEqualTo(200);
            assertThat(streamerOf(newViewer)).isEqualTo(D2.baseUrl());
        }
        TestHttp.Response moved = play("/drain/index.m3u8?sg_sid=" + session);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(streamerOf(moved)).isEqualTo(D2.baseUrl());
        assertThat(ViewerSession.streamerOf(sessionOf(moved))).isEqualTo(D2_ID);

        // Where only the draining streamer has the stream live, it serves: better than a 503.
        D2.notLive("101_drain");
        try {
            awaitLive("101_drain", 1);
            TestHttp.Response fallback = play("/drain/index.m3u8");
            assertThat(fallback.status()).isEqualTo(200);
            assertThat(streamerOf(fallback)).isEqualTo(D1.baseUrl());
        } finally {
            D2.live("101_drain", 10);
        }
    }

    @Test
    void viewersGoToTheirRegionFirstAndElsewhereWhenItHasNone() {
        awaitLive("101_region", 2);
        // The gateway's own region, eu, although the us streamer is emptier.
        assertThat(streamerOf(play("/region/index.m3u8"))).isEqualTo(REU.baseUrl());
        // The trusted header names the viewer's region.
        assertThat(streamerOf(playFrom("us", "/region/index.m3u8"))).isEqualTo(RUS.baseUrl());
        // A region without streamers: the least loaded anywhere. A malformed header: the gateway's own region.
        assertThat(streamerOf(playFrom("ap", "/region/index.m3u8"))).isEqualTo(RUS.baseUrl());
        assertThat(streamerOf(playFrom("e u", "/region/index.m3u8"))).isEqualTo(REU.baseUrl());

        REU.notLive("101_region");
        try {
            awaitLive("101_region", 1);
            TestHttp.Response elsewhere = play("/region/index.m3u8");
            assertThat(elsewhere.status()).isEqualTo(200);
            assertThat(streamerOf(elsewhere)).isEqualTo(RUS.baseUrl());
        } finally {
            REU.live("101_region", 50);
        }
    }

    @Test
    void aStreamerWithoutAUsableDriverIsNotUsedAndTheOthersServe() {
        awaitLive("101_unknown", 1);
        for (int i = 0; i < 5; i++) {
            TestHttp.Response response = play("/unknown/index.m3u8");
            assertThat(response.status()).isEqualTo(200);
            assertThat(streamerOf(response)).isEqualTo(U3.baseUrl());
        }
        // Never even asked: an unknown type or invalid settings make no driver, not a failing one.
        assertThat(U1.polls()).isZero();
        assertThat(U2.polls()).isZero();
        assertThat(U3.polls()).isPositive();
        assertThat(meters.get("streamgate.gateway.live.drivers.unusable")
                        .gauge()
                        .value())
                .isEqualTo(2);

        // The admin fixes u1's driver: only that streamer's driver is made again, and it takes the new viewers.
        u1Driver = "flussonic";
        publish();
        awaitLive("101_unknown", 2);
        assertThat(U1.polls()).isPositive();
        assertThat(meters.get("streamgate.gateway.live.drivers.unusable")
                        .gauge()
                        .value())
                .isEqualTo(1);
        TestHttp.Response fixed = play("/unknown/index.m3u8");
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(streamerOf(fixed)).isEqualTo(U1.baseUrl());
    }

    @Test
    void aStreamerWhosePollsFailLeavesTheLiveMapAndIsEjected() {
        awaitLive("101_polled", 2);
        double failures =
                meters.counter("streamgate.gateway.live.poll.failures").count();
        // Nobody plays this stream: only the poller can find out.
        P1.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> health.ejected(P1_ID));
            assertThat(liveMap.streamersOf("101_polled"))
                    .extracting(LiveStreamer::streamerId)
                    .doesNotContain(P1_ID);
            assertThat(meters.counter("streamgate.gateway.live.poll.failures").count())
                    .isGreaterThan(failures);
            for (int i = 0; i < 5; i++) {
                assertThat(streamerOf(play("/polled/index.m3u8"))).isEqualTo(P2.baseUrl());
            }
        } finally {
            P1.restart();
        }
    }

    /** Until that many streamers have the stream live, none of them ejected (a slow first poll may have been). */
    private void awaitLive(String stream, int streamers) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(liveMap.streamersOf(stream))
                .hasSize(streamers)
                .allSatisfy(streamer ->
                        assertThat(health.ejected(streamer.streamerId())).isFalse()));
    }

    private TestHttp.Response play(String path) {
        return TestHttp.get(port, HOST, path);
    }

    private TestHttp.Response playFrom(String region, String path) {
        return TestHttp.exchange(
                HttpMethod.GET, "http://127.0.0.1:" + port + path, HOST, Map.of(ViewerRegion.HEADER, region));
    }

    /** The streamer an answer sends the player to: the redirect's, or the first variant's in a playlist. */
    static String streamerOf(TestHttp.Response response) {
        String url = urlOf(response);
        int slash = url.indexOf('/', "http://".length());
        return url.substring(0, slash);
    }

    static String sessionOf(TestHttp.Response response) {
        List<String> values =
                new QueryStringDecoder(urlOf(response)).parameters().get(PlaybackSigner.SESSION);
        assertThat(values).as("sg_sid in " + urlOf(response)).hasSize(1);
        return values.get(0);
    }

    private static String urlOf(TestHttp.Response response) {
        if (response.status() == 302) {
            return response.header(HttpHeaderNames.LOCATION);
        }
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.text()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .findFirst()
                .orElseThrow();
    }
}
