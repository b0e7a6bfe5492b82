package io.streamgate.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.SigningKeys;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.FakeStreamer;
import io.streamgate.gateway.MutableClock;
import io.streamgate.gateway.live.EjectionProperties;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.live.StreamerHealth;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The entry manifest cache against a real streamer over a real socket, with the clock moved by hand. */
@Tag("integration")
class EntryManifestsIntegrationTests {

    private static final Duration TTL = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock();
    private final FakeStreamer streamer =
            new FakeStreamer().live("101_a", 0).live("101_b", 0).live("202_c", 0);
    private final StreamerHealth health =
            new StreamerHealth(EjectionProperties.defaults(), clock, new SimpleMeterRegistry());
    private final LiveStreamer live =
            new LiveStreamer(1, streamer.baseUrl(), null, StreamerState.ACTIVE, 0, health.of(1));
    private final PlaybackProtocol protocol = new CountingProtocol();
    private final EntryManifests manifests = new EntryManifests(
            new UrlSigner(new PlaybackSigner(SigningKeys.parse(FakeStreamer.KEYS, null)), clock, Duration.ofHours(1)),
            clock,
            new PlaybackProperties(Duration.ofSeconds(5), TTL, Duration.ofSeconds(2), false));

    @AfterEach
    void close() {
        streamer.close();
    }

    @Test
    void anExpiredEntryIsServedAtOnceWhileOneBackgroundFetchRefreshesIt() {
        ManifestTemplate first = get("101_a", false);
        assertThat(streamer.masterRequests()).isEqualTo(1);

        // Within the TTL: no fetch at all.
        clock.advance(TTL.minusMillis(1));
        assertThat(get("101_a", false)).isSameAs(first);
        assertThat(streamer.masterRequests()).isEqualTo(1);

        // Past it: the held template still answers at once, however many ask, and exactly one refresh goes out.
        clock.advance(Duration.ofMillis(2));
        for (int i = 0; i < 20; i++) {
            assertThat(held("101_a")).isSameAs(first);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> streamer.masterRequests() == 2);

        // Past twice the TTL with no refresh in between, a viewer waits for a fetch rather than get an old one.
        clock.advance(TTL.multipliedBy(3));
        get("101_a", false);
        assertThat(streamer.masterRequests()).isEqualTo(3);
    }

    @Test
    void aFreshRequestAlwaysFetchesAndEqualManifestsShareOneTemplate() {
        ManifestTemplate a = get("101_a", false);
        ManifestTemplate b = get("101_b", false);
        ManifestTemplate c = get("202_c", false);
        // Three streams with the same renditions: three fetches, one parse.
        assertThat(streamer.masterRequests()).isEqualTo(3);
        assertThat(b).isSameAs(a);
        assertThat(c).isSameAs(a);
        assertThat(manifests.sharedTemplates()).isEqualTo(1);
        assertThat(((CountingProtocol) protocol).prepared).isEqualTo(1);

        get("101_a", true);
        assertThat(streamer.masterRequests()).isEqualTo(4);
    }

    @Test
    void aFailedFetchIsNotCached() {
        streamer.failMasters(true);
        Mono<ManifestTemplate> failing = manifests.get(live, "101_a", "index.m3u8", protocol, false);
        assertThat(failing.onErrorResume(EntryManifests.UpstreamFailure.class, e -> Mono.empty())
                        .blockOptional(Duration.ofSeconds(10)))
                .isEmpty();
        streamer.failMasters(false);
        assertThat(get("101_a", false)).isNotNull();
    }

    private ManifestTemplate get(String stream, boolean fresh) {
        return manifests.get(live, stream, "index.m3u8", protocol, fresh).block(Duration.ofSeconds(10));
    }

    /** The template if it is answered without waiting for anything. */
    private ManifestTemplate held(String stream) {
        Mono<ManifestTemplate> answer = manifests.get(live, stream, "index.m3u8", protocol, false);
        assertThat(answer).isInstanceOf(reactor.core.Fuseable.ScalarCallable.class);
        return answer.block(Duration.ZERO);
    }

    /** A stand-in for a protocol plugin: keeps the text and counts how often it parsed one. */
    private static final class CountingProtocol implements PlaybackProtocol {
        volatile int prepared;

        @Override
        public boolean isEntryManifest(String path) {
            return path.equals("index.m3u8");
        }

        @Override
        public boolean accepts(String path) {
            return true;
        }

        @Override
        public String manifestContentType() {
            return "application/vnd.apple.mpegurl";
        }

        @Override
        public ManifestTemplate prepare(String manifest) {
            prepared++;
            return urls -> manifest;
        }
    }
}
