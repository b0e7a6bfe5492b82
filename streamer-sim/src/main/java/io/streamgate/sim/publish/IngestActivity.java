package io.streamgate.sim.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Which streams are being pushed to right now, and how much arrived. */
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

    void received(String name, long bytes) {
        Ingest ingest = ingests.computeIfAbsent(name, n -> new Ingest());
        ingest.bytes.addAndGet(bytes);
        ingest.lastActivity.set(clock.millis());
    }

    void closed(String name) {
        Ingest ingest = ingests.get(name);
        if (ingest != null) {
            ingest.open.decrementAndGet();
            ingest.lastActivity.set(clock.millis());
        }
    }

    boolean isActive(String name) {
        Ingest ingest = ingests.get(name);
        if (ingest == null) {
            return false;
        }
        return ingest.open.get() > 0 || clock.millis() - ingest.lastActivity.get() <= LINGER.toMillis();
    }

    long bytesReceived(String name) {
        Ingest ingest = ingests.get(name);
        return ingest == null ? 0 : ingest.bytes.get();
    }

    private static final class Ingest {
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong lastActivity = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
    }
}
