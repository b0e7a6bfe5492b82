package io.streamgate.sim.hls;

import java.time.Clock;

/**
 * Which segments exist at a given moment, from the wall clock alone: segment {@code s} covers
 * {@code [s * 2 s, (s + 1) * 2 s)} since the epoch and is complete once that interval has passed. Every simulator
 * therefore names the same segments at the same time, and a player can switch between them mid-stream.
 *
 * <p>The playlist lists the last {@value #PLAYLIST_SEGMENTS} complete segments. Segments are served from
 * {@value #PAST_SEGMENTS} segments (60 s) back, for slow players and paused ones, up to {@value #FUTURE_SEGMENTS}
 * ahead of the segment being "recorded", which absorbs clock skew between simulators behind one gateway; anything
 * else is 404 as on a real live streamer.
 */
final class LiveWindow {

    static final int PLAYLIST_SEGMENTS = 6;
    static final int PAST_SEGMENTS = 30;
    static final int FUTURE_SEGMENTS = PLAYLIST_SEGMENTS;

    private final Clock clock;
    private final int segmentMillis;

    LiveWindow(Clock clock, int segmentMillis) {
        this.clock = clock;
        this.segmentMillis = segmentMillis;
    }

    /** The segment being recorded now; it is not complete and not listed yet. */
    long current() {
        return Math.floorDiv(clock.millis(), segmentMillis);
    }

    /** The first sequence a playlist made now lists ({@code EXT-X-MEDIA-SEQUENCE}). */
    long mediaSequence() {
        return current() - PLAYLIST_SEGMENTS;
    }

    boolean servable(long sequence) {
        long now = current();
        return sequence >= now - PAST_SEGMENTS && sequence <= now + FUTURE_SEGMENTS && sequence >= 0;
    }

    int segmentMillis() {
        return segmentMillis;
    }
}
