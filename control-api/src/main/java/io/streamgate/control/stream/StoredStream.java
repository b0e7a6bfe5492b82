package io.streamgate.control.stream;

import java.time.Instant;
import java.util.List;

/** A stream row. */
record StoredStream(
        long projectId,
        String name,
        List<StreamInput> inputs,
        String playbackMode,
        Instant createdAt,
        Instant updatedAt) {}
