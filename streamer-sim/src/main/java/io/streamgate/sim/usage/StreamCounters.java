package io.streamgate.sim.usage;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The one place byte counts live: the stats API and {@code /metrics} both read from here, so they can never disagree.
 * Counts are exact and only grow within a collection session (one process life).
 *
 * <p>A stream's counters, once they exist, stay for the rest of the session even after the stream is removed from the
 * config: a collector that saw a counter must never see it vanish and later come back lower, which it would read as
 * a reset. This keeps one small entry per stream ever configured or served until the process restarts, as a real
 * streamer's counters do.
 */
@Component
public class StreamCounters {

    private final Clock clock;
    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();

    public StreamCounters(Clock clock) {
        this.clock = clock;
    }

    /** Makes the stream's counters appear, at zero if nothing was counted yet, for the rest of the session. */
    public void track(String stream) {
        tallyOf(stream);
    }

    /** Publish bytes that arrived for the stream. */
    public void received(String stream, long bytes) {
        if (count(bytes)) {
            Tally tally = tallyOf(stream);
            tally.in.addAndGet(bytes);
            tally.inRate.add(clock.millis(), bytes);
        }
    }

    /** Bytes written to a viewer's connection for the stream. */
    void sent(String stream, long bytes) {
        if (count(bytes)) {
            Tally tally = tallyOf(stream);
            tally.out.addAndGet(bytes);
            tally.outRate.add(clock.millis(), bytes);
        }
    }

    /** The stream's usage now; all zeros for a stream nothing was counted for. */
    public StreamUsage usage(String stream) {
        Tally tally = tallies.get(stream);
        return tally == null ? StreamUsage.none(stream) : tally.usage(stream, clock.millis());
    }

    /** Every stream counted in this session, by name. */
    List<StreamUsage> all() {
        long now = clock.millis();
        return tallies.entrySet().stream()
                .map(entry -> entry.getValue().usage(entry.getKey(), now))
                .sorted(Comparator.comparing(StreamUsage::stream))
                .toList();
    }

    private Tally tallyOf(String stream) {
        if (stream == null) {
            throw new IllegalArgumentException("stream: null (expected: an internal stream name)");
        }
        return tallies.computeIfAbsent(stream, name -> new Tally());
    }

    private static boolean count(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes: " + bytes + " (expected: >= 0)");
        }
        return bytes > 0;
    }

    private static final class Tally {
        final AtomicLong in = new AtomicLong();
        final AtomicLong out = new AtomicLong();
        final ByteRate inRate = new ByteRate();
        final ByteRate outRate = new ByteRate();

        StreamUsage usage(String stream, long nowMillis) {
            return new StreamUsage(stream, in.get(), out.get(), inRate.kbps(nowMillis), outRate.kbps(nowMillis));
        }
    }
}
