package io.streamgate.control;

import io.streamgate.domain.id.SnowflakeIdGenerator;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Snowflake id settings.
 *
 * @param node this instance's node id, 0..1023 (default 0); two control-api instances must not share one
 */
@ConfigurationProperties("streamgate.control.ids")
record IdSettings(Integer node) {

    IdSettings {
        node = node == null ? 0 : node;
        if (node < 0 || node > SnowflakeIdGenerator.MAX_NODE) {
            throw new IllegalArgumentException(
                    "streamgate.control.ids.node: " + node + " (expected: 0.." + SnowflakeIdGenerator.MAX_NODE + ")");
        }
    }
}
