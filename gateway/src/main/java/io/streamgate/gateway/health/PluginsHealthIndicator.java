package io.streamgate.gateway.health;

import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.plugin.host.loading.PluginHost;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while no {@code hls} protocol is loaded: without it the gateway cannot answer a single HLS player. */
@Component("plugins")
class PluginsHealthIndicator implements HealthIndicator {

    private final ProtocolStore protocols;
    private final PluginHost host;

    PluginsHealthIndicator(ProtocolStore protocols, PluginHost host) {
        this.protocols = protocols;
        this.host = host;
    }

    @Override
    public Health health() {
        if (protocols.current().has("hls")) {
            return Health.up()
                    .withDetail("protocols", protocols.current().types())
                    .build();
        }
        return Health.down()
                .withDetail(
                        "reason",
                        "no 'hls' protocol plugin loaded from "
                                + host.settings().pluginsFolder().toAbsolutePath()
                                + " (expected: protocol-hls.jar there, then a restart or POST /admin/v1/plugins/reload)")
                .build();
    }
}
