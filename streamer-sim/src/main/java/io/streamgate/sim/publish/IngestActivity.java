package io.streamgate.sim.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Which streams are being pushed to right now; the bytes themselves are counted in the usage feature. */
@Component
class IngestActivity {

    /** A real streamer keeps a dropped publisher's stream up for a moment so a quick reconnect is seamless. */
    static final Duration LINGER = Duration.ofSeconds(3);

    private final Clock clock;
    private final ConcurrentMap<String, Ingest> ingests = new ConcurrentHashMap<>();

    IngestActivity(Clock clock) {
        this.clock = clock;
    }

    void opened(String name) {
        Ingest ingest = ingests.computeIfAbsent(name, n -> new Ingest());
        ingest.open.incrementAndGet();
        ingest.lastActivity.set(clock.millis());
    }

    /** Data arrived: the linger after the upload ends counts from the last of it. */
    void received(String name) {
        Ingest ingest = ingests.computeIfAbsent(name, n -> new Ingest());
        ingest.lastActivity.set(clock.millis());
    }

    void closed(String name) {
        Ingest ingest = ingests.get(name);
        if (ingest != null) {
            ingest.open.decrementAndGet();
            ingest.lastActivity.set(clock.millis());
        }
    }

    /** An upload is open now. */
    boolean isOpen(String name) {
        Ingest ingest = ingests.get(name);
        return ingest != null && ingest.open.get() > 0;
    }

    /** An upload is open, or ended no longer than {@link #LINGER} ago. */
    boolean isActive(String name) {
        Ingest ingest = ingests.get(name);
        if (ingest == null) {
            return false;
        }
        return ingest.open.get() > 0 || clock.millis() - ingest.lastActivity.get() <= LINGER.toMillis();
    }

    private static final class Ingest {
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong lastActivity = new AtomicLong();
    }
}
