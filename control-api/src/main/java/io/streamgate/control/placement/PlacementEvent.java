package io.streamgate.control.placement;

import java.time.Instant;
import java.util.Objects;

/** One recorded placement change; ids are Snowflakes, so they sort by time. */
public record PlacementEvent(
        long id,
        long projectId,
        String streamName,
        long streamerId,
        String streamerName,
        PlacementAction action,
        String reason,
        Instant at) {

    public PlacementEvent {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(streamerName, "streamerName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
