package io.streamgate.gateway.plugin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's admin API on the management port.
 *
 * @param token the bearer token it requires ({@code STREAMGATE_ADMIN_TOKEN}); empty: the admin API does not exist
 *     (404), which is the safe default
 */
@ConfigurationProperties("streamgate.gateway.admin")
record AdminProperties(String token) {

    AdminProperties {
        token = token == null || token.isBlank() ? null : token;
    }
}
