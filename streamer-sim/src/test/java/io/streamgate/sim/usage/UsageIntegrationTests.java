package io.streamgate.sim.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamgate.sim.testing.Exposition;
import io.streamgate.sim.testing.MutableClock;
import io.streamgate.sim.testing.SimClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Byte counters and rates over real sockets, with the simulator's clock held still so that every byte of a test lands
 * in one known second and rates can be checked exactly; the test moves the clock, nothing waits for it.
 */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "streamgate.sim.signing.keys=" + SimClient.KEYS)
class UsageIntegrationTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class HeldClock {
        @Bean
        @Primary
        MutableClock heldClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private SimClient sim;

    @BeforeEach
    void client() {
        sim = new SimClient(port, clock);
    }

    /** Waits until the counter has taken in {@code expected} bytes (writes are counted as the socket takes them). */
    private long awaitBytesOut(String stream, long expected) {
        return await().atMost(SimClient.TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> sim.counter(SimClient.BYTES_OUT, stream), count -> count >= expected);
    }

    /** Fetches the master and the first variant and returns the variant's first segment path and the bytes so far. */
    private long fetchPlaylists(String stream, String query, List<String> segmentPaths) {
        byte[] master = sim.play("/" + stream + "/index.m3u8?" + query);
        byte[] media = sim.play("/" + stream + "/tracks-v1/index.m3u8?" + query);
        new String(media, java.nio.charset.StandardCharsets.US_ASCII)
                .lines()
                .filter(line -> !line.startsWith("#"))
                .forEach(uri -> segmentPaths.add("/" + stream + "/tracks-v1/" + uri));
        return master.length + media.length;
    }

    @Test
    void aServedSegmentAddsExactlyItsLengthToBytesOutInMetricsAndStats() {
        sim.putStream("301_out", "fake://x");
        assertThat(sim.counter(SimClient.BYTES_OUT, "301_out")).isZero();
        String query = sim.signed("301_out", "viewer");
        List<String> segments = new java.util.ArrayList<>();
        long expected = fetchPlaylists("301_out", query, segments);
        assertThat(awaitBytesOut("301_out", expected)).isEqualTo(expected);
        assertThat(sim.stat("301_out", "bytes_out")).isEqualTo(expected);

        byte[] segment = sim.play(segments.get(0));
        assertThat(segment.length).as("a segment spans several 32 KiB writes").isGreaterThan(64 * 1024);

        expected += segment.length;
        assertThat(awaitBytesOut("301_out", expected)).isEqualTo(expected);
        assertThat(sim.stat("301_out", "bytes_out")).isEqualTo(expected);
        assertThat(sim.counter(SimClient.BYTES_IN, "301_out")).isZero();
        assertThat(sim.stat("301_out", "bytes_in")).isZero();
    }

    @Test
    void refusedAndMissingPlaybackServesNothingToCount() {
        sim.putStream("302_none", "fake://x");
        String query = sim.signed("302_none", "viewer");
        sim.http().get().uri("/302_none/index.m3u8").exchange().expectStatus().isForbidden();
        sim.http()
                .get()
                .uri(sim.baseUrl() + "/302_none/tracks-v9/index.m3u8?" + query)
                .exchange()
                .expectStatus()
                .isNotFound();
        // A counted request afterwards proves the counter is live, so the zero before it was not just late.
        byte[] master = sim.play("/302_none/index.m3u8?" + query);

        assertThat(awaitBytesOut("302_none", master.length)).isEqualTo(master.length);
    }

    @Test
    void outputBitrateIsWhatWasServedOverTheLastFiveWholeSeconds() {
        sim.putStream("303_rate", "fake://x");
        String query = sim.signed("303_rate", "viewer");
        List<String> segments = new java.util.ArrayList<>();
        long served = fetchPlaylists("303_rate", query, segments);
        served += sim.play(segments.get(0)).length;
        served += sim.play(segments.get(1)).length;
        awaitBytesOut("303_rate", served);
        assertThat(sim.stat("303_rate", "output_bitrate"))
                .as("the current second is not in the window")
                .isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(sim.stat("303_rate", "output_bitrate")).isEqualTo(served * 8 / 5000);

        clock.advance(Duration.ofSeconds(5));
        assertThat(sim.stat("303_rate", "output_bitrate")).isZero();
        assertThat(sim.stat("303_rate", "bytes_out")).isEqualTo(served);
    }

    @Test
    void publishedBytesCountExactlyAndDriveTheInputBitrate() {
        sim.putStream("304_in", "publish://");
        assertThat(sim.stats("304_in"))
                .containsEntry("alive", false)
                .containsEntry("input_bitrate", 0)
                .containsEntry("publishing", false);
        byte[] chunk = new byte[64 * 1024];
        ThreadLocalRandom.current().nextBytes(chunk);
        long sent = 3L * chunk.length + 1000;

        Mono<HttpStatus> upload = WebClient.create(sim.baseUrl())
                .put()
                .uri("/streamer/publish/304_in?token=" + sim.publishToken("304_in"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromPublisher(Flux.just(chunk, chunk, chunk, new byte[1000]), byte[].class))
                .retrieve()
                .toBodilessEntity()
                .map(response -> HttpStatus.valueOf(response.getStatusCode().value()));
        StepVerifier.create(upload)
                .expectNext(HttpStatus.NO_CONTENT)
                .expectComplete()
                .verify(SimClient.TIMEOUT);

        // Counted as the body was read, which finished before the answer: no waiting needed.
        assertThat(sim.stat("304_in", "bytes_in")).isEqualTo(sent);
        assertThat(sim.counter(SimClient.BYTES_IN, "304_in")).isEqualTo(sent);
        assertThat(sim.stats("304_in")).containsEntry("publishing", false).containsEntry("alive", true);

        clock.advance(Duration.ofSeconds(1));
        assertThat(sim.stat("304_in", "input_bitrate")).isEqualTo(sent * 8 / 5000);
        assertThat(sim.stat("304_in", "bitrate")).isEqualTo(sent * 8 / 5000);

        clock.advance(Duration.ofSeconds(3));
        assertThat(sim.stats("304_in")).containsEntry("alive", false).containsEntry("input_bitrate", 0);
        assertThat(sim.stat("304_in", "bytes_in")).isEqualTo(sent);
        assertThat(sim.counter(SimClient.BYTES_IN, "304_in")).isEqualTo(sent);
    }

    @Test
    void publishingIsTrueOnlyWhileAnUploadIsOpen() {
        sim.putStream("305_open", "publish://");
        Sinks.Many<byte[]> body = Sinks.many().unicast().onBackpressureBuffer();
        body.tryEmitNext(new byte[188]);
        Mono<HttpStatus> upload = WebClient.create(sim.baseUrl())
                .post()
                .uri("/streamer/publish/305_open?token=" + sim.publishToken("305_open"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromPublisher(body.asFlux(), byte[].class))
                .retrieve()
                .toBodilessEntity()
                .map(response -> HttpStatus.valueOf(response.getStatusCode().value()))
                .cache();
        Disposable running = upload.subscribe();
        try {
            await().atMost(SimClient.TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> sim.stats("305_open").get("publishing"), Boolean.TRUE::equals);
            assertThat(sim.stats("305_open")).containsEntry("alive", true);

            body.tryEmitComplete();
            StepVerifier.create(upload)
                    .expectNext(HttpStatus.NO_CONTENT)
                    .expectComplete()
                    .verify(SimClient.TIMEOUT);
            assertThat(sim.stats("305_open")).containsEntry("publishing", false);
            assertThat(sim.stat("305_open", "bytes_in")).isEqualTo(188);
        } finally {
            running.dispose();
        }
    }

    @Test
    void theSessionStaysTheSameAcrossScrapesAndItsIdStartsWithItsStart() {
        Exposition first = sim.metrics();
        sim.putStream("306_any", "fake://x");
        sim.play("/306_any/index.m3u8?" + sim.signed("306_any", "viewer"));
        Exposition second = sim.metrics();

        assertThat(first.samples(SimClient.SESSION_START)).hasSize(1);
        assertThat(second.samples(SimClient.SESSION_START)).isEqualTo(first.samples(SimClient.SESSION_START));
        Exposition.Sample session = first.samples(SimClient.SESSION_START).get(0);
        assertThat(session.labels()).containsOnlyKeys("session_id");
        assertThat(session.labels().get("session_id"))
                .matches("[0-9]+-[0-9a-f]{16}")
                .startsWith(session.value() + "-");
        assertThat(first.types())
                .containsEntry(SimClient.SESSION_START, "gauge")
                .containsEntry(SimClient.BYTES_OUT, "counter")
                .containsEntry(SimClient.BYTES_IN, "counter");
    }

    @Test
    void metricsNeedNoSignatureAndSpeakTheTextFormat() {
        sim.http()
                .get()
                .uri("/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/plain;version=0.0.4;charset=utf-8");
    }

    @Test
    void aRemovedStreamKeepsItsCounterLinesForTheRestOfTheSession() {
        sim.putStream("307_gone", "fake://x");
        sim.putStream("307_idle", "fake://x");
        byte[] master = sim.play("/307_gone/index.m3u8?" + sim.signed("307_gone", "viewer"));
        awaitBytesOut("307_gone", master.length);

        sim.http()
                .delete()
                .uri("/streamer/api/v3/streams/307_gone")
                .exchange()
                .expectStatus()
                .isNoContent();
        sim.http()
                .delete()
                .uri("/streamer/api/v3/streams/307_idle")
                .exchange()
                .expectStatus()
                .isNoContent();

        Exposition metrics = sim.metrics();
        assertThat(metrics.value(SimClient.BYTES_OUT, "stream", "307_gone")).contains((long) master.length);
        assertThat(metrics.value(SimClient.BYTES_IN, "stream", "307_gone")).contains(0L);
        assertThat(metrics.value(SimClient.BYTES_OUT, "stream", "307_idle")).contains(0L);
        assertThat(metrics.value(SimClient.BYTES_IN, "stream", "307_idle")).contains(0L);

        sim.putStream("307_gone", "fake://x");
        assertThat(sim.stat("307_gone", "bytes_out"))
                .as("a re-added stream continues its counters")
                .isEqualTo(master.length);
    }
}
