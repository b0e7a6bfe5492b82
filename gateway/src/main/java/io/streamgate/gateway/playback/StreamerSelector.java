package io.streamgate.gateway.playback;

import io.streamgate.gateway.live.LiveStreamer;
import java.util.List;

/**
 * Least-loaded choice among the streamers that have a stream live. Ties are broken by the viewer's session id, so
 * equal streamers share new viewers and the same session lands on the same streamer while the counts stay equal.
 */
final class StreamerSelector {

    /** No streamer to exclude. */
    static final long NONE = Long.MIN_VALUE;

    private StreamerSelector() {}

    /** The chosen streamer, or {@code null} if none but {@code excludedId} is live. */
    static LiveStreamer choose(List<LiveStreamer> live, String sessionId, long excludedId) {
        long least = Long.MAX_VALUE;
        int ties = 0;
        for (int i = 0, n = live.size(); i < n; i++) {
            LiveStreamer candidate = live.get(i);
            if (candidate.streamerId() == excludedId) {
                continue;
            }
            if (candidate.onlineClients() < least) {
                least = candidate.onlineClients();
                ties = 1;
            } else if (candidate.onlineClients() == least) {
                ties++;
            }
        }
        if (ties == 0) {
            return null;
        }
        int pick = ties == 1 ? 0 : Math.floorMod(spread(sessionId.hashCode()), ties);
        for (int i = 0, n = live.size(); i < n; i++) {
            LiveStreamer candidate = live.get(i);
            if (candidate.streamerId() != excludedId && candidate.onlineClients() == least && pick-- == 0) {
                return candidate;
            }
        }
        return null;
    }

    /** Mixes the bits so that session ids differing only at the end still spread over the streamers. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
