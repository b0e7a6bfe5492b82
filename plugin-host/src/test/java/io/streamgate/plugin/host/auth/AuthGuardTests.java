package io.streamgate.plugin.host.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.host.http.GuardedHttpCaller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AuthGuardTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Records, per (project, backend), the requests each backend it made has seen, and the context it was lent. */
    static final class RecordingFactory implements AuthBackendFactory {
        final Map<String, List<PlayRequest>> seen = new ConcurrentHashMap<>();
        final Map<String, AuthBackendContext> contexts = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return "recording";
        }

        @Override
        public AuthBackend create(Settings settings, AuthBackendContext context) {
            settings.allowOnly(java.util.Set.of("allow"));
            boolean allow = settings.bool("allow", true);
            String owner = context.projectId() + "/" + context.backendName();
            contexts.put(owner, context);
            List<PlayRequest> mine = seen.computeIfAbsent(owner, k -> new CopyOnWriteArrayList<>());
            return new AuthBackend() {
                @Override
                public Mono<AuthDecision> check(PlayRequest request) {
                    mine.add(request);
                    return Mono.just(
                            allow ? AuthDecision.allow(Duration.ofMinutes(1)) : AuthDecision.deny("no", Duration.ZERO));
                }

                @Override
                public String cacheKey(PlayRequest request) {
                    return request.stream() + "|" + request.token();
                }
            };
        }
    }

    private final RecordingFactory factory = new RecordingFactory();
    private final GuardedHttpCaller http = new GuardedHttpCaller(false);
    private final MutableClock clock = new MutableClock();
    private final AuthGuard guard =
            new AuthGuard(AuthBackendCatalog.of(List.of(factory)), http, clock, AuthGuardSettings.defaults());

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void tenantBsBackendNeverSeesTenantAsRequests() {
        // Same backend name and same cache key in both projects: only the project tells them apart.
        AuthChain chainA = AuthChain.of(List.of(guard.guard(definition("100", "main", Map.of()))));
        AuthChain chainB = AuthChain.of(List.of(guard.guard(definition("200", "main", Map.of("allow", false)))));
        PlayRequest forA = new PlayRequest("100", "cam", "203.0.113.7", "tok", null, null, "hls", "s1");
        PlayRequest forB = new PlayRequest("200", "cam", "203.0.113.7", "tok", null, null, "hls", "s2");

        StepVerifier.create(chainA.check(forA))
                .expectNext(AuthDecision.allow(Duration.ofMinutes(1)))
                .expectComplete()
                .verify(WAIT);
        // B's decision is not A's cached allow, although name and key are equal.
        StepVerifier.create(chainB.check(forB))
                .expectNext(AuthDecision.deny("no", Duration.ZERO))
                .expectComplete()
                .verify(WAIT);
        // A misrouted request is refused without reaching B's plugin.
        StepVerifier.create(chainB.check(forA))
                .expectNextMatches(decision -> decision instanceof AuthDecision.Deny)
                .expectComplete()
                .verify(WAIT);

        assertThat(factory.seen.get("100/main")).containsExactly(forA);
        assertThat(factory.seen.get("200/main")).containsExactly(forB);
    }

    @Test
    void theBackendIsLentItsIdentityTheClockAndTheGuardedCaller() {
        guard.guard(definition("100", "main", Map.of()));
        AuthBackendContext context = factory.contexts.get("100/main");
        assertThat(context.projectId()).isEqualTo("100");
        assertThat(context.backendName()).isEqualTo("main");
        assertThat(context.clock()).isSameAs(clock);
        assertThat(context.http()).isSameAs((HttpCaller) http);
    }

    @Test
    void anUnknownTypeIsAClearError() {
        AuthBackendDefinition definition =
                new AuthBackendDefinition("100", "main", "ldap", Settings.of(null), FailurePolicy.CLOSED, null, null);
        assertThatThrownBy(() -> guard.guard(definition))
                .isInstanceOf(UnknownBackendTypeException.class)
                .hasMessage("type: 'ldap' (expected one of: [recording])")
                .satisfies(e ->
                        assertThat(((UnknownBackendTypeException) e).type()).isEqualTo("ldap"));
    }

    @Test
    void invalidSettingsPassThroughWithTheirKey() {
        assertThatThrownBy(() -> guard.guard(definition("100", "main", Map.of("allwo", true))))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo("allwo"));
        assertThatThrownBy(() -> guard.guard(definition("100", "main", Map.of("allow", "yes"))))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo("allow"));
    }

    @Test
    void definitionsAreValidated() {
        assertThatThrownBy(
                        () -> new AuthBackendDefinition("1", "b", "t", null, FailurePolicy.OPEN, Duration.ZERO, null))
                .hasMessage("timeout: PT0S (expected: positive)");
        assertThatThrownBy(() -> new AuthBackendDefinition("1", " ", "t", null, FailurePolicy.OPEN, null, null))
                .hasMessage("name: ' ' (expected: non-blank)");
        assertThatThrownBy(() -> new AuthBackendDefinition(
                        "1", "b", "t", null, FailurePolicy.OPEN, null, Duration.ofSeconds(-1)))
                .hasMessage("staleFor: PT-1S (expected: zero or positive)");
    }

    private static AuthBackendDefinition definition(String project, String name, Map<String, ?> settings) {
        return new AuthBackendDefinition(
                project, name, "recording", Settings.of(settings), FailurePolicy.CLOSED, Duration.ofSeconds(1), null);
    }
}
