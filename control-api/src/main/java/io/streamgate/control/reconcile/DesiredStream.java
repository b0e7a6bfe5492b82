package io.streamgate.control.reconcile;

import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.plugin.api.driver.StreamConfig;
import java.util.List;
import java.util.Objects;

/** A stream as the reconcile loop needs it: who owns it, where it may run and what a streamer runs for it. */
record DesiredStream(long projectId, String name, String region, List<String> inputs) {

    DesiredStream {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
    }

    String internalName() {
        return InternalStreamName.format(projectId, name);
    }

    StreamConfig config() {
        return new StreamConfig(internalName(), inputs);
    }
}
