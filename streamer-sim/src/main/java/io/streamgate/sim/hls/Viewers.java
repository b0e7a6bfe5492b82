package io.streamgate.sim.hls;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** Viewer sessions per stream, counted as the distinct session ids seen within {@link #WINDOW}. */
@Component
class Viewers {

    /** Longer than a player's playlist reload interval, so a steady viewer never drops out of the count. */
    static final Duration WINDOW = Duration.ofSeconds(30);

    private final Clock clock;
    private final ConcurrentMap<String, ConcurrentMap<String, Long>> seen = new ConcurrentHashMap<>();

    Viewers(Clock clock) {
        this.clock = clock;
    }

    void saw(String stream, String sessionId) {
        seen.computeIfAbsent(stream, s -> new ConcurrentHashMap<>()).put(sessionId, clock.millis());
    }

    int count(String stream) {
        Map<String, Long> sessions = seen.get(stream);
        if (sessions == null) {
            return 0;
        }
        long oldest = clock.millis() - WINDOW.toMillis();
        // Pruning here keeps memory bounded by the viewers of the last window without a background task.
        sessions.values().removeIf(at -> at < oldest);
        return sessions.size();
    }
}
