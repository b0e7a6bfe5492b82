package io.streamgate.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The simulator on a real socket, driven over HTTP like the orchestrator and a player would. */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "streamgate.sim.signing.keys=" + StreamerSimIntegrationTests.KEYS)
class StreamerSimIntegrationTests {

    static final String KEYS = "it:0123456789abcdef0123";
    static final PlaybackSigner SIGNER = new PlaybackSigner(SigningKeys.parse(KEYS, null));
    static final PublishTokens TOKENS = new PublishTokens(SigningKeys.parse(KEYS, null));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(TIMEOUT)
                .build();
    }

    static String signed(String stream, String session) {
        return SIGNER.sign(stream, session, Instant.now().getEpochSecond() + 600);
    }

    /** The query string that lets an encoder publish the stream for the next ten minutes. */
    static String publishQuery(String stream) {
        return PublishTokens.PARAMETER + "=" + TOKENS.mint(stream, Instant.now().getEpochSecond() + 600);
    }

    private void putStream(String name, String url) {
        client.put()
                .uri("/streamer/api/v3/streams/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + name + "\", \"inputs\": [{\"url\": \"" + url + "\"}]}")
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }

    private Map<String, Object> statsOf(String name) {
        return client
                .get()
                .uri("/streamer/api/v3/streams/{name}", name)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .entrySet()
                .stream()
                .filter(e -> e.getKey().equals("stats"))
                .map(e -> castMap(e.getValue()))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void aFakeStreamIsListedAliveWithItsBitrate() {
        client.put()
                .uri("/streamer/api/v3/streams/101_fake")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\": [{\"url\": \"fake://test\"}]}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("101_fake")
                .jsonPath("$.stats.alive")
                .isEqualTo(true);
        client.put()
                .uri("/streamer/api/v3/streams/101_fake")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"101_fake\", \"inputs\": [{\"url\": \"fake://test\"}]}")
                .exchange()
                .expectStatus()
                .isOk();

        client.get()
                .uri("/streamer/api/v3/streams")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.alive")
                .isEqualTo(List.of(true))
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.bitrate")
                .value(bitrates -> assertThat(((List<?>) bitrates).get(0)).isNotEqualTo(0))
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.online_clients")
                .isEqualTo(List.of(0))
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.publishing")
                .isEqualTo(List.of(false))
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.bytes_in")
                .isEqualTo(List.of(0))
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.bytes_out")
                .isEqualTo(List.of(0))
                .jsonPath("$.streams[?(@.name == '101_fake')].stats.output_bitrate")
                .isEqualTo(List.of(0))
                .jsonPath("$.estimated_count")
                .exists();
    }

    @Test
    void getAndDeleteAnswer404ForUnknownStreams() {
        putStream("102_gone", "fake://x");
        client.delete()
                .uri("/streamer/api/v3/streams/102_gone")
                .exchange()
                .expectStatus()
                .isNoContent();
        client.delete()
                .uri("/streamer/api/v3/streams/102_gone")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/streamer/api/v3/streams/102_gone")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void rejectsUnknownFieldsBadJsonAndBadInputsWith400() {
        for (String body : List.of(
                "{\"inputs\": [{\"url\": \"fake://x\"}], \"surprise\": 1}",
                "{\"inputs\": [{\"url\": \"fake://x\", \"extra\": true}]}",
                "{\"inputs\": [",
                "{\"inputs\": []}",
                "{\"inputs\": [{\"url\": \"file:///etc/passwd\"}]}",
                "{\"name\": \"other\", \"inputs\": [{\"url\": \"fake://x\"}]}")) {
            client.put()
                    .uri("/streamer/api/v3/streams/103_bad")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.put()
                .uri("/streamer/api/v3/streams/_bad")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\": [{\"url\": \"fake://x\"}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://streamgate.io/problems/invalid-stream")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("name: '_bad'"));
        client.get()
                .uri("/streamer/api/v3/streams/103_bad")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void servesSignedMasterVariantsAndSegments() {
        putStream("104_play", "fake://x");
        String query = signed("104_play", "viewer-a");

        String master = client.get()
                .uri("/104_play/index.m3u8?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vnd.apple.mpegurl")
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<String> variants =
                master.lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(variants).containsExactly("tracks-v1/index.m3u8?" + query, "tracks-v2/index.m3u8?" + query);

        for (String variant : variants) {
            String media = client.get()
                    .uri("/104_play/" + variant)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            List<String> segments =
                    media.lines().filter(line -> !line.startsWith("#")).toList();
            assertThat(segments)
                    .hasSize(6)
                    .allMatch(uri -> uri.matches("[0-9]+\\.ts\\?" + java.util.regex.Pattern.quote(query)));
            String track = variant.substring(0, variant.indexOf('/'));
            for (String segment : List.of(segments.get(0), segments.get(5))) {
                byte[] bytes = client.get()
                        .uri("/104_play/" + track + "/" + segment)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType("video/mp2t")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
                assertThat(bytes.length).isPositive();
                assertThat(bytes.length % 188).isZero();
                for (int at = 0; at < bytes.length; at += 188) {
                    assertThat(bytes[at]).as("sync byte at %d", at).isEqualTo((byte) 0x47);
                }
            }
        }
        assertThat(statsOf("104_play")).containsEntry("online_clients", 1);
        client.get()
                .uri("/104_play/index.m3u8?" + signed("104_play", "viewer-b"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(statsOf("104_play")).containsEntry("online_clients", 2);
    }

    @Test
    void segmentsFarFromNowAndUnknownTracksAre404() {
        putStream("105_window", "fake://x");
        String query = signed("105_window", "viewer");
        client.get()
                .uri("/105_window/tracks-v1/1.ts?" + query)
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/105_window/tracks-v9/index.m3u8?" + query)
                .exchange()
                .expectStatus()
                .isNotFound();
        long farFuture = Instant.now().toEpochMilli() / 2000 + 100;
        client.get()
                .uri("/105_window/tracks-v1/" + farFuture + ".ts?" + query)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void unsignedOrWronglySignedPlaybackIs403AndUnknownStreamsAre404() {
        putStream("106_auth", "fake://x");
        client.get().uri("/106_auth/index.m3u8").exchange().expectStatus().isForbidden();
        client.get()
                .uri("/106_auth/index.m3u8?" + signed("999_other", "viewer"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        client.get()
                .uri("/999_unknown/index.m3u8?" + signed("999_unknown", "viewer"))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/106_auth/%2e%2e/index.m3u8?" + signed("106_auth", "viewer"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aPublishStreamIsAliveOnlyWhileSomethingPushes() {
        putStream("107_push", "publish://");
        String query = signed("107_push", "viewer");
        assertThat(statsOf("107_push"))
                .containsEntry("alive", false)
                .containsEntry("bitrate", 0)
                .containsEntry("input_bitrate", 0)
                .containsEntry("publishing", false);
        client.get()
                .uri("/107_push/index.m3u8?" + query)
                .exchange()
                .expectStatus()
                .isNotFound();

        Sinks.Many<byte[]> upload = Sinks.many().unicast().onBackpressureBuffer();
        upload.tryEmitNext(new byte[188]);
        Mono<HttpStatus> pushed = WebClient.create("http://127.0.0.1:" + port)
                .put()
                .uri("/streamer/publish/107_push?" + publishQuery("107_push"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromPublisher(upload.asFlux(), byte[].class))
                .retrieve()
                .toBodilessEntity()
                .map(response -> HttpStatus.valueOf(response.getStatusCode().value()))
                .cache();
        Disposable running = pushed.subscribe();
        try {
            StepVerifier.create(Mono.fromCallable(() -> statsOf("107_push").get("alive"))
                            .filter(Boolean.TRUE::equals)
                            // Polled on a thread that may block: statsOf is a blocking client call, which Reactor
                            // refuses on its parallel scheduler's threads.
                            .repeatWhenEmpty(repeats ->
                                    repeats.delayElements(Duration.ofMillis(100), Schedulers.boundedElastic())))
                    .expectNext(true)
                    .expectComplete()
                    .verify(TIMEOUT);
            client.get()
                    .uri("/107_push/index.m3u8?" + query)
                    .exchange()
                    .expectStatus()
                    .isOk();

            upload.tryEmitComplete();
            StepVerifier.create(pushed)
                    .expectNext(HttpStatus.NO_CONTENT)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            // An upload left open would keep the simulator from shutting down gracefully.
            upload.tryEmitComplete();
            running.dispose();
        }
    }

    @Test
    void pushingToAStreamWithoutAPublishInputIs404() {
        putStream("108_fake", "fake://x");
        client.post()
                .uri("/streamer/publish/108_fake?" + publishQuery("108_fake"))
                .bodyValue(new byte[188])
                .exchange()
                .expectStatus()
                .isNotFound();
        client.post()
                .uri("/streamer/publish/108_missing?" + publishQuery("108_missing"))
                .bodyValue(new byte[188])
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void healthIsUpOnTheSamePort() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
