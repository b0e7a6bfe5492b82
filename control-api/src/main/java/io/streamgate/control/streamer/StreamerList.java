package io.streamgate.control.streamer;

import java.util.List;

/** Body of {@code GET /admin/v1/streamers}. */
record StreamerList(List<StreamerResponse> streamers) {}
