package io.streamgate.plugins.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.streamgate.plugin.api.protocol.ManifestUrls;
import org.junit.jupiter.api.Test;

class HlsPlaylistTests {

    private static final int MAX = 256 * 1024;
    private static final ManifestUrls SIGNED = reference -> "http://s1:8091/11_live/" + reference + "|sg=NEW";

    private static final String MASTER = "#EXTM3U\n"
            + "#EXT-X-VERSION:4\n"
            + "## a comment with URI=\"not-a-slot.m3u8\"\n"
            + "#EXT-X-UNKNOWN-TAG:URI=\"unknown.m3u8\"\n"
            + "#EXT-X-SESSION-DATA:DATA-ID=\"com.example.title\",URI=\"title.json\"\n"
            + "#EXT-X-SESSION-KEY:METHOD=AES-128,URI=\"keys/k1.key\",IV=0x1\n"
            + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"en, main\",URI=\"tracks-a1/index.m3u8?sg_sig=old\"\n"
            + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"muxed\"\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,AUDIO=\"aud\"\n"
            + "tracks-v1/index.m3u8?sg_kid=k&sg_sig=old\n"
            + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100000,URI=\"/other/iframes.m3u8\"\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=1600000\n"
            + "https://cdn.example/abs/index.m3u8?q=1\n";

    @Test
    void everyUriLineAndUriAttributeIsASlotInOrderWithItsQueryKept() {
        HlsPlaylist playlist = HlsPlaylist.parse(MASTER, MAX);

        assertThat(playlist.references())
                .containsExactly(
                        "title.json",
                        "keys/k1.key",
                        "tracks-a1/index.m3u8?sg_sig=old",
                        "tracks-v1/index.m3u8?sg_kid=k&sg_sig=old",
                        "/other/iframes.m3u8",
                        "https://cdn.example/abs/index.m3u8?q=1");
    }

    @Test
    void renderReplacesOnlyTheSlotsAndKeepsCommentsAndUnknownTags() {
        String rendered = HlsPlaylist.parse(MASTER, MAX).render(reference -> "U(" + reference + ")");

        assertThat(rendered)
                .isEqualTo("#EXTM3U\n"
                        + "#EXT-X-VERSION:4\n"
                        + "## a comment with URI=\"not-a-slot.m3u8\"\n"
                        + "#EXT-X-UNKNOWN-TAG:URI=\"unknown.m3u8\"\n"
                        + "#EXT-X-SESSION-DATA:DATA-ID=\"com.example.title\",URI=\"U(title.json)\"\n"
                        + "#EXT-X-SESSION-KEY:METHOD=AES-128,URI=\"U(keys/k1.key)\",IV=0x1\n"
                        + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"en, main\","
                        + "URI=\"U(tracks-a1/index.m3u8?sg_sig=old)\"\n"
                        + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"muxed\"\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,AUDIO=\"aud\"\n"
                        + "U(tracks-v1/index.m3u8?sg_kid=k&sg_sig=old)\n"
                        + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100000,URI=\"U(/other/iframes.m3u8)\"\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=1600000\n"
                        + "U(https://cdn.example/abs/index.m3u8?q=1)\n");
    }

    @Test
    void mediaPlaylistTagsCarryingUrisAreSlotsToo() {
        String media = "#EXTM3U\n"
                + "#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"k.key\"\n"
                + "#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"\n"
                + "#EXT-X-PART:DURATION=0.5,URI=\"p1.m4s\"\n"
                + "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"p2.m4s\"\n"
                + "#EXT-X-RENDITION-REPORT:URI=\"../v2/index.m3u8\",LAST-MSN=4\n"
                + "#EXTINF:2.0,\n"
                + "1.m4s\n";

        assertThat(HlsPlaylist.parse(media, MAX).references())
                .containsExactly("k.key", "init.mp4", "p1.m4s", "p2.m4s", "../v2/index.m3u8", "1.m4s");
    }

    @Test
    void onlyTheAttributeNamedExactlyUriIsASlot() {
        String text = "#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,XURI=\"a\",SERVER-URI=\"b\",URI=\"c\"\n";
        assertThat(HlsPlaylist.parse(text, MAX).references()).containsExactly("c");
    }

    @Test
    void crlfLineEndingsAreKeptAndNeverPartOfAReference() {
        String text = "#EXTM3U\r\n#EXT-X-STREAM-INF:BANDWIDTH=1\r\nv1.m3u8\r\n"
                + "#EXT-X-MEDIA:TYPE=AUDIO,URI=\"a1.m3u8\"\r\n";
        HlsPlaylist playlist = HlsPlaylist.parse(text, MAX);

        assertThat(playlist.references()).containsExactly("v1.m3u8", "a1.m3u8");
        assertThat(playlist.render(SIGNED))
                .isEqualTo("#EXTM3U\r\n#EXT-X-STREAM-INF:BANDWIDTH=1\r\n"
                        + "http://s1:8091/11_live/v1.m3u8|sg=NEW\r\n"
                        + "#EXT-X-MEDIA:TYPE=AUDIO,URI=\"http://s1:8091/11_live/a1.m3u8|sg=NEW\"\r\n");
    }

    @Test
    void aPlaylistWithoutTrailingNewlineKeepsItsShape() {
        assertThat(HlsPlaylist.parse("#EXTM3U\nv1.m3u8", MAX).render(SIGNED))
                .isEqualTo("#EXTM3U\nhttp://s1:8091/11_live/v1.m3u8|sg=NEW");
    }

    @Test
    void spacesAroundAUriLineStayOutsideTheReference() {
        HlsPlaylist playlist = HlsPlaylist.parse("#EXTM3U\n  v1.m3u8 \t\n", MAX);
        assertThat(playlist.references()).containsExactly("v1.m3u8");
        assertThat(playlist.render(r -> "X")).isEqualTo("#EXTM3U\n  X \t\n");
    }

    @Test
    void aPlaylistWithoutUrisRendersAsIs() {
        String text = "#EXTM3U\n#EXT-X-VERSION:3\n\n";
        assertThat(HlsPlaylist.parse(text, MAX).render(SIGNED)).isEqualTo(text);
        assertThat(HlsPlaylist.parse("#EXTM3U", MAX).render(SIGNED)).isEqualTo("#EXTM3U");
    }

    @Test
    void eachRenderCarriesOnlyItsOwnViewersUrls() {
        HlsPlaylist playlist = HlsPlaylist.parse(MASTER, MAX);
        assertThat(playlist.render(r -> r + "?a=1")).doesNotContain("b=2");
        assertThat(playlist.render(r -> r + "?b=2")).doesNotContain("a=1");
    }

    @Test
    void rejectsWhatIsNotAPlaylist() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("<html></html>", MAX))
                .withMessageContaining("#EXTM3U");
        assertThatIllegalArgumentException().isThrownBy(() -> HlsPlaylist.parse("", MAX));
        assertThatIllegalArgumentException().isThrownBy(() -> HlsPlaylist.parse("#EXTM3UX\nv.m3u8", MAX));
        assertThatIllegalArgumentException().isThrownBy(() -> HlsPlaylist.parse("\uFEFF#EXTM3U\nv.m3u8", MAX));
        assertThatIllegalArgumentException().isThrownBy(() -> HlsPlaylist.parse(null, MAX));
    }

    @Test
    void rejectsAnOversizedPlaylist() {
        String big = "#EXTM3U\n" + "#".repeat(2000) + "\n";
        assertThat(HlsPlaylist.parse(big, big.length()).references()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse(big, big.length() - 1))
                .withMessageContaining("at most " + (big.length() - 1));
    }

    @Test
    void rejectsTooManyLines() {
        String ok = "#EXTM3U\n" + "#\n".repeat(HlsPlaylist.MAX_LINES - 1);
        assertThat(HlsPlaylist.parse(ok, Integer.MAX_VALUE).references()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse(ok + "#\n", Integer.MAX_VALUE))
                .withMessageContaining("lines");
    }

    @Test
    void rejectsMalformedUriTags() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,URI=\"a.m3u8\n", MAX))
                .withMessage("playlist line 2: malformed #EXT-X-MEDIA (expected: a closing quote)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\n#EXT-X-MEDIA:URI=a.m3u8\n", MAX))
                .withMessageContaining("quoted");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\n#EXT-X-MAP:URI=\"\"\n", MAX))
                .withMessageContaining("non-empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\n#EXT-X-KEY:METHOD\n", MAX))
                .withMessageContaining("NAME=value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\n#EXT-X-KEY:URI=\"k\"X\n", MAX))
                .withMessageContaining("comma");
    }

    @Test
    void rejectsControlCharactersInAUriLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\nv1\u0000.m3u8\n", MAX))
                .withMessageContaining("line 2");
        assertThatIllegalArgumentException().isThrownBy(() -> HlsPlaylist.parse("#EXTM3U\nv1\r.m3u8\n", MAX));
    }

    @Test
    void refusesToEmitAUrlThatWouldBreakThePlaylist() {
        HlsPlaylist playlist = HlsPlaylist.parse("#EXTM3U\nv1.m3u8\n", MAX);
        assertThatIllegalStateException().isThrownBy(() -> playlist.render(r -> "a\"b"));
        assertThatIllegalStateException().isThrownBy(() -> playlist.render(r -> "a\nb"));
        assertThatIllegalStateException().isThrownBy(() -> playlist.render(r -> null));
    }
}
