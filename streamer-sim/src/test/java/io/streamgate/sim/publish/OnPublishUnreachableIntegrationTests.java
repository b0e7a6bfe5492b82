package io.streamgate.sim.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.sim.testing.SimClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A callback nobody listens at: the connection is refused, and so is the publish. */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "streamgate.sim.signing.keys=" + SimClient.KEYS)
class OnPublishUnreachableIntegrationTests {

    @DynamicPropertySource
    static void callback(DynamicPropertyRegistry registry) {
        registry.add("streamgate.sim.on-publish-url", () -> "http://127.0.0.1:" + closedPort() + "/on-publish");
    }

    /** A port that was just free: bound, then released, so a connect to it is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRefusedConnectionRefusesThePublishAndCreatesNothing() {
        SimClient sim = new SimClient(port, Clock.systemUTC());
        double failedBefore =
                meters.counter(OnPublishCallback.METRIC, "outcome", "failed").count();

        sim.http()
                .put()
                .uri("/streamer/publish/601_down?" + PublishTokens.PARAMETER + "=" + sim.publishToken("601_down"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[188])
                .exchange()
                .expectStatus()
                .isNotFound();

        sim.http()
                .get()
                .uri("/streamer/api/v3/streams/{name}", "601_down")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(sim.metrics().value(SimClient.BYTES_IN, "stream", "601_down"))
                .isEmpty();
        assertThat(meters.counter(OnPublishCallback.METRIC, "outcome", "failed").count() - failedBefore)
                .isEqualTo(1);
    }
}
