package io.streamgate.plugin.host.auth;

import static io.streamgate.plugin.host.auth.GuardedAuthBackendTests.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.reactive.Ready;
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
    void backendsThatDecideOnTheSpotGiveADecisionThatIsAlreadyThere() {
        RecordingBackend local =
                new RecordingBackend(r -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(30), "u", 0)));
        local.keyed = false;
        RecordingBackend cached = new RecordingBackend(r -> Mono.just(AuthDecision.allow(Duration.ofSeconds(60))));
        AuthChain chain = AuthChain.of(List.of(backend("a", local), backend("b", cached)));
        // The first check fills b's cache; from then on both answer on the spot.
        chain.check(REQUEST).block(WAIT);

        Mono<AuthDecision> decided = chain.check(REQUEST);

        assertThat(Ready.valueOf(decided)).isEqualTo(new AuthDecision.Allow(Duration.ofSeconds(30), "u", 0));
        assertThat(local.calls()).isEqualTo(2);
        assertThat(cached.calls()).isEqualTo(1);
    }

    @Test
    void aBackendThatMustWaitIsWaitedForInOrderWithTheDecisionsBeforeAndAfterIt() {
        RecordingBackend local =
                new RecordingBackend(r -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(30), null, 0)));
        local.keyed = false;
        RecordingBackend remote = new RecordingBackend(r ->
                Mono.delay(Duration.ofMillis(20)).map(tick -> new AuthDecision.Allow(Duration.ofSeconds(10), "u1", 3)));
        RecordingBackend after =
                new RecordingBackend(r -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(20), "u2", 2)));
        after.keyed = false;
        AuthChain chain = AuthChain.of(List.of(backend("a", local), backend("b", remote), backend("c", after)));

        Mono<AuthDecision> pending = chain.check(REQUEST);

        assertThat(Ready.valueOf(pending)).isNull();
        assertThat(after.calls()).as("asked only once b has answered").isZero();
        StepVerifier.create(pending)
                .expectNext(new AuthDecision.Allow(Duration.ofSeconds(10), "u1", 2))
                .expectComplete()
                .verify(WAIT);
        assertThat(after.calls()).isEqualTo(1);

        remote.answer = r -> Mono.delay(Duration.ofMillis(20)).map(tick -> AuthDecision.deny("late no", Duration.ZERO));
        remote.keyed = false;
        StepVerifier.create(chain.check(REQUEST))
                .expectNext(AuthDecision.deny("late no", Duration.ZERO))
                .expectComplete()
                .verify(WAIT);
        assertThat(after.calls()).as("not asked after a deny").isEqualTo(1);
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
