package io.streamgate.control.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Operator API keys: {@code sgk_} plus 32 random bytes in base64url. Only the SHA-256 (hex) of a key is stored; the
 * key itself is shown once, when it is made.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "sgk_";

    private final SecureRandom random;

    public ApiKeys() {
        try {
            // DRBG draws entropy only when seeded; seeding it here, at start-up, keeps the read of the OS entropy
            // source off the event loops where keys are made.
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is required by every Java 9+ platform", e);
        }
        random.nextBytes(new byte[32]);
    }

    /** A new key, in the form the operator must present. */
    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a key. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(BearerTokens.sha256(key));
    }
}
