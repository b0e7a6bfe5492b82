package io.streamgate.control.stream;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stream row.
 *
 * @param authChain {@code null} means the project's default chain
 * @param region {@code null} places it in any region
 */
public record StoredStream(
        long projectId,
        String name,
        List<StreamInput> inputs,
        String playbackMode,
        List<String> authChain,
        String region,
        Instant createdAt,
        Instant updatedAt) {

    public StoredStream {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        authChain = authChain == null ? null : List.copyOf(authChain);
    }

    /** Whether an encoder may publish to the stream: one of its inputs is {@code publish://}. */
    public boolean takesPublishers() {
        return inputs.stream().anyMatch(StreamInput::published);
    }
}
