package io.streamgate.sim.config;

import java.util.List;

/** A stream as the config API shows it. */
record StreamView(String name, List<InputDefinition> inputs, StreamStats stats) {}
