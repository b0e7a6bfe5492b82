package io.streamgate.gateway.live;

import java.util.List;

/** The part of a streamer's {@code GET /streamer/api/v3/streams} answer the gateway reads. */
record StreamerStreams(List<Item> streams) {

    StreamerStreams {
        streams = streams == null ? List.of() : streams;
    }

    record Item(String name, Stats stats) {}

    record Stats(boolean alive, long onlineClients) {}
}
