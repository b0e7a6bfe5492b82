package io.streamgate.control.streamer;

/** A streamer as the admin API shows it; the id is a string because JavaScript clients lose 64-bit precision. */
record StreamerResponse(String id, String name, String baseUrl) {

    static StreamerResponse of(Streamer streamer) {
        return new StreamerResponse(Long.toString(streamer.id()), streamer.name(), streamer.baseUrl());
    }
}
