package io.streamgate.gateway.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.snapshot.SnapshotStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveMap liveMap() {
        return new LiveMap();
    }

    @Bean
    StreamerPoller streamerPoller(
            SnapshotStore snapshots, LiveMap liveMap, LiveProperties properties, MeterRegistry meters) {
        return new StreamerPoller(snapshots, liveMap, properties, meters);
    }
}
