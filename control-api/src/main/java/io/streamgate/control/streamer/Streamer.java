package io.streamgate.control.streamer;

/** A registered streamer; {@code baseUrl} has no trailing slash. */
public record Streamer(long id, String name, String baseUrl) {}
