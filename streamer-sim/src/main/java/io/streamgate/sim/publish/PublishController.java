package io.streamgate.sim.publish;

import io.streamgate.sim.config.StreamStore;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accepts a pushed upload and discards it, counting bytes; the upload's lifetime is what makes the stream live. */
@RestController
class PublishController {

    private final StreamStore store;
    private final IngestActivity ingest;

    PublishController(StreamStore store, IngestActivity ingest) {
        this.store = store;
        this.ingest = ingest;
    }

    @RequestMapping(
            path = "/streamer/publish/{name}",
            method = {RequestMethod.PUT, RequestMethod.POST})
    Mono<ResponseEntity<Void>> publish(@PathVariable String name, ServerHttpRequest request) {
        boolean accepts =
                store.find(name).map(stream -> stream.hasInput("publish")).orElse(false);
        if (!accepts) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        return request.getBody()
                .doOnSubscribe(subscription -> ingest.opened(name))
                .doOnNext(buffer -> {
                    ingest.received(name, buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                })
                .doFinally(signal -> ingest.closed(name))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }
}
