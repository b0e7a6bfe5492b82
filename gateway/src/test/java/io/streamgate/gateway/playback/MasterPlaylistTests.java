package io.streamgate.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MasterPlaylistTests {

    private static final String MASTER = "#EXTM3U\n"
            + "#EXT-X-VERSION:4\n"
            + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"en\",URI=\"tracks-a1/index.m3u8?sg_kid=k&sg_sig=old\"\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,AUDIO=\"aud\"\n"
            + "tracks-v1/index.m3u8?sg_kid=k&sg_exp=1&sg_sid=gw&sg_sig=old\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=1600000,RESOLUTION=1280x720\r\n"
            + "tracks-v2/index.m3u8\r\n"
            + "\n"
            + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100000,URI=\"/other/iframes.m3u8?x=1\"\n"
            + "https://cdn.example/abs/index.m3u8?q=1\n";

    @Test
    void rewritesEveryUriLineAndUriAttributeToAnAbsoluteSignedUrl() {
        MasterPlaylist template = MasterPlaylist.parse(MASTER, "http://s1:8091", "11_live");

        assertThat(template.uriCount()).isEqualTo(5);
        assertThat(template.render("sg=NEW"))
                .isEqualTo("#EXTM3U\n"
                        + "#EXT-X-VERSION:4\n"
                        + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"en\","
                        + "URI=\"http://s1:8091/11_live/tracks-a1/index.m3u8?sg=NEW\"\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,AUDIO=\"aud\"\n"
                        + "http://s1:8091/11_live/tracks-v1/index.m3u8?sg=NEW\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=1600000,RESOLUTION=1280x720\n"
                        + "http://s1:8091/11_live/tracks-v2/index.m3u8?sg=NEW\n"
                        + "\n"
                        + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100000,URI=\"http://s1:8091/other/iframes.m3u8?sg=NEW\"\n"
                        + "https://cdn.example/abs/index.m3u8?sg=NEW\n");
    }

    @Test
    void eachRenderCarriesOnlyItsOwnViewersQuery() {
        MasterPlaylist template = MasterPlaylist.parse(MASTER, "http://s1:8091", "11_live");
        assertThat(template.render("a=1")).doesNotContain("sg_sig=old").doesNotContain("b=2");
        assertThat(template.render("b=2")).doesNotContain("a=1");
    }

    @Test
    void aPlaylistWithoutTrailingNewlineKeepsItsShape() {
        MasterPlaylist template = MasterPlaylist.parse("#EXTM3U\nv1.m3u8", "http://s", "1_x");
        assertThat(template.render("q")).isEqualTo("#EXTM3U\nhttp://s/1_x/v1.m3u8?q");
    }

    @Test
    void rejectsWhatIsNotAPlaylist() {
        assertThatIllegalArgumentException().isThrownBy(() -> MasterPlaylist.parse("<html>", "http://s", "1_x"));
    }
}
