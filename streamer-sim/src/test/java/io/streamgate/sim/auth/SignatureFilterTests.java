package io.streamgate.sim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.SigningKeys;
import io.streamgate.sim.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SignatureFilterTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final PlaybackSigner signer =
            new PlaybackSigner(SigningKeys.parse("k1:0123456789abcdef0123,k2:fedcba9876543210fedc", null));
    private final SignatureFilter filter = new SignatureFilter(signer, clock);
    private final String valid = signer.sign("123_live", "viewer1", NOW.getEpochSecond() + 60);

    @ParameterizedTest
    @ValueSource(
            strings = {"/123_live/index.m3u8", "/123_live/tracks-v1/index.m3u8", "/123_live/tracks-v2/897660834.ts"})
    void passesAValidSignatureForTheStream(String path) {
        assertThat(run(path + "?" + valid)).isNull();
    }

    @Test
    void rejectsAMissingSignature() {
        assertThat(run("/123_live/index.m3u8")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void rejectsAnExpiredSignature() {
        clock.advance(Duration.ofSeconds(61));

        assertThat(run("/123_live/index.m3u8?" + valid)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void rejectsABadSignature() {
        String tampered = valid.replace("sg_sid=viewer1", "sg_sid=viewer2");

        assertThat(run("/123_live/index.m3u8?" + tampered)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void rejectsASignatureForAnotherStream() {
        assertThat(run("/456_live/index.m3u8?" + valid)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void rejectsAnUnknownKey() {
        String unknown = valid.replace("sg_kid=k1", "sg_kid=k9");

        assertThat(run("/123_live/index.m3u8?" + unknown)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void rejectsARepeatedParameter() {
        assertThat(run("/123_live/index.m3u8?" + valid + "&sg_sid=viewer1")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/123_live/../456_live/index.m3u8",
                "/123_live/%2e%2e/index.m3u8",
                "/123%5flive/index.m3u8",
                "/123_live/tracks-v1/../index.m3u8",
                "/123_live/tracks-v1/abc.ts",
                "/123_live/other.txt",
                "/123_live//index.m3u8",
                "/",
                "/favicon.ico",
                "/metrics/",
                "/metrics/other"
            })
    void rejectsEveryOtherPathShapeEvenWithAValidSignature(String path) {
        assertThat(run(path + "?" + valid)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/streamer/api/v3/streams", "/streamer/publish/live", "/actuator/health", "/metrics"})
    void leavesServicePathsAlone(String path) {
        assertThat(run(path)).isNull();
    }

    @Test
    void aStreamNamedMetricsIsStillGuarded() {
        assertThat(run("/metrics/index.m3u8")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(run("/metrics/index.m3u8?" + signer.sign("metrics", "v", NOW.getEpochSecond() + 60)))
                .isNull();
    }

    @Test
    void handsTheVerifiedStreamOnAndNothingForServicePaths() {
        MockServerWebExchange playback =
                MockServerWebExchange.from(MockServerHttpRequest.get("/123_live/index.m3u8?" + valid));
        MockServerWebExchange service = MockServerWebExchange.from(MockServerHttpRequest.get("/metrics"));

        StepVerifier.create(filter.filter(playback, e -> Mono.empty()).then(filter.filter(service, e -> Mono.empty())))
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(VerifiedPlayback.streamOf(playback)).isEqualTo("123_live");
        assertThat(VerifiedPlayback.streamOf(service)).isNull();
    }

    /** The status the filter set, or null when it passed the request on. */
    private HttpStatus run(String uri) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.GET, URI.create(uri)).build());
        AtomicBoolean passed = new AtomicBoolean();
        StepVerifier.create(filter.filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true))))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        if (passed.get()) {
            assertThat(exchange.getResponse().getStatusCode()).isNull();
            return null;
        }
        return (HttpStatus) exchange.getResponse().getStatusCode();
    }
}
