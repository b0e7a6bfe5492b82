package io.streamgate.plugins.driver.flussonic;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.RuntimeState.InputState;
import io.streamgate.plugin.api.driver.RuntimeState.StreamState;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * The packaged plugin jar, loaded through a real PF4J manager, driving a real HTTP server on port 0 that speaks the
 * Flussonic-style API (streamer-sim is a Spring application in another module; this test must not depend on it).
 */
@Tag("integration")
class FlussonicDriverIntegrationTests {

    private static final Path JAR = Path.of("target", "driver-flussonic-0.1.0-SNAPSHOT.jar");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String METRICS = "# TYPE streamer_collection_session_start_milliseconds gauge\n"
            + "streamer_collection_session_start_milliseconds{session_id=\"1763793600123-9f8e7d6c\"} 1763793600123\n"
            + "# TYPE streamer_stream_bytes_out_total counter\n"
            + "streamer_stream_bytes_out_total{stream=\"1_live\"} 123456\n"
            + "# TYPE streamer_stream_bytes_in_total counter\n"
            + "streamer_stream_bytes_in_total{stream=\"1_live\"} 0\n";

    @TempDir
    static Path pluginsRoot;

    private static PluginManager plugins;
    private static StreamerDriverFactory factory;
    private static HttpServer streamer;
    private static ExecutorService executor;
    private static URI base;

    /** Streams the fake streamer has, by name, as the JSON objects its list answers with. */
    private static final Map<String, String> STREAMS = new ConcurrentHashMap<>();

    private static final BlockingQueue<Seen> SEEN = new LinkedBlockingQueue<>();
    private static final AtomicReference<String> LIST_OVERRIDE = new AtomicReference<>();
    private static final AtomicReference<String> METRICS_BODY = new AtomicReference<>(METRICS);
    private static final AtomicInteger FAIL_WITH = new AtomicInteger();
    private static final AtomicReference<CountDownLatch> HOLD = new AtomicReference<>();

    record Seen(String method, String path, String contentType, String body) {}

    @BeforeAll
    static void loadPluginAndStartStreamer() throws IOException {
        Files.copy(JAR, pluginsRoot.resolve(JAR.getFileName()));
        PluginJarManager manager = new PluginJarManager(pluginsRoot);
        manager.loadPlugins();
        manager.startPlugins();
        plugins = manager;
        // By plugin id: this module's own classes on the test class path also carry an index PF4J would read.
        factory = manager.getExtensions(StreamerDriverFactory.class, "driver-flussonic").stream()
                .filter(f -> f.type().equals("flussonic"))
                .findFirst()
                .orElseThrow();

        streamer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        streamer.setExecutor(executor);
        streamer.createContext("/streamer/api/v3/streams", FlussonicDriverIntegrationTests::api);
        streamer.createContext("/metrics", exchange -> {
            record(exchange);
            if (!hold(exchange)) {
                respond(exchange, 200, "text/plain; version=0.0.4", METRICS_BODY.get());
            }
        });
        streamer.start();
        base = URI.create("http://127.0.0.1:" + streamer.getAddress().getPort());
    }

    @BeforeEach
    void reset() {
        SEEN.clear();
        STREAMS.clear();
        LIST_OVERRIDE.set(null);
        METRICS_BODY.set(METRICS);
        FAIL_WITH.set(0);
        HOLD.set(null);
    }

    @AfterAll
    static void stop() {
        CountDownLatch hold = HOLD.get();
        if (hold != null) {
            hold.countDown();
        }
        if (streamer != null) {
            streamer.stop(0);
            executor.shutdownNow();
        }
        if (plugins != null) {
            plugins.unloadPlugins();
        }
    }

    @Test
    void theJarIsAStartedPluginWithAnExtensionIndexAndItsOwnGson() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(FlussonicDriverFactory.class.getName());
            }
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("driver-flussonic");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Requires"))
                    .isEqualTo(">=1.1.0 & <2.0.0");
            // Shaded and relocated: no com.google.gson class a host's own Gson could clash with.
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .anyMatch(name -> name.startsWith("io/streamgate/plugins/driver/flussonic/shaded/gson/"))
                    .noneMatch(name -> name.startsWith("com/google/"));
        }
        PluginWrapper plugin = plugins.getPlugin("driver-flussonic");
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        // Loaded from the jar, not from this module's classes on the test class path.
        assertThat(factory.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
    }

    @Test
    void pushPutsTheStreamAndStateListsIt() throws InterruptedException {
        StreamerDriver driver = driver();

        StepVerifier.create(driver.push(new StreamConfig("1_live", List.of("fake://test", "publish://"))))
                .expectComplete()
                .verify(WAIT);

        Seen seen = SEEN.poll(5, TimeUnit.SECONDS);
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.path()).isEqualTo("/streamer/api/v3/streams/1_live");
        assertThat(seen.contentType()).isEqualTo("application/json");
        assertThat(seen.body())
                .isEqualTo("{\"name\":\"1_live\",\"inputs\":[{\"url\":\"fake://test\"},{\"url\":\"publish://\"}]}");

        StepVerifier.create(driver.state())
                .expectNext(new RuntimeState(List.of(new StreamState("1_live", true, 3, 3600, InputState.RECEIVING))))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void pushIsIdempotent() {
        StreamerDriver driver = driver();
        StreamConfig stream = new StreamConfig("1_live", List.of("fake://test"));

        StepVerifier.create(driver.push(stream).then(driver.push(stream)))
                .expectComplete()
                .verify(WAIT);
        assertThat(STREAMS).containsOnlyKeys("1_live");
    }

    @Test
    void aRefusedPushIsAnErrorWithTheStatus() {
        FAIL_WITH.set(400);

        StepVerifier.create(driver().push(new StreamConfig("1_live", List.of("fake://test"))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .hasMessage("PUT /streamer/api/v3/streams/1_live on streamer 'edge-1' answered 400"))
                .verify(WAIT);
        assertThat(STREAMS).isEmpty();
    }

    @Test
    void removeDeletesAndAnAbsentStreamIsAlreadyRemoved() throws InterruptedException {
        StreamerDriver driver = driver();
        StepVerifier.create(driver.push(new StreamConfig("1_live", List.of("fake://test"))))
                .expectComplete()
                .verify(WAIT);
        SEEN.clear();

        StepVerifier.create(driver.remove("1_live")).expectComplete().verify(WAIT);
        StepVerifier.create(driver.remove("1_live")).expectComplete().verify(WAIT);

        assertThat(SEEN.poll(5, TimeUnit.SECONDS))
                .isEqualTo(new Seen("DELETE", "/streamer/api/v3/streams/1_live", null, ""));
        assertThat(SEEN.poll(5, TimeUnit.SECONDS))
                .isEqualTo(new Seen("DELETE", "/streamer/api/v3/streams/1_live", null, ""));
        assertThat(STREAMS).isEmpty();
    }

    @Test
    void aFailedRemoveIsAnError() {
        FAIL_WITH.set(500);

        StepVerifier.create(driver().remove("1_live"))
                .expectErrorSatisfies(
                        e -> assertThat(e).hasMessageContaining("DELETE").hasMessageEndingWith("answered 500"))
                .verify(WAIT);
    }

    @Test
    void stateToleratesMissingFieldsAndReportsPublishing() {
        LIST_OVERRIDE.set("{\"streams\": [{\"name\": \"1_cam\", \"stats\": {\"alive\": true, \"publishing\": true,"
                + " \"online_clients\": 2}}, {\"name\": \"1_idle\"}]}");

        StepVerifier.create(driver().state())
                .expectNext(new RuntimeState(List.of(
                        new StreamState("1_cam", true, 2, 0, InputState.PUBLISHING),
                        new StreamState("1_idle", false, 0, 0, InputState.WAITING))))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void theSameListTwiceIsReadOnceAndAChangedOneAfresh() {
        StreamerDriver driver = driver();
        LIST_OVERRIDE.set(
                "{\"streams\": [{\"name\": \"1_cam\", \"stats\": {\"alive\": true, \"online_clients\": 2}}]}");
        RuntimeState first = driver.state().block(WAIT);
        assertThat(driver.state().block(WAIT))
                .as("the same bytes: the same state")
                .isSameAs(first);

        LIST_OVERRIDE.set(
                "{\"streams\": [{\"name\": \"1_cam\", \"stats\": {\"alive\": true, \"online_clients\": 3}}]}");
        RuntimeState changed = driver.state().block(WAIT);
        assertThat(changed.streams().get(0).onlineClients()).isEqualTo(3);

        // A malformed list is an error every time, never the last good one.
        LIST_OVERRIDE.set("{\"streams\": 7}");
        StepVerifier.create(driver.state()).expectError().verify(WAIT);
        StepVerifier.create(driver.state()).expectError().verify(WAIT);
    }

    @Test
    void aMalformedListOrAFailedStateIsAnError() {
        LIST_OVERRIDE.set("{\"streams\": [{\"name\": \"1_cam\", \"stats\": {\"online_clients\": \"many\"}}]}");
        StepVerifier.create(driver().state())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("streams[0].stats.online_clients"))
                .verify(WAIT);

        FAIL_WITH.set(503);
        StepVerifier.create(driver().state())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageEndingWith("answered 503"))
                .verify(WAIT);
    }

    @Test
    void countersAreReadFromMetrics() {
        StepVerifier.create(driver().counters())
                .expectNext(new UsageCounters(
                        "1763793600123-9f8e7d6c",
                        Instant.ofEpochMilli(1763793600123L),
                        List.of(new Counter("1_live", "bytes_out", 123456), new Counter("1_live", "bytes_in", 0))))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void countersWithoutASessionOrWithAFractionAreAnError() {
        METRICS_BODY.set("streamer_stream_bytes_out_total{stream=\"1_live\"} 5\n");
        StepVerifier.create(driver().counters())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("no streamer_collection_session"))
                .verify(WAIT);

        METRICS_BODY.set(METRICS.replace("123456", "123456.5"));
        StepVerifier.create(driver().counters())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("123456.5"))
                .verify(WAIT);
    }

    @Test
    void everyCallHasTheContextsTimeout() {
        CountDownLatch hold = new CountDownLatch(1);
        HOLD.set(hold);
        try {
            StreamerDriver driver = factory.create(
                    Settings.of(Map.of()), new TestContext(base, new TestHttpCaller(), Duration.ofMillis(300)));

            StepVerifier.create(driver.counters())
                    .expectError(HttpTimeoutException.class)
                    .verify(WAIT);
            StepVerifier.create(driver.state())
                    .expectError(HttpTimeoutException.class)
                    .verify(WAIT);
        } finally {
            hold.countDown();
        }
    }

    private static StreamerDriver driver() {
        return factory.create(
                Settings.of(Map.of("rtmp_url", "rtmp://127.0.0.1:1935/live")),
                new TestContext(base, new TestHttpCaller()));
    }

    private static void api(HttpExchange exchange) throws IOException {
        Seen seen = record(exchange);
        if (hold(exchange)) {
            return;
        }
        if (FAIL_WITH.get() != 0) {
            respond(exchange, FAIL_WITH.get(), "application/json", "{\"error\":\"injected\"}");
            return;
        }
        String prefix = "/streamer/api/v3/streams";
        String path = seen.path();
        if (path.equals(prefix) && seen.method().equals("GET")) {
            String body = LIST_OVERRIDE.get();
            if (body == null) {
                body = "{\"streams\": [" + String.join(",", STREAMS.values()) + "], \"estimated_count\": "
                        + STREAMS.size() + "}";
            }
            respond(exchange, 200, "application/json", body);
            return;
        }
        String name = path.substring(prefix.length() + 1);
        switch (seen.method()) {
            case "PUT":
                boolean created = STREAMS.put(
                                name,
                                "{\"name\": \"" + name + "\", \"stats\": {\"alive\": true, \"online_clients\": 3,"
                                        + " \"publishing\": false, \"input_bitrate\": 1200, \"output_bitrate\": 3600,"
                                        + " \"bytes_in\": 0, \"bytes_out\": 123456}}")
                        == null;
                respond(exchange, created ? 201 : 200, "application/json", "{}");
                return;
            case "DELETE":
                exchange.sendResponseHeaders(STREAMS.remove(name) != null ? 204 : 404, -1);
                exchange.close();
                return;
            default:
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
        }
    }

    private static Seen record(HttpExchange exchange) throws IOException {
        Seen seen = new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        SEEN.add(seen);
        return seen;
    }

    /** Holds the answer until the test releases it, so the client's timeout fires first; true when it held. */
    private static boolean hold(HttpExchange exchange) {
        CountDownLatch hold = HOLD.get();
        if (hold == null) {
            return false;
        }
        try {
            hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
