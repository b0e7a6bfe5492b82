package io.streamgate.domain.id;

import java.time.Clock;
import java.time.Instant;

/**
 * Time-ordered 64-bit ids: 41 bits of milliseconds since {@link #EPOCH}, 10 bits of node id, 12 bits of sequence.
 *
 * <p>When the wall clock steps back the generator keeps its own last timestamp and goes on from there, borrowing
 * time from the future rather than reusing an id; it catches up once the clock passes it again.
 */
public final class SnowflakeIdGenerator {

    /** 2024-01-01T00:00:00Z: ids stay positive until 2093. */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    public static final int NODE_BITS = 10;
    public static final int SEQUENCE_BITS = 12;
    public static final int MAX_NODE = (1 << NODE_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long node;
    private long lastMillis = -1;
    private long sequence;

    public SnowflakeIdGenerator(int node, Clock clock) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("node: " + node + " (expected: 0.." + MAX_NODE + ")");
        }
        this.node = node;
        this.clock = clock;
    }

    public synchronized long next() {
        long now = clock.millis() - EPOCH.toEpochMilli();
        if (now > lastMillis) {
            lastMillis = now;
            sequence = 0;
        } else {
            // Same millisecond, or the clock stepped back: stay on our own timeline.
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                lastMillis++;
            }
        }
        return (lastMillis << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }

    /** The instant encoded in an id, for humans and for ordering checks. */
    public static Instant timestampOf(long id) {
        return EPOCH.plusMillis(id >>> (NODE_BITS + SEQUENCE_BITS));
    }
}
