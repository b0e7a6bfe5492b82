package io.streamgate.gateway.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.host.loading.PluginHost;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveMap liveMap() {
        return new LiveMap();
    }

    @Bean
    StreamerHealth streamerHealth(EjectionProperties properties, Clock clock, MeterRegistry meters) {
        return new StreamerHealth(properties, clock, meters);
    }

    @Bean
    StreamerDrivers streamerDrivers(PluginHost host, Clock clock, LiveProperties properties, MeterRegistry meters) {
        return new StreamerDrivers(host, clock, properties.timeout(), meters);
    }

    @Bean
    StreamerPoller streamerPoller(
            SnapshotStore snapshots,
            LiveMap liveMap,
            StreamerDrivers drivers,
            StreamerHealth health,
            LiveProperties properties,
            MeterRegistry meters) {
        return new StreamerPoller(snapshots, liveMap, drivers, health, properties, meters);
    }
}
