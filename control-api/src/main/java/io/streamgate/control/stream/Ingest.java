package io.streamgate.control.stream;

import reactor.core.publisher.Mono;

/** Where encoders publish a stream; declared here for the operator view, implemented by the publish feature. */
public interface Ingest {

    /**
     * The publish URLs of a stream that takes publishers, with a token of the default lifetime.
     *
     * @return the URLs; empty when the stream takes no publishers or no streamer can take one now
     */
    Mono<StreamResponse.Publish> of(StoredStream stream);
}
