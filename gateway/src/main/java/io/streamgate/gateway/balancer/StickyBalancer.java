package io.streamgate.gateway.balancer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.live.LiveStreamer;
import java.time.Clock;
import java.util.List;

/**
 * Sends each viewer session to a streamer and keeps it there: a returning session (its {@code sg_sid} names the
 * streamer it was sent to, see {@link ViewerSession}) stays on that streamer while it is still a candidate, even if
 * another became less loaded; otherwise it is placed anew by {@link StreamerSelector}. Holds no per-session state.
 */
public final class StickyBalancer {

    /** No streamer to exclude, or no previous placement. */
    public static final long NONE = StreamerSelector.NONE;

    private final Clock clock;
    private final Counter placed;
    private final Counter moved;

    public StickyBalancer(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.placed = meters.counter("streamgate.gateway.balancer.sessions.placed");
        this.moved = meters.counter("streamgate.gateway.balancer.sessions.moved");
    }

    /**
     * The streamer for one request of a session.
     *
     * @param live the streamers that have the stream live
     * @param identity the session's identity ({@link ViewerSession#identityOf}), which spreads ties
     * @param previous the streamer the session was placed on, or {@link #NONE} for a new one
     * @param region the viewer's region, or {@code null} when unknown
     * @param excludedId a streamer that just failed this request, or {@link #NONE}
     * @return the streamer, or {@code null} when no streamer is a candidate
     */
    public LiveStreamer choose(
            List<LiveStreamer> live, String identity, long previous, String region, long excludedId) {
        long now = clock.millis();
        if (previous != NONE) {
            LiveStreamer held = StreamerSelector.sticky(live, previous, excludedId, now);
            if (held != null) {
                return held;
            }
            moved.increment();
        }
        LiveStreamer chosen = StreamerSelector.choose(live, region, identity.hashCode(), excludedId, now);
        if (chosen != null) {
            chosen.assign();
            placed.increment();
        }
        return chosen;
    }
}
