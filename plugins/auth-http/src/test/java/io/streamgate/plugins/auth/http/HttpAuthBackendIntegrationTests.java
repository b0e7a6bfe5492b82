package io.streamgate.plugins.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import reactor.test.StepVerifier;

/**
 * The packaged plugin jar, loaded through a real PF4J manager, asking a real HTTP server that plays the operator's
 * authorization service.
 */
@Tag("integration")
class HttpAuthBackendIntegrationTests {

    private static final Path JAR = Path.of("target", "auth-http-0.1.0-SNAPSHOT.jar");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PlayRequest REQUEST =
            new PlayRequest("1001", "cam1", "203.0.113.7", "tok en", "https://site/", "VLC/3", "hls", "s-1");

    @TempDir
    static Path pluginsRoot;

    private static PluginManager plugins;
    private static AuthBackendFactory factory;
    private static HttpServer service;
    private static final BlockingQueue<Seen> SEEN = new LinkedBlockingQueue<>();

    record Seen(String method, String query, String body, String contentType, String apiKey) {}

    @BeforeAll
    static void loadPluginAndStartService() throws IOException {
        Files.copy(JAR, pluginsRoot.resolve(JAR.getFileName()));
        PluginJarManager manager = new PluginJarManager(pluginsRoot);
        manager.loadPlugins();
        manager.startPlugins();
        plugins = manager;
        // By plugin id: this module's own classes on the test class path also carry an index PF4J would read.
        factory = manager.getExtensions(AuthBackendFactory.class, "auth-http").stream()
                .filter(f -> f.type().equals("http"))
                .findFirst()
                .orElseThrow();

        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext(
                "/allow",
                exchange -> answer(
                        exchange, 200, Map.of("X-AuthDuration", "120", "X-UserId", "user-42", "X-Max-Sessions", "2")));
        service.createContext("/deny", exchange -> answer(exchange, 403, Map.of("X-AuthDuration", "7")));
        service.createContext("/redirect", exchange -> answer(exchange, 302, Map.of("Location", "/allow")));
        service.createContext("/broken", exchange -> answer(exchange, 500, Map.of()));
        service.start();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        SEEN.clear();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop(0);
        }
        if (plugins != null) {
            plugins.unloadPlugins();
        }
    }

    @Test
    void theJarIsAStartedPluginWithAnExtensionIndex() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(HttpAuthBackendFactory.class.getName());
            }
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("auth-http");
        }
        PluginWrapper plugin = plugins.getPlugin("auth-http");
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        // Loaded from the jar, not from this module's classes on the test class path.
        assertThat(factory.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
    }

    @Test
    void getCarriesTheParametersAndA200AllowsForTheServicesDuration() throws InterruptedException {
        AuthBackend backend = backend("/allow?key=abc", "GET");

        StepVerifier.create(backend.check(REQUEST))
                .expectNext(new AuthDecision.Allow(Duration.ofSeconds(120), "user-42", 2))
                .expectComplete()
                .verify(WAIT);

        Seen seen = SEEN.poll(5, TimeUnit.SECONDS);
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.query())
                .isEqualTo("key=abc&name=cam1&ip=203.0.113.7&token=tok+en&referer=https%3A%2F%2Fsite%2F"
                        + "&user_agent=VLC%2F3&proto=hls&session_id=s-1&project=1001");
        assertThat(seen.apiKey()).isEqualTo("k-1");
    }

    @Test
    void postCarriesAJsonBody() throws InterruptedException {
        AuthBackend backend = backend("/allow", "POST");

        StepVerifier.create(backend.check(REQUEST))
                .expectNext(new AuthDecision.Allow(Duration.ofSeconds(120), "user-42", 2))
                .expectComplete()
                .verify(WAIT);

        Seen seen = SEEN.poll(5, TimeUnit.SECONDS);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.query()).isNull();
        assertThat(seen.contentType()).isEqualTo("application/json");
        assertThat(seen.body())
                .isEqualTo(
                        "{\"name\":\"cam1\",\"ip\":\"203.0.113.7\",\"token\":\"tok en\",\"referer\":\"https://site/\","
                                + "\"user_agent\":\"VLC/3\",\"proto\":\"hls\",\"session_id\":\"s-1\",\"project\":\"1001\"}");
    }

    @Test
    void a403DeniesForTheServicesDuration() {
        StepVerifier.create(backend("/deny", "GET").check(REQUEST))
                .expectNext(AuthDecision.deny("auth service answered 403", Duration.ofSeconds(7)))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aRedirectDeniesAndIsNotFollowed() throws InterruptedException {
        StepVerifier.create(backend("/redirect", "GET").check(REQUEST))
                .expectNext(AuthDecision.deny("auth service answered 302", Duration.ofSeconds(30)))
                .expectComplete()
                .verify(WAIT);
        assertThat(SEEN.poll(5, TimeUnit.SECONDS)).isNotNull();
        // Only the redirecting endpoint was asked; the answer is in, so a followed redirect would have arrived.
        assertThat(SEEN).isEmpty();
    }

    @Test
    void a500Denies() {
        StepVerifier.create(backend("/broken", "POST").check(REQUEST))
                .expectNext(AuthDecision.deny("auth service answered 500", Duration.ofSeconds(30)))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aRefusedConnectionIsAnError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AuthBackend backend = factory.create(
                Settings.of(Map.of("url", "http://127.0.0.1:" + closedPort + "/allow")),
                new TestContext(TestHttpCaller.allowingLoopback()));

        StepVerifier.create(backend.check(REQUEST))
                .expectError(IOException.class)
                .verify(WAIT);
    }

    @Test
    void theHostGuardRefusesLoopbackAtSave() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory.create(
                        Settings.of(Map.of(
                                "url",
                                "http://127.0.0.1:" + service.getAddress().getPort() + "/allow")),
                        new TestContext(TestHttpCaller.guarded())))
                .isInstanceOf(io.streamgate.plugin.api.InvalidSettingsException.class)
                .hasMessageStartingWith("url:");
    }

    private static AuthBackend backend(String path, String method) {
        String url = "http://127.0.0.1:" + service.getAddress().getPort() + path;
        return factory.create(
                Settings.of(Map.of("url", url, "method", method, "headers", Map.of("X-Api-Key", "k-1"))),
                new TestContext(TestHttpCaller.allowingLoopback()));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        SEEN.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawQuery(),
                body,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("X-Api-Key")));
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
