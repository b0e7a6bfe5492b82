package io.streamgate.sim.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** The configured streams, in memory only: a restarted streamer is reconfigured by the orchestrator. */
@Component
public class StreamStore {

    private final ConcurrentMap<String, StreamDefinition> streams = new ConcurrentHashMap<>();

    /** Stores or replaces the stream; true if it was new. */
    boolean put(StreamDefinition stream) {
        return streams.put(stream.name(), stream) == null;
    }

    /**
     * Stores the stream unless one of that name exists, atomically, so that publishers racing to create the same stream
     * create it once and an existing configuration (pushed by the orchestrator meanwhile) is never overwritten.
     *
     * @return true if this call stored it
     */
    public boolean putIfAbsent(StreamDefinition stream) {
        return streams.putIfAbsent(stream.name(), stream) == null;
    }

    public Optional<StreamDefinition> find(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    boolean remove(String name) {
        return streams.remove(name) != null;
    }

    List<StreamDefinition> all() {
        Collection<StreamDefinition> values = streams.values();
        return values.stream()
                .sorted(Comparator.comparing(StreamDefinition::name))
                .toList();
    }
}
