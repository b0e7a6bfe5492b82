package io.streamgate.plugin.host.loading;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.auth.FailurePolicy;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import io.streamgate.plugin.host.loading.PluginStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

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
