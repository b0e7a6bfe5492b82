package io.streamgate.control.publish;

import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishSettings.class)
class PublishConfiguration {

    @Bean
    PublishTokens publishTokens(PublishSettings settings) {
        try {
            return new PublishTokens(SigningKeys.parse(settings.keys(), settings.activeKey()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "STREAMGATE_SIGNING_KEYS / STREAMGATE_SIGNING_ACTIVE_KEY are invalid: " + e.getMessage(), e);
        }
    }
}
