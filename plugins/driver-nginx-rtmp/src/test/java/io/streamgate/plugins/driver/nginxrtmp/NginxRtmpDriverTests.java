package io.streamgate.plugins.driver.nginxrtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** What the driver decides without nginx: which streams it can run, and where encoders publish. */
class NginxRtmpDriverTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A port nothing listens on: any call the driver makes fails, so a push that completes made none. */
    private static StreamerDriver driver;

    @BeforeAll
    static void driverOfAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        driver = new NginxRtmpDriverFactory()
                .create(
                        Settings.of(Map.of("rtmp_url", "rtmp://127.0.0.1:1935/live")),
                        new TestContext(URI.create("http://127.0.0.1:" + port), new TestHttpCaller()));
    }

    @Test
    void aPublishedStreamIsPushedWithoutIo() {
        StepVerifier.create(driver.push(new StreamConfig("1_cam", List.of("publish://"))))
                .expectComplete()
                .verify(WAIT);
        // The same driver's calls do reach the closed port, so the push above really made none.
        StepVerifier.create(driver.state()).expectError(IOException.class).verify(WAIT);
    }

    @Test
    void anythingButPublishInputsIsUnsupported() {
        for (List<String> inputs : List.<List<String>>of(
                List.of(),
                List.of("fake://test"),
                List.of("rtmp://elsewhere/live/x"),
                List.of("publish://", "udp://239.0.0.1:1234"))) {
            StepVerifier.create(driver.push(new StreamConfig("1_cam", inputs)))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .as("%s", inputs)
                            .isInstanceOf(UnsupportedStreamException.class)
                            .hasMessageContaining("nginx-rtmp only takes published streams"))
                    .verify(WAIT);
        }
    }

    @Test
    void theRtmpEndpointCarriesTheTokenEncoded() {
        assertThat(driver.publishEndpoints("1_cam", "p1.k.9.s+g/="))
                .containsExactly(
                        new PublishEndpoint("rtmp", "rtmp://127.0.0.1:1935/live/1_cam?token=p1.k.9.s%2Bg%2F%3D"));
    }

    @Test
    void namesAndTokensAreChecked() {
        for (String bad : Arrays.asList(null, "", "a/b", "..", "a?b", "a".repeat(65))) {
            assertThatThrownBy(() -> driver.publishEndpoints(bad, "t")).as(bad).hasMessageStartingWith("name:");
            StepVerifier.create(driver.remove(bad))
                    .expectError(IllegalArgumentException.class)
                    .verify(WAIT);
        }
        assertThatThrownBy(() -> driver.publishEndpoints("1_cam", null)).hasMessageStartingWith("token:");
    }

    @Test
    void theFactoryValidatesSettings() {
        assertThat(new NginxRtmpDriverFactory().type()).isEqualTo("nginx-rtmp");
        assertThatThrownBy(() -> new NginxRtmpDriverFactory()
                        .create(Settings.of(Map.of()), new TestContext(URI.create("http://127.0.0.1"), null)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("rtmp_url:");
    }
}
