package io.streamgate.sim.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import io.streamgate.sim.testing.SimClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Publish tokens over real sockets: who may push, and that a refused push leaves no trace. */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "streamgate.sim.signing.keys=" + SimClient.KEYS)
class PublishIntegrationTests {

    /** What came back: the status and how many body bytes. */
    record Answer(int status, int bodyBytes) {}

    @LocalServerPort
    int port;

    private SimClient sim;

    @BeforeEach
    void client() {
        sim = new SimClient(port, Clock.systemUTC());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private Answer push(String method, String stream, String query, byte[] body) {
        var result = sim.http()
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(sim.baseUrl() + "/streamer/publish/" + stream + (query.isEmpty() ? "" : "?" + query))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectBody(byte[].class)
                .returnResult();
        byte[] answered = result.getResponseBody();
        return new Answer(result.getStatus().value(), answered == null ? 0 : answered.length);
    }

    /** Every way a token can fail to fit the stream it is used for. */
    private Map<String, String> badQueries(String stream) {
        PublishTokens ours = new PublishTokens(SigningKeys.parse(SimClient.KEYS, null));
        PublishTokens foreignKey = new PublishTokens(SigningKeys.parse("it:fedcba9876543210fedc", null));
        PublishTokens unknownKey = new PublishTokens(SigningKeys.parse("other:0123456789abcdef0123", null));
        PlaybackSigner playback = new PlaybackSigner(SigningKeys.parse(SimClient.KEYS, null));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("missing", "");
        queries.put("empty", "token=");
        queries.put("junk", "token=p1.it.notanumber.xyz");
        queries.put("wrong secret", "token=" + foreignKey.mint(stream, now() + 600));
        queries.put("unknown key id", "token=" + unknownKey.mint(stream, now() + 600));
        queries.put("expired", "token=" + ours.mint(stream, now() - 60));
        queries.put("another stream's", "token=" + ours.mint("999_other", now() + 600));
        queries.put("a playback signature", playback.sign(stream, "viewer", now() + 600));
        queries.put(
                "given twice", "token=" + ours.mint(stream, now() + 600) + "&token=" + ours.mint(stream, now() + 600));
        return queries;
    }

    @Test
    void withoutAValidTokenForTheStreamAPushIs403WithAnEmptyBodyAndCountsNothing() {
        sim.putStream("401_guarded", "publish://");
        for (var bad : badQueries("401_guarded").entrySet()) {
            for (String method : new String[] {"PUT", "POST"}) {
                assertThat(push(method, "401_guarded", bad.getValue(), new byte[4096]))
                        .as("%s %s token", method, bad.getKey())
                        .isEqualTo(new Answer(403, 0));
            }
        }

        assertThat(sim.stats("401_guarded"))
                .containsEntry("alive", false)
                .containsEntry("publishing", false)
                .containsEntry("bytes_in", 0)
                .containsEntry("input_bitrate", 0);
        assertThat(sim.counter(SimClient.BYTES_IN, "401_guarded")).isZero();
    }

    @Test
    void aValidTokenPublishesByPutAndByPost() {
        sim.putStream("402_open", "publish://");

        assertThat(push("PUT", "402_open", "token=" + sim.publishToken("402_open"), new byte[1000]))
                .isEqualTo(new Answer(204, 0));
        assertThat(push("POST", "402_open", "token=" + sim.publishToken("402_open"), new byte[500]))
                .isEqualTo(new Answer(204, 0));
        assertThat(sim.stat("402_open", "bytes_in")).isEqualTo(1500);
        assertThat(sim.counter(SimClient.BYTES_IN, "402_open")).isEqualTo(1500);
    }

    @Test
    void aValidTokenForAStreamThatIsUnknownOrNotPushedIs404() {
        sim.putStream("403_fake", "fake://x");

        assertThat(push("PUT", "403_fake", "token=" + sim.publishToken("403_fake"), new byte[188]))
                .isEqualTo(new Answer(404, 0));
        assertThat(push("POST", "403_missing", "token=" + sim.publishToken("403_missing"), new byte[188]))
                .isEqualTo(new Answer(404, 0));
        assertThat(sim.stat("403_fake", "bytes_in")).isZero();
        // Without an on_publish URL (the default) an unknown name stays unknown: nothing asked, nothing created.
        sim.http()
                .get()
                .uri("/streamer/api/v3/streams/{name}", "403_missing")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void withoutATokenAnUnknownStreamLooksLikeAnyOther() {
        assertThat(push("PUT", "404_missing", "", new byte[188])).isEqualTo(new Answer(403, 0));
        assertThat(push("PUT", "404_missing", "token=p1.it.1.x", new byte[188])).isEqualTo(new Answer(403, 0));
    }

    @Test
    void theRefusalComesBeforeAnyOfTheBodyIsRead() {
        sim.putStream("405_early", "publish://");
        // An upload that never ends: an answer can only come from a server that did not wait for the body.
        Sinks.Many<byte[]> body = Sinks.many().unicast().onBackpressureBuffer();
        body.tryEmitNext(new byte[64 * 1024]);
        Mono<Answer> answer = WebClient.create(sim.baseUrl())
                .put()
                .uri("/streamer/publish/405_early?token="
                        + new PublishTokens(SigningKeys.parse(SimClient.KEYS, null)).mint("405_early", now() - 1))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromPublisher(body.asFlux(), byte[].class))
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .map(bytes -> bytes.length)
                        .defaultIfEmpty(0)
                        .map(length -> new Answer(response.statusCode().value(), length)));
        try {
            StepVerifier.create(answer)
                    .expectNext(new Answer(403, 0))
                    .expectComplete()
                    .verify(SimClient.TIMEOUT);
        } finally {
            body.tryEmitComplete();
        }

        assertThat(sim.stats("405_early"))
                .containsEntry("bytes_in", 0)
                .containsEntry("publishing", false)
                .containsEntry("alive", false);
        assertThat(sim.counter(SimClient.BYTES_IN, "405_early")).isZero();
    }
}
