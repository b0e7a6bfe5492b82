package io.streamgate.gateway.balancer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BalancerConfiguration {

    @Bean
    StickyBalancer stickyBalancer(Clock clock, MeterRegistry meters) {
        return new StickyBalancer(clock, meters);
    }

    @Bean
    ViewerRegion viewerRegion(RegionProperties properties) {
        return new ViewerRegion(properties);
    }
}
