package io.streamgate.gateway.snapshot;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.auth.AuthChainBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    SnapshotStore snapshotStore(AuthChainBuilder authChains) {
        return new SnapshotStore(authChains);
    }

    @Bean(destroyMethod = "")
    ConfigChangeListener configChangeListener(SnapshotProperties properties) {
        return properties.redisUrl() == null
                ? null
                : new ConfigChangeListener(properties.redisUrl(), properties.channel());
    }

    @Bean
    SnapshotSync snapshotSync(
            SnapshotProperties properties,
            SnapshotStore store,
            ObjectProvider<ConfigChangeListener> listener,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
            MeterRegistry meters) {
        CircuitBreakerRegistry registry = circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        return new SnapshotSync(
                store,
                new SnapshotClient(properties, registry.circuitBreaker("control-api")),
                new SnapshotFile(properties.file(), Schedulers.boundedElastic()),
                listener.getIfAvailable(),
                properties.syncInterval(),
                meters);
    }
}
