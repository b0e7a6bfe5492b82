package io.streamgate.plugins.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every settings rule of the {@code token} type, each with an accept and a reject case. */
class TokenSettingsTests {

    static final String SECRET = "0123456789abcdef"; // exactly 16 bytes

    @Test
    void acceptsMinimalSettingsWithDefaults() {
        TokenSettings settings = read(Map.of("keys", Map.of("k1", SECRET)));

        assertThat(settings.keys()).containsOnlyKeys("k1");
        assertThat(settings.activeKey()).isEqualTo("k1");
        assertThat(settings.bindIp()).isFalse();
        assertThat(settings.maxTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void rejectsUnknownSetting() {
        assertInvalid(Map.of("keys", Map.of("k1", SECRET), "key", "x"), "key");
    }

    @Test
    void rejectsMissingKeys() {
        assertInvalid(Map.of(), "keys");
    }

    @Test
    void rejectsEmptyKeys() {
        assertInvalid(Map.of("keys", Map.of()), "keys");
    }

    @Test
    void rejectsKeysThatAreNotAnObject() {
        assertInvalid(Map.of("keys", List.of(SECRET)), "keys");
    }

    @Test
    void acceptsEightKeys() {
        assertThat(read(Map.of("keys", keys(8))).keys()).hasSize(8);
    }

    @Test
    void rejectsNineKeys() {
        assertInvalid(Map.of("keys", keys(9)), "keys");
    }

    @Test
    void acceptsKeyIdsOfAllowedCharactersUpTo32() {
        String kid = "Ab9_-" + "x".repeat(27);
        assertThat(read(Map.of("keys", Map.of(kid, SECRET))).keys()).containsOnlyKeys(kid);
    }

    @Test
    void rejectsKeyIdWithOtherCharacters() {
        assertInvalid(Map.of("keys", Map.of("k.1", SECRET)), "keys.k.1");
    }

    @Test
    void rejectsKeyIdLongerThan32() {
        String kid = "x".repeat(33);
        assertInvalid(Map.of("keys", Map.of(kid, SECRET)), "keys." + kid);
    }

    @Test
    void rejectsSecretShorterThan16Bytes() {
        assertThatThrownBy(() -> read(Map.of("keys", Map.of("k1", "0123456789abcde"))))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo("keys.k1"))
                .hasMessageNotContaining("0123456789abcde");
    }

    @Test
    void countsSecretLengthInUtf8Bytes() {
        // 8 characters, 16 bytes
        assertThat(read(Map.of("keys", Map.of("k1", "éééééééé"))).keys()).containsOnlyKeys("k1");
    }

    @Test
    void rejectsSecretThatIsNotAString() {
        assertInvalid(Map.of("keys", Map.of("k1", 1234567890123456789L)), "keys.k1");
    }

    @Test
    void acceptsActiveKeyAmongKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("old", SECRET);
        keys.put("new", SECRET + "2");
        assertThat(read(Map.of("keys", keys, "active_key", "new")).activeKey()).isEqualTo("new");
        assertThat(read(Map.of("keys", keys)).activeKey()).isEqualTo("old");
    }

    @Test
    void rejectsActiveKeyNotAmongKeys() {
        assertInvalid(Map.of("keys", Map.of("k1", SECRET), "active_key", "k2"), "active_key");
    }

    @Test
    void acceptsBindIp() {
        assertThat(read(Map.of("keys", Map.of("k1", SECRET), "bind_ip", true)).bindIp())
                .isTrue();
    }

    @Test
    void rejectsBindIpThatIsNotABoolean() {
        assertInvalid(Map.of("keys", Map.of("k1", SECRET), "bind_ip", "yes"), "bind_ip");
    }

    @Test
    void acceptsMaxTtl() {
        assertThat(read(Map.of("keys", Map.of("k1", SECRET), "max_ttl", "2h")).maxTtl())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsMaxTtlThatIsNotADuration() {
        assertInvalid(Map.of("keys", Map.of("k1", SECRET), "max_ttl", "two hours"), "max_ttl");
    }

    @Test
    void rejectsMaxTtlOutOfBounds() {
        assertInvalid(Map.of("keys", Map.of("k1", SECRET), "max_ttl", "0s"), "max_ttl");
        assertInvalid(Map.of("keys", Map.of("k1", SECRET), "max_ttl", "400d"), "max_ttl");
    }

    @Test
    void neverShowsSecretsInToString() {
        assertThat(read(Map.of("keys", Map.of("k1", SECRET))).toString()).doesNotContain(SECRET);
    }

    static Map<String, Object> keys(int count) {
        Map<String, Object> keys = new HashMap<>();
        for (int i = 0; i < count; i++) {
            keys.put("k" + i, SECRET + i);
        }
        return keys;
    }

    static TokenSettings read(Map<String, ?> raw) {
        return TokenSettings.from(Settings.of(raw));
    }

    static void assertInvalid(Map<String, ?> raw, String key) {
        assertThatThrownBy(() -> read(raw))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }
}
