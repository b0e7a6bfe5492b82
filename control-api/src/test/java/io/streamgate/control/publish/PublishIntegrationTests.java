package io.streamgate.control.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.streamgate.control.Eventually;
import io.streamgate.control.OperatorApi;
import io.streamgate.control.OperatorApi.Answer;
import io.streamgate.control.RecordingStreamer;
import io.streamgate.control.TestServers;
import io.streamgate.domain.signing.PlaybackSigner.Verification;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Publish URLs, the streamers' publish check and templates, over the real PostgreSQL and two real streamers driven
 * through the flussonic plugin jar.
 */
@Tag("integration")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishIntegrationTests {

    static final String ADMIN = "admin-token-for-publish-tests";
    static final String GATEWAY = "gateway-token-for-publish-tests";
    static final String KEYS = "pk:publish-tests-secret-0123456789";
    static final String SCHEMA = TestServers.freshSchema();
    static final RecordingStreamer ONE = new RecordingStreamer();
    static final RecordingStreamer TWO = new RecordingStreamer();
    static final PublishTokens TOKENS = new PublishTokens(SigningKeys.parse(KEYS, null));

    @LocalServerPort
    int port;

    OperatorApi api;
    WebTestClient http;
    String projectId;
    String key;
    String otherKey;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, TestServers.freshChannel(), ADMIN, GATEWAY);
        registry.add("streamgate.control.publish.keys", () -> KEYS);
        registry.add(
                "streamgate.control.plugins.folder",
                () -> Path.of("target", "plugins").toAbsolutePath().toString());
        registry.add("streamgate.control.streamer.poll-interval", () -> "100ms");
        registry.add("streamgate.control.reconcile.interval", () -> "1h");
    }

    @BeforeAll
    void setUp() {
        api = new OperatorApi(port, ADMIN, GATEWAY);
        http = TestServers.client(port);
        register("ingest-1", ONE, "{\"rtmp_url\": \"rtmp://127.0.0.1:1935/live\"}");
        register("ingest-2", TWO, "{}");
        Eventually.get("both streamers polled", () -> {
            JsonNode listed = api.admin(GET, "/admin/v1/streamers", null).json().get("streamers");
            for (JsonNode streamer : listed) {
                if (!streamer.get("health").get("up").asBoolean()) {
                    return null;
                }
            }
            return listed;
        });
        JsonNode project = api.createProject("publishers", List.of("play.publishers.test"));
        projectId = project.get("id").asString();
        key = project.get("api_key").asString();
        otherKey = api.createProject("others", List.of("play.others.test"))
                .get("api_key")
                .asString();
        Answer created = operator(PUT, "/api/v1/streams/cam", "{\"inputs\": [{\"url\": \"publish://\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(operator(PUT, "/api/v1/streams/pattern", "{\"inputs\": [{\"url\": \"fake://test\"}]}")
                        .status())
                .isEqualTo(201);
    }

    @AfterAll
    void cleanUp() throws Exception {
        ONE.close();
        TWO.close();
        TestServers.dropSchema(SCHEMA);
    }

    @Test
    void aPublishStreamGetsUrlsOnItsIngestWithAVerifiableTokenAndABackup() {
        Answer answer = operator(GET, "/api/v1/streams/cam/publish-url?expires_in=10m", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        String ingest = body.get("streamer").asString();
        assertThat(ingest).isIn("ingest-1", "ingest-2");
        String internal = projectId + "_cam";
        JsonNode urls = body.get("urls");
        String http = urls.findValuesAsString("url").stream()
                .filter(url -> url.startsWith("http"))
                .findFirst()
                .orElseThrow();
        RecordingStreamer expected = ingest.equals("ingest-1") ? ONE : TWO;
        assertThat(http).startsWith(expected.baseUrl() + "/streamer/publish/" + internal + "?token=");
        if (ingest.equals("ingest-1")) {
            assertThat(urls.get(0).get("protocol").asString()).isEqualTo("rtmp");
            assertThat(urls.get(0).get("url").asString())
                    .startsWith("rtmp://127.0.0.1:1935/live/" + internal + "?token=");
        }
        String token = token(http);
        Instant expiresAt = Instant.parse(body.get("expires_at").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
        assertThat(TOKENS.verify(internal, token, Instant.now().getEpochSecond()))
                .isEqualTo(Verification.VALID);
        assertThat(TOKENS.verify(projectId + "_pattern", token, Instant.now().getEpochSecond()))
                .isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(body.get("backups")).hasSize(1);
        assertThat(body.get("backups").get(0).get("streamer").asString())
                .isNotEqualTo(ingest)
                .isIn("ingest-1", "ingest-2");

        // The operator view shows the same: where to publish, with a fresh token of the default lifetime.
        JsonNode publish =
                operator(GET, "/api/v1/streams/cam", null).json().get("status").get("publish");
        assertThat(publish.get("streamer").asString()).isEqualTo(ingest);
        String shown = publish.get("urls").findValuesAsString("url").stream()
                .filter(url -> url.startsWith("http"))
                .findFirst()
                .orElseThrow();
        assertThat(TOKENS.verify(internal, token(shown), Instant.now().getEpochSecond()))
                .isEqualTo(Verification.VALID);
        assertThat(Duration.between(
                        Instant.now(), Instant.parse(publish.get("expires_at").asString())))
                .isGreaterThan(Duration.ofHours(11));
        assertThat(operator(GET, "/api/v1/streams/pattern", null)
                        .json()
                        .get("status")
                        .get("publish")
                        .isNull())
                .as("a stream without a publish input has no publish URLs")
                .isTrue();
        JsonNode listed = operator(GET, "/api/v1/streams", null).json().get("streams");
        for (JsonNode stream : listed) {
            assertThat(stream.get("status").get("publish").isNull())
                    .as(stream.get("name").asString())
                    .isEqualTo(!stream.get("name").asString().startsWith("cam"));
        }
    }

    @Test
    void badRequestsAreProblemsAndForeignStreamsAnswerLikeMissingOnes() {
        Answer noInput = operator(GET, "/api/v1/streams/pattern/publish-url", null);
        assertThat(noInput.status()).isEqualTo(409);
        assertThat(noInput.problemType()).isEqualTo("https://streamgate.io/problems/conflict");
        assertThat(noInput.json().get("detail").asString()).contains("publish://");

        Answer tooLong = operator(GET, "/api/v1/streams/cam/publish-url?expires_in=30d", null);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.field()).isEqualTo("expires_in");
        Answer junk = operator(GET, "/api/v1/streams/cam/publish-url?expires_in=soon", null);
        assertThat(junk.status()).isEqualTo(400);

        Answer missing = operator(GET, "/api/v1/streams/nothing/publish-url", null);
        Answer foreign = api.call(GET, "/api/v1/streams/cam/publish-url", otherKey, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body().replace("nothing", "cam"));

        Answer badName = operator(GET, "/api/v1/streams/a%2Fb/publish-url", null);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.problemType()).isEqualTo("https://streamgate.io/problems/invalid-name");
    }

    @Test
    void theStreamersPublishCheckAllowsOnlyAValidTokenOnAPlacedStreamer() {
        String internal = projectId + "_cam";
        long now = Instant.now().getEpochSecond();
        String good = TOKENS.mint(internal, now + 600);
        String placedOn = api.call(GET, "/api/v1/streams/cam", key, null)
                .json()
                .get("status")
                .get("placements")
                .get(0)
                .get("streamer")
                .asString();
        assertThat(onPublish(placedOn, internal, good)).isEqualTo(204);

        assertThat(onPublish(placedOn, internal, null)).isEqualTo(403);
        assertThat(onPublish(placedOn, internal, "p1.pk.1.AAAA")).isEqualTo(403);
        assertThat(onPublish(placedOn, internal, TOKENS.mint(internal, now - 1)))
                .isEqualTo(403);
        assertThat(onPublish(placedOn, internal, TOKENS.mint(projectId + "_pattern", now + 600)))
                .isEqualTo(403);
        PublishTokens otherKeys = new PublishTokens(SigningKeys.parse("pk:another-secret-0123456789abc", null));
        assertThat(onPublish(placedOn, internal, otherKeys.mint(internal, now + 600)))
                .isEqualTo(403);
        assertThat(onPublish("no-such-streamer", internal, good)).isEqualTo(403);
        assertThat(onPublish(placedOn, "not-ours", good)).isEqualTo(403);
        // A stream without a publish input takes no publisher even with a token minted for it.
        String pattern = projectId + "_pattern";
        assertThat(onPublish(placedOn, pattern, TOKENS.mint(pattern, now + 600)))
                .isEqualTo(403);
    }

    @Test
    void aTemplateLetsEncodersPublishNewNamesUnderItsPrefixCreatedOnFirstPublish() {
        Answer created =
                operator(PUT, "/api/v1/templates/cams", "{\"prefix\": \"cam-\", \"playback_mode\": \"redirect\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(operator(PUT, "/api/v1/templates/cams", "{\"prefix\": \"cam-\"}")
                        .status())
                .isEqualTo(200);
        assertThat(operator(PUT, "/api/v1/templates/cams", "{\"prefix\": \"cam-\", \"playback_mode\": \"redirect\"}")
                        .json()
                        .get("playback_mode")
                        .asString())
                .isEqualTo("redirect");
        assertThat(operator(GET, "/api/v1/templates", null).json().get("templates"))
                .hasSize(1);

        Answer url = operator(GET, "/api/v1/streams/cam-7/publish-url", null);
        assertThat(url.status()).as(url.body()).isEqualTo(200);
        assertThat(operator(GET, "/api/v1/streams/cam-7", null).status())
                .as("not created before the first publish")
                .isEqualTo(404);

        String internal = projectId + "_cam-7";
        String token = TOKENS.mint(internal, Instant.now().getEpochSecond() + 600);
        assertThat(onPublish("ingest-2", internal, token)).isEqualTo(204);
        JsonNode stream = operator(GET, "/api/v1/streams/cam-7", null).json();
        assertThat(stream.get("inputs").get(0).get("url").asString()).isEqualTo("publish://");
        assertThat(stream.get("playback_mode").asString()).isEqualTo("redirect");
        assertThat(stream.get("status").get("placements").findValuesAsString("streamer"))
                .contains("ingest-2");
        assertThat(Eventually.get("pushed to the ingest", () -> TWO.runs(internal) ? true : null))
                .isTrue();
        // Again: the stream exists now and is placed there, so the same check simply allows.
        assertThat(onPublish("ingest-2", internal, token)).isEqualTo(204);

        // A streamer outside a template's region may not take its new streams.
        assertThat(operator(PUT, "/api/v1/templates/far", "{\"prefix\": \"far-\", \"region\": \"elsewhere\"}")
                        .status())
                .isEqualTo(201);
        String far = projectId + "_far-1";
        assertThat(onPublish("ingest-2", far, TOKENS.mint(far, Instant.now().getEpochSecond() + 600)))
                .isEqualTo(403);
        assertThat(operator(GET, "/api/v1/streams/far-1", null).status()).isEqualTo(404);

        String outside = projectId + "_studio";
        assertThat(onPublish(
                        "ingest-2", outside, TOKENS.mint(outside, Instant.now().getEpochSecond() + 600)))
                .isEqualTo(403);
        assertThat(operator(GET, "/api/v1/streams/studio", null).status()).isEqualTo(404);
        assertThat(operator(GET, "/api/v1/streams/studio/publish-url", null).status())
                .isEqualTo(404);
    }

    @Test
    void templatesAreValidatedAndPrivateToTheirProject() {
        record Bad(String body, String field) {}
        for (Bad bad : List.of(
                new Bad("{}", "prefix"),
                new Bad("{\"prefix\": \"-x\"}", "prefix"),
                new Bad("{\"prefix\": \"" + "a".repeat(64) + "\"}", "prefix"),
                new Bad("{\"prefix\": \"a/b\"}", "prefix"),
                new Bad("{\"prefix\": \"ok\", \"playback_mode\": \"push\"}", "playback_mode"),
                new Bad("{\"prefix\": \"ok\", \"region\": \"EU West\"}", "region"),
                new Bad("{\"prefix\": \"ok\", \"auth_chain\": [\"nope\"]}", "auth_chain[0]"))) {
            Answer answer = operator(PUT, "/api/v1/templates/bad", bad.body());
            assertThat(answer.status()).as(bad.body()).isEqualTo(400);
            assertThat(answer.field()).as(bad.body()).isEqualTo(bad.field());
        }
        assertThat(operator(GET, "/api/v1/templates/bad", null).status()).isEqualTo(404);

        assertThat(operator(PUT, "/api/v1/templates/live", "{\"prefix\": \"live-\"}")
                        .status())
                .isEqualTo(201);
        Answer taken = operator(PUT, "/api/v1/templates/live2", "{\"prefix\": \"live-\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field()).isEqualTo("prefix");

        Answer foreign = api.call(GET, "/api/v1/templates/live", otherKey, null);
        Answer missing = api.call(GET, "/api/v1/templates/nope", otherKey, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body().replace("nope", "live"));
        assertThat(api.call(DELETE, "/api/v1/templates/live", otherKey, null).status())
                .isEqualTo(404);
        assertThat(operator(DELETE, "/api/v1/templates/live", null).status()).isEqualTo(204);
        assertThat(operator(DELETE, "/api/v1/templates/live", null).status()).isEqualTo(404);
    }

    private int onPublish(String streamer, String name, String token) {
        var form = BodyInserters.fromFormData("call", "publish")
                .with("app", "live")
                .with("name", name);
        if (token != null) {
            form = form.with("token", token);
        }
        return http.method(POST)
                .uri("/streamer-callbacks/v1/on-publish?streamer=" + streamer)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private Answer operator(org.springframework.http.HttpMethod method, String path, String body) {
        return api.call(method, path, key, body);
    }

    private void register(String name, RecordingStreamer streamer, String settings) {
        Answer answer = api.admin(
                POST,
                "/admin/v1/streamers",
                "{\"name\": \"" + name + "\", \"base_url\": \"" + streamer.baseUrl() + "\", \"driver_settings\": "
                        + settings + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static String token(String url) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no token in " + url);
    }
}
