package io.streamgate.control.streamer;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * What the streamer admin needs of placements, declared here and implemented by the placement feature, so that
 * streamers never depend on how placements are stored.
 */
public interface StreamerPlacements {

    /** How many placements (active and leaving) each streamer holds; streamers without any are absent. */
    Mono<Map<Long, Long>> countByStreamer();

    /** Removes every placement on the streamer, recording an event with {@code reason} for each; in the caller's transaction. */
    Mono<Void> removeAllOn(Streamer streamer, String reason);
}
