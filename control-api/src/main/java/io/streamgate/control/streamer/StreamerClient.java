package io.streamgate.control.streamer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a streamer's config API. Every call has a timeout and goes through that streamer's own circuit breaker, so
 * one dead streamer costs a fast failure instead of a timeout per request.
 */
@Component
public class StreamerClient {

    private static final String STREAMS = "/streamer/api/v3/streams";

    private final WebClient web;
    private final CircuitBreakerRegistry breakers;
    private final StreamerSettings settings;

    StreamerClient(JsonMapper json, ObjectProvider<CircuitBreakerRegistry> breakers, StreamerSettings settings) {
        // The application's mapper, so that pushed bodies and read lists use the same snake_case names as the APIs.
        this.web = WebClient.builder()
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
                })
                .build();
        this.breakers = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        this.settings = settings;
    }

    /** Creates or replaces the stream on the streamer. */
    public Mono<Void> put(Streamer streamer, PushedStream stream) {
        return web.put()
                .uri(streamer.baseUrl() + STREAMS + "/{name}", stream.name())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(stream)
                .retrieve()
                .toBodilessEntity()
                .then()
                .timeout(settings.requestTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker(streamer)));
    }

    /** Removes the stream; a streamer that no longer has it (404) is what we wanted, so that counts as done. */
    public Mono<Void> delete(Streamer streamer, String internalName) {
        return web.delete()
                .uri(streamer.baseUrl() + STREAMS + "/{name}", internalName)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                                || response.statusCode().value() == 404
                        ? response.releaseBody()
                        : response.createError().then())
                .timeout(settings.requestTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker(streamer)));
    }

    Mono<StreamerStreamList> list(Streamer streamer) {
        return web.get()
                .uri(streamer.baseUrl() + STREAMS)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(StreamerStreamList.class)
                .timeout(settings.requestTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker(streamer)));
    }

    private CircuitBreaker breaker(Streamer streamer) {
        return breakers.circuitBreaker("streamer-" + streamer.name());
    }
}
