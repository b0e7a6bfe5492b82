package io.streamgate.plugins.auth.jwt;

import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.HttpCaller;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Fetches a JWK set document through the host's guarded caller: SSRF-checked at connect, no redirects. */
record JwksFetcher(HttpCaller http) {

    /**
     * @param url the JWKS URL
     * @param timeout the whole fetch's limit
     * @return the document's text, or an error for anything but a 200
     */
    Mono<String> fetch(URI url, Duration timeout) {
        return http.call(new HttpCall("GET", url, Map.of("Accept", List.of("application/json")), null, timeout))
                .flatMap(answer -> answer.status() == 200
                        ? Mono.just(answer.bodyText())
                        : Mono.error(new IOException(url + " answered " + answer.status())));
    }
}
