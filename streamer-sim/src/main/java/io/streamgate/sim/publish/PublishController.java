package io.streamgate.sim.publish;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.sim.config.StreamStore;
import io.streamgate.sim.usage.StreamCounters;
import java.time.Clock;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Accepts a pushed upload that carries a publish token for its stream and discards it, counting bytes; the upload's
 * lifetime is what makes the stream live.
 */
@RestController
class PublishController {

    private final StreamStore store;
    private final IngestActivity ingest;
    private final StreamCounters counters;
    private final PublishTokens tokens;
    private final Clock clock;

    PublishController(
            StreamStore store, IngestActivity ingest, StreamCounters counters, PublishTokens tokens, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.counters = counters;
        this.tokens = tokens;
        this.clock = clock;
    }

    @RequestMapping(
            path = "/streamer/publish/{name}",
            method = {RequestMethod.PUT, RequestMethod.POST})
    Mono<ResponseEntity<Void>> publish(@PathVariable String name, ServerHttpRequest request) {
        // Decided before the body is subscribed, so a refused publisher has no byte read and nothing counted; and
        // before the stream lookup, so without a token nobody learns which streams exist.
        if (!validToken(name, request.getQueryParams().get(PublishTokens.PARAMETER))) {
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        boolean accepts =
                store.find(name).map(stream -> stream.hasInput("publish")).orElse(false);
        if (!accepts) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        return request.getBody()
                .doOnSubscribe(subscription -> ingest.opened(name))
                .doOnNext(buffer -> {
                    int bytes = buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    ingest.received(name);
                    counters.received(name, bytes);
                })
                .doFinally(signal -> ingest.closed(name))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** A repeated token is ambiguous, so it counts as missing rather than picking one. */
    private boolean validToken(String name, List<String> values) {
        String token = values != null && values.size() == 1 ? values.get(0) : null;
        return tokens.verify(name, token, clock.instant().getEpochSecond()) == PlaybackSigner.Verification.VALID;
    }
}
