package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigChannel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the snapshot comes from and where it is kept.
 *
 * @param controlUrl control-api's base URL ({@code STREAMGATE_CONTROL_URL}, default {@code http://127.0.0.1:8081})
 * @param token the bearer token for {@code /internal/v1/snapshot} ({@code STREAMGATE_GATEWAY_TOKEN}); required
 * @param syncInterval how often the full snapshot is re-checked (default 2 s; a 304 costs little)
 * @param timeout the time limit of one fetch, connect included (default 3 s)
 * @param file the last-known-good copy, read at start when control-api is unreachable
 * @param redisUrl {@code redis://host:port} of the change channel ({@code STREAMGATE_REDIS_URL}); empty: periodic sync only
 * @param channel the Redis channel of change events (default {@link ConfigChannel#NAME})
 * @param maxSize the largest snapshot accepted (default 512 MB; a snapshot of 1,000,000 streams is about 150 MB of
 *     JSON); a larger one fails the fetch and the held one keeps serving
 */
@ConfigurationProperties("streamgate.gateway.snapshot")
record SnapshotProperties(
        @DefaultValue("http://127.0.0.1:8081") URI controlUrl,
        String token,
        @DefaultValue("2s") Duration syncInterval,
        @DefaultValue("3s") Duration timeout,
        Path file,
        String redisUrl,
        @DefaultValue(ConfigChannel.NAME) String channel,
        @DefaultValue("512MB") DataSize maxSize) {

    SnapshotProperties {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("streamgate.gateway.snapshot.token is empty (expected: set"
                    + " STREAMGATE_GATEWAY_TOKEN to the token control-api accepts on /internal/v1/snapshot)");
        }
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.snapshot.sync-interval: " + syncInterval + " (expected: > 0)");
        }
        if (file == null) {
            file = Path.of(System.getProperty("java.io.tmpdir"), "streamgate-gateway-snapshot.json");
        }
        if (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.snapshot.max-size: " + maxSize + " (expected: 1B to 2047MB)");
        }
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
    }
}
