package io.streamgate.sim.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.sim.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaylistsTests {

    private static final String QUERY = "sg_kid=k1&sg_exp=2000000000&sg_sid=abc&sg_sig=xyz";

    @Test
    void mediaSequenceComesFromTheWallClockOnly() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_001_999L));
        LiveWindow window = new LiveWindow(clock, 2000);

        assertThat(window.current()).isEqualTo(500_000L);
        assertThat(window.mediaSequence()).isEqualTo(499_994L);
        assertThat(new LiveWindow(clock, 2000).mediaSequence()).isEqualTo(window.mediaSequence());
    }

    @Test
    void theWindowSlidesOneSegmentEveryTwoSeconds() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000_000L));
        LiveWindow window = new LiveWindow(clock, 2000);
        String before = Playlists.media(window.mediaSequence(), 6, 2000, QUERY);

        clock.advance(Duration.ofMillis(1999));
        assertThat(Playlists.media(window.mediaSequence(), 6, 2000, QUERY)).isEqualTo(before);

        clock.advance(Duration.ofMillis(1));
        String after = Playlists.media(window.mediaSequence(), 6, 2000, QUERY);

        assertThat(before)
                .contains("#EXT-X-MEDIA-SEQUENCE:499994\n")
                .contains("499994.ts?")
                .contains("499999.ts?");
        assertThat(after)
                .contains("#EXT-X-MEDIA-SEQUENCE:499995\n")
                .doesNotContain("499994.ts")
                .contains("500000.ts?");
    }

    @Test
    void mediaPlaylistIsLiveWithSixTwoSecondSegmentsCarryingTheSignedQuery() {
        String playlist = Playlists.media(100, 6, 2000, QUERY);

        assertThat(playlist)
                .startsWith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:100\n");
        assertThat(playlist).doesNotContain("#EXT-X-ENDLIST");
        assertThat(playlist.lines().filter(line -> line.equals("#EXTINF:2.000,")))
                .hasSize(6);
        assertThat(playlist.lines().filter(line -> !line.startsWith("#")))
                .containsExactly(
                        "100.ts?" + QUERY,
                        "101.ts?" + QUERY,
                        "102.ts?" + QUERY,
                        "103.ts?" + QUERY,
                        "104.ts?" + QUERY,
                        "105.ts?" + QUERY);
    }

    @Test
    void masterPlaylistListsEveryRenditionWithRelativeSignedUris() {
        TestPattern pattern = TestPattern.load();

        String playlist = Playlists.master(pattern.renditions(), QUERY);

        assertThat(playlist).startsWith("#EXTM3U\n#EXT-X-VERSION:3\n");
        assertThat(playlist)
                .contains("RESOLUTION=640x360,CODECS=\"avc1.42c01e,mp4a.40.2\"\ntracks-v1/index.m3u8?" + QUERY + "\n")
                .contains("RESOLUTION=320x180")
                .contains("\ntracks-v2/index.m3u8?" + QUERY + "\n");
        assertThat(playlist.lines().filter(line -> line.startsWith("#EXT-X-STREAM-INF:BANDWIDTH=")))
                .hasSize(2);
    }

    @Test
    void withoutAQueryTheUrisStayBare() {
        assertThat(Playlists.media(7, 1, 2000, "")).contains("\n7.ts\n");
    }

    @Test
    void servesOnlyAroundNow() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000_000L));
        LiveWindow window = new LiveWindow(clock, 2000);
        long now = window.current();

        assertThat(window.servable(now - LiveWindow.PAST_SEGMENTS)).isTrue();
        assertThat(window.servable(now - LiveWindow.PAST_SEGMENTS - 1)).isFalse();
        assertThat(window.servable(now + LiveWindow.FUTURE_SEGMENTS)).isTrue();
        assertThat(window.servable(now + LiveWindow.FUTURE_SEGMENTS + 1)).isFalse();
        assertThat(window.servable(-1)).isFalse();
    }
}
