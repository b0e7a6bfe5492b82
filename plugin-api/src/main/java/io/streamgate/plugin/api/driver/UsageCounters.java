package io.streamgate.plugin.api.driver;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A streamer's monotonic usage counters within one collection session: a session is one life of the streamer
 * process (or of its counters); a new session starts every counter again from zero.
 *
 * @param sessionId unique per streamer process life, so a restart within the same second is still a new session
 * @param sessionStart when the session began, by the streamer's clock
 * @param counters the counters, one per stream and series
 * @since 1.1.0
 */
public record UsageCounters(String sessionId, Instant sessionStart, List<Counter> counters) {

    /**
     * Validates and copies.
     *
     * @since 1.1.0
     */
    public UsageCounters {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionStart, "sessionStart");
        counters = List.copyOf(counters);
    }

    /**
     * One monotonic counter.
     *
     * @param stream the internal stream name
     * @param series what is counted, e.g. {@code bytes_out} (to viewers) or {@code bytes_in} (from the input)
     * @param value the exact count since the session start
     * @since 1.1.0
     */
    public record Counter(String stream, String series, long value) {

        /**
         * Validates.
         *
         * @since 1.1.0
         */
        public Counter {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(series, "series");
            if (value < 0) {
                throw new IllegalArgumentException("value: " + value + " (expected: >= 0)");
            }
        }
    }
}
