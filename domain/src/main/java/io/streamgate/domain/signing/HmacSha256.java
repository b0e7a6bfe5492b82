package io.streamgate.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a purpose tag and newline-separated fields, with the secret of a key id. The tag keeps signatures of
 * different purposes apart (a playback signature is never a publish token). Mac instances are kept per thread and key
 * id, since creating one costs more than the MAC itself.
 */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final SigningKeys keys;
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    HmacSha256(SigningKeys keys) {
        this.keys = keys;
    }

    /** The MAC of {@code tag} then each field after a newline; the key id must be one of the keys. */
    byte[] of(String kid, String tag, String... fields) {
        Mac mac = macs.get().computeIfAbsent(kid, this::newMac);
        mac.update(tag.getBytes(StandardCharsets.UTF_8));
        for (String field : fields) {
            mac.update((byte) '\n');
            mac.update(field.getBytes(StandardCharsets.UTF_8));
        }
        return mac.doFinal();
    }

    private Mac newMac(String kid) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(keys.secret(kid), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
