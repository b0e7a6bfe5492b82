package io.streamgate.plugin.host.auth;

import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.reactive.Ready;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A stream's (or project default's) auth backends, asked in order: every one must allow, the first deny wins and
 * the rest are not asked. An empty chain allows. Immutable.
 */
public final class AuthChain {

    private static final AuthChain EMPTY = new AuthChain(List.of());
    private static final Mono<AuthDecision> ALLOW = Mono.just(AuthDecision.allow(Duration.ZERO));

    private final List<GuardedAuthBackend> backends;

    private AuthChain(List<GuardedAuthBackend> backends) {
        this.backends = backends;
    }

    /**
     * @throws IllegalArgumentException when the backends belong to different projects
     */
    public static AuthChain of(List<GuardedAuthBackend> backends) {
        List<GuardedAuthBackend> copy = List.copyOf(backends);
        long projects = copy.stream()
                .map(backend -> backend.definition().projectId())
                .distinct()
                .count();
        if (projects > 1) {
            throw new IllegalArgumentException("backends: " + copy + " (expected: all of one project)");
        }
        return copy.isEmpty() ? EMPTY : new AuthChain(copy);
    }

    /** The chain that allows everything. */
    public static AuthChain empty() {
        return EMPTY;
    }

    public List<GuardedAuthBackend> backends() {
        return backends;
    }

    /**
     * Decides a request. An allow combines the backends' allows: the shortest {@code cacheFor}, the first user id,
     * the smallest session limit.
     *
     * @return exactly one decision, never an error
     */
    public Mono<AuthDecision> check(PlayRequest request) {
        if (backends.isEmpty()) {
            return ALLOW;
        }
        // Backends that decide on the spot (a signed token, a cached answer) are combined right here; the chain turns
        // reactive only from the first backend that has to wait, so a play checked locally costs no operators.
        AuthDecision soFar = null;
        for (int i = 0; i < backends.size(); i++) {
            Mono<AuthDecision> answer = backends.get(i).checkNow(request);
            AuthDecision now = Ready.valueOf(answer);
            if (now == null) {
                return waitFor(answer, i + 1, soFar, request);
            }
            soFar = soFar == null ? now : combine(soFar, now);
            if (now instanceof AuthDecision.Deny) {
                return Mono.just(soFar);
            }
        }
        return Mono.just(soFar);
    }

    /** {@code pending}, then the backends from {@code next} on, in order, until one denies. */
    private Mono<AuthDecision> waitFor(Mono<AuthDecision> pending, int next, AuthDecision soFar, PlayRequest request) {
        Flux<AuthDecision> decisions = pending.concatWith(Flux.fromIterable(backends.subList(next, backends.size()))
                        .concatMap(backend -> backend.check(request)))
                .takeUntil(decision -> decision instanceof AuthDecision.Deny);
        return soFar == null ? decisions.reduce(AuthChain::combine) : decisions.reduce(soFar, AuthChain::combine);
    }

    private static AuthDecision combine(AuthDecision soFar, AuthDecision next) {
        if (next instanceof AuthDecision.Deny) {
            return next;
        }
        AuthDecision.Allow a = (AuthDecision.Allow) soFar;
        AuthDecision.Allow b = (AuthDecision.Allow) next;
        Duration cacheFor = a.cacheFor().compareTo(b.cacheFor()) <= 0 ? a.cacheFor() : b.cacheFor();
        String userId = a.userId() != null ? a.userId() : b.userId();
        int maxSessions = a.maxSessions() == 0
                ? b.maxSessions()
                : b.maxSessions() == 0 ? a.maxSessions() : Math.min(a.maxSessions(), b.maxSessions());
        return new AuthDecision.Allow(cacheFor, userId, maxSessions);
    }
}
