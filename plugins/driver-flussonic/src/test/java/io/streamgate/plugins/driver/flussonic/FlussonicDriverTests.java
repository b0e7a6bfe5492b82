package io.streamgate.plugins.driver.flussonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** What the driver decides without a streamer: publish endpoints, and the streams it refuses before any call. */
class FlussonicDriverTests {

    private static final URI BASE = URI.create("http://edge-1.example.com:8080");
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A port nothing listens on: a call that should not happen fails with an I/O error, not the expected one. */
    private static URI closed;

    @BeforeAll
    static void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void httpPublishIsTheDefaultEndpoint() {
        assertThat(driver(Map.of()).publishEndpoints("1_cam", "p1.k.9.sig"))
                .containsExactly(new PublishEndpoint(
                        "http", "http://edge-1.example.com:8080/streamer/publish/1_cam?token=p1.k.9.sig"));
    }

    @Test
    void everyEnabledEndpointInPreferenceOrderWithTheTokenEncoded() {
        StreamerDriver driver = driver(Map.of(
                "rtmp_url", "rtmp://edge-1.example.com:1935/live/",
                "srt_url", "srt://edge-1.example.com:9998",
                "whip", true));

        List<PublishEndpoint> endpoints = driver.publishEndpoints("1_cam", "a b&c=d/é");

        assertThat(endpoints).extracting(PublishEndpoint::protocol).containsExactly("rtmp", "srt", "whip", "http");
        String token = "a%20b%26c%3Dd%2F%C3%A9";
        assertThat(endpoints.get(0).url()).isEqualTo("rtmp://edge-1.example.com:1935/live/1_cam?token=" + token);
        assertThat(endpoints.get(1).url())
                .isEqualTo("srt://edge-1.example.com:9998?streamid=%23%21%3A%3Ar%3D1_cam%2Cm%3Dpublish%2Ctoken%3D"
                        + token);
        assertThat(URLDecoder.decode(
                        endpoints.get(1).url().substring(endpoints.get(1).url().indexOf('=') + 1),
                        StandardCharsets.UTF_8))
                .isEqualTo("#!::r=1_cam,m=publish,token=a b&c=d/é");
        assertThat(endpoints.get(2).url()).isEqualTo("http://edge-1.example.com:8080/1_cam/whip?token=" + token);
        assertThat(endpoints.get(3).url())
                .isEqualTo("http://edge-1.example.com:8080/streamer/publish/1_cam?token=" + token);
    }

    @Test
    void noEndpointsWhenEverythingIsOff() {
        assertThat(driver(Map.of("http_publish", false)).publishEndpoints("1_cam", "t"))
                .isEmpty();
    }

    @Test
    void aTokenWithACommaCannotRideInTheSrtStreamId() {
        StreamerDriver driver = driver(Map.of("srt_url", "srt://edge-1.example.com:9998"));

        assertThat(driver.publishEndpoints("1_cam", "t.k.1.s")).hasSize(2);
        assertThatThrownBy(() -> driver.publishEndpoints("1_cam", "a,b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SRT");
    }

    @Test
    void publishEndpointsNeedAValidNameAndAToken() {
        StreamerDriver driver = driver(Map.of());
        for (String bad : Arrays.asList(null, "", "a/b", "../x", "-a", "a".repeat(65))) {
            assertThatThrownBy(() -> driver.publishEndpoints(bad, "t"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("name:");
        }
        assertThatThrownBy(() -> driver.publishEndpoints("1_cam", "")).hasMessageStartingWith("token:");
    }

    @Test
    void anyInputSchemeIsAcceptedButEveryInputNeedsOne() {
        StreamerDriver driver = new FlussonicDriverFactory()
                .create(Settings.of(Map.of()), new TestContext(closed, new TestHttpCaller()));

        // Accepted: the driver goes on to call the (closed) streamer, so the error is an I/O one.
        for (String input : List.of("fake://test", "publish://", "udp://239.0.0.1:1234", "srt://h:1", "x-y+z.1://a")) {
            StepVerifier.create(driver.push(new StreamConfig("1_cam", List.of(input))))
                    .expectError(IOException.class)
                    .verify(WAIT);
        }
        for (List<String> inputs : List.<List<String>>of(
                List.of(),
                List.of(" "),
                List.of("test"),
                List.of("://x"),
                List.of("fake://test", "1x://y"),
                List.of("fake://te st"))) {
            StepVerifier.create(driver.push(new StreamConfig("1_cam", inputs)))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .as("%s", inputs)
                            .isInstanceOf(UnsupportedStreamException.class)
                            .hasMessageContaining("expected:"))
                    .verify(WAIT);
        }
    }

    @Test
    void anInvalidNameFailsBeforeAnyCall() {
        StreamerDriver driver = new FlussonicDriverFactory()
                .create(Settings.of(Map.of()), new TestContext(closed, new TestHttpCaller()));

        StepVerifier.create(driver.push(new StreamConfig("a/b", List.of("fake://test"))))
                .expectError(IllegalArgumentException.class)
                .verify(WAIT);
        StepVerifier.create(driver.remove("../streams"))
                .expectError(IllegalArgumentException.class)
                .verify(WAIT);
    }

    @Test
    void factoryRejectsBadSettings() {
        assertThatThrownBy(() -> driver(Map.of("rtmp_url", "http://x/live")))
                .isInstanceOf(io.streamgate.plugin.api.InvalidSettingsException.class)
                .hasMessageStartingWith("rtmp_url:");
        assertThat(new FlussonicDriverFactory().type()).isEqualTo("flussonic");
    }

    private static StreamerDriver driver(Map<String, ?> settings) {
        return new FlussonicDriverFactory().create(Settings.of(settings), new TestContext(BASE, new TestHttpCaller()));
    }
}
