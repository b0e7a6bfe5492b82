package io.streamgate.gateway.snapshot;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.ChannelOption;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/** Fetches {@code GET /internal/v1/snapshot}, conditionally on the version held. */
final class SnapshotClient {

    static final String PATH = "/internal/v1/snapshot";

    private final WebClient client;
    private final CircuitBreaker circuitBreaker;
    private final Duration timeout;
    private final String authorization;

    SnapshotClient(SnapshotProperties properties, CircuitBreaker circuitBreaker) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.timeout().toMillis())
                .responseTimeout(properties.timeout());
        this.client = WebClient.builder()
                .baseUrl(properties.controlUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                // Snapshots of a large cloud outgrow the 256 KiB default.
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxSize().toBytes()))
                .build();
        this.circuitBreaker = circuitBreaker;
        this.timeout = properties.timeout();
        this.authorization = "Bearer " + properties.token();
    }

    /** A snapshot as read and the bytes it was read from, which are what the last-known-good file keeps. */
    record Fetched(ConfigSnapshot snapshot, byte[] json) {}

    /**
     * The snapshot if its version differs from {@code held}'s (none held: any); empty on 304. Streams that did not
     * change are {@code held}'s own entries.
     */
    Mono<Fetched> fetch(SnapshotIndex held) {
        long heldVersion = held.version();
        return client.get()
                .uri(PATH)
                .headers(headers -> {
                    headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    if (heldVersion >= 0) {
                        headers.set(HttpHeaders.IF_NONE_MATCH, "\"" + heldVersion + "\"");
                    }
                })
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED)) {
                        return response.releaseBody().then(Mono.<byte[]>empty());
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody()
                                .then(Mono.error(new SnapshotFetchException("control-api answered "
                                        + response.statusCode().value() + " to GET " + PATH)));
                    }
                    return response.bodyToMono(byte[].class);
                })
                // The transfer is what the timeout bounds; parsing is the gateway's own work.
                .timeout(timeout)
                // Parsing a large snapshot takes a second or more: never on the event loops, which this client shares
                // with the player port.
                .publishOn(Schedulers.boundedElastic())
                .map(body -> new Fetched(SnapshotReader.read(body, held), body))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
    }

    static final class SnapshotFetchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SnapshotFetchException(String message) {
            super(message, null, false, false);
        }
    }
}
