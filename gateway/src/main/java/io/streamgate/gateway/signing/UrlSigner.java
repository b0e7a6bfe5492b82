package io.streamgate.gateway.signing;

import io.streamgate.domain.signing.PlaybackSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Makes the signed query strings of playback URLs and the viewers' session ids. Thread-safe. */
public final class UrlSigner {

    private static final Base64.Encoder SESSION_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final PlaybackSigner signer;
    private final Clock clock;
    private final long ttlSeconds;

    public UrlSigner(PlaybackSigner signer, Clock clock, Duration ttl) {
        this.signer = signer;
        this.clock = clock;
        this.ttlSeconds = ttl.toSeconds();
    }

    /** The query string (without {@code ?}) that makes every URL under {@code /{internalName}/} playable. */
    public String sign(String internalName, String sessionId) {
        return signer.sign(internalName, sessionId, clock.instant().getEpochSecond() + ttlSeconds);
    }

    /**
     * A fresh session id: 12 random bytes, base64url. The id is not a secret (the HMAC is what authorises), so a fast
     * non-blocking random source is enough; SecureRandom may read /dev/urandom on the event loop.
     */
    public static String newSessionId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return SESSION_ENCODER.encodeToString(bytes);
    }
}
