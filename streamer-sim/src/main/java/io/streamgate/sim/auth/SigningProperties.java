package io.streamgate.sim.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for verifying playback signatures.
 *
 * @param keys {@code kid:secret[,kid:secret]} (secret at least 16 bytes), the same keys the gateway signs with; no
 *     default, because a streamer that accepts anything would defeat the gateway's auth
 */
@ConfigurationProperties("streamgate.sim.signing")
record SigningProperties(String keys) {

    SigningProperties {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException("streamgate.sim.signing.keys is not set: set STREAMGATE_SIGNING_KEYS to"
                    + " 'kid:secret[,kid:secret]' (secret >= 16 bytes), the keys the gateway signs playback URLs with");
        }
    }
}
