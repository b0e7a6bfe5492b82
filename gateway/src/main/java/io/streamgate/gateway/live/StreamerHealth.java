package io.streamgate.gateway.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passive health of the streamers: connect errors, timeouts and 5xx seen by this gateway (its entry-manifest fetches
 * and its polls) eject a streamer, so it gets no new viewers, for {@code base × 2^(n−1)} capped at {@code max}, where
 * n counts its recent ejections. n decays by one for every {@code decay} the streamer stays healthy after an ejection
 * ends. Failures while a streamer is ejected are requests that were already under way: they extend nothing. At most
 * {@code max-ejected-percent} of the streamers (at least one) are ejected at once; a failure beyond that ejects nothing
 * and is counted in {@code streamgate.gateway.ejection.refused}.
 *
 * <p>The play path reads a streamer's {@link Tracker} through the {@link LiveStreamer} it already holds: one volatile
 * read, no look-up, no lock. A failure that may eject takes one lock shared by all streamers (the cap needs it), held
 * for a few instructions.
 */
public final class StreamerHealth {

    private static final Logger log = LoggerFactory.getLogger(StreamerHealth.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final Clock clock;
    private final long baseMillis;
    private final long maxMillis;
    private final long decayMillis;
    /** The n at which an ejection reaches {@code max}: n never grows past it, so decay from the cap takes as long. */
    private final int maxLevel;

    private final int maxEjectedPercent;

    private final Map<Long, Tracker> trackers = new ConcurrentHashMap<>();
    /** How many streamers the snapshot has, for the cap on ejections. */
    private volatile int streamers;

    private final Counter ejections;
    private final Counter refused;

    public StreamerHealth(EjectionProperties properties, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.baseMillis = Math.max(1, properties.base().toMillis());
        this.maxMillis = Math.max(baseMillis, properties.max().toMillis());
        this.decayMillis = Math.max(1, properties.decay().toMillis());
        int level = 1;
        while (durationOf(level) < maxMillis) {
            level++;
        }
        this.maxLevel = level;
        this.maxEjectedPercent = properties.maxEjectedPercent();
        this.ejections = meters.counter("streamgate.gateway.ejection.ejections");
        this.refused = meters.counter("streamgate.gateway.ejection.refused");
        Gauge.builder("streamgate.gateway.ejection.ejected", this, StreamerHealth::ejectedCount)
                .description("streamers ejected now")
                .register(meters);
    }

    /** The tracker of one streamer, made on first use. */
    public Tracker of(long streamerId) {
        return trackers.computeIfAbsent(streamerId, Tracker::new);
    }

    /**
     * Records a connect error, timeout or 5xx of a streamer.
     *
     * @return whether this failure ejected it (false when it already was)
     */
    public boolean failed(long streamerId, String cause) {
        return of(streamerId).failed(cause);
    }

    /** Whether the streamer is ejected now. */
    public boolean ejected(long streamerId) {
        Tracker tracker = trackers.get(streamerId);
        return tracker != null && tracker.ejected(clock.millis());
    }

    /** Forgets streamers that left the snapshot; the rest are what the cap on ejections is a share of. */
    public void retain(Set<Long> streamerIds) {
        trackers.keySet().retainAll(streamerIds);
        streamers = streamerIds.size();
    }

    /** How many streamers may be ejected at once now. */
    int maxEjected() {
        return Math.max(1, streamers * maxEjectedPercent / 100);
    }

    private long ejectedCount() {
        long now = clock.millis();
        return trackers.values().stream()
                .filter(tracker -> tracker.ejected(now))
                .count();
    }

    private long durationOf(int level) {
        // base ≥ 1 ms and a shift below 62 cannot overflow before reaching any max a Duration property can hold.
        int shift = Math.min(level - 1, 61);
        long duration = baseMillis << shift;
        return duration <= 0 || (duration >> shift) != baseMillis ? maxMillis : Math.min(duration, maxMillis);
    }

    /** One streamer's ejection state. */
    public final class Tracker {

        private final long streamerId;
        /** Written under the lock, read without it by the play path. */
        private volatile long ejectedUntil = NEVER;
        /** Ejections in a row, before decay. Guarded by the {@link StreamerHealth}. */
        private int level;

        private Tracker(long streamerId) {
            this.streamerId = streamerId;
        }

        /** Whether the streamer is ejected at {@code nowMillis} (the clock's millis). */
        public boolean ejected(long nowMillis) {
            return nowMillis < ejectedUntil;
        }

        /** Whether the streamer is ejected now. */
        public boolean ejected() {
            return ejected(clock.millis());
        }

        /** When the current or last ejection ends, in the clock's millis; {@link Long#MIN_VALUE} if never ejected. */
        public long ejectedUntilMillis() {
            return ejectedUntil;
        }

        /** The n the next ejection would have, minus one: how many recent ejections are still remembered now. */
        public int recentEjections() {
            synchronized (StreamerHealth.this) {
                return decayed(clock.millis());
            }
        }

        /**
         * Records a failure: ejects the streamer unless it already is.
         *
         * @param cause what failed, for the log
         * @return whether this failure ejected it
         */
        public boolean failed(String cause) {
            if (clock.millis() < ejectedUntil) {
                // The usual case while a streamer is down: requests already under way fail too. No lock for them.
                return false;
            }
            long duration;
            int n;
            // One lock for every decision to eject, so the cap holds.
            synchronized (StreamerHealth.this) {
                long now = clock.millis();
                if (now < ejectedUntil) {
                    return false;
                }
                if (ejectedCount() >= maxEjected()) {
                    refused.increment();
                    log.debug("Streamer {} not ejected, {} already are: {}", streamerId, maxEjected(), cause);
                    return false;
                }
                n = Math.min(decayed(now) + 1, maxLevel);
                level = n;
                duration = durationOf(n);
                ejectedUntil = now + duration;
            }
            ejections.increment();
            log.warn("Streamer {} ejected for {} ms (ejection {} in a row): {}", streamerId, duration, n, cause);
            return true;
        }

        private int decayed(long now) {
            long until = ejectedUntil;
            if (until == NEVER || now < until) {
                return level;
            }
            long forgotten = (now - until) / decayMillis;
            return forgotten >= level ? 0 : level - (int) forgotten;
        }
    }
}
