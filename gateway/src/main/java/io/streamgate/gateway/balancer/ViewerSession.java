package io.streamgate.gateway.balancer;

import io.streamgate.domain.signing.PlaybackSigner;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A viewer session id that carries its own placement: 16 random characters (the viewer's identity) followed by the
 * decimal id of the streamer the session was sent to, e.g. {@code Xk3v9QpL0aZt7wRe74839210457251840}. The gateway
 * keeps no memory of sessions: a returning viewer's id says where it was sent, as a sticky-session cookie does in
 * Envoy or HAProxy. Memory and CPU stay flat however many viewers join, and every gateway of a fleet agrees.
 *
 * <p>The id is not a secret and buys nothing but stickiness (a signed URL plays on any streamer that has the stream),
 * so a viewer that edits its id can only pick a streamer it could have reached anyway, and only while that streamer
 * is a candidate. Only ids of this shape carry a placement; an id of exactly 16 characters of the alphabet (the shape
 * before placements were carried) keeps its identity and is placed anew.
 */
public final class ViewerSession {

    /** Length of the random identity. */
    public static final int IDENTITY_LENGTH = 16;

    /** No placement. */
    public static final long NONE = StreamerSelector.NONE;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_ID_DIGITS = 19;

    private ViewerSession() {}

    /**
     * A fresh identity: 12 random bytes, base64url. It is not a secret (the HMAC is what authorises), so a fast
     * non-blocking random source is enough; SecureRandom may read /dev/urandom on the event loop.
     */
    public static String newIdentity() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The identity part of {@code session}, or {@code null} when it is absent or not of this shape. */
    public static String identityOf(String session) {
        if (session == null || session.length() < IDENTITY_LENGTH || !PlaybackSigner.validSessionId(session)) {
            return null;
        }
        if (session.length() == IDENTITY_LENGTH) {
            return session;
        }
        return streamerOf(session) == NONE ? null : session.substring(0, IDENTITY_LENGTH);
    }

    /** The streamer {@code session} was placed on, or {@link #NONE}. */
    public static long streamerOf(String session) {
        if (session == null) {
            return NONE;
        }
        int length = session.length();
        int digits = length - IDENTITY_LENGTH;
        if (digits < 1 || digits > MAX_ID_DIGITS) {
            return NONE;
        }
        // No leading zero: one streamer has exactly one spelling, so a staying session keeps its exact id.
        if (session.charAt(IDENTITY_LENGTH) == '0' && digits > 1) {
            return NONE;
        }
        long id = 0;
        for (int i = IDENTITY_LENGTH; i < length; i++) {
            char c = session.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            id = id * 10 + (c - '0');
            if (id < 0) {
                return NONE;
            }
        }
        return id;
    }

    /** The session id of {@code identity} placed on {@code streamerId}. */
    public static String placed(String identity, long streamerId) {
        return identity + streamerId;
    }
}
