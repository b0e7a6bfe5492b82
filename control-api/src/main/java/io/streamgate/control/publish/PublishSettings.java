package io.streamgate.control.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publish tokens.
 *
 * @param keys {@code kid:secret[,kid:secret]} from {@code STREAMGATE_SIGNING_KEYS}: the same keys the streamers check
 *     tokens with; required
 * @param activeKey the key id to sign with ({@code STREAMGATE_SIGNING_ACTIVE_KEY}); empty means the first key
 * @param defaultTtl how long a publish URL is valid when the operator does not say (default 12 h: an encoder checks
 *     its token when it connects, so the TTL bounds when a leaked URL stops working, not how long a publish lasts)
 * @param maxTtl the longest validity an operator may ask for (default 7 days)
 */
@ConfigurationProperties("streamgate.control.publish")
record PublishSettings(String keys, String activeKey, Duration defaultTtl, Duration maxTtl) {

    static final Duration MIN_TTL = Duration.ofMinutes(1);

    PublishSettings {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException("streamgate.control.publish.keys is not set: set STREAMGATE_SIGNING_KEYS to"
                    + " 'kid:secret[,kid:secret]' (each secret at least 16 bytes), the same value the streamers and"
                    + " gateways use");
        }
        activeKey = activeKey == null || activeKey.isBlank() ? null : activeKey;
        defaultTtl = defaultTtl == null ? Duration.ofHours(12) : defaultTtl;
        maxTtl = maxTtl == null ? Duration.ofDays(7) : maxTtl;
        if (defaultTtl.compareTo(MIN_TTL) < 0 || maxTtl.compareTo(defaultTtl) < 0) {
            throw new IllegalArgumentException("streamgate.control.publish: default-ttl " + defaultTtl + ", max-ttl "
                    + maxTtl + " (expected: " + MIN_TTL + " <= default-ttl <= max-ttl)");
        }
    }
}
