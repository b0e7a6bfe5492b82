package io.streamgate.sim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AuthConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(AuthConfiguration.class);

    @Test
    void startsWithKeys() {
        runner.withPropertyValues("streamgate.sim.signing.keys=k1:0123456789abcdef0123")
                .run(context -> assertThat(context).hasSingleBean(PlaybackSigner.class));
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
