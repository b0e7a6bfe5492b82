package io.streamgate.sim.auth;

import io.streamgate.domain.signing.PlaybackSigner;
import java.time.Clock;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a playback request through only with a valid signature for its stream. Everything that is not a service path
 * and not a well-formed, validly signed playback path gets a bare 403, so the answer says nothing about which check
 * failed or whether the stream exists.
 */
@Component
class SignatureFilter implements WebFilter, Ordered {

    private final PlaybackSigner signer;
    private final Clock clock;

    SignatureFilter(PlaybackSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getPath().pathWithinApplication().value();
        if (PlaybackPath.isServicePath(rawPath)) {
            return chain.filter(exchange);
        }
        String stream = PlaybackPath.streamOf(rawPath);
        if (stream == null || !validSignature(stream, exchange.getRequest().getQueryParams())) {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
        }
        VerifiedPlayback.mark(exchange, stream);
        return chain.filter(exchange);
    }

    private boolean validSignature(String stream, MultiValueMap<String, String> query) {
        return signer.verify(
                        stream,
                        single(query, PlaybackSigner.KEY_ID),
                        single(query, PlaybackSigner.EXPIRES),
                        single(query, PlaybackSigner.SESSION),
                        single(query, PlaybackSigner.SIGNATURE),
                        clock.instant().getEpochSecond())
                == PlaybackSigner.Verification.VALID;
    }

    /** A repeated parameter is ambiguous, so it counts as missing rather than picking one. */
    private static String single(MultiValueMap<String, String> query, String name) {
        var values = query.get(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }
}
