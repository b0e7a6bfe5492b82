package io.streamgate.control.template;

import java.time.Instant;
import java.util.List;

/**
 * A publish template as stored: streams published under {@code prefix} are created with these settings.
 *
 * @param authChain {@code null} for the project's default chain
 * @param region {@code null} to place anywhere
 */
public record StoredTemplate(
        long projectId,
        String name,
        String prefix,
        String playbackMode,
        List<String> authChain,
        String region,
        Instant createdAt,
        Instant updatedAt) {

    public StoredTemplate {
        authChain = authChain == null ? null : List.copyOf(authChain);
    }

    /** Whether a stream of this name falls under the template: it extends the prefix by at least one character. */
    public boolean covers(String streamName) {
        return streamName.length() > prefix.length() && streamName.startsWith(prefix);
    }
}
