package io.streamgate.control.stream;

import java.time.Instant;
import java.util.List;

/** A stream row; a {@code null} auth chain means the project's default chain. */
record StoredStream(
        long projectId,
        String name,
        List<StreamInput> inputs,
        String playbackMode,
        List<String> authChain,
        Instant createdAt,
        Instant updatedAt) {}
