package io.streamgate.plugins.dash;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashProtocolTests {

    private final PlaybackProtocol protocol = new DashProtocolFactory().create(Settings.of(null));

    @ParameterizedTest
    @ValueSource(strings = {"index.mpd", "manifest.mpd"})
    void rootMpdsAreEntryManifests(String path) {
        assertThat(protocol.isEntryManifest(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1/index.mpd", "stream.mpd", "index.m3u8", "1.m4s"})
    void otherPathsAreNotEntryManifests(String path) {
        assertThat(protocol.isEntryManifest(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.mpd", "v1/12.m4s", "v1/init.mp4", "a1/1.m4a", "v1/1.m4v", "v1/1.webm", "subs/1.vtt"})
    void acceptsDashShapes(String path) {
        assertThat(protocol.accepts(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.m3u8", "v1/1.ts", "keys/k.key", ".mpd", "index.mpd.bak"})
    void rejectsOtherShapes(String path) {
        assertThat(protocol.accepts(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/dash+xml"})
    void servesMpdsAsDashXml(String type) {
        assertThat(protocol.manifestContentType()).isEqualTo(type);
    }
}
