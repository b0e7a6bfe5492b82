package io.streamgate.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTests {

    private final Settings settings = Settings.of(Map.of(
            "url",
            "https://auth.example.com/check",
            "blank",
            " ",
            "timeout",
            "750ms",
            "ttl",
            "PT30S",
            "open",
            true,
            "max",
            5,
            "list",
            List.of("a", "b"),
            "keys",
            Map.of("k1", 7)));

    @Test
    void readsTypedValuesAndFallsBack() {
        assertThat(settings.string("url")).isEqualTo("https://auth.example.com/check");
        assertThat(settings.string("absent", "x")).isEqualTo("x");
        assertThat(settings.duration("timeout", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMillis(750));
        assertThat(settings.duration("ttl", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.bool("open", false)).isTrue();
        assertThat(settings.integer("max", 1, 1, 10)).isEqualTo(5);
        assertThat(settings.strings("list", 4)).containsExactly("a", "b");
        assertThat(settings.strings("absent", 4)).isEmpty();
    }

    @Test
    void errorsNameTheKeyAndWhatWasExpected() {
        assertThatThrownBy(() -> settings.string("absent"))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("absent"))
                .hasMessage("absent: missing (expected: a string)");
        assertThatThrownBy(() -> settings.string("blank")).hasMessageContaining("expected: a non-blank string");
        assertThatThrownBy(() -> settings.duration("url", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
                .hasMessageContaining("url: 'https://auth.example.com/check' (expected: a duration");
        assertThatThrownBy(
                        () -> settings.duration("timeout", Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("timeout:");
        assertThatThrownBy(() -> settings.bool("max", false)).hasMessageContaining("expected: true or false");
        assertThatThrownBy(() -> settings.integer("max", 1, 6, 10)).hasMessageContaining("from 6 to 10");
        assertThatThrownBy(() -> settings.strings("list", 1)).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> settings.object("keys").string("k1"))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("keys.k1"));
    }

    @Test
    void unknownKeysAreRejected() {
        assertThatThrownBy(() -> settings.allowOnly(Set.of("url")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("blank"))
                .hasMessageContaining("unknown setting");
    }
}
