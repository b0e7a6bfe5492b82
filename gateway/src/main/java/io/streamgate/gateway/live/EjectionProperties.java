package io.streamgate.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passive ejection of failing streamers (outlier detection in Envoy's sense): a streamer that refuses a connection,
 * times out or answers 5xx gets no viewers for a while, and for longer each time it does so again soon.
 *
 * @param base how long the first ejection lasts; the n-th in a row lasts {@code base × 2^(n−1)} (default 2 s: long
 *     enough for the poller to confirm a dead streamer, short enough that one hiccup costs little)
 * @param max the cap of one ejection (default 60 s), so a streamer back from a long outage waits at most this long
 * @param decay how long a streamer must stay healthy after an ejection ends for one past ejection to be forgotten
 *     (default 30 s); after {@code n × decay} of health the next failure counts as a first one again
 * @param maxEjectedPercent at most this share of the snapshot's streamers is ejected at once, and always at least one
 *     (default 50): when more fail together, the cause is more likely this gateway (a pause, its network) than them,
 *     and ejecting them all would turn a hiccup into an outage. Polls still drop a dead streamer from the live map.
 */
@ConfigurationProperties("streamgate.gateway.ejection")
public record EjectionProperties(
        @DefaultValue("2s") Duration base,
        @DefaultValue("60s") Duration max,
        @DefaultValue("30s") Duration decay,
        @DefaultValue("50") int maxEjectedPercent) {

    public EjectionProperties {
        if (base == null || base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("streamgate.gateway.ejection.base: " + base + " (expected: > 0)");
        }
        if (max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.ejection.max: " + max + " (expected: >= base " + base + ")");
        }
        if (decay == null || decay.isNegative() || decay.isZero()) {
            throw new IllegalArgumentException("streamgate.gateway.ejection.decay: " + decay + " (expected: > 0)");
        }
        if (maxEjectedPercent < 0 || maxEjectedPercent > 100) {
            throw new IllegalArgumentException("streamgate.gateway.ejection.max-ejected-percent: " + maxEjectedPercent
                    + " (expected: 0 to 100; at least one streamer may always be ejected)");
        }
    }

    /** The defaults, for tests and for code built outside Spring. */
    public static EjectionProperties defaults() {
        return new EjectionProperties(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(30), 50);
    }
}
