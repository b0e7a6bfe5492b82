package io.streamgate.sim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AuthConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(AuthConfiguration.class);

    @Test
    void startsWithKeys() {
        runner.withPropertyValues("streamgate.sim.signing.keys=k1:0123456789abcdef0123")
                .run(context -> {
                    assertThat(context).hasSingleBean(PlaybackSigner.class).hasSingleBean(PublishTokens.class);
                    // Publish tokens are checked with the very keys playback is: a token the gateway's keys minted
                    // verifies here.
                    PublishTokens minted = new PublishTokens(SigningKeys.parse("k1:0123456789abcdef0123", null));
                    assertThat(context.getBean(PublishTokens.class)
                                    .verify("1_live", minted.mint("1_live", 2_000_000_000L), 1_900_000_000L))
                            .isEqualTo(PlaybackSigner.Verification.VALID);
                });
    }

    @Test
    void failsToStartWithoutKeysAndSaysWhatToSet() {
        runner.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("set STREAMGATE_SIGNING_KEYS"));
        runner.withPropertyValues("streamgate.sim.signing.keys=").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("set STREAMGATE_SIGNING_KEYS"));
    }

    @Test
    void failsToStartWithAShortSecretWithoutEchoingIt() {
        runner.withPropertyValues("streamgate.sim.signing.keys=k1:tooshortsecret")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("STREAMGATE_SIGNING_KEYS is invalid")
                        .hasStackTraceContaining("too short")
                        .satisfies(failure -> assertThat(failure.toString()).doesNotContain("tooshortsecret")));
    }
}
