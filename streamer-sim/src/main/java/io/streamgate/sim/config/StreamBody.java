package io.streamgate.sim.config;

import java.util.List;

/** The body of {@code PUT /streamer/api/v3/streams/{name}}; the name is optional and must match the path. */
record StreamBody(String name, List<InputDefinition> inputs) {}
