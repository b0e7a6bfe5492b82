package io.streamgate.plugin.api.auth;

import java.time.Duration;

/**
 * A backend's answer: allow or deny, and for how long the host may reuse it for identical requests.
 *
 * @since 1.0.0
 */
public sealed interface AuthDecision permits AuthDecision.Allow, AuthDecision.Deny {

    /**
     * How long this answer may be reused for a request with the same cache key; zero means never.
     *
     * @return a non-negative duration
     * @since 1.0.0
     */
    Duration cacheFor();

    /**
     * An allow that may be cached for the given time.
     *
     * @param cacheFor how long it may be reused
     * @return the decision
     * @since 1.0.0
     */
    static Allow allow(Duration cacheFor) {
        return new Allow(cacheFor, null, 0);
    }

    /**
     * A deny that may be cached for the given time.
     *
     * @param reason why, for logs and metrics; never shown to the viewer
     * @param cacheFor how long it may be reused
     * @return the decision
     * @since 1.0.0
     */
    static Deny deny(String reason, Duration cacheFor) {
        return new Deny(reason, cacheFor);
    }

    /**
     * The viewer may play.
     *
     * @param cacheFor how long it may be reused
     * @param userId the viewer's id in the operator's system, or {@code null}
     * @param maxSessions how many sessions that user may hold at once, 0 for no limit
     * @since 1.0.0
     */
    record Allow(Duration cacheFor, String userId, int maxSessions) implements AuthDecision {
        /**
         * Validates.
         *
         * @since 1.0.0
         */
        public Allow {
            cacheFor = nonNegative(cacheFor);
            if (maxSessions < 0) {
                throw new IllegalArgumentException("maxSessions: " + maxSessions + " (expected: >= 0)");
            }
        }
    }

    /**
     * The viewer may not play.
     *
     * @param reason why, for logs and metrics; never shown to the viewer
     * @param cacheFor how long it may be reused
     * @since 1.0.0
     */
    record Deny(String reason, Duration cacheFor) implements AuthDecision {
        /**
         * Validates.
         *
         * @since 1.0.0
         */
        public Deny {
            cacheFor = nonNegative(cacheFor);
            reason = reason == null ? "denied" : reason;
        }
    }

    private static Duration nonNegative(Duration duration) {
        if (duration == null || duration.isNegative()) {
            return Duration.ZERO;
        }
        return duration;
    }
}
