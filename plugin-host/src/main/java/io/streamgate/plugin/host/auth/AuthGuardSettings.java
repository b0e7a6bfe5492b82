package io.streamgate.plugin.host.auth;

import java.time.Duration;

/**
 * How every guarded backend is protected; each (project, backend) gets its own breaker, bulkhead and cache built
 * from these.
 *
 * @param defaultTimeout a check's time limit when its definition has none (default 2 s)
 * @param defaultStaleFor how long a decision may be served stale when its definition does not say (default 5 min)
 * @param maxConcurrentCalls the bulkhead: calls in flight to one backend at once; more fail at once (default 64)
 * @param failureRateThreshold percentage of failed calls that opens the circuit (default 50)
 * @param slidingWindowSize calls the failure rate is computed over (default 20)
 * @param minimumNumberOfCalls calls needed before the rate counts (default 10)
 * @param waitInOpenState how long an open circuit refuses calls before trying again (default 10 s)
 * @param maxCachedDecisions decisions kept per backend (default 100,000)
 */
public record AuthGuardSettings(
        Duration defaultTimeout,
        Duration defaultStaleFor,
        int maxConcurrentCalls,
        float failureRateThreshold,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration waitInOpenState,
        long maxCachedDecisions) {

    public AuthGuardSettings {
        if (defaultTimeout == null || defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout: " + defaultTimeout + " (expected: positive)");
        }
        if (defaultStaleFor == null || defaultStaleFor.isNegative()) {
            throw new IllegalArgumentException("defaultStaleFor: " + defaultStaleFor + " (expected: zero or positive)");
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls: " + maxConcurrentCalls + " (expected: >= 1)");
        }
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException(
                    "failureRateThreshold: " + failureRateThreshold + " (expected: more than 0, at most 100)");
        }
        if (slidingWindowSize < 1 || minimumNumberOfCalls < 1) {
            throw new IllegalArgumentException("slidingWindowSize: " + slidingWindowSize + ", minimumNumberOfCalls: "
                    + minimumNumberOfCalls + " (expected: >= 1)");
        }
        if (waitInOpenState == null || waitInOpenState.isNegative() || waitInOpenState.isZero()) {
            throw new IllegalArgumentException("waitInOpenState: " + waitInOpenState + " (expected: positive)");
        }
        if (maxCachedDecisions < 0) {
            throw new IllegalArgumentException("maxCachedDecisions: " + maxCachedDecisions + " (expected: >= 0)");
        }
    }

    /** The documented defaults. */
    public static AuthGuardSettings defaults() {
        return new AuthGuardSettings(
                Duration.ofSeconds(2), Duration.ofMinutes(5), 64, 50f, 20, 10, Duration.ofSeconds(10), 100_000);
    }
}
