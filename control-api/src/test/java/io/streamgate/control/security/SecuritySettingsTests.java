package io.streamgate.control.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecuritySettingsTests {

    @Test
    void missingTokensFailWithTheVariableToSet() {
        assertThatThrownBy(() -> new SecuritySettings("", "g")).hasMessageContaining("STREAMGATE_ADMIN_TOKEN");
        assertThatThrownBy(() -> new SecuritySettings("a", null)).hasMessageContaining("STREAMGATE_GATEWAY_TOKEN");
    }

    @Test
    void tokensCompareExactly() {
        assertThat(BearerTokens.matches("abc", "abc")).isTrue();
        assertThat(BearerTokens.matches("abd", "abc")).isFalse();
        assertThat(BearerTokens.matches("ab", "abc")).isFalse();
        assertThat(BearerTokens.matches(null, "abc")).isFalse();
    }

    @Test
    void apiKeysHaveThePrefixAndAreHashedOnly() {
        String key = new ApiKeys().generate();
        assertThat(key).startsWith("sgk_").hasSize(4 + 43);
        assertThat(ApiKeys.hash(key)).hasSize(64).doesNotContain(key);
    }
}
