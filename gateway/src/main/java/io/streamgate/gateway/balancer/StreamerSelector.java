package io.streamgate.gateway.balancer;

import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.live.LiveStreamer;
import java.util.List;

/**
 * The choice among the streamers that have a stream live, in one pass and without allocating (it runs for every new
 * viewer). A candidate is not ejected, not excluded and ACTIVE; only when no ACTIVE one is left do DRAINING ones count
 * (a viewer served by a streamer being drained beats a 503); DISABLED ones never. Candidates in the viewer's region
 * come first. Among the best, the least loaded wins; equal loads are split by rendezvous hashing of the session id
 * and the streamer id, so a tie always goes the same way for one session and spreads evenly over sessions.
 */
final class StreamerSelector {

    /** No streamer to exclude. */
    static final long NONE = Long.MIN_VALUE;

    /** Not a candidate at all. */
    private static final int EXCLUDED = Integer.MAX_VALUE;

    private StreamerSelector() {}

    /**
     * The streamer for a session that has none (or must leave its own).
     *
     * @param live the streamers that have the stream live
     * @param region the viewer's region, or {@code null} when unknown
     * @param sessionHash the session id's hash
     * @param excludedId a streamer that just failed this request, or {@link #NONE}
     * @param nowMillis the health clock's time
     * @return the choice, or {@code null} when there is no candidate
     */
    static LiveStreamer choose(
            List<LiveStreamer> live, String region, int sessionHash, long excludedId, long nowMillis) {
        LiveStreamer best = null;
        int bestTier = EXCLUDED;
        long bestLoad = Long.MAX_VALUE;
        long bestScore = Long.MIN_VALUE;
        for (int i = 0, n = live.size(); i < n; i++) {
            LiveStreamer candidate = live.get(i);
            int tier = tier(candidate, region, excludedId, nowMillis);
            if (tier == EXCLUDED || tier > bestTier) {
                continue;
            }
            long load = candidate.load();
            if (tier == bestTier && load > bestLoad) {
                continue;
            }
            long score = score(sessionHash, candidate.streamerId());
            if (tier == bestTier && load == bestLoad && score <= bestScore) {
                continue;
            }
            best = candidate;
            bestTier = tier;
            bestLoad = load;
            bestScore = score;
        }
        return best;
    }

    /**
     * The session's previous streamer if it is still a candidate: live, not ejected, not excluded, and ACTIVE, or
     * DRAINING while no ACTIVE candidate is left (then moving would only land on another draining one).
     *
     * @return that streamer, or {@code null} when the session must move
     */
    static LiveStreamer sticky(List<LiveStreamer> live, long streamerId, long excludedId, long nowMillis) {
        LiveStreamer held = null;
        boolean activeElsewhere = false;
        for (int i = 0, n = live.size(); i < n; i++) {
            LiveStreamer candidate = live.get(i);
            if (candidate.streamerId() == streamerId) {
                held = candidate;
            } else if (candidate.state() == StreamerState.ACTIVE
                    && candidate.streamerId() != excludedId
                    && !candidate.ejected(nowMillis)) {
                activeElsewhere = true;
            }
        }
        if (held == null || streamerId == excludedId || held.ejected(nowMillis)) {
            return null;
        }
        if (held.state() == StreamerState.ACTIVE || (held.state() == StreamerState.DRAINING && !activeElsewhere)) {
            return held;
        }
        return null;
    }

    /** 0 best: ACTIVE in region, ACTIVE elsewhere, DRAINING in region, DRAINING elsewhere; {@link #EXCLUDED} never. */
    private static int tier(LiveStreamer streamer, String region, long excludedId, long nowMillis) {
        if (streamer.streamerId() == excludedId || streamer.ejected(nowMillis)) {
            return EXCLUDED;
        }
        int tier;
        if (streamer.state() == StreamerState.ACTIVE) {
            tier = 0;
        } else if (streamer.state() == StreamerState.DRAINING) {
            tier = 2;
        } else {
            return EXCLUDED;
        }
        return region == null || region.equals(streamer.region()) ? tier : tier + 1;
    }

    /** Rendezvous weight of (session, streamer): a 64-bit mix (SplitMix64's finaliser) of both. */
    static long score(int sessionHash, long streamerId) {
        long z = streamerId * 0x9E3779B97F4A7C15L + sessionHash;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
