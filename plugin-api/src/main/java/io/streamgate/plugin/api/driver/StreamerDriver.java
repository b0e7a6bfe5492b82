package io.streamgate.plugin.api.driver;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Talks to one streamer. Every method is non-blocking and idempotent, so a host may retry any of them and a
 * reconcile loop may call them again and again with the same desired state.
 *
 * @since 1.1.0
 */
public interface StreamerDriver {

    /**
     * Creates or replaces a stream's config on the streamer.
     *
     * @param stream the stream, by internal name
     * @return completes once the streamer has taken it; fails with {@link UnsupportedStreamException} when this kind
     *     of streamer cannot run it (an input scheme it does not know), or with an I/O error or timeout
     * @since 1.1.0
     */
    Mono<Void> push(StreamConfig stream);

    /**
     * Removes a stream; a streamer that does not have it is already where we want it, so that completes too.
     *
     * @param name the internal stream name
     * @return completes once removed
     * @since 1.1.0
     */
    Mono<Void> remove(String name);

    /**
     * What the streamer runs now: every stream it knows, live or not, with its load.
     *
     * @return the state, or an error when the streamer does not answer (which hosts read as "down")
     * @since 1.1.0
     */
    Mono<RuntimeState> state();

    /**
     * The streamer's monotonic usage counters for the current collection session.
     *
     * @return the counters, or an error when the streamer does not answer
     * @since 1.1.0
     */
    Mono<UsageCounters> counters();

    /**
     * Every collection session whose counters the streamer still exposes: the current one first, then, for a
     * streamer that keeps its counters on disk, the final totals of sessions before it (the tail a crashed process
     * served after its last poll). A collector bills from this, so no usage is lost to a restart. Streamers that keep
     * nothing across restarts expose only the current session, which is what the default does.
     *
     * @return the sessions, the current one first; or an error when the streamer does not answer
     * @since 1.2.0
     */
    default Mono<List<UsageCounters>> usage() {
        return counters().map(List::of);
    }

    /**
     * Where an encoder publishes a stream to this streamer, with the publish token in the URLs the way this kind of
     * streamer passes it to its publish check. Pure: no I/O.
     *
     * @param name the internal stream name
     * @param token the opaque publish token
     * @return one endpoint per protocol the streamer accepts, the preferred one first; empty when it takes no
     *     publishers
     * @since 1.1.0
     */
    List<PublishEndpoint> publishEndpoints(String name, String token);
}
