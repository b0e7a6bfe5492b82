package io.streamgate.control.streamer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answer of {@code GET /streamer/api/v3/streams}. Unknown fields are ignored: streamers may add to it, and a
 * status poll must not break on that.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StreamerStreamList(List<Entry> streams) {

    StreamerStreamList {
        streams = streams == null ? List.of() : streams;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String name, Stats stats) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stats(boolean alive, long onlineClients) {}
}
