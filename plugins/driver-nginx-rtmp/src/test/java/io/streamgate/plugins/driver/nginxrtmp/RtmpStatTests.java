package io.streamgate.plugins.driver.nginxrtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** nginx-rtmp's stat XML, as nginx 1.22 with nginx-rtmp 1.1.4 writes it, and what is refused. */
class RtmpStatTests {

    /** Captured from nginx-rtmp with one publisher and one RTMP player on {@code live/1_cam}. */
    static final String STAT = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
            + "<?xml-stylesheet type=\"text/xsl\" href=\"stat.xsl\" ?>\n"
            + "<rtmp>\n<nginx_version>1.22.1</nginx_version>\n<nginx_rtmp_version>1.1.4</nginx_rtmp_version>\n"
            + "<built>Feb 13 2023 11:56:56</built>\n<pid>14658</pid>\n<uptime>9</uptime>\n<naccepted>2</naccepted>\n"
            + "<bw_in>0</bw_in>\n<bytes_in>160288</bytes_in>\n<bw_out>0</bw_out>\n<bytes_out>409</bytes_out>\n"
            + "<server>\n<application>\n<name>other</name>\n<live>\n<stream>\n<name>1_cam</name>\n<time>1</time>"
            + "<bw_in>0</bw_in>\n<bytes_in>1</bytes_in>\n<bw_out>0</bw_out>\n<bytes_out>1</bytes_out>\n"
            + "<nclients>0</nclients>\n</stream>\n<nclients>0</nclients>\n</live>\n</application>\n"
            + "<application>\n<name>live</name>\n<live>\n<stream>\n<name>1_cam</name>\n<time>4435</time>"
            + "<bw_in>1254000</bw_in>\n<bytes_in>157162</bytes_in>\n<bw_out>1250000</bw_out>\n"
            + "<bytes_out>5120</bytes_out>\n<bw_audio>0</bw_audio>\n<bw_video>0</bw_video>\n"
            + "<client><id>2</id><address>127.0.0.1</address><time>4612</time><flashver>FMLE/3.0 (compatible;"
            + " Lavf59.27</flashver><dropped>0</dropped><avsync>-11</avsync><timestamp>4423</timestamp>"
            + "<publishing/><active/></client>\n"
            + "<client><id>3</id><address>127.0.0.1</address><time>100</time><flashver>LNX 9,0,124,2</flashver>"
            + "<dropped>0</dropped><avsync>0</avsync><timestamp>4423</timestamp><active/></client>\n"
            + "<meta><video><width>320</width><height>240</height><frame_rate>25</frame_rate><codec>H264</codec>"
            + "<profile></profile><compat>0</compat><level>1.3</level></video><audio><codec>AAC</codec>"
            + "<profile>LC</profile><channels>1</channels><sample_rate>44100</sample_rate></audio></meta>\n"
            + "<nclients>2</nclients>\n<publishing/>\n<active/>\n</stream>\n"
            + "<stream>\n<name>1_idle</name>\n<time>10</time><bw_in>0</bw_in>\n<bytes_in>0</bytes_in>\n"
            + "<bw_out>0</bw_out>\n<bytes_out>0</bytes_out>\n"
            + "<client><id>4</id><address>127.0.0.1</address><time>10</time><flashver>LNX</flashver>"
            + "<dropped>0</dropped><avsync>0</avsync><timestamp>0</timestamp><publishing/><active/></client>\n"
            + "<nclients>1</nclients>\n</stream>\n"
            + "<nclients>3</nclients>\n</live>\n</application>\n</server>\n</rtmp>\n";

    @Test
    void theApplicationsStreamsAreRead() {
        RtmpStat stat = parse(STAT, "live");

        assertThat(stat.pid()).isEqualTo(14658);
        assertThat(stat.uptimeSeconds()).isEqualTo(9);
        assertThat(stat.streams())
                .containsExactly(
                        new RtmpStat.Stream("1_cam", 4435, 157162, 5120, 1254000, 1250000, 2, true, true),
                        // Its client publishes and is active, but the stream itself is neither.
                        new RtmpStat.Stream("1_idle", 10, 0, 0, 0, 0, 1, false, false));
    }

    @Test
    void otherApplicationsAreLeftOut() {
        assertThat(parse(STAT, "other").streams())
                .extracting(RtmpStat.Stream::bytesIn)
                .containsExactly(1L);
        assertThat(parse(STAT, "missing").streams()).isEmpty();
    }

    @Test
    void anApplicationWithoutStreamsIsEmpty() {
        String stat = "<rtmp><pid>7</pid><uptime>0</uptime><server><application><name>live</name><live>"
                + "<nclients>0</nclients></live></application></server></rtmp>";

        assertThat(parse(stat, "live")).isEqualTo(new RtmpStat(7, 0, java.util.List.of()));
    }

    @Test
    void malformedDocumentsAreRefused() {
        assertMalformed("", "not well-formed");
        assertMalformed("<rtmp><pid>1</pid>", "not well-formed");
        assertMalformed("<html><body>502</body></html>", "root <html>");
        assertMalformed("<rtmp><uptime>1</uptime></rtmp>", "no <pid>");
        assertMalformed("<rtmp><pid>x</pid><uptime>1</uptime></rtmp>", "<pid> is 'x'");
        assertMalformed("<rtmp><pid>1</pid><uptime>-1</uptime></rtmp>", "<uptime> is '-1'");
        assertMalformed(app("<stream><time>1</time></stream>"), "without a <name>");
        assertMalformed(
                app("<stream><name>a</name><time>1</time><bytes_in>1</bytes_in><nclients>0</nclients>" + "</stream>"),
                "no <bytes_out>");
        assertMalformed(
                app("<stream><name>a</name><time>1</time><bytes_in>1.5</bytes_in><bytes_out>0</bytes_out>"
                        + "<nclients>0</nclients></stream>"),
                "<bytes_in> is '1.5'");
        String stream = "<stream><name>a</name><time>1</time><bytes_in>1</bytes_in><bytes_out>0</bytes_out>"
                + "<nclients>0</nclients></stream>";
        assertMalformed(app(stream + stream), "appears twice");
        assertMalformed("<rtmp>" + "<a>".repeat(40) + "</a>".repeat(40) + "</rtmp>", "nested deeper");
    }

    @Test
    void externalEntitiesAndDtdsAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rtmp [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
                + "<rtmp><pid>1</pid><uptime>1</uptime><server><application><name>live</name><live><stream>"
                + "<name>&x;</name><time>1</time><bytes_in>1</bytes_in><bytes_out>0</bytes_out>"
                + "<nclients>0</nclients></stream></live></application></server></rtmp>";
        String expansion = "<?xml version=\"1.0\"?>\n<!DOCTYPE rtmp [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<rtmp><pid>1</pid><uptime>&b;</uptime></rtmp>";

        assertThatThrownBy(() -> parse(xxe, "live")).isInstanceOf(MalformedAnswerException.class);
        assertThatThrownBy(() -> parse(expansion, "live")).isInstanceOf(MalformedAnswerException.class);
    }

    private static String app(String streams) {
        return "<rtmp><pid>1</pid><uptime>1</uptime><server><application><name>live</name><live>" + streams
                + "</live></application></server></rtmp>";
    }

    private static RtmpStat parse(String xml, String app) {
        return RtmpStat.parse(xml.getBytes(StandardCharsets.UTF_8), app);
    }

    private static void assertMalformed(String xml, String message) {
        assertThatThrownBy(() -> parse(xml, "live"))
                .as(xml)
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("rtmp stat: ")
                .hasMessageContaining(message);
    }
}
