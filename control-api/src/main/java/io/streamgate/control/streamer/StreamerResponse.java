package io.streamgate.control.streamer;

import java.time.Instant;
import java.util.Map;

/**
 * A streamer as the admin API shows it, with its capacity and what this instance's polls know of its health; the id is
 * a string because JavaScript clients lose 64-bit precision.
 */
record StreamerResponse(
        String id,
        String name,
        String baseUrl,
        String region,
        String state,
        String driver,
        Map<String, Object> driverSettings,
        Capacity capacity,
        Health health) {

    static StreamerResponse of(Streamer streamer, StreamerHealth.StreamerView health, long placements) {
        return new StreamerResponse(
                Long.toString(streamer.id()),
                streamer.name(),
                streamer.baseUrl(),
                streamer.region(),
                StreamerRules.state(streamer.state()),
                streamer.driver(),
                streamer.driverSettings(),
                new Capacity(streamer.maxStreams(), streamer.maxEgressMbps()),
                new Health(
                        health.up(),
                        health.lastSeen(),
                        health.onlineClients(),
                        health.bitrateKbps(),
                        health.streamsAlive(),
                        placements));
    }

    /** {@code null} means no limit. */
    record Capacity(Integer maxStreams, Integer maxEgressMbps) {}

    /**
     * @param lastSeen when the streamer last answered a poll; {@code null} if never
     * @param placements how many streams are placed on it (leaving ones included)
     */
    record Health(
            boolean up, Instant lastSeen, long onlineClients, long bitrateKbps, int streamsAlive, long placements) {}
}
