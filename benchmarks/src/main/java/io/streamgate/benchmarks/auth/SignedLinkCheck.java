package io.streamgate.benchmarks.auth;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.auth.FailurePolicy;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import io.streamgate.plugin.host.loading.PluginHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;

/**
 * What a signed-link check costs per request: the {@code token} plugin's own check (HMAC-SHA256 and parsing), the
 * same check through the host's guard (bulkhead, timeout, circuit breaker, failure policy), and {@code Mono.just(x)
 * .block()} as the floor every reactive measurement here pays. Guard cost = {@code guardedCheck - rawCheck}; the
 * check's own cost = {@code rawCheck - monoJustBaseline}.
 *
 * <p>Each method ends in one {@code block()}: a benchmark thread must wait for the decision to time it, which is
 * fine here and nowhere in main code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SignedLinkCheck {

    private static final String PROJECT = "1";
    private static final String STREAM = "live/cam1";
    private static final String CLIENT_IP = "203.0.113.7";

    /** Whether the link is bound to the viewer's network: "none" signs no address, "cidr" a /24 the viewer is in. */
    @Param({"none", "cidr"})
    public String binding;

    private PluginHost host;
    private AuthBackend raw;
    private GuardedAuthBackend guarded;
    private PlayRequest request;
    private AuthDecision allow;

    @Setup
    public void setUp() {
        host = PluginFolder.start(false, List.of("token"));
        Settings settings = Settings.of(Map.of("keys", Map.of("k1", "benchmark-secret-of-32-bytes-abc")));
        Clock clock = Clock.systemUTC();
        AuthGuard guard = new AuthGuard(host, host.http(), clock, AuthGuardSettings.defaults());
        guarded = guard.guard(new AuthBackendDefinition(
                PROJECT, "signed-links", "token", settings, FailurePolicy.CLOSED, null, null));
        // The same plugin's factory, same settings, without the guard: what the plugin alone costs.
        raw = host.authBackendFactory("token")
                .orElseThrow()
                .create(settings, new BenchmarkContext(PROJECT, "signed-links", clock, host.http()));

        String token = guarded.signedLinkIssuer()
                .orElseThrow()
                .issue(
                        STREAM,
                        Instant.now().plus(Duration.ofHours(1)),
                        binding.equals("cidr") ? "203.0.113.0/24" : null);
        request = new PlayRequest(PROJECT, STREAM, CLIENT_IP, token, null, "bench/1.0", "hls", "session-1");

        // Measure the allow path only: a deny here would mean a broken set-up, not a fast check.
        allow = requireAllow("raw", raw.check(request).block());
        requireAllow("guarded", guarded.check(request).block());
    }

    @TearDown
    public void tearDown() {
        host.close();
    }

    @Benchmark
    public void rawCheck(Blackhole blackhole) {
        blackhole.consume(raw.check(request).block());
    }

    @Benchmark
    public void guardedCheck(Blackhole blackhole) {
        blackhole.consume(guarded.check(request).block());
    }

    @Benchmark
    public void monoJustBaseline(Blackhole blackhole) {
        blackhole.consume(Mono.just(allow).block());
    }

    static AuthDecision requireAllow(String what, AuthDecision decision) {
        if (!(decision instanceof AuthDecision.Allow)) {
            throw new IllegalStateException(what + " check: " + decision + " (expected: an allow)");
        }
        return decision;
    }
}
