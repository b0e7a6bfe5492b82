package io.streamgate.control.stream;

import java.time.Instant;
import java.util.List;

/** A stream as the operator API shows it, with its live status; {@code auth_chain} is null for the project default. */
record StreamResponse(
        String name,
        List<StreamInput> inputs,
        String playbackMode,
        Status status,
        List<String> authChain,
        Instant createdAt,
        Instant updatedAt) {

    /** Alive when any streamer the stream is placed on has it alive. */
    record Status(boolean alive, List<StreamerStatus> streamers) {}

    record StreamerStatus(String name, boolean alive, long onlineClients) {}
}
