package io.streamgate.system;

import static io.streamgate.system.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2's promises, end to end: an operator creates a stream, the cloud puts it on two streamers, and a player under
 * the customer's own domain plays real video through the gateway. The stream {@code live} of project alpha lives
 * through the whole class; the last test kills one of its streamers.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIntegrationTests {

    private static final String ALPHA_DOMAIN = "play.alpha.test";
    private static final String BETA_DOMAIN = "play.beta.test";

    private Cloud cloud;
    private String alphaId;
    private String alphaKey;
    private String betaKey;

    @BeforeAll
    void startTheCloud() throws Exception {
        cloud = Cloud.start("walking-skeleton");
        for (int i = 0; i < cloud.simUrls.size(); i++) {
            HttpResponse<String> streamer = Http.post(
                    cloud.controlUrl + "/admin/v1/streamers",
                    Cloud.ADMIN_TOKEN,
                    "{\"name\": \"sim-" + (i + 1) + "\", \"base_url\": \"" + cloud.simUrls.get(i) + "\"}");
            assertThat(streamer.statusCode()).as(streamer.body()).isEqualTo(201);
        }
        JsonNode alpha = createProject("alpha", ALPHA_DOMAIN);
        alphaId = alpha.get("id").asString();
        alphaKey = alpha.get("api_key").asString();
        betaKey = createProject("beta", BETA_DOMAIN).get("api_key").asString();

        HttpResponse<String> created = Http.put(stream("live"), alphaKey, "{\"inputs\": [{\"url\": \"fake://test\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("name").asString()).isEqualTo("live");
    }

    @AfterAll
    void stopTheCloud() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void theStreamIsPlacedOnTwoStreamersAndReportedAlive() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(simsCarrying(internal("live"))).hasSize(2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode stream = json(Http.get(stream("live"), alphaKey));
            assertThat(stream.get("status").get("alive").asBoolean()).isTrue();
        });
    }

    @Test
    @Order(2)
    void aPlayerUnderTheCustomersDomainGetsARewrittenPlaylistWhoseVideoDownloads() {
        HttpResponse<String> master = awaitPlayable(ALPHA_DOMAIN, "/live/index.m3u8");
        assertThat(master.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).containsIgnoringCase("mpegurl"));

        List<String> variants = uriLines(master.body());
        assertThat(variants).hasSizeGreaterThanOrEqualTo(2);
        Set<String> carriers = simsCarrying(internal("live"));
        for (String variant : variants) {
            assertThat(variant).startsWith("http://").contains("sg_sig=").contains("/" + internal("live") + "/");
            assertThat(carriers).anySatisfy(sim -> assertThat(variant).startsWith(sim + "/"));

            HttpResponse<String> media = Http.send(Http.request(variant).GET());
            assertThat(media.statusCode()).as(variant).isEqualTo(200);
            assertThat(media.body()).contains("#EXTINF");
            List<String> segments = uriLines(media.body());
            assertThat(segments).hasSizeGreaterThanOrEqualTo(5);
            for (String segment : segments) {
                URI url = URI.create(variant).resolve(segment);
                HttpResponse<byte[]> ts =
                        Http.sendForBytes(Http.request(url.toString()).GET());
                assertThat(ts.statusCode()).as(url.toString()).isEqualTo(200);
                assertIsMpegTs(ts.body());
            }
        }
    }

    @Test
    @Order(3)
    void ffmpegDecodesVideoThroughTheGateway() throws Exception {
        String url = cloud.gatewayUrl + "/" + internal("live") + "/index.m3u8";
        assertThat(Ffmpeg.decodedVideoFrames(url, 4))
                .as("video frames decoded from " + url)
                .isGreaterThanOrEqualTo(25);
    }

    @Test
    @Order(4)
    void redirectModeAndOtherPlaybackPathsAnswer302ToASignedStreamerUrl() {
        Set<String> carriers = simsCarrying(internal("live"));
        for (String path : List.of("/live/index.m3u8?mode=redirect", "/live/tracks-v1/index.m3u8")) {
            HttpResponse<String> redirect = Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, path);
            assertThat(redirect.statusCode()).as(path).isEqualTo(302);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("/" + internal("live") + "/").contains("sg_sig=");
            assertThat(carriers).anySatisfy(sim -> assertThat(location).startsWith(sim + "/"));
            assertThat(Http.send(Http.request(location).GET()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> forged =
                Http.send(Http.request(carriers.iterator().next() + "/" + internal("live") + "/index.m3u8")
                        .GET());
        assertThat(forged.statusCode()).as("unsigned playback on a streamer").isEqualTo(403);
    }

    @Test
    @Order(5)
    void aForeignStreamAnswersExactlyLikeAMissingOne() {
        HttpResponse<String> foreign = Http.play(cloud.gatewayUrl, BETA_DOMAIN, "/live/index.m3u8");
        HttpResponse<String> missing = Http.play(cloud.gatewayUrl, BETA_DOMAIN, "/nothing/index.m3u8");
        HttpResponse<String> universalFromBeta =
                Http.play(cloud.gatewayUrl, BETA_DOMAIN, "/" + internal("live") + "/index.m3u8");
        HttpResponse<String> missingUniversal =
                Http.play(cloud.gatewayUrl, null, "/" + alphaId + "_nothing/index.m3u8");
        for (HttpResponse<String> response : List.of(foreign, missing, universalFromBeta, missingUniversal)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.body());
            assertThat(headersWithoutDate(response)).isEqualTo(headersWithoutDate(missing));
        }

        JsonNode betaStreams = json(Http.get(cloud.controlUrl + "/api/v1/streams", betaKey));
        assertThat(betaStreams.get("streams").size()).isZero();
        HttpResponse<String> foreignGet = Http.get(stream("live"), betaKey);
        HttpResponse<String> missingGet = Http.get(stream("nothing"), betaKey);
        assertThat(foreignGet.statusCode()).isEqualTo(404);
        assertThat(foreignGet.body().replace("live", "NAME"))
                .isEqualTo(missingGet.body().replace("nothing", "NAME"));
        assertThat(Http.delete(stream("live"), betaKey).statusCode()).isEqualTo(404);
        assertThat(Http.get(stream("live"), alphaKey).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @Order(6)
    @ValueSource(
            strings = {
                "a%2Fb",
                "a/b",
                "..",
                "%2e%2e",
                "a%00b",
                "a%20b",
                "caf%C3%A9",
                "x0123456789012345678901234567890123456789012345678901234567890123"
            })
    void badNamesAre400AndReachNoStreamer(String name) {
        Map<String, Set<String>> before = streamsOnSims();
        HttpResponse<String> put = Http.put(stream(name), alphaKey, "{\"inputs\": [{\"url\": \"fake://x\"}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // On the player API a literal slash just ends the name: "/a/b/index.m3u8" asks for stream "a".
        assertThat(Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, "/" + name + "/index.m3u8")
                        .statusCode())
                .isEqualTo(name.contains("/") ? 404 : 400);
        assertThat(streamsOnSims()).isEqualTo(before);
    }

    @ParameterizedTest
    @Order(7)
    @ValueSource(
            strings = {
                "{\"inputs\": [",
                "{\"inputs\": \"fake://x\"}",
                "{\"inputs\": [{\"url\": \"fake://x\"}], \"foo\": 1}"
            })
    void badBodiesAre400ProblemsNamingTheFieldAndStoreNothing(String body) {
        Map<String, Set<String>> before = streamsOnSims();
        HttpResponse<String> put = Http.put(stream("fresh"), alphaKey, body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(put);
        assertThat(problem.get("type").asString()).isNotBlank();
        if (!body.endsWith("[")) {
            assertThat(problem.toString()).contains(body.contains("foo") ? "foo" : "inputs");
        }
        assertThat(Http.get(stream("fresh"), alphaKey).statusCode()).isEqualTo(404);
        assertThat(streamsOnSims()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void aBadOrMissingApiKeyIs401() {
        for (String key : new String[] {null, "sgk_not-a-key", Cloud.ADMIN_TOKEN}) {
            HttpResponse<String> response = Http.get(cloud.controlUrl + "/api/v1/streams", key);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(Http.get(cloud.controlUrl + "/admin/v1/projects", alphaKey).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(9)
    void aStreamChangeReachesTheGatewayWithinASecondOverRedisAndWithinThePollIntervalWithout() {
        assertThat(Http.put(stream("second"), alphaKey, "{\"inputs\": [{\"url\": \"fake://second\"}]}")
                        .statusCode())
                .isEqualTo(201);
        // The Redis-following gateway syncs fully only every 30 s: within a second it can only have heard Redis.
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, "/second/index.m3u8?mode=redirect")
                                .statusCode()
                        != 404);
        await().atMost(Cloud.POLL_INTERVAL.plusSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Http.play(cloud.pollingGatewayUrl, ALPHA_DOMAIN, "/second/index.m3u8?mode=redirect")
                                .statusCode()
                        != 404);

        assertThat(Http.delete(stream("second"), alphaKey).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, "/second/index.m3u8")
                                .statusCode()
                        == 404);
        await().atMost(Cloud.POLL_INTERVAL.plusSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Http.play(cloud.pollingGatewayUrl, ALPHA_DOMAIN, "/second/index.m3u8")
                                .statusCode()
                        == 404);
    }

    @Test
    @Order(10)
    void anEncoderPublishesANewNameUnderATemplateToASimAndItPlays() throws Exception {
        HttpResponse<String> template =
                Http.put(cloud.controlUrl + "/api/v1/templates/events", alphaKey, "{\"prefix\": \"event-\"}");
        assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        HttpResponse<String> answer = Http.get(stream("event-1") + "/publish-url", alphaKey);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String url = null;
        for (JsonNode endpoint : json(answer).get("urls")) {
            if (endpoint.get("protocol").asString().equals("http")) {
                url = endpoint.get("url").asString();
            }
        }
        assertThat(url).as(answer.body()).isNotNull();
        assertThat(Http.get(stream("event-1"), alphaKey).statusCode())
                .as("created on the first publish, not before")
                .isEqualTo(404);

        AtomicBoolean publishing = new AtomicBoolean(true);
        CompletableFuture<HttpResponse<String>> upload = Http.streamUpload(url, publishing);
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                HttpResponse<String> created = Http.get(stream("event-1"), alphaKey);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
                assertThat(json(created).get("status").get("alive").asBoolean()).isTrue();
            });
            HttpResponse<String> master = awaitPlayable(ALPHA_DOMAIN, "/event-1/index.m3u8");
            assertThat(master.body()).contains("/" + internal("event-1") + "/");
        } finally {
            publishing.set(false);
        }
        assertThat(upload.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        assertThat(Http.delete(stream("event-1"), alphaKey).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(11)
    void whenAStreamerDiesNewPlaysGoToTheOtherWithinTwoSecondsAndADeletedStreamIsGoneWithinTwo() throws Exception {
        List<String> carriers = new ArrayList<>(simsCarrying(internal("live")));
        assertThat(carriers).hasSize(2);
        String victim = carriers.get(0);
        String survivor = carriers.get(1);
        cloud.sims.get(cloud.simUrls.indexOf(victim)).kill();

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    for (int i = 0; i < 10; i++) {
                        HttpResponse<String> redirect =
                                Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, "/live/index.m3u8?mode=redirect");
                        assertThat(redirect.statusCode()).isEqualTo(302);
                        assertThat(redirect.headers().firstValue("Location"))
                                .hasValueSatisfying(
                                        location -> assertThat(location).startsWith(survivor + "/"));
                    }
                });
        HttpResponse<String> master = Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, "/live/index.m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(uriLines(master.body())).allSatisfy(uri -> assertThat(uri).startsWith(survivor + "/"));

        assertThat(Http.delete(stream("live"), alphaKey).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Http.play(cloud.gatewayUrl, ALPHA_DOMAIN, "/live/index.m3u8")
                                .statusCode()
                        == 404);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(simsCarrying(internal("live"))).isEmpty());
    }

    private JsonNode createProject(String name, String domain) {
        HttpResponse<String> project = Http.post(
                cloud.controlUrl + "/admin/v1/projects",
                Cloud.ADMIN_TOKEN,
                "{\"name\": \"" + name + "\", \"domains\": [\"" + domain + "\"]}");
        assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
        JsonNode json = json(project);
        assertThat(json.get("id").isString())
                .as("the Snowflake id is sent as a JSON string")
                .isTrue();
        assertThat(json.get("status").asString()).isEqualTo("active");
        return json;
    }

    private String stream(String name) {
        return cloud.controlUrl + "/api/v1/streams/" + name;
    }

    private String internal(String name) {
        return alphaId + "_" + name;
    }

    private HttpResponse<String> awaitPlayable(String host, String path) {
        List<HttpResponse<String>> last = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> response = Http.play(cloud.gatewayUrl, host, path);
            last.clear();
            last.add(response);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        });
        return last.get(0);
    }

    /** The sims (by base URL) whose stream list holds the stream; dead sims carry nothing. */
    private Set<String> simsCarrying(String internalName) {
        return streamsOnSims().entrySet().stream()
                .filter(entry -> entry.getValue().contains(internalName))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Map<String, Set<String>> streamsOnSims() {
        Map<String, Set<String>> streams = new TreeMap<>();
        for (int i = 0; i < cloud.simUrls.size(); i++) {
            if (!cloud.sims.get(i).isAlive()) {
                continue;
            }
            JsonNode list = json(Http.get(cloud.simUrls.get(i) + "/streamer/api/v3/streams", null));
            Set<String> names = new TreeSet<>();
            list.get("streams").forEach(stream -> names.add(stream.get("name").asString()));
            streams.put(cloud.simUrls.get(i), names);
        }
        return streams;
    }

    private static List<String> uriLines(String playlist) {
        return playlist.lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());
    }

    private static Map<String, List<String>> headersWithoutDate(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    /** MPEG-TS: whole 188-byte packets, each starting with the 0x47 sync byte. */
    private static void assertIsMpegTs(byte[] bytes) {
        assertThat(bytes.length).isPositive();
        assertThat(bytes.length % 188).as("whole TS packets").isZero();
        for (int offset = 0; offset < bytes.length; offset += 188) {
            assertThat(bytes[offset]).as("sync byte at " + offset).isEqualTo((byte) 0x47);
        }
    }
}
