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
        return stream.hasInput("fake") || (stream.hasInput("publish") && ingest.isActive(stream.name()));
    }
}
