package io.streamgate.plugins.dash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashProtocolFactoryTests {

    private final DashProtocolFactory factory = new DashProtocolFactory();

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
    void typeIsDash() {
        assertThat(factory.type()).isEqualTo("dash");
    }

    @Test
    void noSettingsGiveTheDefaults() {
        PlaybackProtocol protocol = create(Map.of());
        assertThat(protocol.isEntryManifest("index.mpd")).isTrue();
        assertThat(protocol.isEntryManifest("manifest.mpd")).isTrue();
        assertThat(protocol.manifestContentType()).isEqualTo("application/dash+xml");
    }

    @Test
    void unknownSettingIsRejected() {
        assertInvalid(() -> create(Map.of("entryManifest", List.of("index.mpd"))), "entryManifest");
    }

    @Test
    void entryManifestsAcceptsFileNamesEndingInMpd() {
        PlaybackProtocol protocol = create(Map.of("entry_manifests", List.of("live.mpd", "index.mpd")));
        assertThat(protocol.isEntryManifest("live.mpd")).isTrue();
        assertThat(protocol.isEntryManifest("manifest.mpd")).isFalse();
    }

    @Test
    void entryManifestsRejectsAnEmptyList() {
        assertInvalid(() -> create(Map.of("entry_manifests", List.of())), "entry_manifests");
    }

    @Test
    void entryManifestsRejectsMoreThanEight() {
        assertThat(create(Map.of(
                                "entry_manifests",
                                List.of("1.mpd", "2.mpd", "3.mpd", "4.mpd", "5.mpd", "6.mpd", "7.mpd", "8.mpd")))
                        .isEntryManifest("8.mpd"))
                .isTrue();
        assertInvalid(
                () -> create(Map.of(
                        "entry_manifests",
                        List.of("1.mpd", "2.mpd", "3.mpd", "4.mpd", "5.mpd", "6.mpd", "7.mpd", "8.mpd", "9.mpd"))),
                "entry_manifests");
    }

    @Test
    void entryManifestsRejectsPathsOtherSuffixesAndNonStrings() {
        assertInvalid(() -> create(Map.of("entry_manifests", List.of("tracks-v1/index.mpd"))), "entry_manifests[0]");
        assertInvalid(
                () -> create(Map.of("entry_manifests", List.of("index.mpd", "index.m3u8"))), "entry_manifests[1]");
        assertInvalid(() -> create(Map.of("entry_manifests", List.of(".mpd"))), "entry_manifests[0]");
        assertInvalid(() -> create(Map.of("entry_manifests", List.of(7))), "entry_manifests[0]");
        assertInvalid(() -> create(Map.of("entry_manifests", "index.mpd")), "entry_manifests");
    }

    @Test
    void maxManifestSizeAcceptsAWholeNumberInRange() {
        PlaybackProtocol protocol = create(Map.of("max_manifest_size", 1024));
        String head = "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">";
        String text = head + " ".repeat(1024 - head.length() - 6) + "</MPD>";
        assertThat(protocol.prepare(text)).isNotNull();
        assertThatThrownBy(() -> protocol.prepare(text + " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxManifestSizeRejectsOutOfRangeAndNonNumbers() {
        assertInvalid(() -> create(Map.of("max_manifest_size", 1023)), "max_manifest_size");
        assertInvalid(() -> create(Map.of("max_manifest_size", 16L * 1024 * 1024 + 1)), "max_manifest_size");
        assertInvalid(() -> create(Map.of("max_manifest_size", "1MB")), "max_manifest_size");
    }
}
