package io.streamgate.sim.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OnPublishPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PublishConfiguration.class)
            .withBean(SimpleMeterRegistry.class);

    @Test
    void isOffByDefaultAndWhenEmpty() {
        assertThat(new OnPublishProperties(null, null).target()).isEmpty();
        assertThat(new OnPublishProperties("", null).target()).isEmpty();
        assertThat(new OnPublishProperties("  ", null).target()).isEmpty();
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OnPublishCallback.class));
        runner.withPropertyValues("streamgate.sim.on-publish-url=")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OnPublishCallback.class));
    }

    @Test
    void acceptsHttpAndHttpsUrlsAndKeepsTheirQueryAsWritten() {
        assertThat(new OnPublishProperties("http://127.0.0.1:8081/cb?streamer=sim-1&x=a%2Fb", null).target())
                .contains(URI.create("http://127.0.0.1:8081/cb?streamer=sim-1&x=a%2Fb"));
        assertThat(new OnPublishProperties("HTTPS://control.example/on-publish", null).target())
                .contains(URI.create("https://control.example/on-publish"));
        runner.withPropertyValues("streamgate.sim.on-publish-url=http://127.0.0.1:8081/cb?streamer=sim-1")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OnPublishCallback.class));
    }

    @Test
    void rejectsAnythingButAnAbsoluteHttpUrlWithAHost() {
        for (String url : new String[] {
            "ftp://control/cb",
            "file:///etc/passwd",
            "/streamer-callbacks/v1/on-publish",
            "control:8081/cb",
            "http://",
            "http:///cb",
            "http://bad host/cb"
        }) {
            assertThatThrownBy(() -> new OnPublishProperties(url, null))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("streamgate.sim.on-publish-url: '")
                    .hasMessageContaining("expected: an absolute http:// or https:// URL");
        }
    }

    @Test
    void rejectsUserInfoWithoutEchoingItOrTheQuery() {
        assertThatThrownBy(() -> new OnPublishProperties("http://admin:hunter2@control/cb?secret=s3cr3t", null))
                .hasMessageContaining("user info")
                .hasMessageContaining("'http://...@control/cb?...'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2", "s3cr3t"));
        assertThatThrownBy(() -> new OnPublishProperties("gopher://control/cb?secret=s3cr3t", null))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void timeoutDefaultsToTwoSecondsAndMustBePositiveAndAtMostAMinute() {
        assertThat(new OnPublishProperties(null, null).onPublishTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new OnPublishProperties(null, Duration.ofMillis(1)).onPublishTimeout())
                .isEqualTo(Duration.ofMillis(1));
        assertThat(new OnPublishProperties(null, Duration.ofMinutes(1)).onPublishTimeout())
                .isEqualTo(Duration.ofMinutes(1));
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(61)}) {
            assertThatThrownBy(() -> new OnPublishProperties(null, bad))
                    .as(bad.toString())
                    .hasMessageStartingWith("streamgate.sim.on-publish-timeout: " + bad);
        }
        runner.run(
                context -> assertThat(context.getBean(OnPublishProperties.class).onPublishTimeout())
                        .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void aNonHttpUrlFailsTheStartAndSaysWhatToSet() {
        runner.withPropertyValues("streamgate.sim.on-publish-url=ftp://control/cb")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("streamgate.sim.on-publish-url: 'ftp://control/cb'")
                        .hasMessageContaining("scheme 'ftp'")
                        .hasMessageContaining("set STREAMGATE_SIM_ON_PUBLISH_URL"));
        runner.withPropertyValues("streamgate.sim.on-publish-timeout=0s").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("streamgate.sim.on-publish-timeout: PT0S"));
    }
}
