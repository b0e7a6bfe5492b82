package io.streamgate.sim.config;

/** Whoever knows a stream's runtime state; declared here because the config API is the one that asks. */
public interface StreamStatsSource {

    StreamStats statsOf(StreamDefinition stream);
}
