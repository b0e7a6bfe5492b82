package io.streamgate.gateway.signing;

import io.streamgate.domain.signing.PlaybackSigner;
import java.time.Clock;
import java.time.Duration;

/** Makes the signed query strings of playback URLs. Thread-safe. */
public final class UrlSigner {

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
}
