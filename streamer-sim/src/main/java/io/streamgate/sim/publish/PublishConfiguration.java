package io.streamgate.sim.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnPublishProperties.class)
class PublishConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PublishConfiguration.class);

    /** Only when a URL is set: without one there is no pool to hold and the publish path stays as it was. */
    @Bean
    @Conditional(OnPublishUrlSet.class)
    OnPublishCallback onPublishCallback(OnPublishProperties properties, MeterRegistry meters) {
        OnPublishCallback callback =
                new OnPublishCallback(properties.target().orElseThrow(), properties.onPublishTimeout(), meters);
        log.info(
                "on_publish callback on: unknown streams are offered to {} (timeout {})",
                callback.describe(),
                properties.onPublishTimeout());
        return callback;
    }

    /** Reads the property through the same binder as {@link OnPublishProperties}, so both agree on what is set. */
    static final class OnPublishUrlSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("streamgate.sim.on-publish-url", String.class)
                    .map(url -> !url.isBlank())
                    .orElse(false);
        }
    }
}
