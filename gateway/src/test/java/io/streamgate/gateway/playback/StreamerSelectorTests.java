package io.streamgate.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.signing.UrlSigner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamerSelectorTests {

    private final LiveStreamer a = new LiveStreamer(1, "http://a", 5);
    private final LiveStreamer b = new LiveStreamer(2, "http://b", 2);
    private final LiveStreamer c = new LiveStreamer(3, "http://c", 2);

    @Test
    void choosesTheLeastLoaded() {
        assertThat(StreamerSelector.choose(List.of(a, b), "s", StreamerSelector.NONE))
                .isEqualTo(b);
    }

    @Test
    void noneLiveMeansNoChoice() {
        assertThat(StreamerSelector.choose(List.of(), "s", StreamerSelector.NONE))
                .isNull();
        assertThat(StreamerSelector.choose(List.of(a), "s", 1)).isNull();
    }

    @Test
    void excludesAFailedStreamer() {
        assertThat(StreamerSelector.choose(List.of(a, b), "s", 2)).isEqualTo(a);
    }

    @Test
    void tiesAreSpreadBySessionAndStickyPerSession() {
        Set<Long> chosen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String session = UrlSigner.newSessionId();
            LiveStreamer first = StreamerSelector.choose(List.of(a, b, c), session, StreamerSelector.NONE);
            assertThat(StreamerSelector.choose(List.of(a, b, c), session, StreamerSelector.NONE))
                    .isEqualTo(first);
            chosen.add(first.streamerId());
        }
        assertThat(chosen).containsExactlyInAnyOrder(2L, 3L);
    }
}
