package io.streamgate.plugins.driver.nginxrtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every settings rule of the {@code nginx-rtmp} driver, accepted and rejected. */
class NginxRtmpSettingsTests {

    private static final String RTMP = "rtmp://127.0.0.1:1935/live";

    @Test
    void defaults() {
        assertThat(parse(Map.of("rtmp_url", RTMP)))
                .isEqualTo(new NginxRtmpSettings(URI.create(RTMP), "live", "/stat", "/control"));
    }

    @Test
    void unknownKeyIsRejected() {
        assertInvalid(Map.of("rtmp_url", RTMP, "stats_path", "/stat"), "stats_path");
    }

    @Test
    void rtmpUrlIsRequired() {
        assertInvalid(Map.of(), "rtmp_url");
        assertInvalid(Map.of("stat_path", "/stat"), "rtmp_url");
    }

    @Test
    void rtmpUrlsLastSegmentIsTheApplication() {
        NginxRtmpSettings settings = parse(Map.of("rtmp_url", "RTMP://edge.example.com/ingest.v2/"));

        assertThat(settings.app()).isEqualTo("ingest.v2");
        assertThat(settings.rtmpUrl()).isEqualTo(URI.create("rtmp://edge.example.com/ingest.v2"));
        assertThat(parse(Map.of("rtmp_url", "rtmps://edge.example.com:443/live"))
                        .app())
                .isEqualTo("live");
    }

    @Test
    void rtmpUrlRejectsOtherSchemesNoOrSeveralSegmentsAndExtras() {
        for (String bad : List.of(
                "http://127.0.0.1/live",
                "rtmp://127.0.0.1",
                "rtmp://127.0.0.1/",
                "rtmp://127.0.0.1/a/b",
                "rtmp:///live",
                "rtmp://u:p@127.0.0.1/live",
                "rtmp://127.0.0.1/live?x=1",
                "rtmp://127.0.0.1/live#x",
                "rtmp://127.0.0.1/li ve",
                "rtmp://127.0.0.1/" + "a".repeat(1024))) {
            assertInvalid(Map.of("rtmp_url", bad), "rtmp_url");
        }
        assertInvalid(Map.of("rtmp_url", 1935), "rtmp_url");
    }

    @Test
    void statAndControlPathsAcceptAbsolutePaths() {
        NginxRtmpSettings settings =
                parse(Map.of("rtmp_url", RTMP, "stat_path", "/internal/stat", "control_path", "/rtmp-control"));

        assertThat(settings.statPath()).isEqualTo("/internal/stat");
        assertThat(settings.controlPath()).isEqualTo("/rtmp-control");
    }

    @Test
    void statAndControlPathsRejectRelativeTrailingSlashQueryAndOddCharacters() {
        for (String key : List.of("stat_path", "control_path")) {
            for (String bad : List.of("stat", "/", "/stat/", "/stat?x=1", "/st at", "//stat", "/stat#x", "/%2e")) {
                assertInvalid(Map.of("rtmp_url", RTMP, key, bad), key);
            }
            assertInvalid(Map.of("rtmp_url", RTMP, key, true), key);
        }
    }

    private static NginxRtmpSettings parse(Map<String, ?> raw) {
        return NginxRtmpSettings.from(Settings.of(raw));
    }

    private static void assertInvalid(Map<String, ?> raw, String key) {
        assertThatThrownBy(() -> parse(raw))
                .as("%s", raw)
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ":");
    }
}
