package io.streamgate.gateway.balancer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.live.LiveStreamer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends each viewer session to a streamer and keeps it there: a returning session (its {@code sg_sid} came with the
 * request) stays on the streamer it was sent to before while that one is still a candidate, even if another became
 * less loaded; otherwise it is placed anew by {@link StreamerSelector} and the choice is remembered. The memory is
 * bounded in size and forgets sessions idle for a while; a session it forgot is simply placed anew.
 */
public final class StickyBalancer {

    /** No streamer to exclude. */
    public static final long NONE = StreamerSelector.NONE;

    private final Clock clock;
    private final Cache<String, Long> sessions;
    private final Counter placed;
    private final Counter moved;

    public StickyBalancer(BalancerProperties properties, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.sessions = Caffeine.newBuilder()
                .maximumSize(properties.maxSessions())
                .expireAfterAccess(properties.sessionIdle())
                // The injected clock, so tests can move time; nanosecond precision is not needed for minutes.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
        this.placed = meters.counter("streamgate.gateway.balancer.sessions.placed");
        this.moved = meters.counter("streamgate.gateway.balancer.sessions.moved");
    }

    /**
     * The streamer for one request of a session.
     *
     * @param live the streamers that have the stream live
     * @param session the session id
     * @param returning whether the request carried the session (a new one has no streamer yet)
     * @param region the viewer's region, or {@code null} when unknown
     * @param excludedId a streamer that just failed this request, or {@link #NONE}
     * @return the streamer, or {@code null} when no streamer is a candidate
     */
    public LiveStreamer choose(
            List<LiveStreamer> live, String session, boolean returning, String region, long excludedId) {
        long now = clock.millis();
        if (returning) {
            Long previous = sessions.getIfPresent(session);
            if (previous != null) {
                LiveStreamer held = StreamerSelector.sticky(live, previous, excludedId, now);
                if (held != null) {
                    return held;
                }
                moved.increment();
            }
        }
        LiveStreamer chosen = StreamerSelector.choose(live, region, session.hashCode(), excludedId, now);
        if (chosen != null) {
            chosen.assign();
            placed.increment();
            sessions.put(session, chosen.streamerId());
        }
        return chosen;
    }

    /** The streamer a session was last sent to, or {@code null} when it is not remembered. */
    public Long streamerOf(String session) {
        return sessions.getIfPresent(session);
    }

    /** How many sessions are remembered (approximately: expired ones may still count until cleaned up). */
    public long sessions() {
        return sessions.estimatedSize();
    }
}
