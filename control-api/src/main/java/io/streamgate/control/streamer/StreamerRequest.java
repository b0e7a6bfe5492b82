package io.streamgate.control.streamer;

/** Body of {@code POST /admin/v1/streamers}. */
record StreamerRequest(String name, String baseUrl) {}
