package io.streamgate.domain.signing;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Signs and verifies playback URLs. A signature covers the internal stream name (every path under
 * {@code /{stream}/} on a streamer), the viewer's session id, the expiry and the key id, so one signed query string
 * serves a master playlist, its variants and their segments, and nothing else.
 *
 * <p>Query parameters: {@value #KEY_ID}, {@value #EXPIRES} (epoch seconds), {@value #SESSION} and {@value #SIGNATURE}
 * (base64url HMAC-SHA256 without padding). Thread-safe; MAC instances are reused per thread.
 */
public final class PlaybackSigner {

    public static final String KEY_ID = "sg_kid";
    public static final String EXPIRES = "sg_exp";
    public static final String SESSION = "sg_sid";
    public static final String SIGNATURE = "sg_sig";

    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final HmacSha256 hmac;

    public PlaybackSigner(SigningKeys keys) {
        this.keys = keys;
        this.hmac = new HmacSha256(keys);
    }

    /** The query string (without {@code ?}) that makes URLs under {@code /{stream}/} playable until the expiry. */
    public String sign(String stream, String sessionId, long expiresEpochSecond) {
        if (!validSessionId(sessionId)) {
            throw new IllegalArgumentException("session id: '" + sessionId + "' (expected: " + SESSION_ID + ")");
        }
        String kid = keys.activeKeyId();
        String expires = Long.toString(expiresEpochSecond);
        return KEY_ID
                + '='
                + kid
                + '&'
                + EXPIRES
                + '='
                + expires
                + '&'
                + SESSION
                + '='
                + sessionId
                + '&'
                + SIGNATURE
                + '='
                + ENCODER.encodeToString(mac(kid, stream, expires, sessionId));
    }

    /** Verifies the four signed parameters as they came in the query; any of them may be {@code null}. */
    public Verification verify(
            String stream, String kid, String expires, String sessionId, String signature, long nowEpochSecond) {
        if (kid == null || expires == null || sessionId == null || signature == null) {
            return Verification.MISSING;
        }
        if (!validSessionId(sessionId) || signature.length() > 64 || expires.length() > 19) {
            return Verification.MALFORMED;
        }
        if (keys.secret(kid) == null) {
            return Verification.UNKNOWN_KEY;
        }
        long expiry;
        byte[] presented;
        try {
            expiry = Long.parseLong(expires);
            presented = DECODER.decode(signature);
        } catch (IllegalArgumentException e) {
            return Verification.MALFORMED;
        }
        // Compare before looking at the expiry so that timing says nothing about which check failed first.
        boolean matches = MessageDigest.isEqual(presented, mac(kid, stream, expires, sessionId));
        if (!matches) {
            return Verification.BAD_SIGNATURE;
        }
        return expiry < nowEpochSecond ? Verification.EXPIRED : Verification.VALID;
    }

    /**
     * Whether {@code sessionId} matches {@link #SESSION_ID}; a loop rather than the regex, which cost a tenth of the
     * gateway's own CPU per signed redirect.
     */
    public static boolean validSessionId(String sessionId) {
        int length = sessionId.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = sessionId.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private byte[] mac(String kid, String stream, String expires, String sessionId) {
        return hmac.of(kid, "v1", kid, stream, expires, sessionId);
    }

    /** The outcome of a verification; only {@link #VALID} may be served. */
    public enum Verification {
        VALID,
        MISSING,
        MALFORMED,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        EXPIRED
    }
}
