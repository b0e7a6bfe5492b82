package io.streamgate.control.reconcile;

import io.streamgate.control.placement.PlacementAction;
import io.streamgate.control.streamer.Streamer;
import java.util.Objects;

/** One placement change a round decided on. */
record Change(long projectId, String streamName, Streamer streamer, PlacementAction action, String reason) {

    Change {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(streamer, "streamer");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }
}
