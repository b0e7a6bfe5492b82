package io.streamgate.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("integration")
// Each class runs control-api against its own schema and streamers: close it afterwards so its pollers and
// plugin host do not keep running beside the next class's.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ControlApiIntegrationTests {

    static final String ADMIN = "admin-token-for-tests";
    static final String GATEWAY = "gateway-token-for-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final String CHANNEL = TestServers.freshChannel();
    static final RecordingStreamer SIM_1 = new RecordingStreamer();
    static final RecordingStreamer SIM_2 = new RecordingStreamer();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static volatile boolean streamersRegistered;

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, CHANNEL, ADMIN, GATEWAY);
        registry.add("streamgate.control.streamer.poll-interval", () -> "200ms");
        registry.add(
                "streamgate.control.plugins.folder",
                () -> Path.of("target", "plugins").toAbsolutePath().toString());
        // Pushes here come from the API alone: the reconcile loop (tested on its own) would add its own calls.
        registry.add("streamgate.control.reconcile.interval", () -> "1h");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        SIM_1.close();
        SIM_2.close();
        TestServers.dropSchema(SCHEMA);
    }

    @BeforeEach
    void setUp() {
        http = TestServers.client(port);
        if (!streamersRegistered) {
            registerStreamer("sim-1", SIM_1.baseUrl());
            registerStreamer("sim-2", SIM_2.baseUrl());
            // Streams are placed on streamers that answer their polls only.
            awaitUp("sim-1");
            awaitUp("sim-2");
            streamersRegistered = true;
        }
    }

    @Test
    void adminCreatesProjectAndOperatorManagesStream() throws Exception {
        JsonNode project = createProject("acme", List.of("play-" + random() + ".example.tv"));
        assertThat(project.get("id").isString()).isTrue();
        assertThat(project.get("api_key").asString()).startsWith("sgk_");
        assertThat(project.get("status").asString()).isEqualTo("active");
        String projectId = project.get("id").asString();
        String key = project.get("api_key").asString();

        JsonNode listed = json(http.get()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        JsonNode mine = find(listed.get("projects"), "id", projectId);
        assertThat(mine).isNotNull();
        assertThat(mine.has("api_key")).isFalse();

        long before = snapshotVersion();
        JsonNode created = put(key, "live", "{\"inputs\": [{\"url\": \"fake://test\"}]}", 201);
        assertThat(created.get("name").asString()).isEqualTo("live");
        assertThat(created.get("playback_mode").asString()).isEqualTo("rewrite");
        assertThat(created.get("status").get("placements")).hasSize(2);
        assertThat(created.get("region").isNull()).isTrue();
        String internal = projectId + "_live";
        assertThat(SIM_1.callsFor(projectId))
                .extracting(RecordingStreamer.Call::method)
                .containsExactly("PUT");
        assertThat(SIM_2.callsFor(projectId))
                .extracting(RecordingStreamer.Call::method)
                .containsExactly("PUT");
        JsonNode pushed = json(SIM_1.callsFor(projectId).get(0).body());
        assertThat(pushed.get("name").asString()).isEqualTo(internal);
        assertThat(pushed.get("inputs").get(0).get("url").asString()).isEqualTo("fake://test");

        JsonNode snapshot = snapshot();
        long afterPut = snapshot.get("version").asLong();
        assertThat(afterPut).isGreaterThan(before);
        JsonNode entry = null;
        for (JsonNode stream : snapshot.get("streams")) {
            if (stream.get("project_id").asString().equals(projectId)
                    && stream.get("name").asString().equals("live")) {
                entry = stream;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("placements")).hasSize(2);

        JsonNode replaced =
                put(key, "live", "{\"inputs\": [{\"url\": \"fake://other\"}], \"playback_mode\": \"redirect\"}", 200);
        assertThat(replaced.get("playback_mode").asString()).isEqualTo("redirect");
        assertThat(replaced.get("created_at").asString())
                .isEqualTo(created.get("created_at").asString());
        assertThat(SIM_1.callsFor(projectId)).hasSize(2);
        assertThat(snapshotVersion()).isGreaterThan(afterPut);

        JsonNode alive = awaitAlive(key, "live");
        JsonNode placement = alive.get("status").get("placements").get(0);
        assertThat(placement.get("online_clients").asLong()).isEqualTo(1);
        assertThat(placement.get("state").asString()).isEqualTo("active");
        assertThat(placement.get("input").asString()).isEqualTo("receiving");
        assertThat(alive.get("status").get("live_on")).hasSize(2);

        JsonNode list = json(http.get()
                .uri("/api/v1/streams")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(list.get("streams")).hasSize(1);

        long beforeDelete = snapshotVersion();
        http.delete()
                .uri("/api/v1/streams/live")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(SIM_1.callsFor(projectId))
                .extracting(RecordingStreamer.Call::method)
                .containsExactly("PUT", "PUT", "DELETE");
        assertThat(SIM_2.callsFor(projectId))
                .extracting(RecordingStreamer.Call::method)
                .containsExactly("PUT", "PUT", "DELETE");
        assertThat(snapshotVersion()).isGreaterThan(beforeDelete);
        http.get()
                .uri("/api/v1/streams/live")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rows(projectId)).isZero();
    }

    @Test
    void changesArePublishedOnRedis() {
        RedisClient client = RedisClient.create(TestServers.REDIS_URL);
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            Flux<String> messages = connection
                    .reactive()
                    .observeChannels()
                    .map(message -> message.getMessage())
                    .replay()
                    .autoConnect(0);
            connection.sync().subscribe(CHANNEL);
            JsonNode project = createProject("redis-watch", List.of());
            long version = snapshotVersion();
            StepVerifier.create(messages.filter(m -> m.equals(Long.toString(version)))
                            .next())
                    .expectNext(Long.toString(version))
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
            put(project.get("api_key").asString(), "cam", "{\"inputs\": [{\"url\": \"fake://cam\"}]}", 201);
            long next = snapshotVersion();
            assertThat(next).isGreaterThan(version);
            StepVerifier.create(
                            messages.filter(m -> m.equals(Long.toString(next))).next())
                    .expectNext(Long.toString(next))
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void snapshotAnswersNotModifiedForItsEtag() {
        var first = http.get()
                .uri("/internal/v1/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GATEWAY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag)
                .isEqualTo("\"" + json(first.getResponseBody()).get("version").asLong() + "\"");
        http.get()
                .uri("/internal/v1/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GATEWAY)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag);
        createProject("etag-bump", List.of());
        http.get()
                .uri("/internal/v1/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GATEWAY)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/internal/v1/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://streamgate.io/problems/unauthorized");
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsStoredOrPushed() throws Exception {
        JsonNode project = createProject("bad-input", List.of());
        String projectId = project.get("id").asString();
        String key = project.get("api_key").asString();
        long version = snapshotVersion();
        String good = "{\"inputs\": [{\"url\": \"fake://x\"}]}";

        for (String raw : List.of(
                "a%2Fb", "a/b", "a/b/c", "a%00b", "..", "a%20b", "x".repeat(65), "%C3%A9t%C3%A9", "a;b=c", "-a")) {
            String body = http.put()
                    .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/streams/" + raw))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(good)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            JsonNode problem = json(body);
            assertThat(problem.get("type").asString()).as(raw).isEqualTo("https://streamgate.io/problems/invalid-name");
            assertThat(problem.get("detail").asString()).as(raw).startsWith("name:");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        }

        record Bad(String body, String field) {}
        for (Bad bad : List.of(
                new Bad("{\"inputs\": \"x\"}", "inputs"),
                new Bad("{\"inputs\": [{\"url\": \"fake://x\"}], \"foo\": 1}", "foo"),
                new Bad("{\"inputs\": [", "inputs"),
                new Bad("not json", "body"),
                new Bad("{\"inputs\": []}", "inputs"),
                new Bad("{}", "inputs"),
                new Bad("{\"inputs\": [{\"url\": \"ftp://x\"}]}", "inputs[0].url"),
                new Bad("{\"inputs\": [{\"url\": \"fake://" + "x".repeat(2050) + "\"}]}", "inputs[0].url"),
                new Bad("{\"inputs\": [{\"url\": \"fake://x\"}], \"playback_mode\": \"teleport\"}", "playback_mode"),
                new Bad("{\"inputs\": [{\"url\": \"fake://x\", \"extra\": true}]}", "inputs[0].extra"))) {
            JsonNode problem = json(http.put()
                    .uri("/api/v1/streams/live")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(bad.body())
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
            assertThat(problem.get("errors").get(0).get("field").asString())
                    .as(bad.body())
                    .isEqualTo(bad.field());
            assertThat(problem.get("detail").asString()).as(bad.body()).contains(bad.field());
        }
        String nineInputs =
                "{\"inputs\": [" + String.join(",", java.util.Collections.nCopies(9, "{\"url\": \"fake://x\"}")) + "]}";
        http.put()
                .uri("/api/v1/streams/live")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(nineInputs)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("inputs");

        assertThat(rows(projectId)).isZero();
        assertThat(SIM_1.callsFor(projectId)).isEmpty();
        assertThat(SIM_2.callsFor(projectId)).isEmpty();
        assertThat(snapshotVersion()).isEqualTo(version);
    }

    @Test
    void springsOwnErrorsAreProblems() {
        http.get()
                .uri("/no/such/route")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://streamgate.io/problems/not-found");
        http.patch()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://streamgate.io/problems/method-not-allowed");
        http.post()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://streamgate.io/problems/unsupported-media-type");
        http.post()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"bad/name\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void domainsAreUniqueAcrossProjects() {
        String domain = "play-" + random() + ".example.tv";
        createProject("first", List.of(domain));
        http.post()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"second\", \"domains\": [\"" + domain + "\"]}")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://streamgate.io/problems/conflict");
    }

    @Test
    void badOrMissingKeysAreUnauthorized() {
        for (String header : new String[] {null, "Bearer sgk_nope", "Basic abc", "Bearer " + ADMIN}) {
            var request = http.get().uri("/api/v1/streams");
            if (header != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, header);
            }
            request.exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://streamgate.io/problems/unauthorized");
        }
        http.get()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.get().uri("/admin;x=1/v1/projects").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void projectsAreIsolated() throws Exception {
        JsonNode a = createProject("tenant-a", List.of());
        JsonNode b = createProject("tenant-b", List.of());
        String keyA = a.get("api_key").asString();
        String keyB = b.get("api_key").asString();
        put(keyA, "secret", "{\"inputs\": [{\"url\": \"fake://a\"}]}", 201);

        String foreign = http.get()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JsonNode listB = json(http.get()
                .uri("/api/v1/streams")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(listB.get("streams")).isEmpty();
        String foreignDelete = http.delete()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        // B replacing "secret" creates B's own stream; A's stays as it was.
        put(keyB, "secret", "{\"inputs\": [{\"url\": \"fake://b\"}]}", 201);
        JsonNode stillA = json(http.get()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyA)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(stillA.get("inputs").get(0).get("url").asString()).isEqualTo("fake://a");
        http.delete()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .exchange()
                .expectStatus()
                .isNoContent();

        http.delete()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyA)
                .exchange()
                .expectStatus()
                .isNoContent();
        String missing = http.get()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String missingDelete = http.delete()
                .uri("/api/v1/streams/secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(foreign).isEqualTo(missing);
        assertThat(foreignDelete).isEqualTo(missingDelete);
    }

    private JsonNode awaitAlive(String key, String name) throws InterruptedException {
        JsonNode stream = null;
        for (int i = 0; i < 100; i++) {
            stream = json(http.get()
                    .uri("/api/v1/streams/" + name)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
            if (stream.get("status").get("alive").asBoolean()) {
                return stream;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("stream never became alive: " + stream);
    }

    private void awaitUp(String name) {
        Eventually.until(name + " up", () -> json(http.get()
                        .uri("/admin/v1/streamers/" + name)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("health")
                .get("up")
                .asBoolean());
    }

    private void registerStreamer(String name, String baseUrl) {
        http.post()
                .uri("/admin/v1/streamers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + name + "\", \"base_url\": \"" + baseUrl + "\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isNotEmpty()
                .jsonPath("$.base_url")
                .isEqualTo(baseUrl);
    }

    private JsonNode createProject(String name, List<String> domains) {
        String body = "{\"name\": \"" + name + "\", \"domains\": ["
                + String.join(",", domains.stream().map(d -> "\"" + d + "\"").toList()) + "]}";
        return json(http.post()
                .uri("/admin/v1/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private JsonNode put(String key, String name, String body, int status) {
        return json(http.put()
                .uri("/api/v1/streams/" + name)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private JsonNode snapshot() {
        return json(http.get()
                .uri("/internal/v1/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GATEWAY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private long snapshotVersion() {
        return snapshot().get("version").asLong();
    }

    private static long rows(String projectId) throws Exception {
        try (Connection connection = TestServers.jdbc(SCHEMA);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM streams WHERE project_id = ?")) {
            statement.setLong(1, Long.parseLong(projectId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        return null;
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static String random() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
