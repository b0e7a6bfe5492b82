package io.streamgate.plugins.driver.flussonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.RuntimeState.InputState;
import io.streamgate.plugin.api.driver.RuntimeState.StreamState;
import io.streamgate.plugin.api.driver.StreamConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config API's JSON: push bodies out, stream lists in, with missing optional fields and malformed answers. */
class StreamListJsonTests {

    @Test
    void theContractsExampleIsRead() {
        String body = "{\"streams\": [{\"name\": \"1_live\", \"inputs\": [{\"url\": \"fake://test\"}], \"stats\": {"
                + "\"alive\": true, \"online_clients\": 3, \"publishing\": false, \"input_bitrate\": 1200,"
                + " \"output_bitrate\": 3600, \"bytes_in\": 0, \"bytes_out\": 123456}}], \"estimated_count\": 1}";

        assertThat(StreamListJson.parse(body))
                .isEqualTo(new RuntimeState(List.of(new StreamState("1_live", true, 3, 3600, InputState.RECEIVING))));
    }

    @Test
    void theInputStateFollowsPublishingThenAlive() {
        String body = "{\"streams\": ["
                + "{\"name\": \"pub\", \"stats\": {\"alive\": true, \"publishing\": true}},"
                + "{\"name\": \"pub-waiting\", \"stats\": {\"alive\": false, \"publishing\": true}},"
                + "{\"name\": \"pull\", \"stats\": {\"alive\": true}},"
                + "{\"name\": \"down\", \"stats\": {\"alive\": false}}]}";

        assertThat(StreamListJson.parse(body).streams())
                .extracting(StreamState::name, StreamState::input)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pub", InputState.PUBLISHING),
                        org.assertj.core.groups.Tuple.tuple("pub-waiting", InputState.PUBLISHING),
                        org.assertj.core.groups.Tuple.tuple("pull", InputState.RECEIVING),
                        org.assertj.core.groups.Tuple.tuple("down", InputState.WAITING));
    }

    @Test
    void missingOptionalFieldsDefault() {
        String body = "{\"streams\": [{\"name\": \"a\"}, {\"name\": \"b\", \"stats\": null},"
                + " {\"name\": \"c\", \"stats\": {}}, {\"name\": \"d\", \"stats\": {\"alive\": true,"
                + " \"online_clients\": null, \"output_bitrate\": 1200.0}}]}";

        assertThat(StreamListJson.parse(body).streams())
                .containsExactly(
                        new StreamState("a", false, 0, 0, InputState.WAITING),
                        new StreamState("b", false, 0, 0, InputState.WAITING),
                        new StreamState("c", false, 0, 0, InputState.WAITING),
                        new StreamState("d", true, 0, 1200, InputState.RECEIVING));
        assertThat(StreamListJson.parse("{\"streams\": []}").streams()).isEmpty();
    }

    @Test
    void fieldsComeInAnyOrderAndUnknownOnesAreSkippedAtAnyDepth() {
        String body = "{\"server\": {\"uptime\": [1, {\"x\": null}]}, \"streams\": [{\"stats\": {\"inputs\":"
                + " [{\"alive\": false}], \"online_clients\": 4, \"alive\": true}, \"dvr\": {}, \"name\": \"a\"}],"
                + " \"total\": 1}";

        assertThat(StreamListJson.parse(body).streams())
                .containsExactly(new StreamState("a", true, 4, 0, InputState.RECEIVING));
    }

    @Test
    void malformedAnswersAreRefusedWithTheirPlace() {
        assertMalformed("", "not a JSON object");
        assertMalformed("<html>", "not JSON");
        assertMalformed("{\"streams\": [", "not JSON");
        assertMalformed("{\"streams\": []} trailing", "not JSON");
        assertMalformed("{'streams': []}", "not JSON");
        assertMalformed("[]", "not a JSON object");
        assertMalformed("{}", "'streams' is missing");
        assertMalformed("{\"streams\": {}}", "'streams' is not an array");
        assertMalformed("{\"streams\": [1]}", "streams[0] is not an object");
        assertMalformed("{\"streams\": [{\"stats\": {}}]}", "streams[0].name");
        assertMalformed("{\"streams\": [{\"name\": 5}]}", "streams[0].name");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": []}]}", "streams[0].stats is not an object");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": {\"alive\": \"yes\"}}]}", "stats.alive");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": {\"publishing\": 1}}]}", "stats.publishing");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": {\"online_clients\": -1}}]}", "online_clients");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": {\"online_clients\": 1.5}}]}", "online_clients");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": {\"online_clients\": \"3\"}}]}", "online_clients");
        assertMalformed("{\"streams\": [{\"name\": \"a\", \"stats\": {\"output_bitrate\": 1e30}}]}", "output_bitrate");
    }

    @Test
    void thePushBodyIsTheContractsShape() {
        byte[] body = StreamListJson.pushBody(new StreamConfig("1_live", List.of("fake://test", "rtmp://h/a/\"b\"")));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"name\":\"1_live\",\"inputs\":[{\"url\":\"fake://test\"},{\"url\":\"rtmp://h/a/\\\"b\\\"\"}]}");
    }

    private static void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> StreamListJson.parse(body))
                .as(body)
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("stream list: ")
                .hasMessageContaining(message);
    }
}
