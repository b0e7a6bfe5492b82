package io.streamgate.plugins.driver.nginxrtmp;

import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns nginx-rtmp's statistics into collection sessions with monotonic counters, which nginx-rtmp does not have.
 *
 * <p><b>Session.</b> One nginx worker's life: its pid plus its start ({@code now - uptime}). nginx reports uptime in
 * whole seconds and the poll's "now" moves, so a start computed afresh can differ by a second between polls; the last
 * start per streamer is remembered and kept while the pid is the same and a new computation is within
 * {@value #DRIFT_SECONDS} s of it, so the session id stays stable. A reload ({@code nginx -s reload}) starts new
 * workers, with new pids and zeroed statistics: a new session, as it should be.
 *
 * <p><b>Counters.</b> nginx-rtmp counts bytes per stream object, and drops the object (and its counts) when the
 * publisher and every player have left; a stream that starts again counts from zero. Within a session this class keeps
 * the counts monotonic: a stream whose start ({@code now - time}) moved by more than {@value #DRIFT_SECONDS} s, or
 * whose count went down, began a new life, and what the previous life had reached is added to it from then on.
 * Streams that disappeared keep being reported at what they reached, so a series never goes back.
 *
 * <p><b>Limits.</b> Bytes a stream moved between the last poll and its end are lost (at most one poll interval's
 * worth). The memory lives in this plugin's class loader, shared by every driver of the same streamer (drivers are
 * rebuilt often); a host restart or plugin reload forgets it: the session id then stays the same (unless the fresh
 * start lands more than the drift away, which the HTTP {@code Date} header the driver uses for "now" makes very
 * unlikely), but a stream that had started again earlier in the session is reported at its current life's count,
 * which may be below what was reported before. Thread-safe.
 */
final class CollectionSessions {

    static final long DRIFT_SECONDS = 2;

    /** Per streamer key (base URL and application), shared by every driver of that streamer. */
    private static final ConcurrentMap<String, CollectionSessions> BY_STREAMER = new ConcurrentHashMap<>();

    private long pid = -1;
    private long startSecond;
    private final Map<String, Track> tracks = new LinkedHashMap<>();

    /** One stream's counts across its lives within the session. */
    private static final class Track {
        long startMillis;
        long lastIn;
        long lastOut;
        long earlierIn;
        long earlierOut;
    }

    static CollectionSessions of(String streamerKey) {
        return BY_STREAMER.computeIfAbsent(streamerKey, key -> new CollectionSessions());
    }

    /**
     * Reads one stat poll into counters.
     *
     * @param stat what nginx said
     * @param now when it said it (the answer's {@code Date}, or the driver's clock)
     */
    synchronized UsageCounters counters(RtmpStat stat, Instant now) {
        long start = now.getEpochSecond() - stat.uptimeSeconds();
        if (stat.pid() != pid || Math.abs(start - startSecond) > DRIFT_SECONDS) {
            pid = stat.pid();
            startSecond = start;
            tracks.clear();
        }
        long nowMillis = now.toEpochMilli();
        for (RtmpStat.Stream stream : stat.streams()) {
            long streamStart = nowMillis - stream.timeMillis();
            Track track = tracks.get(stream.name());
            if (track == null) {
                track = new Track();
                track.startMillis = streamStart;
                tracks.put(stream.name(), track);
            } else if (Math.abs(streamStart - track.startMillis) > DRIFT_SECONDS * 1000
                    || stream.bytesIn() < track.lastIn
                    || stream.bytesOut() < track.lastOut) {
                track.earlierIn = Math.addExact(track.earlierIn, track.lastIn);
                track.earlierOut = Math.addExact(track.earlierOut, track.lastOut);
                track.startMillis = streamStart;
            }
            track.lastIn = stream.bytesIn();
            track.lastOut = stream.bytesOut();
        }
        List<Counter> counters = new ArrayList<>(tracks.size() * 2);
        tracks.forEach((name, track) -> {
            counters.add(new Counter(name, "bytes_in", Math.addExact(track.earlierIn, track.lastIn)));
            counters.add(new Counter(name, "bytes_out", Math.addExact(track.earlierOut, track.lastOut)));
        });
        return new UsageCounters("nginx-" + pid + "-" + startSecond, Instant.ofEpochSecond(startSecond), counters);
    }
}
