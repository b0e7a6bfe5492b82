package io.streamgate.control.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.streamgate.control.OperatorApi;
import io.streamgate.control.OperatorApi.Answer;
import io.streamgate.control.TestServers;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.FailurePolicy;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Auth backends, chains and signed links against real PostgreSQL, Redis and the real plugin jars. Private targets are
 * allowed here, as for an authorization service on the operator's own network.
 */
@Tag("integration")
// Each class runs control-api against its own schema and streamers: close it afterwards so its pollers and
// plugin host do not keep running beside the next class's.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthBackendIntegrationTests {

    static final String ADMIN = "admin-token-for-auth-tests";
    static final String GATEWAY = "gateway-token-for-auth-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final String SECRET = "a-secret-of-enough-bytes-0123456789";
    static final String TOKEN_BACKEND = "{\"type\": \"token\", \"settings\": {\"keys\": {\"k1\": \"" + SECRET + "\"}}}";
    static final String ACL_BACKEND = "{\"type\": \"acl\", \"settings\": {\"allow_ips\": [\"10.0.0.0/8\"]},"
            + " \"failure_policy\": \"open\", \"timeout\": \"500ms\", \"stale_for\": \"0s\"}";
    static final String HTTP_BACKEND = "{\"type\": \"http\", \"settings\": {\"url\": \"http://127.0.0.1:1/\"}}";
    static final String STREAM = "{\"inputs\": [{\"url\": \"fake://x\"}]}";

    @LocalServerPort
    int port;

    @Autowired
    AuthGuard guard;

    OperatorApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, TestServers.freshChannel(), ADMIN, GATEWAY);
        registry.add(
                "streamgate.control.plugins.folder",
                () -> Path.of("target", "plugins").toAbsolutePath().toString());
        registry.add("streamgate.control.plugins.allow-private-targets", () -> "true");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestServers.dropSchema(SCHEMA);
    }

    @BeforeEach
    void setUp() {
        api = new OperatorApi(port, ADMIN, GATEWAY);
    }

    @Test
    void operatorManagesTokenHttpAndAclBackends() throws Exception {
        JsonNode project = api.createProject("crud", List.of());
        String key = project.get("api_key").asString();
        long before = api.version();

        Answer token = api.call(PUT, "/api/v1/auth-backends/tok", key, TOKEN_BACKEND);
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        assertThat(token.json().get("name").asString()).isEqualTo("tok");
        assertThat(token.json().get("type").asString()).isEqualTo("token");
        assertThat(token.json().get("failure_policy").asString()).isEqualTo("closed");
        assertThat(token.json().get("timeout").asString()).isEqualTo("2s");
        assertThat(token.json().get("stale_for").asString()).isEqualTo("5m");
        assertThat(token.json().get("settings").get("keys").get("k1").asString())
                .isEqualTo(SECRET);
        assertThat(api.version()).isGreaterThan(before);

        Answer http = api.call(PUT, "/api/v1/auth-backends/http-1", key, HTTP_BACKEND);
        assertThat(http.status()).as(http.body()).isEqualTo(201);
        Answer acl = api.call(PUT, "/api/v1/auth-backends/acl", key, ACL_BACKEND);
        assertThat(acl.status()).as(acl.body()).isEqualTo(201);
        assertThat(acl.json().get("failure_policy").asString()).isEqualTo("open");
        assertThat(acl.json().get("timeout").asString()).isEqualTo("500ms");
        assertThat(acl.json().get("stale_for").asString()).isEqualTo("0s");

        long beforeReplace = api.version();
        Answer replaced = api.call(
                PUT,
                "/api/v1/auth-backends/acl",
                key,
                "{\"type\": \"acl\", \"settings\": {\"deny_user_agents\": [\"curl\"]}}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("created_at").asString())
                .isEqualTo(acl.json().get("created_at").asString());
        assertThat(replaced.json().get("failure_policy").asString()).isEqualTo("closed");
        assertThat(api.version()).isGreaterThan(beforeReplace);

        Answer one = api.call(GET, "/api/v1/auth-backends/acl", key, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("settings").get("deny_user_agents").get(0).asString())
                .isEqualTo("curl");
        Answer list = api.call(GET, "/api/v1/auth-backends", key, null);
        assertThat(names(list.json().get("auth_backends"))).containsExactly("acl", "http-1", "tok");

        long beforeDelete = api.version();
        assertThat(api.call(DELETE, "/api/v1/auth-backends/acl", key, null).status())
                .isEqualTo(204);
        assertThat(api.version()).isGreaterThan(beforeDelete);
        Answer gone = api.call(GET, "/api/v1/auth-backends/acl", key, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.problemType()).isEqualTo("https://streamgate.io/problems/not-found");
        assertThat(api.call(DELETE, "/api/v1/auth-backends/acl", key, null).status())
                .isEqualTo(404);
        assertThat(rows(project.get("id").asString())).isEqualTo(2);
    }

    @Test
    void badBackendsAreRejectedNamingTheFieldAndNothingIsStored() throws Exception {
        JsonNode project = api.createProject("bad-backends", List.of());
        String key = project.get("api_key").asString();
        long version = api.version();

        record Bad(String body, String field) {}
        for (Bad bad : List.of(
                new Bad("{\"type\": \"nope\"}", "type"),
                new Bad("{\"settings\": {}}", "type"),
                new Bad("{\"type\": \"token\", \"settings\": {\"keys\": {\"k1\": \"short\"}}}", "settings.keys.k1"),
                new Bad(
                        "{\"type\": \"token\", \"settings\": {\"keys\": {\"k1\": \"" + SECRET + "\"}, \"colour\": 1}}",
                        "settings.colour"),
                new Bad("{\"type\": \"token\", \"settings\": {}}", "settings.keys"),
                new Bad("{\"type\": \"acl\", \"settings\": {}}", "settings.allow_ips"),
                new Bad("{\"type\": \"acl\", \"settings\": {\"allow_ips\": [\"not-an-ip\"]}}", "settings.allow_ips[0]"),
                new Bad("{\"type\": \"http\", \"settings\": {\"url\": \"ftp://x\"}}", "settings.url"),
                new Bad("{\"type\": \"http\", \"settings\": {}}", "settings.url"),
                new Bad("{\"type\": \"acl\", \"failure_policy\": \"maybe\"}", "failure_policy"),
                new Bad("{\"type\": \"acl\", \"timeout\": \"20s\"}", "timeout"),
                new Bad("{\"type\": \"acl\", \"timeout\": \"50ms\"}", "timeout"),
                new Bad("{\"type\": \"acl\", \"timeout\": \"soon\"}", "timeout"),
                new Bad("{\"type\": \"acl\", \"stale_for\": \"25h\"}", "stale_for"),
                new Bad("{\"type\": \"acl\", \"colour\": \"red\"}", "colour"),
                new Bad("{\"type\": \"acl\", \"settings\": \"x\"}", "settings"),
                new Bad("not json", "body"))) {
            Answer answer = api.call(PUT, "/api/v1/auth-backends/b", key, bad.body());
            assertThat(answer.status()).as(bad.body() + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.field()).as(bad.body() + " -> " + answer.body()).isEqualTo(bad.field());
            assertThat(answer.json().get("detail").asString()).as(answer.body()).contains(bad.field());
        }
        Answer unknownType = api.call(PUT, "/api/v1/auth-backends/b", key, "{\"type\": \"nope\"}");
        assertThat(unknownType.problemType()).isEqualTo("https://streamgate.io/problems/invalid-field");
        assertThat(unknownType.json().get("detail").asString()).contains("token", "http", "acl", "jwt");
        for (String raw : List.of("a%2Fb", "a/b", "-a", "x".repeat(65))) {
            Answer answer = api.call(PUT, "/api/v1/auth-backends/" + raw, key, TOKEN_BACKEND);
            assertThat(answer.status()).as(raw).isEqualTo(400);
            assertThat(answer.problemType()).isEqualTo("https://streamgate.io/problems/invalid-name");
            assertThat(answer.field()).isEqualTo("name");
        }
        assertThat(rows(project.get("id").asString())).isZero();
        assertThat(api.version()).isEqualTo(version);
    }

    @Test
    void chainsNameExistingBackendsAndBackendsInUseAreNotDeleted() throws Exception {
        JsonNode project = api.createProject("chains", List.of());
        String key = project.get("api_key").asString();
        String projectId = project.get("id").asString();
        assertThat(api.call(PUT, "/api/v1/auth-backends/tok", key, TOKEN_BACKEND)
                        .status())
                .isEqualTo(201);
        assertThat(api.call(PUT, "/api/v1/auth-backends/acl", key, ACL_BACKEND).status())
                .isEqualTo(201);

        Answer plain = api.call(PUT, "/api/v1/streams/plain", key, STREAM);
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().has("auth_chain")).isTrue();
        assertThat(plain.json().get("auth_chain").isNull()).isTrue();
        Answer chained = api.call(
                PUT,
                "/api/v1/streams/live",
                key,
                "{\"inputs\": [{\"url\": \"fake://x\"}], \"auth_chain\": [\"acl\", \"tok\"]}");
        assertThat(chained.status()).as(chained.body()).isEqualTo(201);
        assertThat(names(chained.json().get("auth_chain"))).containsExactly("acl", "tok");
        Answer open = api.call(
                PUT, "/api/v1/streams/open", key, "{\"inputs\": [{\"url\": \"fake://x\"}], \"auth_chain\": []}");
        assertThat(open.status()).isEqualTo(201);
        assertThat(open.json().get("auth_chain")).isEmpty();

        long version = api.version();
        record Bad(String chain, String field) {}
        for (Bad bad : List.of(
                new Bad("[\"tok\", \"missing\"]", "auth_chain[1]"),
                new Bad("[\"tok\", \"tok\"]", "auth_chain[1]"),
                new Bad("[\"bad/name\"]", "auth_chain[0]"),
                new Bad("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]", "auth_chain"),
                new Bad("\"tok\"", "auth_chain"))) {
            Answer answer = api.call(
                    PUT,
                    "/api/v1/streams/other",
                    key,
                    "{\"inputs\": [{\"url\": \"fake://x\"}], \"auth_chain\": " + bad.chain() + "}");
            assertThat(answer.status()).as(bad.chain()).isEqualTo(400);
            assertThat(answer.field()).as(answer.body()).isEqualTo(bad.field());
            Answer defaultChain =
                    api.call(PUT, "/api/v1/project/default-auth-chain", key, "{\"auth_chain\": " + bad.chain() + "}");
            assertThat(defaultChain.status()).as(bad.chain()).isEqualTo(400);
            assertThat(defaultChain.field()).as(defaultChain.body()).isEqualTo(bad.field());
        }
        assertThat(api.call(GET, "/api/v1/streams/other", key, null).status()).isEqualTo(404);
        assertThat(api.version()).isEqualTo(version);

        Answer mine = api.call(GET, "/api/v1/project", key, null);
        assertThat(mine.json().get("id").asString()).isEqualTo(projectId);
        assertThat(mine.json().get("name").asString()).isEqualTo("chains");
        assertThat(mine.json().get("default_auth_chain")).isEmpty();
        Answer setDefault = api.call(PUT, "/api/v1/project/default-auth-chain", key, "{\"auth_chain\": [\"tok\"]}");
        assertThat(setDefault.status()).as(setDefault.body()).isEqualTo(200);
        assertThat(names(setDefault.json().get("default_auth_chain"))).containsExactly("tok");
        assertThat(api.version()).isGreaterThan(version);
        assertThat(names(api.call(GET, "/api/v1/project", key, null).json().get("default_auth_chain")))
                .containsExactly("tok");

        Answer inUse = api.call(DELETE, "/api/v1/auth-backends/tok", key, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.problemType()).isEqualTo("https://streamgate.io/problems/auth-backend-in-use");
        assertThat(inUse.json().get("detail").asString()).contains("stream 'live'", "project default chain");
        Answer aclInUse = api.call(DELETE, "/api/v1/auth-backends/acl", key, null);
        assertThat(aclInUse.status()).isEqualTo(409);
        assertThat(aclInUse.json().get("detail").asString())
                .contains("stream 'live'")
                .doesNotContain("project default chain");
        assertThat(rows(projectId)).isEqualTo(2);

        JsonNode snapshot = api.snapshot();
        JsonNode projectEntry = find(snapshot.get("projects"), "id", projectId);
        assertThat(names(projectEntry.get("default_auth_chain"))).containsExactly("tok");
        JsonNode live = null;
        JsonNode plainEntry = null;
        for (JsonNode stream : snapshot.get("streams")) {
            if (stream.get("project_id").asString().equals(projectId)) {
                if (stream.get("name").asString().equals("live")) {
                    live = stream;
                } else if (stream.get("name").asString().equals("plain")) {
                    plainEntry = stream;
                }
            }
        }
        assertThat(names(live.get("auth_chain"))).containsExactly("acl", "tok");
        assertThat(plainEntry.get("auth_chain") == null
                        || plainEntry.get("auth_chain").isNull())
                .isTrue();
        List<JsonNode> backends = new ArrayList<>();
        snapshot.get("auth_backends").forEach(b -> {
            if (b.get("project_id").asString().equals(projectId)) {
                backends.add(b);
            }
        });
        assertThat(backends).extracting(b -> b.get("name").asString()).containsExactly("acl", "tok");
        JsonNode acl = backends.get(0);
        assertThat(acl.get("type").asString()).isEqualTo("acl");
        assertThat(acl.get("settings").get("allow_ips").get(0).asString()).isEqualTo("10.0.0.0/8");
        assertThat(acl.get("failure_policy").asString()).isEqualTo("OPEN");
        assertThat(acl.get("timeout_millis").asLong()).isEqualTo(500);
        assertThat(acl.get("stale_for_millis").asLong()).isZero();
        assertThat(backends.get(1).get("settings").get("keys").get("k1").asString())
                .isEqualTo(SECRET);

        // Once no chain names it, the backend can go.
        assertThat(api.call(PUT, "/api/v1/project/default-auth-chain", key, "{\"auth_chain\": []}")
                        .status())
                .isEqualTo(200);
        assertThat(api.call(PUT, "/api/v1/streams/live", key, STREAM).status()).isEqualTo(200);
        assertThat(api.call(DELETE, "/api/v1/auth-backends/tok", key, null).status())
                .isEqualTo(204);
    }

    @Test
    void signedLinksAreAcceptedByTheTokenPluginForTheirStreamOnly() {
        String domain = "play-" + random() + ".example.tv";
        JsonNode project = api.createProject("links", List.of(domain));
        String key = project.get("api_key").asString();
        String projectId = project.get("id").asString();
        assertThat(api.call(PUT, "/api/v1/auth-backends/tok", key, TOKEN_BACKEND)
                        .status())
                .isEqualTo(201);
        assertThat(api.call(PUT, "/api/v1/auth-backends/acl", key, ACL_BACKEND).status())
                .isEqualTo(201);
        assertThat(api.call(PUT, "/api/v1/streams/live", key, STREAM).status()).isEqualTo(201);

        Answer minted = api.call(
                POST, "/api/v1/streams/live/signed-links", key, "{\"backend\": \"tok\", \"expires_in\": \"10m\"}");
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        String token = minted.json().get("token").asString();
        Instant expiresAt = Instant.parse(minted.json().get("expires_at").asString());
        assertThat(expiresAt)
                .isBetween(Instant.now().plusSeconds(500), Instant.now().plusSeconds(700));
        List<String> urls = names(minted.json().get("urls"));
        assertThat(urls).hasSize(2);
        assertThat(urls.get(0)).startsWith("http://" + domain + "/live/index.m3u8?token=");
        assertThat(urls.get(1)).startsWith("/" + projectId + "_live/index.m3u8?token=");

        GuardedAuthBackend backend = guard.guard(new AuthBackendDefinition(
                projectId,
                "tok",
                "token",
                Settings.of(Map.of("keys", Map.of("k1", SECRET))),
                FailurePolicy.CLOSED,
                null,
                null));
        StepVerifier.create(backend.check(play(projectId, "live", token)))
                .assertNext(decision -> assertThat(decision).isInstanceOf(AuthDecision.Allow.class))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(backend.check(play(projectId, "other", token)))
                .assertNext(decision -> assertThat(decision).isInstanceOf(AuthDecision.Deny.class))
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        Answer bound = api.call(
                POST, "/api/v1/streams/live/signed-links", key, "{\"backend\": \"tok\", \"ip\": \"198.51.100.0/24\"}");
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        StepVerifier.create(backend.check(
                        play(projectId, "live", bound.json().get("token").asString())))
                .assertNext(decision -> assertThat(decision).isInstanceOf(AuthDecision.Deny.class))
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        record Bad(String path, String body, int status, String field) {}
        for (Bad bad : List.of(
                new Bad("live", "{\"backend\": \"acl\"}", 400, "backend"),
                new Bad("live", "{\"backend\": \"missing\"}", 400, "backend"),
                new Bad("live", "{}", 400, "backend"),
                new Bad("live", "{\"backend\": \"tok\", \"ip\": \"nope\"}", 400, "ip"),
                new Bad("live", "{\"backend\": \"tok\", \"expires_in\": \"10s\"}", 400, "expires_in"),
                new Bad("live", "{\"backend\": \"tok\", \"expires_in\": \"25h\"}", 400, "expires_in"),
                new Bad("live", "{\"backend\": \"tok\", \"colour\": 1}", 400, "colour"),
                new Bad("missing", "{\"backend\": \"tok\"}", 404, null))) {
            Answer answer = api.call(POST, "/api/v1/streams/" + bad.path() + "/signed-links", key, bad.body());
            assertThat(answer.status()).as(bad.body() + " -> " + answer.body()).isEqualTo(bad.status());
            if (bad.field() != null) {
                assertThat(answer.field()).as(answer.body()).isEqualTo(bad.field());
            }
        }
    }

    @Test
    void projectsCannotSeeUseMintWithOrDeleteAnothersBackends() throws Exception {
        JsonNode a = api.createProject("tenant-a", List.of());
        JsonNode b = api.createProject("tenant-b", List.of());
        String keyA = a.get("api_key").asString();
        String keyB = b.get("api_key").asString();
        assertThat(api.call(PUT, "/api/v1/auth-backends/tok", keyA, TOKEN_BACKEND)
                        .status())
                .isEqualTo(201);
        assertThat(api.call(PUT, "/api/v1/streams/live", keyB, STREAM).status()).isEqualTo(201);

        Answer foreign = api.call(GET, "/api/v1/auth-backends/tok", keyB, null);
        Answer missing = api.call(GET, "/api/v1/auth-backends/nothing", keyB, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace("nothing", "tok"));
        assertThat(api.call(GET, "/api/v1/auth-backends", keyB, null).json().get("auth_backends"))
                .isEmpty();

        Answer chain = api.call(
                PUT,
                "/api/v1/streams/live",
                keyB,
                "{\"inputs\": [{\"url\": \"fake://x\"}], \"auth_chain\": [\"tok\"]}");
        Answer chainMissing = api.call(
                PUT,
                "/api/v1/streams/live",
                keyB,
                "{\"inputs\": [{\"url\": \"fake://x\"}], \"auth_chain\": [\"nothing\"]}");
        assertThat(chain.status()).isEqualTo(400);
        assertThat(chain.field()).isEqualTo("auth_chain[0]");
        assertThat(chain.json().get("detail").asString())
                .isEqualTo(chainMissing.json().get("detail").asString().replace("nothing", "tok"));
        Answer defaultChain = api.call(PUT, "/api/v1/project/default-auth-chain", keyB, "{\"auth_chain\": [\"tok\"]}");
        assertThat(defaultChain.status()).isEqualTo(400);
        assertThat(defaultChain.field()).isEqualTo("auth_chain[0]");

        Answer mint = api.call(POST, "/api/v1/streams/live/signed-links", keyB, "{\"backend\": \"tok\"}");
        Answer mintMissing = api.call(POST, "/api/v1/streams/live/signed-links", keyB, "{\"backend\": \"nothing\"}");
        assertThat(mint.status()).isEqualTo(400);
        assertThat(mint.field()).isEqualTo("backend");
        assertThat(mint.json().get("detail").asString())
                .isEqualTo(mintMissing.json().get("detail").asString().replace("nothing", "tok"));

        Answer delete = api.call(DELETE, "/api/v1/auth-backends/tok", keyB, null);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(api.call(GET, "/api/v1/auth-backends/tok", keyA, null).status())
                .isEqualTo(200);
        assertThat(rows(a.get("id").asString())).isEqualTo(1);
        assertThat(rows(b.get("id").asString())).isZero();
    }

    private static PlayRequest play(String projectId, String stream, String token) {
        return new PlayRequest(projectId, stream, "203.0.113.7", token, null, null, "hls", "session-1");
    }

    static long rows(String projectId) throws Exception {
        try (Connection connection = TestServers.jdbc(SCHEMA);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM auth_backends WHERE project_id = ?")) {
            statement.setLong(1, Long.parseLong(projectId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.isObject() ? node.get("name").asString() : node.asString()));
        return out;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    private static String random() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
