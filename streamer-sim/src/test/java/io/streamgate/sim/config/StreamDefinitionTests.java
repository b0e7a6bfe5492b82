package io.streamgate.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of a stream definition, each with an accepted and a rejected example. */
class StreamDefinitionTests {

    private static final List<InputDefinition> FAKE = List.of(new InputDefinition("fake://test"));

    @ParameterizedTest
    @ValueSource(strings = {"live", "123_live", "a", "A.b-c_9"})
    void acceptsValidNames(String name) {
        assertThat(new StreamDefinition(name, FAKE).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "..", "_live", "-x", "live stream", "caf\u00e9", "%2e%2e"})
    void rejectsInvalidNames(String name) {
        assertThatThrownBy(() -> new StreamDefinition(name, FAKE))
                .isInstanceOf(InvalidStreamException.class)
                .hasMessageStartingWith("name: '");
    }

    @Test
    void rejectsAnOverlongName() {
        assertThatThrownBy(() -> new StreamDefinition("a".repeat(65), FAKE)).isInstanceOf(InvalidStreamException.class);
        assertThat(new StreamDefinition("a".repeat(64), FAKE).name()).hasSize(64);
    }

    @Test
    void acceptsSeveralInputs() {
        var inputs = List.of(new InputDefinition("publish://"), new InputDefinition("fake://backup"));

        StreamDefinition stream = new StreamDefinition("live", inputs);

        assertThat(stream.hasInput("publish")).isTrue();
        assertThat(stream.hasInput("fake")).isTrue();
        assertThat(stream.hasInput("rtmp")).isFalse();
    }

    @Test
    void rejectsNoInputs() {
        assertThatThrownBy(() -> new StreamDefinition("live", List.of()))
                .isInstanceOf(InvalidStreamException.class)
                .hasMessage("inputs: empty (expected: at least one input)");
        assertThatThrownBy(() -> new StreamDefinition("live", null)).isInstanceOf(InvalidStreamException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fake://x",
                "publish://",
                "rtmp://origin/app/key",
                "srt://1.2.3.4:9000",
                "http://cam/x.ts",
                "https://cam/x.m3u8",
                "FAKE://upper"
            })
    void acceptsKnownSchemes(String url) {
        assertThat(new InputDefinition(url).url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "udp://239.0.0.1:1234",
                "no-scheme",
                "fake ://x",
                " ",
                "://x",
                "fake://a b",
                "1fake://x"
            })
    void rejectsOtherUrls(String url) {
        assertThatThrownBy(() -> new InputDefinition(url))
                .isInstanceOf(InvalidStreamException.class)
                .hasMessageStartingWith("inputs.url: ");
    }

    @Test
    void rejectsAMissingUrl() {
        assertThatThrownBy(() -> new InputDefinition(null)).isInstanceOf(InvalidStreamException.class);
    }
}
