package io.streamgate.control.placement;

import java.time.Instant;
import java.util.Objects;

/**
 * A stream placed on a streamer.
 *
 * @param since when it entered its state; {@code null} for placements made before states existed
 */
public record Placement(long projectId, String streamName, long streamerId, PlacementState state, Instant since) {

    public Placement {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(state, "state");
    }
}
