package io.streamgate.control.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTargetTests {

    @Test
    void derivesR2dbcAndJdbcUrlsWithSchema() {
        DatabaseTarget target = DatabaseTarget.parse("postgresql://sg:p%40ss@db.local:6543/streamgate?schema=tenant_1");
        assertThat(target.r2dbcUrl()).isEqualTo("r2dbc:pool:postgresql://db.local:6543/streamgate?schema=tenant_1");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/streamgate?currentSchema=tenant_1");
        assertThat(target.username()).isEqualTo("sg");
        assertThat(target.password()).isEqualTo("p@ss");
        assertThat(target.schema()).isEqualTo("tenant_1");
        assertThat(target.toString()).doesNotContain("p@ss");
    }

    @Test
    void defaultsPortAndAllowsNoPassword() {
        DatabaseTarget target = DatabaseTarget.parse("postgresql://postgres@127.0.0.1/test");
        assertThat(target.r2dbcUrl()).isEqualTo("r2dbc:pool:postgresql://127.0.0.1:5432/test");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(target.password()).isNull();
        assertThat(target.schema()).isNull();
    }

    @Test
    void rejectsWhatItCannotUseWithoutEchoingThePassword() {
        for (String bad : new String[] {
            "mysql://u:secret@h/db", "postgresql://u:secret@h", "postgresql://h:5432/db",
            "postgresql://u:secret@h/db?schema=a;drop", "postgresql://u:secret@h/db?sslmode=x", "not a url"
        }) {
            assertThatThrownBy(() -> DatabaseTarget.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("STREAMGATE_PG_URL")
                    .hasMessageNotContaining("secret");
        }
    }
}
