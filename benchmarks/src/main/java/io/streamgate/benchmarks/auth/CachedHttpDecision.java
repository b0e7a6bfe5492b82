package io.streamgate.benchmarks.auth;

import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.auth.FailurePolicy;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import io.streamgate.plugin.host.loading.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What an {@code http} backend costs per request once its decision is cached, which is the common case: a viewer's
 * playlist and segment requests repeat the same check for the answer's lifetime. The operator's service is a JDK
 * {@code HttpServer} on a loopback port answering {@code 200} with {@code X-AuthDuration: 3600}; it must see exactly
 * one call per trial, or the figures would include a round trip (tear-down fails the run if it saw more).
 *
 * <p>{@code cachedHttpCheck}: one guarded {@code http} backend served from its decision cache (cache key = SHA-256
 * over the request's fields, a Caffeine lookup, no call). {@code tokenThenCachedHttpChain}: the chain a stream with
 * signed links and an auth service runs, {@code [token, http]}, both allowing.
 *
 * <p>Each method ends in one {@code block()}: a benchmark thread must wait for the decision to time it, which is
 * fine here and nowhere in main code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CachedHttpDecision {

    private static final String PROJECT = "1";
    private static final String STREAM = "live/cam1";

    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private PluginHost host;
    private GuardedAuthBackend http;
    private AuthChain chain;
    private PlayRequest request;

    @Setup
    public void setUp() {
        server = authService();
        // The service listens on loopback, which the SSRF guard refuses unless the admin allows private targets.
        host = PluginFolder.start(true, List.of("token", "http"));
        AuthGuard guard = new AuthGuard(host, host.http(), Clock.systemUTC(), AuthGuardSettings.defaults());
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/auth";
        http = guard.guard(new AuthBackendDefinition(
                PROJECT, "auth-service", "http", Settings.of(Map.of("url", url)), FailurePolicy.CLOSED, null, null));
        GuardedAuthBackend token = guard.guard(new AuthBackendDefinition(
                PROJECT,
                "signed-links",
                "token",
                Settings.of(Map.of("keys", Map.of("k1", "benchmark-secret-of-32-bytes-abc"))),
                FailurePolicy.CLOSED,
                null,
                null));
        chain = AuthChain.of(List.of(token, http));

        String link = token.signedLinkIssuer()
                .orElseThrow()
                .issue(STREAM, Instant.now().plus(Duration.ofHours(1)), null);
        request = new PlayRequest(PROJECT, STREAM, "203.0.113.7", link, null, "bench/1.0", "hls", "session-1");

        // Warm the cache with the one real call; from here on both benchmarks must be served from it.
        SignedLinkCheck.requireAllow("http", http.check(request).block());
        SignedLinkCheck.requireAllow("chain", chain.check(request).block());
        if (calls.get() != 1) {
            throw new IllegalStateException("auth service calls: " + calls.get() + " (expected: 1 after warming)");
        }
    }

    @TearDown
    public void tearDown() {
        try {
            if (calls.get() != 1) {
                throw new IllegalStateException(
                        "auth service calls: " + calls.get() + " (expected: 1; the decision was not served cached)");
            }
        } finally {
            host.close();
            server.stop(0);
        }
    }

    @Benchmark
    public void cachedHttpCheck(Blackhole blackhole) {
        blackhole.consume(http.check(request).block());
    }

    @Benchmark
    public void tokenThenCachedHttpChain(Blackhole blackhole) {
        blackhole.consume(chain.check(request).block());
    }

    private HttpServer authService() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            created.createContext("/auth", exchange -> {
                calls.incrementAndGet();
                exchange.getResponseHeaders().add("X-AuthDuration", "3600");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
