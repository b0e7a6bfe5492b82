package io.streamgate.plugin.host.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.auth.SignedLinkIssuer;
import io.streamgate.plugin.host.reactive.Ready;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One project's auth backend with the host's guards around every call: a bulkhead, the definition's timeout and a
 * circuit breaker, all its own; a decision cache that honours each decision's {@code cacheFor}; coalescing of
 * identical concurrent checks into one call; and, when a call fails, the last good decision (within
 * {@code staleFor}) or else the failure policy. {@link #check} never fails: every failure becomes a decision.
 *
 * <p>Everything here is keyed by this backend's project and name, and a request for another project is denied
 * without reaching the plugin, so one tenant's backend never sees another's requests. State lives as long as this
 * object: a changed definition gets a new one, with a fresh cache and breaker.
 */
public final class GuardedAuthBackend {

    /** Why a fail-closed backend denied. */
    public static final String UNAVAILABLE = "backend unavailable";

    private static final Logger log = LoggerFactory.getLogger(GuardedAuthBackend.class);

    private record CacheKey(String projectId, String backend, String key) {}

    private record Stored(AuthDecision decision, Instant decidedAt) {}

    private final AuthBackendDefinition definition;
    private final AuthBackend backend;
    private final Clock clock;
    private final Duration timeout;
    private final Duration staleFor;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Cache<CacheKey, Stored> decisions;
    private final ConcurrentMap<CacheKey, Mono<AuthDecision>> inFlight = new ConcurrentHashMap<>();

    GuardedAuthBackend(AuthBackendDefinition definition, AuthBackend backend, Clock clock, AuthGuardSettings settings) {
        this.definition = definition;
        this.backend = backend;
        this.clock = clock;
        this.timeout = definition.timeout() == null ? settings.defaultTimeout() : definition.timeout();
        this.staleFor = definition.staleFor() == null ? settings.defaultStaleFor() : definition.staleFor();
        String name = definition.projectId() + "/" + definition.name();
        this.breaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRateThreshold())
                        .slidingWindowSize(settings.slidingWindowSize())
                        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                        .waitDurationInOpenState(settings.waitInOpenState())
                        // A full bulkhead says we are busy, not that the backend is broken.
                        .ignoreExceptions(BulkheadFullException.class)
                        .clock(clock)
                        .build());
        this.bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        this.decisions = Caffeine.newBuilder()
                .maximumSize(settings.maxCachedDecisions())
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<CacheKey, Stored>() {
                    @Override
                    public long expireAfterCreate(CacheKey key, Stored stored, long now) {
                        return keptFor(stored);
                    }

                    @Override
                    public long expireAfterUpdate(CacheKey key, Stored stored, long now, long current) {
                        return keptFor(stored);
                    }

                    @Override
                    public long expireAfterRead(CacheKey key, Stored stored, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The definition this backend was made from. */
    public AuthBackendDefinition definition() {
        return definition;
    }

    /** The backend as a link issuer, when its plugin can mint links (the {@code token} type does). */
    public Optional<SignedLinkIssuer> signedLinkIssuer() {
        return backend instanceof SignedLinkIssuer issuer ? Optional.of(issuer) : Optional.empty();
    }

    /** The circuit breaker's state, for the admin API and tests. */
    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /**
     * Decides one request.
     *
     * @return exactly one decision, never an error
     */
    public Mono<AuthDecision> check(PlayRequest request) {
        return Mono.defer(() -> checkNow(request));
    }

    /**
     * {@link #check} started now rather than on subscription, for a chain that answers at once when its backends
     * did: a decision already made (a local check, a cached answer) comes back as a {@code Mono.just}.
     */
    Mono<AuthDecision> checkNow(PlayRequest request) {
        if (!definition.projectId().equals(request.projectId())) {
            // Structural isolation: a misrouted request never reaches another tenant's plugin.
            return Mono.just(AuthDecision.deny("request for another project", Duration.ZERO));
        }
        try {
            return decide(request);
        } catch (RuntimeException e) {
            // What check() would signal on subscription.
            return Mono.error(e);
        }
    }

    private Mono<AuthDecision> decide(PlayRequest request) {
        String raw;
        try {
            raw = backend.cacheKey(request);
        } catch (RuntimeException e) {
            return Mono.just(fallback(null, e));
        }
        if (raw == null) {
            return decideAfresh(request);
        }
        CacheKey key = new CacheKey(definition.projectId(), definition.name(), raw);
        Stored stored = decisions.getIfPresent(key);
        if (stored != null
                && clock.instant()
                        .isBefore(stored.decidedAt().plus(stored.decision().cacheFor()))) {
            return Mono.just(stored.decision());
        }
        return inFlight.computeIfAbsent(key, k -> shared(k, request));
    }

    /** One call that every identical check arriving while it runs shares; it leaves the map when it ends. */
    private Mono<AuthDecision> shared(CacheKey key, PlayRequest request) {
        AtomicReference<Mono<AuthDecision>> self = new AtomicReference<>();
        Mono<AuthDecision> call = guarded(Mono.defer(() -> backend.check(request)), key)
                .doFinally(signal -> inFlight.remove(key, self.get()))
                .cache();
        self.set(call);
        return call;
    }

    /**
     * A check without a cache key (a cheap local one, such as a signed token). A backend that decided on the spot
     * answers with a value already there (a scalar {@code Mono.just}): no I/O happened, so there is nothing for the
     * timeout to bound and no timer is scheduled per request, which cost a quarter of the gateway's CPU per signed-token
     * play. Any other answer, an error or an empty one included, goes through the guards as every call does.
     */
    private Mono<AuthDecision> decideAfresh(PlayRequest request) {
        if (breaker.getState() != CircuitBreaker.State.CLOSED
                || bulkhead.getMetrics().getAvailableConcurrentCalls() == 0) {
            // An open circuit or a full bulkhead keeps the plugin from being asked at all, as for every call.
            return guarded(Mono.defer(() -> backend.check(request)), null);
        }
        Mono<AuthDecision> answer;
        try {
            answer = backend.check(request);
        } catch (RuntimeException e) {
            return guarded(Mono.error(e), null);
        }
        AuthDecision decided = Ready.valueOf(answer);
        if (decided != null) {
            return Mono.just(decided);
        }
        return guarded(answer == null ? Mono.empty() : answer, null);
    }

    private Mono<AuthDecision> guarded(Mono<AuthDecision> answer, CacheKey key) {
        return answer.switchIfEmpty(Mono.error(() -> new IllegalStateException("the backend answered nothing")))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(decision -> {
                    if (key != null && decision.cacheFor().compareTo(Duration.ZERO) > 0) {
                        decisions.put(key, new Stored(decision, clock.instant()));
                    }
                    return decision;
                })
                // The decision point: a failed call becomes the last good answer or the failure policy's answer.
                .onErrorResume(error -> Mono.just(fallback(key, error)));
    }

    private AuthDecision fallback(CacheKey key, Throwable error) {
        if (key != null) {
            Stored stored = decisions.getIfPresent(key);
            if (stored != null && clock.instant().isBefore(stored.decidedAt().plus(staleFor))) {
                log.debug(
                        "Auth backend {}/{} failed ({}); serving the decision from {}",
                        definition.projectId(),
                        definition.name(),
                        describe(error),
                        stored.decidedAt());
                return withoutCaching(stored.decision());
            }
        }
        if (error instanceof CallNotPermittedException || error instanceof BulkheadFullException) {
            log.debug(
                    "Auth backend {}/{} not called ({}); failing {}",
                    definition.projectId(),
                    definition.name(),
                    describe(error),
                    definition.failurePolicy());
        } else {
            log.warn(
                    "Auth backend {}/{} failed ({}); failing {}",
                    definition.projectId(),
                    definition.name(),
                    describe(error),
                    definition.failurePolicy());
        }
        return definition.failurePolicy() == FailurePolicy.OPEN
                ? AuthDecision.allow(Duration.ZERO)
                : AuthDecision.deny(UNAVAILABLE, Duration.ZERO);
    }

    /** A stale decision must not be cached again downstream, or it would outlive {@code staleFor}. */
    private static AuthDecision withoutCaching(AuthDecision decision) {
        if (decision instanceof AuthDecision.Allow allow) {
            return new AuthDecision.Allow(Duration.ZERO, allow.userId(), allow.maxSessions());
        }
        return new AuthDecision.Deny(((AuthDecision.Deny) decision).reason(), Duration.ZERO);
    }

    private long keptFor(Stored stored) {
        Duration longest = stored.decision().cacheFor().compareTo(staleFor) > 0
                ? stored.decision().cacheFor()
                : staleFor;
        return saturatedNanos(longest);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer within " + timeout;
        }
        return error.toString();
    }

    @Override
    public String toString() {
        return "GuardedAuthBackend[" + definition.projectId() + "/" + definition.name() + ", type " + definition.type()
                + "]";
    }
}
