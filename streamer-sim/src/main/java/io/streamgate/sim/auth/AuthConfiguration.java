package io.streamgate.sim.auth;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.SigningKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class AuthConfiguration {

    @Bean
    PlaybackSigner playbackSigner(SigningProperties properties) {
        try {
            return new PlaybackSigner(SigningKeys.parse(properties.keys(), null));
        } catch (IllegalArgumentException e) {
            // The domain message names the bad part; say which variable to fix without echoing the secret.
            throw new IllegalStateException("STREAMGATE_SIGNING_KEYS is invalid: " + e.getMessage(), e);
        }
    }
}
