package io.streamgate.domain.signing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HMAC keys a signer may use, by key id, and the one it signs with. Several keys live at once so they can rotate:
 * verifiers accept every key listed, signers use the active one.
 */
public record SigningKeys(Map<String, byte[]> keys, String activeKeyId) {

    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    public static final int MIN_SECRET_BYTES = 16;

    public SigningKeys {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("signing keys: none (expected: at least one 'kid:secret')");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((kid, secret) -> {
            if (kid == null || !KEY_ID.matcher(kid).matches()) {
                throw new IllegalArgumentException("signing key id: '" + kid + "' (expected: " + KEY_ID + ")");
            }
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "signing key '" + kid + "': too short (expected: at least " + MIN_SECRET_BYTES + " bytes)");
            }
            copy.put(kid, secret.clone());
        });
        keys = Map.copyOf(copy);
        if (activeKeyId == null || activeKeyId.isEmpty()) {
            activeKeyId = copy.keySet().iterator().next();
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(
                    "active signing key id: '" + activeKeyId + "' (expected: one of " + copy.keySet() + ")");
        }
    }

    /**
     * Parses {@code kid:secret[,kid:secret...]}, the form environment variables carry; the first key is active unless
     * {@code activeKeyId} names another.
     */
    public static SigningKeys parse(String spec, String activeKeyId) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("signing keys: empty (expected: 'kid:secret[,kid:secret...]')");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("signing keys: an entry without 'kid:' (expected: 'kid:secret')");
            }
            String kid = entry.substring(0, colon).trim();
            if (keys.put(kid, entry.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("signing keys: key id '" + kid + "' appears twice");
            }
        }
        return new SigningKeys(keys, activeKeyId);
    }

    byte[] secret(String kid) {
        return keys.get(kid);
    }

    @Override
    public String toString() {
        return "SigningKeys[keyIds=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}
