package io.streamgate.plugin.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class GuardedAuthBackendTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PlayRequest REQUEST =
            new PlayRequest("1", "cam", "203.0.113.7", "tok", null, null, "hls", "s1");

    private final MutableClock clock = new MutableClock();

    @Test
    void aThousandConcurrentIdenticalChecksCallTheBackendOnce() {
        Sinks.One<AuthDecision> answer = Sinks.one();
        RecordingBackend backend = new RecordingBackend(request -> answer.asMono());
        GuardedAuthBackend guarded = guarded(backend, FailurePolicy.CLOSED, Duration.ofSeconds(5), Duration.ZERO);

        StepVerifier.create(Flux.range(0, 1_000)
                        .flatMap(i -> guarded.check(REQUEST), 1_000)
                        .collectList())
                .then(() -> {
                    assertThat(backend.calls()).isEqualTo(1);
                    // cacheFor zero: the sharing comes from coalescing, not from the cache.
                    answer.tryEmitValue(AuthDecision.allow(Duration.ZERO));
                })
                .assertNext(decisions ->
                        assertThat(decisions).hasSize(1_000).containsOnly(AuthDecision.allow(Duration.ZERO)))
                .expectComplete()
                .verify(WAIT);
        assertThat(backend.calls()).isEqualTo(1);

        StepVerifier.create(guarded.check(REQUEST))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        assertThat(backend.calls()).as("a later check is a new call").isEqualTo(2);
    }

    @Test
    void aDecisionIsReusedForItsCacheForAndNoLonger() {
        RecordingBackend backend =
                new RecordingBackend(request -> Mono.just(AuthDecision.allow(Duration.ofSeconds(30))));
        GuardedAuthBackend guarded = guarded(backend, FailurePolicy.CLOSED, Duration.ofSeconds(5), Duration.ZERO);

        check(guarded, REQUEST, AuthDecision.allow(Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        check(guarded, REQUEST, AuthDecision.allow(Duration.ofSeconds(30)));
        assertThat(backend.calls()).isEqualTo(1);

        check(
                guarded,
                new PlayRequest("1", "cam", "203.0.113.7", "other", null, null, "hls", "s2"),
                AuthDecision.allow(Duration.ofSeconds(30)));
        assertThat(backend.calls()).as("another key is another call").isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        check(guarded, REQUEST, AuthDecision.allow(Duration.ofSeconds(30)));
        assertThat(backend.calls()).isEqualTo(3);
    }

    @Test
    void nothingIsCachedForAZeroCacheForOrANullKey() {
        RecordingBackend zero = new RecordingBackend(request -> Mono.just(AuthDecision.deny("no", Duration.ZERO)));
        GuardedAuthBackend guardedZero = guarded(zero, FailurePolicy.OPEN, Duration.ofSeconds(5), Duration.ofHours(1));
        check(guardedZero, REQUEST, AuthDecision.deny("no", Duration.ZERO));
        check(guardedZero, REQUEST, AuthDecision.deny("no", Duration.ZERO));
        assertThat(zero.calls()).isEqualTo(2);

        RecordingBackend unkeyed =
                new RecordingBackend(request -> Mono.just(AuthDecision.allow(Duration.ofMinutes(1))));
        unkeyed.keyed = false;
        GuardedAuthBackend guardedUnkeyed =
                guarded(unkeyed, FailurePolicy.OPEN, Duration.ofSeconds(5), Duration.ofHours(1));
        check(guardedUnkeyed, REQUEST, AuthDecision.allow(Duration.ofMinutes(1)));
        check(guardedUnkeyed, REQUEST, AuthDecision.allow(Duration.ofMinutes(1)));
        assertThat(unkeyed.calls()).isEqualTo(2);
    }

    @Test
    void aHangingBackendCostsItsTimeoutThenFailsClosed() {
        RecordingBackend backend = new RecordingBackend(request -> Mono.never());
        GuardedAuthBackend guarded = guarded(backend, FailurePolicy.CLOSED, Duration.ofSeconds(3), Duration.ZERO);

        StepVerifier.withVirtualTime(() -> guarded.check(REQUEST))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(AuthDecision.deny(GuardedAuthBackend.UNAVAILABLE, Duration.ZERO))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aHangingBackendCostsItsTimeoutThenFailsOpen() {
        RecordingBackend backend = new RecordingBackend(request -> Mono.never());
        GuardedAuthBackend guarded = guarded(backend, FailurePolicy.OPEN, Duration.ofSeconds(3), Duration.ZERO);

        StepVerifier.withVirtualTime(() -> guarded.check(REQUEST))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(3))
                .expectNext(AuthDecision.allow(Duration.ZERO))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void errorsAndEmptyAnswersFollowTheFailurePolicy() {
        RecordingBackend failing = new RecordingBackend(request -> Mono.error(new IllegalStateException("down")));
        check(
                guarded(failing, FailurePolicy.CLOSED, Duration.ofSeconds(1), Duration.ZERO),
                REQUEST,
                AuthDecision.deny(GuardedAuthBackend.UNAVAILABLE, Duration.ZERO));
        RecordingBackend empty = new RecordingBackend(request -> Mono.empty());
        check(
                guarded(empty, FailurePolicy.OPEN, Duration.ofSeconds(1), Duration.ZERO),
                REQUEST,
                AuthDecision.allow(Duration.ZERO));
        RecordingBackend throwing = new RecordingBackend(request -> {
            throw new IllegalArgumentException("bug");
        });
        check(
                guarded(throwing, FailurePolicy.CLOSED, Duration.ofSeconds(1), Duration.ZERO),
                REQUEST,
                AuthDecision.deny(GuardedAuthBackend.UNAVAILABLE, Duration.ZERO));
    }

    @Test
    void theLastGoodDecisionIsServedWhileTheBackendIsDownWithinStaleForThenThePolicy() {
        RecordingBackend backend =
                new RecordingBackend(request -> Mono.just(new AuthDecision.Allow(Duration.ofSeconds(10), "user-7", 2)));
        GuardedAuthBackend guarded =
                guarded(backend, FailurePolicy.CLOSED, Duration.ofSeconds(1), Duration.ofSeconds(60));
        check(guarded, REQUEST, new AuthDecision.Allow(Duration.ofSeconds(10), "user-7", 2));

        backend.answer = request -> Mono.error(new java.io.IOException("connection refused"));
        clock.advance(Duration.ofSeconds(20));
        // Stale answers come with cacheFor zero, so nobody downstream keeps them past staleFor.
        check(guarded, REQUEST, new AuthDecision.Allow(Duration.ZERO, "user-7", 2));
        assertThat(backend.calls()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(40));
        check(guarded, REQUEST, AuthDecision.deny(GuardedAuthBackend.UNAVAILABLE, Duration.ZERO));
    }

    @Test
    void theCircuitOpensAfterFailuresAndThenTheBackendIsNotCalledUntilTheWaitIsOver() {
        RecordingBackend backend = new RecordingBackend(request -> Mono.error(new IllegalStateException("down")));
        backend.keyed = false;
        AuthGuardSettings settings = new AuthGuardSettings(
                Duration.ofSeconds(1), Duration.ZERO, 8, 50f, 4, 4, Duration.ofSeconds(30), 1_000);
        GuardedAuthBackend guarded = new GuardedAuthBackend(
                definition("1", "b", FailurePolicy.OPEN, Duration.ofSeconds(1), Duration.ZERO),
                backend,
                clock,
                settings);
        for (int i = 0; i < 4; i++) {
            check(guarded, REQUEST, AuthDecision.allow(Duration.ZERO));
        }
        assertThat(guarded.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        check(guarded, REQUEST, AuthDecision.allow(Duration.ZERO));
        assertThat(backend.calls()).isEqualTo(4);

        clock.advance(Duration.ofSeconds(31));
        backend.answer = request -> Mono.just(AuthDecision.deny("no", Duration.ZERO));
        check(guarded, REQUEST, AuthDecision.deny("no", Duration.ZERO));
        assertThat(backend.calls()).isEqualTo(5);
    }

    @Test
    void aFullBulkheadFailsAtOnceByThePolicy() {
        Sinks.One<AuthDecision> never = Sinks.one();
        RecordingBackend backend = new RecordingBackend(request -> never.asMono());
        backend.keyed = false;
        AuthGuardSettings settings = new AuthGuardSettings(
                Duration.ofSeconds(1), Duration.ZERO, 1, 50f, 20, 10, Duration.ofSeconds(30), 1_000);
        GuardedAuthBackend guarded = new GuardedAuthBackend(
                definition("1", "b", FailurePolicy.CLOSED, Duration.ofSeconds(30), Duration.ZERO),
                backend,
                clock,
                settings);
        reactor.core.Disposable first = guarded.check(REQUEST).subscribe();
        try {
            check(guarded, REQUEST, AuthDecision.deny(GuardedAuthBackend.UNAVAILABLE, Duration.ZERO));
            assertThat(backend.calls()).isEqualTo(1);
        } finally {
            first.dispose();
        }
    }

    @Test
    void aDecisionMadeOnTheSpotSchedulesNoTimer() {
        RecordingBackend backend = new RecordingBackend(request -> Mono.just(AuthDecision.allow(Duration.ZERO)));
        backend.keyed = false;
        GuardedAuthBackend guarded = guarded(backend, FailurePolicy.CLOSED, Duration.ofSeconds(5), Duration.ZERO);
        java.util.concurrent.atomic.AtomicInteger scheduled = new java.util.concurrent.atomic.AtomicInteger();
        reactor.core.scheduler.Schedulers.onScheduleHook("count", task -> {
            scheduled.incrementAndGet();
            return task;
        });
        try {
            for (int i = 0; i < 10; i++) {
                check(guarded, REQUEST, AuthDecision.allow(Duration.ZERO));
            }
        } finally {
            reactor.core.scheduler.Schedulers.resetOnScheduleHook("count");
        }
        assertThat(backend.calls()).isEqualTo(10);
        assertThat(scheduled).as("timeout timers scheduled").hasValue(0);

        // An answer still to come is bounded by the timeout as before.
        backend.answer = request ->
                Mono.<AuthDecision>just(AuthDecision.allow(Duration.ZERO)).delayElement(Duration.ofMillis(1));
        check(guarded, REQUEST, AuthDecision.allow(Duration.ZERO));
    }

    @Test
    void aRequestForAnotherProjectNeverReachesTheBackend() {
        RecordingBackend backend = new RecordingBackend(request -> Mono.just(AuthDecision.allow(Duration.ZERO)));
        GuardedAuthBackend guarded = guarded(backend, FailurePolicy.OPEN, Duration.ofSeconds(1), Duration.ZERO);
        StepVerifier.create(guarded.check(new PlayRequest("2", "cam", "203.0.113.7", "tok", null, null, "hls", "s")))
                .expectNextMatches(decision -> decision instanceof AuthDecision.Deny)
                .expectComplete()
                .verify(WAIT);
        assertThat(backend.seen).isEmpty();
    }

    private GuardedAuthBackend guarded(
            RecordingBackend backend, FailurePolicy policy, Duration timeout, Duration staleFor) {
        return new GuardedAuthBackend(
                definition("1", "b", policy, timeout, staleFor), backend, clock, AuthGuardSettings.defaults());
    }

    static AuthBackendDefinition definition(
            String project, String name, FailurePolicy policy, Duration timeout, Duration staleFor) {
        return new AuthBackendDefinition(project, name, "test", Settings.of(null), policy, timeout, staleFor);
    }

    static void check(GuardedAuthBackend guarded, PlayRequest request, AuthDecision expected) {
        StepVerifier.create(guarded.check(request))
                .expectNext(expected)
                .expectComplete()
                .verify(WAIT);
    }
}
