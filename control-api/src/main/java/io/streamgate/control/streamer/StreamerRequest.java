package io.streamgate.control.streamer;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /admin/v1/streamers}, and what a {@code PATCH} makes of the stored streamer with its changes.
 * Only {@code name} and {@code base_url} are required: no region, no capacity limits, active, the default driver
 * without settings. Capacities stay JSON so that {@code 1.5} or {@code "10"} are rejected instead of coerced.
 */
record StreamerRequest(
        String name,
        String baseUrl,
        String region,
        JsonNode maxStreams,
        JsonNode maxEgressMbps,
        String state,
        String driver,
        Map<String, Object> driverSettings) {}
