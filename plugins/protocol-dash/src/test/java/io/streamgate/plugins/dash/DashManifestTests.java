package io.streamgate.plugins.dash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.streamgate.plugin.api.protocol.ManifestUrls;
import org.junit.jupiter.api.Test;

class DashManifestTests {

    private static final int MAX = 1024 * 1024;
    private static final ManifestUrls SIGNED = reference -> "http://s1/11_live/" + reference + "?sg_exp=1&sg_sig=x";

    private static final String LIVE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"dynamic\" profiles=\"urn:mpeg:dash:profile:isoff-live:2011\">\n"
            + "  <!-- <SegmentTemplate media=\"commented.m4s\"/> -->\n"
            + "  <Period id=\"1\" start=\"PT0S\">\n"
            + "    <AdaptationSet mimeType=\"video/mp4\" segmentAlignment=\"true\">\n"
            + "      <SegmentTemplate timescale=\"1000\" media=\"v-$RepresentationID$/$Number%05d$.m4s?a=1&amp;b=2\"\n"
            + "                       initialization='v-$RepresentationID$/init.mp4' startNumber=\"1\"/>\n"
            + "      <Representation id=\"v1\" bandwidth=\"800000\" codecs=\"avc1.4d401f\"/>\n"
            + "    </AdaptationSet>\n"
            + "  </Period>\n"
            + "</MPD>\n";

    @Test
    void segmentTemplateMediaAndInitializationAreSlotsWithTheirIdentifiersKept() {
        DashManifest mpd = DashManifest.parse(LIVE, MAX);

        assertThat(mpd.references())
                .containsExactly("v-$RepresentationID$/$Number%05d$.m4s?a=1&b=2", "v-$RepresentationID$/init.mp4");
        assertThat(mpd.render(SIGNED))
                .isEqualTo(LIVE.replace(
                                "media=\"v-$RepresentationID$/$Number%05d$.m4s?a=1&amp;b=2\"",
                                "media=\"http://s1/11_live/v-$RepresentationID$/$Number%05d$.m4s?a=1&amp;b=2"
                                        + "?sg_exp=1&amp;sg_sig=x\"")
                        .replace(
                                "initialization='v-$RepresentationID$/init.mp4'",
                                "initialization='http://s1/11_live/v-$RepresentationID$/init.mp4"
                                        + "?sg_exp=1&amp;sg_sig=x'"));
    }

    @Test
    void theRenderedMpdIsWellFormedAndCarriesTheHostsUrlsDecoded() {
        String rendered = DashManifest.parse(LIVE, MAX).render(SIGNED);
        DashManifest again = DashManifest.parse(rendered, MAX);
        assertThat(again.references())
                .containsExactly(
                        "http://s1/11_live/v-$RepresentationID$/$Number%05d$.m4s?a=1&b=2?sg_exp=1&sg_sig=x",
                        "http://s1/11_live/v-$RepresentationID$/init.mp4?sg_exp=1&sg_sig=x");
    }

    @Test
    void segmentListUrlsInitializationAndIndexAreSlots() {
        String mpd = "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"><Period><AdaptationSet><Representation id=\"a\">"
                + "<SegmentList duration=\"2\">"
                + "<Initialization sourceURL=\"init.mp4\"/>"
                + "<RepresentationIndex sourceURL=\"index.sidx\"/>"
                + "<SegmentURL media=\"1.m4s\" index=\"1.sidx\"/>"
                + "<SegmentURL media=\"2.m4s\"/>"
                + "</SegmentList></Representation></AdaptationSet></Period></MPD>";

        DashManifest parsed = DashManifest.parse(mpd, MAX);

        assertThat(parsed.references()).containsExactly("init.mp4", "index.sidx", "1.m4s", "1.sidx", "2.m4s");
        assertThat(parsed.render(r -> "/" + r))
                .isEqualTo(mpd.replace("\"init.mp4\"", "\"/init.mp4\"")
                        .replace("\"index.sidx\"", "\"/index.sidx\"")
                        .replace("\"1.m4s\"", "\"/1.m4s\"")
                        .replace("\"1.sidx\"", "\"/1.sidx\"")
                        .replace("\"2.m4s\"", "\"/2.m4s\""));
    }

    @Test
    void baseUrlsAreSlotsAndNestedReferencesResolveAgainstThem() {
        String mpd = "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">\n"
                + "<BaseURL>media/</BaseURL>\n"
                + "<BaseURL>http://backup.example/media/</BaseURL>\n"
                + "<Period><BaseURL>p1/</BaseURL><AdaptationSet>"
                + "<SegmentTemplate media=\"$Time$.m4s\" initialization=\"/abs/init.mp4\" index=\"http://x/i\"/>"
                + "<Representation id=\"v\"><BaseURL><![CDATA[v1/]]></BaseURL>"
                + "<SegmentBase indexRange=\"0-99\"><Initialization sourceURL=\"i.mp4\"/></SegmentBase>"
                + "</Representation></AdaptationSet></Period></MPD>";

        DashManifest parsed = DashManifest.parse(mpd, MAX);

        assertThat(parsed.references())
                .containsExactly(
                        "media/",
                        "http://backup.example/media/",
                        "media/p1/",
                        "media/p1/$Time$.m4s",
                        "/abs/init.mp4",
                        "http://x/i",
                        "media/p1/v1/",
                        "media/p1/v1/i.mp4");
        assertThat(parsed.render(r -> "U(" + r + ")&"))
                .contains("<BaseURL>U(media/)&amp;</BaseURL>")
                .contains("<BaseURL>U(media/p1/v1/)&amp;</BaseURL>")
                .contains("media=\"U(media/p1/$Time$.m4s)&amp;\"")
                .doesNotContain("CDATA");
    }

    @Test
    void resolvesReferencesLikeAPlayer() {
        assertThat(DashManifest.resolve(null, "a/b.m4s")).isEqualTo("a/b.m4s");
        assertThat(DashManifest.resolve("http://h/x/y?q=1", "z.m4s")).isEqualTo("http://h/x/z.m4s");
        assertThat(DashManifest.resolve("http://h", "z.m4s")).isEqualTo("http://h/z.m4s");
        assertThat(DashManifest.resolve("http://h/x/", "/z.m4s")).isEqualTo("http://h/z.m4s");
        assertThat(DashManifest.resolve("https://h/x/", "//cdn/z.m4s")).isEqualTo("https://cdn/z.m4s");
        assertThat(DashManifest.resolve("x/", "https://cdn/z.m4s")).isEqualTo("https://cdn/z.m4s");
        assertThat(DashManifest.resolve("x/y", "$Number%05d$.m4s")).isEqualTo("x/$Number%05d$.m4s");
        assertThat(DashManifest.resolve("x/", "/z")).isEqualTo("/z");
    }

    @Test
    void namespacePrefixesAndForeignElementsAreHandled() {
        String mpd = "<dash:MPD xmlns:dash=\"urn:mpeg:dash:schema:mpd:2011\" xmlns:o=\"urn:other\">"
                + "<o:BaseURL>not-ours/</o:BaseURL>"
                + "<dash:Period><o:SegmentTemplate media=\"not-ours.m4s\"/>"
                + "<dash:AdaptationSet><dash:SegmentTemplate media=\"$Number$.m4s\"/></dash:AdaptationSet>"
                + "</dash:Period></dash:MPD>";

        DashManifest parsed = DashManifest.parse(mpd, MAX);

        assertThat(parsed.references()).containsExactly("$Number$.m4s");
        assertThat(parsed.render(r -> "X")).isEqualTo(mpd.replace("\"$Number$.m4s\"", "\"X\""));
    }

    @Test
    void theOlderUpperCaseNamespaceIsAccepted() {
        String mpd = "<MPD xmlns=\"urn:mpeg:DASH:schema:MPD:2011\"><BaseURL>a/</BaseURL></MPD>";
        assertThat(DashManifest.parse(mpd, MAX).references()).containsExactly("a/");
    }

    @Test
    void textSlotsEscapeAmpersandsAndAngles() {
        String mpd = "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"><BaseURL>a/?x=1&amp;y=2</BaseURL></MPD>";
        DashManifest parsed = DashManifest.parse(mpd, MAX);
        assertThat(parsed.references()).containsExactly("a/?x=1&y=2");
        assertThat(parsed.render(r -> r + "&s='\"<>"))
                .isEqualTo("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">"
                        + "<BaseURL>a/?x=1&amp;y=2&amp;s='\"&lt;&gt;</BaseURL></MPD>");
    }

    @Test
    void attributeSlotsEscapeQuotesToo() {
        assertThat(DashManifest.escape("r", "a&b\"c'd<e>", true)).isEqualTo("a&amp;b&quot;c&apos;d&lt;e&gt;");
        assertThat(DashManifest.escape("r", "plain", true)).isEqualTo("plain");
        assertThatIllegalStateException().isThrownBy(() -> DashManifest.escape("r", "a\nb", true));
        assertThatIllegalStateException().isThrownBy(() -> DashManifest.escape("r", null, false));
    }

    @Test
    void rejectsADoctypeWithAnExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE MPD [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"><BaseURL>&xxe;</BaseURL></MPD>";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashManifest.parse(xxe, MAX))
                .withMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsAnyDoctypeEvenWithoutEntities() {
        String mpd = "<!DOCTYPE MPD SYSTEM \"http://127.0.0.1/x.dtd\"><MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"/>";
        assertThatIllegalArgumentException().isThrownBy(() -> DashManifest.parse(mpd, MAX));
    }

    @Test
    void rejectsWhatIsNotAnMpd() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashManifest.parse("<html><body/></html>", MAX))
                .withMessageContaining("expected: MPD");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashManifest.parse("<MPD><BaseURL>a</BaseURL></MPD>", MAX))
                .withMessageContaining("namespace");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashManifest.parse("#EXTM3U\nindex.m3u8\n", MAX))
                .withMessageStartingWith("MPD: not acceptable XML");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashManifest.parse("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">", MAX));
        assertThatIllegalArgumentException().isThrownBy(() -> DashManifest.parse(null, MAX));
    }

    @Test
    void rejectsAnOversizedMpd() {
        String mpd = "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"/>";
        assertThat(DashManifest.parse(mpd, mpd.length()).references()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashManifest.parse(mpd, mpd.length() - 1))
                .withMessageContaining("at most");
    }
}
