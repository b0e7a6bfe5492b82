package io.streamgate.plugins.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HlsProtocolTests {

    private final PlaybackProtocol protocol = new HlsProtocolFactory().create(Settings.of(null));

    @ParameterizedTest
    @ValueSource(strings = {"index.m3u8", "master.m3u8", "playlist.m3u8"})
    void rootMasterPlaylistsAreEntryManifests(String path) {
        assertThat(protocol.isEntryManifest(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tracks-v1/index.m3u8", "video.m3u8", "index.mpd", "1.ts", "INDEX.M3U8"})
    void otherPathsAreNotEntryManifests(String path) {
        assertThat(protocol.isEntryManifest(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "index.m3u8",
                "tracks-v1/index.m3u8",
                "tracks-v1/2024/01/12.ts",
                "a1/3.aac",
                "v1/5.m4s",
                "v1/init.mp4",
                "subs/1.vtt",
                "keys/k1.key"
            })
    void acceptsHlsShapes(String path) {
        assertThat(protocol.accepts(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.mpd", "v1/1.webm", "thumb.jpg", "m3u8", ".ts", "index.m3u8.bak", "ts"})
    void rejectsOtherShapes(String path) {
        assertThat(protocol.accepts(path)).isFalse();
    }
}
