package io.streamgate.control.events;

import io.streamgate.domain.snapshot.ConfigChannel;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where config changes are announced.
 *
 * @param redisUrl {@code redis://host:port} ({@code STREAMGATE_REDIS_URL}); empty means nothing is published and the
 *     gateways' periodic sync alone carries changes
 * @param channel the pub/sub channel, {@link ConfigChannel#NAME} unless a test isolates itself with a prefix
 * @param timeout how long one publish may take (default 2 s) before it is given up and counted as failed
 */
@ConfigurationProperties("streamgate.control.events")
record EventsSettings(String redisUrl, String channel, Duration timeout) {

    EventsSettings {
        redisUrl = redisUrl == null ? "" : redisUrl.trim();
        channel = channel == null || channel.isBlank() ? ConfigChannel.NAME : channel;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (!redisUrl.isEmpty() && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException(
                    "STREAMGATE_REDIS_URL: '" + redisUrl + "' (expected: redis://host:port)");
        }
    }
}
