package io.streamgate.gateway.plugin;

import io.streamgate.gateway.auth.AuthChainBuilder;
import io.streamgate.gateway.live.StreamerDrivers;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.loading.PluginHost;
import io.streamgate.plugin.host.loading.PluginHostSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PluginConfiguration {

    /** Loaded here, on the starting thread, because loading jars blocks; the gateway serves nothing before. */
    @Bean(destroyMethod = "close")
    PluginHost pluginHost(PluginProperties properties) {
        PluginHost host = new PluginHost(new PluginHostSettings(properties.folder(), properties.allowPrivateTargets()));
        host.start();
        return host;
    }

    @Bean
    ProtocolStore protocolStore(PluginHost host) {
        ProtocolStore store = new ProtocolStore();
        store.rebuild(host);
        return store;
    }

    @Bean
    AuthGuard authGuard(PluginHost host, Clock clock) {
        return new AuthGuard(host, host.http(), clock, AuthGuardSettings.defaults());
    }

    @Bean
    AuthChainBuilder authChainBuilder(AuthGuard guard) {
        return new AuthChainBuilder(guard);
    }

    @Bean
    PluginReload pluginReload(
            PluginHost host, ProtocolStore protocols, SnapshotStore snapshots, StreamerDrivers drivers) {
        return new PluginReload(host, protocols, snapshots, drivers);
    }
}
