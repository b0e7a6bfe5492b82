package io.streamgate.sim.publish;

import io.streamgate.sim.config.StreamDefinition;
import org.springframework.stereotype.Component;

/** Whether a configured stream has video now: a fake source always does, a pushed one only while pushed. */
@Component
public class Liveness {

    private final IngestActivity ingest;

    Liveness(IngestActivity ingest) {
        this.ingest = ingest;
    }

    public boolean isAlive(StreamDefinition stream) {
        return stream.hasInput("fake") || isPushed(stream);
    }

    /** A publisher is uploading to the stream at this moment. */
    public boolean isPublishing(StreamDefinition stream) {
        return stream.hasInput("publish") && ingest.isOpen(stream.name());
    }

    /** The stream's video comes from a publisher: one is uploading, or stopped within the linger. */
    public boolean isPushed(StreamDefinition stream) {
        return stream.hasInput("publish") && ingest.isActive(stream.name());
    }
}
