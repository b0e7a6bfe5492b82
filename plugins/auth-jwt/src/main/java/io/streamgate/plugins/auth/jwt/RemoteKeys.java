package io.streamgate.plugins.auth.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The identity system's keys, fetched when first needed, refreshed after the refresh interval, and re-fetched early
 * (at most every {@link #MIN_REFETCH}) when a token names a key id not seen yet, which is how key rotation looks from
 * here. Concurrent fetches coalesce into one.
 */
final class RemoteKeys {

    /** Like Nimbus's own JWKS source: unknown key ids must not let anyone flood the identity system. */
    static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private record Fetched(List<JWK> keys, Instant at) {}

    private final URI url;
    private final Duration refresh;
    private final JwksFetcher fetcher;
    private final Clock clock;
    private final AtomicReference<Fetched> current = new AtomicReference<>();
    private final AtomicReference<Mono<Fetched>> inflight = new AtomicReference<>();

    RemoteKeys(URI url, Duration refresh, JwksFetcher fetcher, Clock clock) {
        this.url = url;
        this.refresh = refresh;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The keys, fetched or refreshed when due. */
    Mono<List<JWK>> keys() {
        Fetched known = current.get();
        if (known != null && known.at().plus(refresh).isAfter(clock.instant())) {
            return Mono.just(known.keys());
        }
        return fetchOrKeep(known);
    }

    /** The keys re-fetched for an unknown key id, unless they were fetched very recently. */
    Mono<List<JWK>> keysForUnknownKeyId() {
        Fetched known = current.get();
        if (known != null && known.at().plus(MIN_REFETCH).isAfter(clock.instant())) {
            return Mono.just(known.keys());
        }
        return fetchOrKeep(known);
    }

    private Mono<List<JWK>> fetchOrKeep(Fetched known) {
        return fetch().map(Fetched::keys).onErrorResume(error -> {
            // Keys that verified until now keep verifying while the identity system is unreachable; with none yet,
            // the error goes to the host, which applies the backend's failure policy.
            return known == null ? Mono.error(error) : Mono.just(known.keys());
        });
    }

    private Mono<Fetched> fetch() {
        while (true) {
            Mono<Fetched> running = inflight.get();
            if (running != null) {
                return running;
            }
            Sinks.One<Fetched> result = Sinks.one();
            Mono<Fetched> shared = result.asMono();
            if (inflight.compareAndSet(null, shared)) {
                Mono.defer(() -> fetcher.fetch(url, FETCH_TIMEOUT))
                        .timeout(FETCH_TIMEOUT)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException(url + ": empty JWKS answer")))
                        .map(this::parse)
                        .subscribe(
                                fetched -> {
                                    current.set(fetched);
                                    inflight.set(null);
                                    result.tryEmitValue(fetched);
                                },
                                error -> {
                                    inflight.set(null);
                                    result.tryEmitError(error);
                                });
                return shared;
            }
        }
    }

    private Fetched parse(String document) {
        try {
            List<JWK> keys = JWKSet.parse(document).toPublicJWKSet().getKeys().stream()
                    .filter(JwtAuthSettings::usable)
                    .toList();
            return new Fetched(keys, clock.instant());
        } catch (ParseException e) {
            throw new IllegalStateException(url + ": not a JWK set", e);
        }
    }
}
