package io.streamgate.control.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared secrets of the admin and internal APIs. Both are required: a control plane that starts without them
 * would either be open to anyone or useless, so start-up fails and says which variable to set.
 *
 * @param adminToken bearer token of {@code /admin/v1} ({@code STREAMGATE_ADMIN_TOKEN})
 * @param gatewayToken bearer token gateways present to {@code /internal/v1/snapshot} ({@code STREAMGATE_GATEWAY_TOKEN})
 */
@ConfigurationProperties("streamgate.control.security")
record SecuritySettings(String adminToken, String gatewayToken) {

    SecuritySettings {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException(
                    "streamgate.control.security.admin-token is empty: set STREAMGATE_ADMIN_TOKEN to the bearer token"
                            + " the admin API (/admin/v1) must require");
        }
        if (gatewayToken == null || gatewayToken.isBlank()) {
            throw new IllegalArgumentException(
                    "streamgate.control.security.gateway-token is empty: set STREAMGATE_GATEWAY_TOKEN to the bearer"
                            + " token gateways present to /internal/v1/snapshot");
        }
    }

    @Override
    public String toString() {
        return "SecuritySettings[tokens redacted]";
    }
}
