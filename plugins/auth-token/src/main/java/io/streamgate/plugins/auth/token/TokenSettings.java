package io.streamgate.plugins.auth.token;

import io.streamgate.plugin.api.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code token} backend's validated settings.
 *
 * @param keys the live signing keys by key id, in the operator's order
 * @param activeKey the key id new tokens are signed with
 * @param bindIp whether every token must carry a client address
 * @param maxTtl the longest a minted token may live
 */
record TokenSettings(Map<String, SigningKey> keys, String activeKey, boolean bindIp, Duration maxTtl) {

    static final int MAX_KEYS = 8;
    static final int MIN_SECRET_BYTES = 16;
    static final int MAX_SECRET_BYTES = 1024;
    static final Duration DEFAULT_MAX_TTL = Duration.ofHours(24);
    static final Duration MAX_MAX_TTL = Duration.ofDays(366);
    static final Set<String> KNOWN = Set.of("keys", "active_key", "bind_ip", "max_ttl");

    TokenSettings {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys)); // keeps the operator's order
    }

    static TokenSettings from(Settings settings) {
        settings.allowOnly(KNOWN);
        Settings keySettings = settings.object("keys");
        Map<String, Object> raw = keySettings.asMap();
        if (raw.isEmpty() || raw.size() > MAX_KEYS) {
            throw settings.invalid(
                    "keys",
                    raw.size() + " keys (expected: an object of 1 to " + MAX_KEYS
                            + " key ids mapped to secrets of at least " + MIN_SECRET_BYTES + " bytes)");
        }
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        String first = null;
        for (String kid : raw.keySet()) {
            if (!SignedToken.isKeyId(kid)) {
                throw keySettings.invalid(kid, "'" + kid + "' is not a valid key id (expected: [A-Za-z0-9_-]{1,32})");
            }
            int length = keySettings.string(kid).getBytes(StandardCharsets.UTF_8).length;
            if (length < MIN_SECRET_BYTES || length > MAX_SECRET_BYTES) {
                // The secret itself is never echoed: messages end up in logs and API answers.
                throw keySettings.invalid(
                        kid,
                        "secret of " + length + " bytes (expected: " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES
                                + " bytes of UTF-8)");
            }
            keys.put(kid, new SigningKey(kid, keySettings.string(kid).getBytes(StandardCharsets.UTF_8)));
            first = first == null ? kid : first;
        }
        String active = settings.string("active_key", first);
        if (!keys.containsKey(active)) {
            throw settings.invalid("active_key", "'" + active + "' (expected: one of " + keys.keySet() + ")");
        }
        boolean bindIp = settings.bool("bind_ip", false);
        Duration maxTtl = settings.duration("max_ttl", DEFAULT_MAX_TTL, Duration.ofSeconds(1), MAX_MAX_TTL);
        return new TokenSettings(keys, active, bindIp, maxTtl);
    }
}
