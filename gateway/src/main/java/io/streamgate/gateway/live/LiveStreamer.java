package io.streamgate.gateway.live;

/** A streamer that has a stream live, with its viewer count for that stream at the last poll. */
public record LiveStreamer(long streamerId, String baseUrl, long onlineClients) {}
