package io.streamgate.gateway.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Internal stream name → the streamers that have it live. Readers get an immutable map through one volatile read;
 * writers (the poller) rebuild it under a lock, which is cheap at the rate of one poll per streamer per second.
 */
public final class LiveMap {

    // Sorted, so every rebuild lists the streamers of a stream in the same order (ties are broken by position).
    private final Map<Long, Polled> byStreamer = new TreeMap<>();
    private volatile Map<String, List<LiveStreamer>> byStream = Map.of();

    /** The streamers that have {@code internalName} live; empty when none. */
    public List<LiveStreamer> streamersOf(String internalName) {
        List<LiveStreamer> streamers = byStream.get(internalName);
        return streamers == null ? List.of() : streamers;
    }

    /** Replaces everything known about one streamer with its latest poll: the streams it has live. */
    public synchronized void report(LiveStreamer streamer, Collection<String> liveStreams) {
        byStreamer.put(streamer.streamerId(), new Polled(streamer, List.copyOf(liveStreams)));
        rebuild();
    }

    /** Forgets a streamer at once (its poll failed, it has no usable driver, it is disabled): no viewer goes there. */
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
        for (Polled polled : byStreamer.values()) {
            for (String name : polled.streams) {
                next.computeIfAbsent(name, key -> new ArrayList<>(2)).add(polled.streamer);
            }
        }
        next.replaceAll((name, streamers) -> List.copyOf(streamers));
        byStream = Map.copyOf(next);
    }

    private record Polled(LiveStreamer streamer, List<String> streams) {}
}
