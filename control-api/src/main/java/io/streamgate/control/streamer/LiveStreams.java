package io.streamgate.control.streamer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the last poll of each streamer said: which internal stream names are alive there, with how many clients. A
 * streamer whose poll failed has no entry, so its streams read as not alive.
 */
@Component
public class LiveStreams {

    private static final StreamState UNKNOWN = new StreamState(false, 0);

    private final Map<Long, Map<String, StreamState>> byStreamer = new ConcurrentHashMap<>();

    /** The state of {@code internalName} on the streamer; not alive when unknown. */
    public StreamState on(long streamerId, String internalName) {
        Map<String, StreamState> streams = byStreamer.get(streamerId);
        if (streams == null) {
            return UNKNOWN;
        }
        return streams.getOrDefault(internalName, UNKNOWN);
    }

    void replace(long streamerId, Map<String, StreamState> streams) {
        byStreamer.put(streamerId, Map.copyOf(streams));
    }

    void forget(long streamerId) {
        byStreamer.remove(streamerId);
    }

    /** One stream on one streamer. */
    public record StreamState(boolean alive, long onlineClients) {}
}
