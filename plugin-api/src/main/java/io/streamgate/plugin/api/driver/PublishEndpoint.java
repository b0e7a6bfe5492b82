package io.streamgate.plugin.api.driver;

import java.util.Objects;

/**
 * Where an encoder publishes one stream.
 *
 * @param protocol {@code rtmp}, {@code srt}, {@code whip} or {@code http}
 * @param url the full URL, token included
 * @since 1.1.0
 */
public record PublishEndpoint(String protocol, String url) {

    /**
     * Validates.
     *
     * @since 1.1.0
     */
    public PublishEndpoint {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(url, "url");
    }
}
