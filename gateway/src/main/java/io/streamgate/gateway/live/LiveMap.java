package io.streamgate.gateway.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Internal stream name → the streamers that have it live. Readers get an immutable map through one volatile read;
 * writers (the poller, the playback path dropping a failed streamer) rebuild it under a lock, which is cheap at the
 * rate of one poll per streamer per second.
 */
public final class LiveMap {

    private final Map<Long, Map<String, LiveStreamer>> byStreamer = new HashMap<>();
    private volatile Map<String, List<LiveStreamer>> byStream = Map.of();

    /** The streamers that have {@code internalName} live; empty when none. */
    public List<LiveStreamer> streamersOf(String internalName) {
        List<LiveStreamer> streamers = byStream.get(internalName);
        return streamers == null ? List.of() : streamers;
    }

    /** Replaces everything known about one streamer with its latest poll. */
    public synchronized void report(long streamerId, Map<String, LiveStreamer> liveStreams) {
        byStreamer.put(streamerId, Map.copyOf(liveStreams));
        rebuild();
    }

    /** Forgets a streamer at once (its poll or a playback request failed): no new viewer is sent there. */
    public synchronized void drop(long streamerId) {
        if (byStreamer.remove(streamerId) != null) {
            rebuild();
        }
    }

    /** Forgets streamers that left the snapshot. */
    public synchronized void retain(Set<Long> streamerIds) {
        if (byStreamer.keySet().retainAll(streamerIds)) {
            rebuild();
        }
    }

    private void rebuild() {
        Map<String, List<LiveStreamer>> next = new HashMap<>();
        for (Map<String, LiveStreamer> streams : byStreamer.values()) {
            streams.forEach((name, streamer) ->
                    next.computeIfAbsent(name, key -> new ArrayList<>(2)).add(streamer));
        }
        next.replaceAll((name, streamers) -> List.copyOf(streamers));
        byStream = Map.copyOf(next);
    }
}
