package io.streamgate.sim.auth;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class AuthConfiguration {

    @Bean
    SigningKeys signingKeys(SigningProperties properties) {
        try {
            return SigningKeys.parse(properties.keys(), null);
        } catch (IllegalArgumentException e) {
            // The domain message names the bad part; say which variable to fix without echoing the secret.
            throw new IllegalStateException("STREAMGATE_SIGNING_KEYS is invalid: " + e.getMessage(), e);
        }
    }

    @Bean
    PlaybackSigner playbackSigner(SigningKeys keys) {
        return new PlaybackSigner(keys);
    }

    /** The same keys as playback: the gateway and control plane mint both kinds, and their MACs never collide. */
    @Bean
    PublishTokens publishTokens(SigningKeys keys) {
        return new PublishTokens(keys);
    }
}
