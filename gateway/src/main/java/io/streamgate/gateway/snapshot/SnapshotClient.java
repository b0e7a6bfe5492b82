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
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        this.circuitBreaker = circuitBreaker;
        this.timeout = properties.timeout();
        this.authorization = "Bearer " + properties.token();
    }

    /** The snapshot if it differs from {@code heldVersion} (-1: none held); empty on 304. */
    Mono<ConfigSnapshot> fetch(long heldVersion) {
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
                        return response.releaseBody().then(Mono.<ConfigSnapshot>empty());
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody()
                                .then(Mono.error(new SnapshotFetchException("control-api answered "
                                        + response.statusCode().value() + " to GET " + PATH)));
                    }
                    return response.bodyToMono(byte[].class)
                            .map(body -> SnakeCaseJson.MAPPER.readValue(body, ConfigSnapshot.class));
                })
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
    }

    static final class SnapshotFetchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SnapshotFetchException(String message) {
            super(message, null, false, false);
        }
    }
}
