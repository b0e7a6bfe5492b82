package io.streamgate.gateway.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing settings.
 *
 * @param keys {@code kid:secret[,kid:secret]}, from {@code STREAMGATE_SIGNING_KEYS}; required
 * @param activeKey the key id to sign with, from {@code STREAMGATE_SIGNING_ACTIVE_KEY}; empty means the first key
 * @param ttl how long a signed URL stays playable (default 2 h)
 */
@ConfigurationProperties("streamgate.gateway.signing")
record SigningProperties(String keys, String activeKey, @DefaultValue("2h") Duration ttl) {

    SigningProperties {
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("streamgate.gateway.signing.keys is empty (expected: set"
                    + " STREAMGATE_SIGNING_KEYS to 'kid:secret[,kid:secret]', each secret at least 16 bytes, the same"
                    + " keys the streamers verify with)");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("streamgate.gateway.signing.ttl: " + ttl + " (expected: > 0)");
        }
    }
}
