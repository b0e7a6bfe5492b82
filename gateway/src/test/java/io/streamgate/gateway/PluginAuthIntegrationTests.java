package io.streamgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.FailurePolicy;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.SignedLinkIssuer;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.loading.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Auth chains and protocols from the real plugin jars, against real auth services on local sockets. */
@Tag("integration")
// Each class runs its own gateway against its own fakes: close it afterwards so its pollers and timers do not
// keep running beside the next class's gateway.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginAuthIntegrationTests {

    static final long A = 101;
    static final long B = 202;
    static final long C = 303;
    static final String HOST_A = "a.test";
    static final String HOST_B = "b.test";
    static final String HOST_C = "c.test";
    static final String ADMIN_TOKEN = "admin-secret-for-tests";
    static final Map<String, Object> TOKEN_SETTINGS =
            Map.of("keys", Map.of("k1", "secret-one-0123456789", "k2", "secret-two-0123456789"), "active_key", "k1");
    static final List<String> STREAMS_A =
            List.of("tok", "other", "web", "hang1", "hang2", "flaky", "dash", "wd1", "wd2");

    static final AuthService AUTH_A = new AuthService();
    static final AuthService AUTH_B = new AuthService();
    static final AuthService FLAKY = new AuthService();
    static final FakeStreamer S1 = live(new FakeStreamer());
    static final AtomicLong VERSION = new AtomicLong(1);
    static final FakeControlApi CONTROL = new FakeControlApi(snapshot(false));
    static final Path PLUGINS = pluginsFolder();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    SnapshotStore snapshots;

    @Autowired
    LiveMap liveMap;

    @Autowired
    PluginHost host;

    static FakeStreamer live(FakeStreamer streamer) {
        STREAMS_A.forEach(name -> streamer.live(A + "_" + name, 0));
        streamer.live(B + "_bweb", 0);
        Stream.of("d", "open", "allowed").forEach(name -> streamer.live(C + "_" + name, 0));
        return streamer;
    }

    static ConfigSnapshot snapshot(boolean weekday) {
        List<String> localhost = List.of("127.0.0.0/8", "::1/128");
        List<AuthBackendEntry> backends = new ArrayList<>(List.of(
                backend(A, "tok", "token", TOKEN_SETTINGS, FailurePolicy.CLOSED, 1000, 0),
                backend(A, "web", "http", Map.of("url", AUTH_A.url("/auth")), FailurePolicy.CLOSED, 2000, 60_000),
                backend(A, "hang-open", "http", Map.of("url", AUTH_A.url("/hang")), FailurePolicy.OPEN, 300, 0),
                backend(A, "hang-closed", "http", Map.of("url", AUTH_A.url("/hang")), FailurePolicy.CLOSED, 300, 0),
                backend(A, "flaky", "http", Map.of("url", FLAKY.url("/auth")), FailurePolicy.CLOSED, 1000, 60_000),
                backend(B, "web", "http", Map.of("url", AUTH_B.url("/auth")), FailurePolicy.CLOSED, 2000, 60_000),
                backend(C, "deny-local", "acl", Map.of("deny_ips", localhost), FailurePolicy.CLOSED, 1000, 0),
                backend(C, "allow-local", "acl", Map.of("allow_ips", localhost), FailurePolicy.CLOSED, 1000, 0)));
        List<StreamEntry> streams = new ArrayList<>(List.of(
                stream(A, "tok", List.of("tok")),
                stream(A, "other", List.of()),
                stream(A, "web", List.of("web")),
                stream(A, "hang1", List.of("hang-open")),
                stream(A, "hang2", List.of("hang-closed")),
                stream(A, "flaky", List.of("flaky")),
                stream(A, "dash", List.of()),
                stream(B, "bweb", List.of("web")),
                stream(C, "d", null),
                stream(C, "open", List.of()),
                stream(C, "allowed", List.of("allow-local"))));
        if (weekday) {
            DayOfWeek today = LocalDate.now(ZoneOffset.UTC).getDayOfWeek();
            backends.add(backend(
                    A, "today", "weekday", Map.of("days", List.of(today.name())), FailurePolicy.CLOSED, 1000, 0));
            backends.add(backend(
                    A,
                    "tomorrow",
                    "weekday",
                    Map.of("days", List.of(today.plus(1).name())),
                    FailurePolicy.CLOSED,
                    1000,
                    0));
            streams.add(stream(A, "wd1", List.of("today")));
            streams.add(stream(A, "wd2", List.of("tomorrow")));
        }
        return new ConfigSnapshot(
                VERSION.getAndIncrement(),
                List.of(
                        new ProjectEntry(A, "a", List.of(HOST_A), ProjectStatus.ACTIVE),
                        new ProjectEntry(B, "b", List.of(HOST_B), ProjectStatus.ACTIVE),
                        new ProjectEntry(C, "c", List.of(HOST_C), ProjectStatus.ACTIVE, List.of("deny-local"))),
                List.of(new StreamerEntry(1, "s1", S1.baseUrl())),
                streams,
                backends);
    }

    static AuthBackendEntry backend(
            long project,
            String name,
            String type,
            Map<String, Object> settings,
            FailurePolicy policy,
            long timeout,
            long staleFor) {
        return new AuthBackendEntry(project, name, type, settings, policy, timeout, staleFor);
    }

    static StreamEntry stream(long project, String name, List<String> chain) {
        return new StreamEntry(project, name, PlaybackMode.REWRITE, List.of(1L), chain);
    }

    /** Its own copy of the built-in jars, so dropping a jar in here leaves the shared folder alone. */
    static Path pluginsFolder() {
        try {
            Path folder = Files.createTempDirectory("gateway-plugins-it");
            try (Stream<Path> jars = Files.list(Path.of("target/plugins"))) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, folder.resolve(jar.getFileName()));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String file = Files.createTempDirectory("gateway-plugin-it")
                .resolve("snapshot.json")
                .toString();
        registry.add("management.server.port", () -> "0");
        registry.add("streamgate.gateway.snapshot.control-url", CONTROL::url);
        registry.add("streamgate.gateway.snapshot.token", () -> FakeControlApi.TOKEN);
        registry.add("streamgate.gateway.snapshot.redis-url", () -> "");
        registry.add("streamgate.gateway.snapshot.sync-interval", () -> "200ms");
        registry.add("streamgate.gateway.snapshot.file", () -> file);
        registry.add("streamgate.gateway.signing.keys", () -> FakeStreamer.KEYS);
        registry.add("streamgate.gateway.live.poll-interval", () -> "200ms");
        registry.add("streamgate.gateway.live.timeout", () -> "150ms");
        registry.add("streamgate.gateway.plugins.folder", PLUGINS::toString);
        registry.add("streamgate.gateway.plugins.allow-private-targets", () -> "true");
        registry.add("streamgate.gateway.admin.token", () -> ADMIN_TOKEN);
    }

    @AfterAll
    static void stopServers() {
        CONTROL.close();
        S1.close();
        AUTH_A.close();
        AUTH_B.close();
        FLAKY.close();
    }

    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestHttp.get("http://127.0.0.1:" + managementPort + "/actuator/health")
                                .status())
                        .isEqualTo(200));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(liveMap.streamersOf("101_tok")).hasSize(1));
    }

    // --- admin ---

    @Test
    @Order(1)
    void theAdminApiListsTheBuiltInsOnTheManagementPortOnlyAndWantsTheToken() {
        assertThat(TestHttp.get(port, HOST_A, "/admin/v1/plugins").status()).isEqualTo(404);
        assertThat(TestHttp.get(port, "localhost", "/admin/v1/plugins").status())
                .isEqualTo(404);
        String plugins = "http://127.0.0.1:" + managementPort + "/admin/v1/plugins";
        assertThat(TestHttp.get(plugins).status()).isEqualTo(401);
        assertThat(admin(HttpMethod.GET, plugins, "Bearer wrong").status()).isEqualTo(401);
        assertThat(admin(HttpMethod.POST, plugins + "/reload", null).status()).isEqualTo(401);

        TestHttp.Response listed = admin(HttpMethod.GET, plugins, "Bearer " + ADMIN_TOKEN);
        assertThat(listed.status()).isEqualTo(200);
        for (String id : List.of(
                "auth-token",
                "auth-acl",
                "auth-http",
                "auth-jwt",
                "protocol-hls",
                "protocol-dash",
                "driver-flussonic")) {
            assertThat(listed.text()).contains("\"id\":\"" + id + "\"");
        }
        assertThat(listed.text())
                .doesNotContain("REFUSED")
                .doesNotContain("FAILED")
                .doesNotContain("weekday");
        assertThat(host.plugins()).hasSize(7);
    }

    // --- token ---

    @Test
    void aLinkMintedByTheTokenPluginPlaysAndEveryTamperedOneIs403() {
        SignedLinkIssuer issuer = snapshots
                .current()
                .authChains()
                .chainOf(snapshots.current().stream(A, "tok"))
                .backends()
                .get(0)
                .signedLinkIssuer()
                .orElseThrow();
        Instant now = Instant.now();
        String token = issuer.issue("tok", now.plusSeconds(3600), null);

        assertThat(play(HOST_A, "/tok/index.m3u8?token=" + token).status()).isEqualTo(200);
        assertThat(play(HOST_A, "/tok/index.m3u8?mode=redirect&token=" + token).status())
                .isEqualTo(302);

        String[] parts = token.split("\\.");
        List<String> denied = new ArrayList<>();
        denied.add(join(parts, 0, "v2"));
        denied.add(join(parts, 1, "k2"));
        denied.add(join(parts, 2, Long.toString(Long.parseLong(parts[2]) + 1)));
        denied.add(join(
                parts,
                3,
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("127.0.0.2".getBytes(StandardCharsets.ISO_8859_1))));
        denied.add(join(parts, 4, (parts[4].charAt(0) == 'A' ? "B" : "A") + parts[4].substring(1)));
        denied.add(issuer.issue("other", now.plusSeconds(3600), null));
        denied.add(issuerFor("202", TOKEN_SETTINGS, Clock.systemUTC()).issue("tok", now.plusSeconds(3600), null));
        denied.add(issuerFor("101", TOKEN_SETTINGS, Clock.fixed(now.minusSeconds(7200), ZoneOffset.UTC))
                .issue("tok", now.minusSeconds(3600), null));
        denied.add(issuerFor("101", Map.of("keys", Map.of("k0", "retired-secret-0123456")), Clock.systemUTC())
                .issue("tok", now.plusSeconds(3600), null));
        denied.add("");

        TestHttp.Response first = play(HOST_A, "/tok/index.m3u8");
        assertThat(first.status()).isEqualTo(403);
        assertThat(first.body()).isEmpty();
        for (String bad : denied) {
            TestHttp.Response response = play(HOST_A, "/tok/index.m3u8?token=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(403);
            assertThat(response.body()).as(bad).isEmpty();
            assertThat(response.headers().entries().toString())
                    .isEqualTo(first.headers().entries().toString());
        }
        // Child paths through the gateway are checked too: no signed redirect without a good token.
        assertThat(play(HOST_A, "/tok/tracks-v1/index.m3u8").status()).isEqualTo(403);
        assertThat(play(HOST_A, "/tok/tracks-v1/index.m3u8?token=" + token).status())
                .isEqualTo(302);
    }

    private SignedLinkIssuer issuerFor(String project, Map<String, Object> settings, Clock clock) {
        AuthGuard guard = new AuthGuard(host, host.http(), clock, AuthGuardSettings.defaults());
        return guard.guard(new AuthBackendDefinition(
                        project,
                        "tok",
                        "token",
                        Settings.of(settings),
                        io.streamgate.plugin.host.auth.FailurePolicy.CLOSED,
                        null,
                        null))
                .signedLinkIssuer()
                .orElseThrow();
    }

    private static String join(String[] parts, int index, String replacement) {
        String[] copy = parts.clone();
        copy[index] = replacement;
        return String.join(".", copy);
    }

    // --- http ---

    @Test
    void theHttpBackendAllowsAndDeniesAsTheServiceSays() {
        TestHttp.Response allowed = play(HOST_A, "/web/index.m3u8?token=good-" + UUID.randomUUID());
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.text()).contains(S1.baseUrl() + "/101_web/tracks-v1/index.m3u8?sg_kid=k1&");
        TestHttp.Response denied = play(HOST_A, "/web/index.m3u8?token=bad-" + UUID.randomUUID());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEmpty();

        Map<String, String> seen = AUTH_A.calls.stream()
                .filter(call -> call.getOrDefault("token", "").startsWith("good-"))
                .findFirst()
                .orElseThrow();
        assertThat(seen)
                .containsEntry("name", "web")
                .containsEntry("project", "101")
                .containsEntry("proto", "hls");
        assertThat(seen.get("ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(seen.get("session_id")).isNotBlank();
    }

    @Test
    void concurrentIdenticalMasterRequestsCallTheServiceOnce() {
        String token = "burst-" + UUID.randomUUID();
        LoopResources players = LoopResources.create("burst-players", 2, true);
        ConnectionProvider connections = ConnectionProvider.builder("burst")
                // 100 identical requests all in flight while the service takes 300 ms to answer: they can only get
                // one call by joining it. 1,000 at once is proven in plugin-host's GuardedAuthBackendTests; here a
                // storm of 1,000 loopback connections stalled inside one test JVM (see the issue 3 note).
                .maxConnections(100)
                .pendingAcquireMaxCount(-1)
                .build();
        try {
            // The players' side on event loops of its own: sharing the gateway's loops inside one test JVM would
            // measure the test client's scheduling, not the gateway.
            HttpClient client = HttpClient.create(connections)
                    .runOn(players)
                    .headers(headers -> headers.set(HttpHeaderNames.HOST, HOST_A));
            List<Integer> statuses = Flux.range(0, 100)
                    .flatMap(
                            i -> client.get()
                                    .uri("http://127.0.0.1:" + port + "/web/index.m3u8?token=" + token)
                                    .responseSingle((response, body) -> body.asByteArray()
                                            .then(reactor.core.publisher.Mono.just(
                                                    response.status().code()))),
                            100)
                    .collectList()
                    .block(Duration.ofSeconds(60));
            assertThat(statuses).hasSize(100).containsOnly(200);
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(10));
            players.disposeLater().block(Duration.ofSeconds(10));
        }
        assertThat(AUTH_A.calls.stream()
                        .filter(call -> token.equals(call.get("token")))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aHangingServiceCostsTheTimeoutAndThenFollowsTheFailurePolicy() {
        assertThat(play(HOST_A, "/hang1/index.m3u8?token=x").status()).isEqualTo(200);
        TestHttp.Response closed = play(HOST_A, "/hang2/index.m3u8?token=x");
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.body()).isEmpty();
    }

    @Test
    void aServiceThatGoesDownKeepsServingItsLastGoodAnswer() throws Exception {
        String token = "good1s-" + UUID.randomUUID();
        assertThat(play(HOST_A, "/flaky/index.m3u8?token=" + token).status()).isEqualTo(200);
        FLAKY.close();
        Thread.sleep(1500); // past the answer's 1 s cache time, well within the backend's 60 s stale limit
        assertThat(play(HOST_A, "/flaky/index.m3u8?token=" + token).status()).isEqualTo(200);
        assertThat(play(HOST_A, "/flaky/index.m3u8?token=good-never-seen").status())
                .isEqualTo(403);
    }

    @Test
    void tenantBsBackendNeverSeesTenantAsRequests() {
        assertThat(play(HOST_A, "/web/index.m3u8?token=good-iso").status()).isEqualTo(200);
        assertThat(play("elsewhere.test", "/101_web/index.m3u8?token=good-iso2").status())
                .isEqualTo(200);
        assertThat(play(HOST_B, "/web/index.m3u8?token=good-iso").status()).isEqualTo(404);
        assertThat(play(HOST_B, "/bweb/index.m3u8?token=good-b").status()).isEqualTo(200);
        assertThat(AUTH_B.calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call).containsEntry("project", "202");
            assertThat(call.get("name")).isEqualTo("bweb");
        });
        assertThat(AUTH_A.calls).allSatisfy(call -> assertThat(call).containsEntry("project", "101"));
    }

    // --- acl and the project default ---

    @Test
    void theProjectDefaultChainAppliesWhenTheStreamNamesNoneAndAclDeniesByIp() {
        TestHttp.Response byDefault = play(HOST_C, "/d/index.m3u8");
        assertThat(byDefault.status()).isEqualTo(403);
        assertThat(byDefault.body()).isEmpty();
        assertThat(play(HOST_C, "/open/index.m3u8").status()).isEqualTo(200);
        assertThat(play(HOST_C, "/allowed/index.m3u8").status()).isEqualTo(200);
    }

    // --- dash ---

    @Test
    void dashManifestsAreRewrittenWithAbsoluteSignedUrlsAndSegmentsRedirect() {
        TestHttp.Response mpd = play(HOST_A, "/dash/index.mpd");
        assertThat(mpd.status()).isEqualTo(200);
        assertThat(mpd.header(HttpHeaderNames.CONTENT_TYPE)).startsWith("application/dash+xml");
        String body = mpd.text();
        assertThat(body)
                .contains("media=\"" + S1.baseUrl() + "/101_dash/video/$Number$.m4s?sg_kid=k1&amp;")
                .doesNotContain("old=1")
                .contains("<Representation id=\"v1\"");
        int start = body.indexOf("initialization=\"") + "initialization=\"".length();
        String init = body.substring(start, body.indexOf('"', start)).replace("&amp;", "&");
        assertThat(init).startsWith(S1.baseUrl() + "/101_dash/video/init.mp4?");
        assertThat(PlayerApiIntegrationTests.verify(S1, "101_dash", init)).isEqualTo(PlaybackSigner.Verification.VALID);

        TestHttp.Response segment = play(HOST_A, "/dash/video/1.m4s");
        assertThat(segment.status()).isEqualTo(302);
        assertThat(segment.header(HttpHeaderNames.LOCATION))
                .startsWith(S1.baseUrl() + "/101_dash/video/1.m4s?sg_kid=k1&");
        assertThat(play(HOST_A, "/dash/video/1.xyz").status()).isEqualTo(404);
    }

    // --- drop-in ---

    @Test
    @Order(Integer.MAX_VALUE)
    void aDroppedInPluginTakesEffectAfterAReload() throws Exception {
        Files.copy(
                Path.of("target/drop-in/weekday-auth.jar"),
                PLUGINS.resolve("weekday-auth.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        TestHttp.Response reloaded = admin(
                HttpMethod.POST,
                "http://127.0.0.1:" + managementPort + "/admin/v1/plugins/reload",
                "Bearer " + ADMIN_TOKEN);
        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.text()).contains("auth:weekday");

        ConfigSnapshot next = snapshot(true);
        CONTROL.set(next);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(snapshots.current().version()).isEqualTo(next.version()));
        assertThat(play(HOST_A, "/wd1/index.m3u8").status()).isEqualTo(200);
        TestHttp.Response otherDay = play(HOST_A, "/wd2/index.m3u8");
        assertThat(otherDay.status()).isEqualTo(403);
        assertThat(otherDay.body()).isEmpty();

        // Everything made from the previous plugins was rebuilt and still works.
        String token = snapshots
                .current()
                .authChains()
                .chainOf(snapshots.current().stream(A, "tok"))
                .backends()
                .get(0)
                .signedLinkIssuer()
                .orElseThrow()
                .issue("tok", Instant.now().plusSeconds(600), null);
        assertThat(play(HOST_A, "/tok/index.m3u8?token=" + token).status()).isEqualTo(200);
        assertThat(play(HOST_A, "/dash/index.mpd").status()).isEqualTo(200);
    }

    private TestHttp.Response play(String hostHeader, String path) {
        return TestHttp.get(port, hostHeader, path);
    }

    private static TestHttp.Response admin(HttpMethod method, String url, String authorization) {
        return TestHttp.exchange(
                method, url, null, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    /**
     * An operator's authorization service: token {@code good...} allows ({@code good1s...} for one second), anything
     * else denies; {@code burst...} answers after 300 ms so concurrent checks overlap; {@code /hang} never answers in
     * time.
     */
    static final class AuthService implements AutoCloseable {
        final Queue<Map<String, String>> calls = new ConcurrentLinkedQueue<>();
        private final HttpServer server;

        AuthService() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/auth", this::auth);
            server.createContext("/hang", exchange -> {
                calls.add(query(exchange));
                sleep(5000);
                respond(exchange, 200, null);
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void auth(HttpExchange exchange) throws IOException {
            Map<String, String> query = query(exchange);
            calls.add(query);
            String token = query.getOrDefault("token", "");
            if (token.startsWith("burst")) {
                sleep(300);
            }
            if (token.startsWith("good1s")) {
                respond(exchange, 200, "1");
            } else if (token.startsWith("good") || token.startsWith("burst")) {
                respond(exchange, 200, "30");
            } else {
                respond(exchange, 403, "30");
            }
        }

        private static void respond(HttpExchange exchange, int status, String cacheSeconds) throws IOException {
            if (cacheSeconds != null) {
                exchange.getResponseHeaders().set("X-AuthDuration", cacheSeconds);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }

        private static Map<String, String> query(HttpExchange exchange) {
            Map<String, String> out = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        out.put(
                                pair.substring(0, eq),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return out;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
