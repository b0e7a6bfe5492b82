package io.streamgate.domain.signing;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * Mints and checks publish tokens: one opaque query value ({@code ?token=...}) that lets an encoder publish one
 * internal stream name until an expiry. It is a single parameter because RTMP and SRT clients pass one query string
 * through untouched, and the streamer (or nginx-rtmp's {@code on_publish} callback) hands it back as is.
 *
 * <p>Format: {@code p1.{kid}.{expires epoch s}.{base64url HMAC-SHA256}}. The MAC starts with a different prefix than
 * {@link PlaybackSigner}'s, so a playback signature can never be replayed as a publish token, even with the same keys.
 * Thread-safe; MAC instances are reused per thread.
 */
public final class PublishTokens {

    /** The query parameter encoders carry the token in. */
    public static final String PARAMETER = "token";

    private static final String VERSION = "p1";
    private static final int MAX_LENGTH = 160;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final HmacSha256 hmac;

    public PublishTokens(SigningKeys keys) {
        this.keys = keys;
        this.hmac = new HmacSha256(keys);
    }

    /** A token that allows publishing {@code stream} (an internal name) until {@code expiresEpochSecond}. */
    public String mint(String stream, long expiresEpochSecond) {
        String kid = keys.activeKeyId();
        String expires = Long.toString(expiresEpochSecond);
        return VERSION + '.' + kid + '.' + expires + '.' + ENCODER.encodeToString(mac(kid, stream, expires));
    }

    /** Checks a token as it came from the encoder; {@code null} and junk are answered, never thrown. */
    public PlaybackSigner.Verification verify(String stream, String token, long nowEpochSecond) {
        if (token == null || token.isEmpty()) {
            return PlaybackSigner.Verification.MISSING;
        }
        if (token.length() > MAX_LENGTH) {
            return PlaybackSigner.Verification.MALFORMED;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[2].length() > 19) {
            return PlaybackSigner.Verification.MALFORMED;
        }
        String kid = parts[1];
        if (!SigningKeys.KEY_ID.matcher(kid).matches() || keys.secret(kid) == null) {
            return PlaybackSigner.Verification.UNKNOWN_KEY;
        }
        long expiry;
        byte[] presented;
        try {
            expiry = Long.parseLong(parts[2]);
            presented = DECODER.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return PlaybackSigner.Verification.MALFORMED;
        }
        if (!MessageDigest.isEqual(presented, mac(kid, stream, parts[2]))) {
            return PlaybackSigner.Verification.BAD_SIGNATURE;
        }
        return expiry < nowEpochSecond ? PlaybackSigner.Verification.EXPIRED : PlaybackSigner.Verification.VALID;
    }

    private byte[] mac(String kid, String stream, String expires) {
        return hmac.of(kid, "p1", kid, stream, expires);
    }
}
