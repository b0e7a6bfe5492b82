package io.streamgate.plugins.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HlsProtocolFactoryTests {

    private final HlsProtocolFactory factory = new HlsProtocolFactory();

    private PlaybackProtocol create(Map<String, ?> settings) {
        return factory.create(Settings.of(settings));
    }

    private static void assertInvalid(Runnable creation, String key) {
        assertThatThrownBy(creation::run)
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }

    @Test
    void typeIsHls() {
        assertThat(factory.type()).isEqualTo("hls");
    }

    @Test
    void noSettingsGiveTheDefaults() {
        PlaybackProtocol protocol = create(Map.of());
        assertThat(protocol.isEntryManifest("index.m3u8")).isTrue();
        assertThat(protocol.isEntryManifest("master.m3u8")).isTrue();
        assertThat(protocol.isEntryManifest("playlist.m3u8")).isTrue();
        assertThat(protocol.manifestContentType()).isEqualTo("application/vnd.apple.mpegurl");
    }

    @Test
    void unknownSettingIsRejected() {
        assertInvalid(() -> create(Map.of("entryManifest", List.of("index.m3u8"))), "entryManifest");
    }

    @Test
    void entryManifestsAcceptsFileNamesEndingInM3u8() {
        PlaybackProtocol protocol = create(Map.of("entry_manifests", List.of("live.m3u8", "index.m3u8")));
        assertThat(protocol.isEntryManifest("live.m3u8")).isTrue();
        assertThat(protocol.isEntryManifest("master.m3u8")).isFalse();
    }

    @Test
    void entryManifestsRejectsAnEmptyList() {
        assertInvalid(() -> create(Map.of("entry_manifests", List.of())), "entry_manifests");
    }

    @Test
    void entryManifestsRejectsMoreThanEight() {
        assertThat(create(Map.of(
                                "entry_manifests",
                                List.of(
                                        "1.m3u8", "2.m3u8", "3.m3u8", "4.m3u8", "5.m3u8", "6.m3u8", "7.m3u8",
                                        "8.m3u8")))
                        .isEntryManifest("8.m3u8"))
                .isTrue();
        assertInvalid(
                () -> create(Map.of(
                        "entry_manifests",
                        List.of(
                                "1.m3u8", "2.m3u8", "3.m3u8", "4.m3u8", "5.m3u8", "6.m3u8", "7.m3u8", "8.m3u8",
                                "9.m3u8"))),
                "entry_manifests");
    }

    @Test
    void entryManifestsRejectsPathsOtherSuffixesAndNonStrings() {
        assertInvalid(() -> create(Map.of("entry_manifests", List.of("tracks-v1/index.m3u8"))), "entry_manifests[0]");
        assertInvalid(
                () -> create(Map.of("entry_manifests", List.of("index.m3u8", "index.mpd"))), "entry_manifests[1]");
        assertInvalid(() -> create(Map.of("entry_manifests", List.of(".m3u8"))), "entry_manifests[0]");
        assertInvalid(() -> create(Map.of("entry_manifests", List.of(7))), "entry_manifests[0]");
        assertInvalid(() -> create(Map.of("entry_manifests", "index.m3u8")), "entry_manifests");
    }

    @Test
    void maxManifestSizeAcceptsAWholeNumberInRange() {
        PlaybackProtocol protocol = create(Map.of("max_manifest_size", 1024));
        String text = "#EXTM3U\n" + "#".repeat(1024 - 9) + "\n";
        assertThat(protocol.prepare(text)).isNotNull();
        assertThatThrownBy(() -> protocol.prepare(text + "#")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxManifestSizeRejectsOutOfRangeAndNonNumbers() {
        assertInvalid(() -> create(Map.of("max_manifest_size", 1023)), "max_manifest_size");
        assertInvalid(() -> create(Map.of("max_manifest_size", 16L * 1024 * 1024 + 1)), "max_manifest_size");
        assertInvalid(() -> create(Map.of("max_manifest_size", "1MB")), "max_manifest_size");
    }
}
