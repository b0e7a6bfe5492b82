package io.streamgate.sim.config;

import java.util.List;

/** The answer of {@code GET /streamer/api/v3/streams}, shaped like Flussonic's. */
record StreamList(List<StreamView> streams, int estimatedCount) {}
