package io.streamgate.gateway.snapshot;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the wire contracts (snapshot, streamer stats): snake_case, tolerant of fields added later and of
 * enum case, so a newer control-api or streamer does not break an older gateway. Built here rather than taken from the
 * application's mapper so that no global setting can change a contract.
 */
public final class SnakeCaseJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private SnakeCaseJson() {}
}
