package io.streamgate.gateway.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigChangeListenerTests {

    @Test
    void parsesDecimalVersionsOnly() {
        assertThat(ConfigChangeListener.parseVersion("42")).isEqualTo(42L);
        assertThat(ConfigChangeListener.parseVersion("")).isNull();
        assertThat(ConfigChangeListener.parseVersion("-1")).isNull();
        assertThat(ConfigChangeListener.parseVersion("4x")).isNull();
        assertThat(ConfigChangeListener.parseVersion("99999999999999999999")).isNull();
    }
}
