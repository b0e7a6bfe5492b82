package io.streamgate.sim.hls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPatternTests {

    @Test
    void codecStringsComeFromTheClipsThemselves() {
        TestPattern pattern = TestPattern.load();

        assertThat(pattern.renditions()).hasSize(2);
        assertThat(pattern.rendition(1).codecs()).isEqualTo("avc1.42c01e,mp4a.40.2");
        assertThat(pattern.rendition(2).codecs()).startsWith("avc1.42c0").endsWith(",mp4a.40.2");
        assertThat(pattern.rendition(1).peakBandwidth())
                .isGreaterThan(pattern.rendition(2).peakBandwidth());
        assertThat(pattern.rendition(3)).isNull();
        assertThat(pattern.totalKbps()).isPositive();
    }
}
