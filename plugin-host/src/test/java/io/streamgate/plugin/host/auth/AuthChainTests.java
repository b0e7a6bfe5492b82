package io.streamgate.plugin.host.auth;

import static io.streamgate.plugin.host.auth.GuardedAuthBackendTests.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AuthChainTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PlayRequest REQUEST =
            new PlayRequest("1", "cam", "203.0.113.7", "tok", null, null, "hls", "s1");

    private final MutableClock clock = new MutableClock();

    @Test
    void anEmptyChainAllows() {
        StepVerifier.create(AuthChain.empty().check(REQUEST))
                .expectNext(AuthDecision.allow(Duration.ZERO))
                .expectComplete()
                .verify(WAIT);
        assertThat(AuthChain.of(List.of())).isSameAs(AuthChain.empty());
    }

    @Test
    void theFirstDenyWinsAndTheRestAreNotAsked() {
        RecordingBackend allow = new RecordingBackend(r -> Mono.just(AuthDecision.allow(Duration.ofSeconds(5))));
        RecordingBackend deny = new RecordingBackend(r -> Mono.just(AuthDecision.deny("ip", Duration.ZERO)));
        RecordingBackend last = new RecordingBackend(r -> Mono.just(AuthDecision.allow(Duration.ofSeconds(5))));
        AuthChain chain = AuthChain.of(List.of(backend("a", allow), backend("b", deny), backend("c", last)));

        StepVerifier.create(chain.check(REQUEST))
                .expectNext(AuthDecision.deny("ip", Duration.ZERO))
                .expectComplete()
                .verify(WAIT);
        assertThat(allow.calls()).isEqualTo(1);
        assertThat(deny.calls()).isEqualTo(1);
        assertThat(last.calls()).isZero();
    }

    @Test
    void allAllowsCombineToTheShortestCacheTheFirstUserAndTheSmallestLimit() {
        RecordingBackend first =
                new RecordingBackend(r -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(30), null, 0)));
        RecordingBackend second =
                new RecordingBackend(r -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(10), "u1", 3)));
        RecordingBackend third =
                new RecordingBackend(r -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(20), "u2", 2)));
        AuthChain chain = AuthChain.of(List.of(backend("a", first), backend("b", second), backend("c", third)));

        StepVerifier.create(chain.check(REQUEST))
                .expectNext(new AuthDecision.Allow(Duration.ofSeconds(10), "u1", 2))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aChainHoldsOneProjectsBackends() {
        RecordingBackend any = new RecordingBackend(r -> Mono.just(AuthDecision.allow(Duration.ZERO)));
        GuardedAuthBackend other = new GuardedAuthBackend(
                definition("2", "x", FailurePolicy.OPEN, Duration.ofSeconds(1), Duration.ZERO),
                any,
                clock,
                AuthGuardSettings.defaults());
        assertThatThrownBy(() -> AuthChain.of(List.of(backend("a", any), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(expected: all of one project)");
    }

    private GuardedAuthBackend backend(String name, RecordingBackend backend) {
        return new GuardedAuthBackend(
                definition("1", name, FailurePolicy.CLOSED, Duration.ofSeconds(1), Duration.ZERO),
                backend,
                clock,
                AuthGuardSettings.defaults());
    }
}
