package io.streamgate.plugin.host.loading;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.auth.FailurePolicy;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import io.streamgate.plugin.host.loading.PluginStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Loads the packaged built-in plugins ({@code ../plugins/<id>/target/<id>-0.1.0-SNAPSHOT.jar}, never the shade
 * plugin's {@code original-*} jars) through the real host. The reactor builds the plugins first; a build without
 * any packaged plugin fails here rather than passing on nothing.
 */
@Tag("integration")
class BuiltInPluginsIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void everyPackagedBuiltInPluginStartsWithItsExtensions() throws IOException {
        List<Path> jars = packagedPlugins(Path.of("..", "plugins"));
        assertThat(jars).as("packaged plugin jars under ../plugins/*/target").isNotEmpty();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                var index = file.getEntry("META-INF/extensions.idx");
                assertThat(index).as(jar + " META-INF/extensions.idx").isNotNull();
                String text =
                        new String(file.getInputStream(index).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                        .as(jar + " extensions.idx entries")
                        .isNotEmpty();
            }
            Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();
            assertThat(host.plugins()).hasSize(jars.size()).allSatisfy(status -> {
                assertThat(status.state())
                        .as(status.jar() + ": " + status.message())
                        .isEqualTo(State.STARTED);
                assertThat(status.extensionTypes()).as(status.jar()).isNotEmpty();
            });
        }
    }

    /**
     * Issue 3's promise that an operator's auth service is not flooded: 1,000 concurrent identical checks through the
     * real {@code auth-http} jar, against a real service that holds its answer until all of them are waiting, make
     * exactly one call.
     */
    @Test
    void theRealHttpPluginIsCalledOnceForAThousandConcurrentIdenticalChecks() throws Exception {
        Path jar = packagedPlugins(Path.of("..", "plugins")).stream()
                .filter(path -> path.getFileName().toString().startsWith("auth-http-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no packaged auth-http jar under ../plugins/auth-http/target"));
        Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.setExecutor(Executors.newCachedThreadPool());
        service.createContext("/auth", exchange -> {
            calls.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("X-AuthDuration", "60");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.start();
        try (PluginHost host = new PluginHost(new PluginHostSettings(folder, true))) {
            host.start();
            AuthGuard guard = new AuthGuard(host, host.http(), Clock.systemUTC(), AuthGuardSettings.defaults());
            GuardedAuthBackend backend = guard.guard(new AuthBackendDefinition(
                    "7",
                    "sso",
                    "http",
                    Settings.of(Map.of(
                            "url", "http://127.0.0.1:" + service.getAddress().getPort() + "/auth")),
                    FailurePolicy.CLOSED,
                    Duration.ofSeconds(10),
                    Duration.ZERO));

            // Every viewer has its own session; the service's answer depends on none of that, so they share it.
            CompletableFuture<List<AuthDecision>> decisions = Flux.range(0, 1000)
                    .flatMap(
                            i -> backend.check(
                                    new PlayRequest("7", "live", "203.0.113.9", "t", null, null, "hls", "s" + i)),
                            1000)
                    .collectList()
                    .toFuture();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();

            assertThat(decisions.get(30, TimeUnit.SECONDS)).hasSize(1000).allSatisfy(decision -> assertThat(decision)
                    .isInstanceOf(AuthDecision.Allow.class));
            assertThat(calls).hasValue(1);
        } finally {
            release.countDown();
            service.stop(0);
        }
    }

    /**
     * The built-in streamer drivers, found by type through the real host and driven through its real driver caller
     * ({@code driverHttp()}, Reactor Netty) against a real server that speaks the Flussonic-style API.
     */
    @Test
    void theBuiltInDriversAreFoundByTypeAndWorkThroughTheHostsCaller() throws Exception {
        for (String id : List.of("driver-flussonic", "driver-nginx-rtmp")) {
            Path jar = packagedPlugins(Path.of("..", "plugins")).stream()
                    .filter(path -> path.getFileName().toString().equals(id + "-0.1.0-SNAPSHOT.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no packaged " + id + " jar under ../plugins/" + id + "/target"));
            Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        AtomicReference<String> pushed = new AtomicReference<>();
        HttpServer streamer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        streamer.createContext("/streamer/api/v3/streams", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String answer = "";
            int status;
            switch (exchange.getRequestMethod()) {
                case "PUT":
                    pushed.set(body);
                    status = 201;
                    break;
                case "DELETE":
                    status = 404;
                    break;
                default:
                    answer = "{\"streams\": [{\"name\": \"7_live\", \"stats\": {\"alive\": true, \"online_clients\": 4,"
                            + " \"output_bitrate\": 900}}]}";
                    status = 200;
            }
            byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        streamer.createContext("/metrics", exchange -> {
            byte[] bytes = ("streamer_collection_session_start_milliseconds{session_id=\"s-1\"} 1000\n"
                            + "streamer_stream_bytes_out_total{stream=\"7_live\"} 12345\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        streamer.start();
        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();
            assertThat(host.driverTypes()).contains("flussonic", "nginx-rtmp");
            URI base = URI.create("http://127.0.0.1:" + streamer.getAddress().getPort());
            Duration wait = Duration.ofSeconds(10);

            StreamerDriver flussonic = host.driverFactory("flussonic")
                    .orElseThrow()
                    .create(Settings.of(Map.of()), new DriverContext(base, host.driverHttp()));
            StepVerifier.create(flussonic.push(new StreamConfig("7_live", List.of("fake://test"))))
                    .expectComplete()
                    .verify(wait);
            assertThat(pushed.get()).isEqualTo("{\"name\":\"7_live\",\"inputs\":[{\"url\":\"fake://test\"}]}");
            StepVerifier.create(flussonic.state())
                    .expectNext(new RuntimeState(List.of(
                            new RuntimeState.StreamState("7_live", true, 4, 900, RuntimeState.InputState.RECEIVING))))
                    .expectComplete()
                    .verify(wait);
            StepVerifier.create(flussonic.counters())
                    .expectNext(new UsageCounters(
                            "s-1",
                            java.time.Instant.ofEpochMilli(1000),
                            List.of(new UsageCounters.Counter("7_live", "bytes_out", 12345))))
                    .expectComplete()
                    .verify(wait);
            StepVerifier.create(flussonic.remove("7_live")).expectComplete().verify(wait);

            StreamerDriver nginx = host.driverFactory("nginx-rtmp")
                    .orElseThrow()
                    .create(
                            Settings.of(Map.of("rtmp_url", "rtmp://127.0.0.1:1935/live")),
                            new DriverContext(base, host.driverHttp()));
            assertThat(nginx.publishEndpoints("7_live", "p1.k.9.s"))
                    .containsExactly(new PublishEndpoint("rtmp", "rtmp://127.0.0.1:1935/live/7_live?token=p1.k.9.s"));
            StepVerifier.create(nginx.push(new StreamConfig("7_live", List.of("fake://test"))))
                    .expectError(UnsupportedStreamException.class)
                    .verify(wait);
        } finally {
            streamer.stop(0);
        }
    }

    /** What a host lends a driver. */
    private record DriverContext(URI baseUrl, HttpCaller http) implements StreamerDriverContext {

        @Override
        public String streamerName() {
            return "edge-1";
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }
    }

    private static List<Path> packagedPlugins(Path pluginsRoot) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(pluginsRoot)) {
            return jars;
        }
        try (Stream<Path> modules = Files.list(pluginsRoot)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path jar = module.resolve("target").resolve(module.getFileName() + "-0.1.0-SNAPSHOT.jar");
                if (Files.isRegularFile(jar)) {
                    jars.add(jar);
                }
            }
        }
        return jars;
    }
}
