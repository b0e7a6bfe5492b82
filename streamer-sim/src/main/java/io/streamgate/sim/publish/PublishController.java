package io.streamgate.sim.publish;

import io.streamgate.domain.name.StreamName;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.sim.config.InputDefinition;
import io.streamgate.sim.config.StreamDefinition;
import io.streamgate.sim.config.StreamStore;
import io.streamgate.sim.usage.StreamCounters;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 * lifetime is what makes the stream live. With the on_publish callback on, a validly tokened publish to a stream this
 * streamer does not have yet is offered to the callback, and creates the stream if the callback allows it.
 */
@RestController
class PublishController {

    static final String PUBLISH_INPUT = "publish://";

    private final StreamStore store;
    private final IngestActivity ingest;
    private final StreamCounters counters;
    private final PublishTokens tokens;
    private final Clock clock;
    private final Optional<OnPublishCallback> onPublish;

    PublishController(
            StreamStore store,
            IngestActivity ingest,
            StreamCounters counters,
            PublishTokens tokens,
            Clock clock,
            Optional<OnPublishCallback> onPublish) {
        this.store = store;
        this.ingest = ingest;
        this.counters = counters;
        this.tokens = tokens;
        this.clock = clock;
        this.onPublish = onPublish;
    }

    @RequestMapping(
            path = "/streamer/publish/{name}",
            method = {RequestMethod.PUT, RequestMethod.POST})
    Mono<ResponseEntity<Void>> publish(@PathVariable String name, ServerHttpRequest request) {
        // Decided before the body is subscribed, so a refused publisher has no byte read and nothing counted; and
        // before the stream lookup, so without a token nobody learns which streams exist.
        String token = single(request.getQueryParams().get(PublishTokens.PARAMETER));
        if (!validToken(name, token)) {
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        Optional<StreamDefinition> known = store.find(name);
        // A stream this streamer has is decided locally, callback or not: the orchestrator configured it.
        if (known.isPresent() || onPublish.isEmpty() || !StreamName.isValid(name)) {
            return acceptIfPushed(known, name, request);
        }
        OnPublishCallback callback = onPublish.get();
        return callback.allows(name, token, clientAddress(request))
                .flatMap(allowed ->
                        allowed ? acceptIfPushed(createOnPublish(callback, name), name, request) : notFound());
    }

    /**
     * Creates the stream as the config API would, unless a publisher racing on the same name or the orchestrator got
     * there first; either way what the store holds now decides.
     */
    private Optional<StreamDefinition> createOnPublish(OnPublishCallback callback, String name) {
        StreamDefinition stream = new StreamDefinition(name, List.of(new InputDefinition(PUBLISH_INPUT)));
        if (store.putIfAbsent(stream)) {
            counters.track(name);
            callback.created(name);
        }
        return store.find(name);
    }

    private Mono<ResponseEntity<Void>> acceptIfPushed(
            Optional<StreamDefinition> stream, String name, ServerHttpRequest request) {
        if (!stream.map(found -> found.hasInput("publish")).orElse(false)) {
            return notFound();
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

    private static Mono<ResponseEntity<Void>> notFound() {
        return Mono.just(ResponseEntity.notFound().build());
    }

    private boolean validToken(String name, String token) {
        return tokens.verify(name, token, clock.instant().getEpochSecond()) == PlaybackSigner.Verification.VALID;
    }

    /** A repeated token is ambiguous, so it counts as missing rather than picking one. */
    private static String single(List<String> values) {
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    /** The publisher's IP as the socket shows it; the simulator sits behind no proxy whose headers it could trust. */
    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
