package io.streamgate.gateway.signing;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.SigningKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    UrlSigner urlSigner(SigningProperties properties, Clock clock) {
        SigningKeys keys;
        try {
            keys = SigningKeys.parse(properties.keys(), properties.activeKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "STREAMGATE_SIGNING_KEYS / STREAMGATE_SIGNING_ACTIVE_KEY are invalid: " + e.getMessage(), e);
        }
        return new UrlSigner(new PlaybackSigner(keys), clock, properties.ttl());
    }
}
