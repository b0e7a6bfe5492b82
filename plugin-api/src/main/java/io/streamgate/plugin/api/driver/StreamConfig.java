package io.streamgate.plugin.api.driver;

import java.util.List;
import java.util.Objects;

/**
 * A stream as a streamer runs it.
 *
 * @param name the internal stream name, {@code {project_id}_{name}}
 * @param inputs the input URLs in priority order, e.g. {@code fake://test}, {@code publish://}, {@code rtmp://...}
 * @since 1.1.0
 */
public record StreamConfig(String name, List<String> inputs) {

    /**
     * Validates and copies.
     *
     * @since 1.1.0
     */
    public StreamConfig {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
    }

    /**
     * Whether the stream waits for a publisher rather than pulling a source.
     *
     * @return true when an input is {@code publish://}
     * @since 1.1.0
     */
    public boolean published() {
        return inputs.stream().anyMatch(input -> input.startsWith("publish://"));
    }
}
