package io.streamgate.plugins.driver.flussonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every settings rule of the {@code flussonic} driver, accepted and rejected. */
class FlussonicSettingsTests {

    @Test
    void defaults() {
        FlussonicSettings settings = parse(Map.of());

        assertThat(settings.rtmpUrl()).isNull();
        assertThat(settings.srtUrl()).isNull();
        assertThat(settings.whip()).isFalse();
        assertThat(settings.httpPublish()).isTrue();
    }

    @Test
    void knownKeysAreAccepted() {
        FlussonicSettings settings = parse(Map.of(
                "rtmp_url",
                "rtmp://edge.example.com:1935/live",
                "srt_url",
                "srt://edge.example.com:9998",
                "whip",
                true,
                "http_publish",
                false));

        assertThat(settings)
                .isEqualTo(new FlussonicSettings(
                        URI.create("rtmp://edge.example.com:1935/live"),
                        URI.create("srt://edge.example.com:9998"),
                        true,
                        false));
    }

    @Test
    void unknownKeyIsRejected() {
        assertInvalid(Map.of("rtmp", "rtmp://edge.example.com/live"), "rtmp");
    }

    @Test
    void rtmpUrlAcceptsRtmpAndRtmpsWithAnApplicationPath() {
        assertThat(parse(Map.of("rtmp_url", "rtmps://edge.example.com/live")).rtmpUrl())
                .isEqualTo(URI.create("rtmps://edge.example.com/live"));
        assertThat(parse(Map.of("rtmp_url", "rtmp://10.0.0.5:1935/live/sub")).rtmpUrl())
                .isEqualTo(URI.create("rtmp://10.0.0.5:1935/live/sub"));
    }

    @Test
    void rtmpUrlLosesATrailingSlash() {
        assertThat(parse(Map.of("rtmp_url", "rtmp://edge.example.com/live/")).rtmpUrl())
                .isEqualTo(URI.create("rtmp://edge.example.com/live"));
    }

    @Test
    void rtmpUrlRejectsOtherSchemesMissingPartsExtrasAndSyntax() {
        for (String bad : List.of(
                "http://edge.example.com/live",
                "rtmp://edge.example.com",
                "rtmp://edge.example.com/",
                "rtmp:///live",
                "rtmp://user:pw@edge.example.com/live",
                "rtmp://edge.example.com/live?key=1",
                "rtmp://edge.example.com/live#x",
                "rtmp://edge example.com/live",
                "live")) {
            assertInvalid(Map.of("rtmp_url", bad), "rtmp_url");
        }
        assertInvalid(Map.of("rtmp_url", 1935), "rtmp_url");
        assertInvalid(Map.of("rtmp_url", " "), "rtmp_url");
    }

    @Test
    void rtmpUrlAcceptsUpTo1024Characters() {
        String prefix = "rtmp://edge.example.com/";
        String longest = prefix + "a".repeat(1024 - prefix.length());
        assertThat(parse(Map.of("rtmp_url", longest)).rtmpUrl().toString()).hasSize(1024);
        assertInvalid(Map.of("rtmp_url", longest + "a"), "rtmp_url");
    }

    @Test
    void srtUrlAcceptsHostAndPort() {
        assertThat(parse(Map.of("srt_url", "srt://10.0.0.5:9998")).srtUrl())
                .isEqualTo(URI.create("srt://10.0.0.5:9998"));
        assertThat(parse(Map.of("srt_url", "SRT://edge.example.com:9998/")).srtUrl())
                .isEqualTo(URI.create("srt://edge.example.com:9998"));
    }

    @Test
    void srtUrlRejectsOtherSchemesMissingPortPathAndExtras() {
        for (String bad : List.of(
                "udp://edge.example.com:9998",
                "srt://edge.example.com",
                "srt://edge.example.com:9998/live",
                "srt://edge.example.com:9998?streamid=x",
                "srt://u@edge.example.com:9998",
                "srt://edge.example.com:9998#x",
                "srt://:9998")) {
            assertInvalid(Map.of("srt_url", bad), "srt_url");
        }
    }

    @Test
    void whipAndHttpPublishAreBooleans() {
        assertThat(parse(Map.of("whip", true)).whip()).isTrue();
        assertThat(parse(Map.of("http_publish", false)).httpPublish()).isFalse();
        assertInvalid(Map.of("whip", "yes"), "whip");
        assertInvalid(Map.of("http_publish", 1), "http_publish");
    }

    private static FlussonicSettings parse(Map<String, ?> raw) {
        return FlussonicSettings.from(Settings.of(raw));
    }

    private static void assertInvalid(Map<String, ?> raw, String key) {
        assertThatThrownBy(() -> parse(raw))
                .as("%s", raw)
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ":");
    }
}
