package io.streamgate.plugins.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every settings rule of the {@code acl} type, each with an accept and a reject case. */
class AclSettingsTests {

    @Test
    void rejectsUnknownSetting() {
        assertInvalid(Map.of("allow_ips", List.of("10.0.0.0/8"), "allow_countries", List.of("DE")), "allow_countries");
    }

    @Test
    void rejectsAnAclWithoutRules() {
        assertInvalid(Map.of(), "allow_ips");
        assertInvalid(Map.of("allow_ips", List.of(), "allow_empty_referer", true), "allow_ips");
    }

    @Test
    void acceptsRequiringAReferer() {
        assertThat(read(Map.of("allow_empty_referer", false)).allowEmptyReferer())
                .isFalse();
    }

    @Test
    void rejectsAllowEmptyRefererThatIsNotABoolean() {
        assertInvalid(Map.of("allow_empty_referer", "no"), "allow_empty_referer");
    }

    @Test
    void acceptsIpsAndCidrsOfBothVersions() {
        for (String key : new String[] {"allow_ips", "deny_ips"}) {
            AclSettings acl = read(Map.of(
                    key, List.of("203.0.113.7", "10.0.0.0/8", "2001:db8::1", "2001:db8:abcd::/48", "10.1.2.3/16")));
            assertThat(
                            key.startsWith("allow")
                                    ? acl.allowIps().isEmpty()
                                    : acl.denyIps().isEmpty())
                    .isFalse();
        }
    }

    @Test
    void rejectsMalformedIpsNamingKeyAndIndex() {
        for (String key : new String[] {"allow_ips", "deny_ips"}) {
            for (String bad : new String[] {
                "host.example",
                "10.0.0.256",
                "10.0.0.0/33",
                "2001:db8::/129",
                "1.2.3.4-9",
                "10.*.0.1",
                "fe80::1%eth0",
                "127.1",
                "010.0.0.1",
                "10.0.0.0/255.0.0.0"
            }) {
                assertInvalid(Map.of(key, List.of("10.0.0.1", "10.0.0.2", bad)), key + "[2]");
            }
            assertInvalid(Map.of(key, List.of("10.0.0.1", 42)), key + "[1]");
            assertInvalid(Map.of(key, "10.0.0.1"), key);
        }
    }

    @Test
    void acceptsAThousandIpsButNotMore() {
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ips.add("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(read(Map.of("deny_ips", ips)).denyIps().isEmpty()).isFalse();
        ips.add("10.9.9.9");
        assertInvalid(Map.of("deny_ips", ips), "deny_ips");
    }

    @Test
    void acceptsRefererHostsAndWildcards() {
        for (String key : new String[] {"allow_referers", "deny_referers"}) {
            AclSettings acl = read(Map.of(key, List.of("example.com", "*.Example.ORG", "a-b.c0.example.net")));
            assertThat(
                            key.startsWith("allow")
                                    ? acl.allowReferers().isEmpty()
                                    : acl.denyReferers().isEmpty())
                    .isFalse();
        }
    }

    @Test
    void rejectsMalformedRefererPatternsNamingKeyAndIndex() {
        for (String key : new String[] {"allow_referers", "deny_referers"}) {
            for (String bad : new String[] {
                "https://example.com",
                "example.com/path",
                "*example.com",
                "ex*.com",
                "*.com.*",
                "localhost",
                "-a.com",
                "a-.com",
                "a..com",
                "exa mple.com",
                "example.com:8080",
                "*.",
                "x".repeat(64) + ".com"
            }) {
                assertInvalid(Map.of(key, List.of("example.com", bad)), key + "[1]");
            }
        }
    }

    @Test
    void acceptsAHundredReferersButNotMore() {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hosts.add("h" + i + ".example.com");
        }
        assertThat(read(Map.of("allow_referers", hosts)).allowReferers().isEmpty())
                .isFalse();
        hosts.add("one-more.example.com");
        assertInvalid(Map.of("allow_referers", hosts), "allow_referers");
    }

    @Test
    void acceptsUserAgentSubstrings() {
        assertThat(read(Map.of("allow_user_agents", List.of("ExoPlayer"), "deny_user_agents", List.of("curl")))
                        .denyUserAgents()
                        .isEmpty())
                .isFalse();
    }

    @Test
    void rejectsBlankOrOverlongUserAgentSubstrings() {
        for (String key : new String[] {"allow_user_agents", "deny_user_agents"}) {
            assertInvalid(Map.of(key, List.of("curl", " ")), key + "[1]");
            assertInvalid(Map.of(key, List.of("x".repeat(257))), key + "[0]");
        }
    }

    @Test
    void acceptsAHundredUserAgentsButNotMore() {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            agents.add("bot" + i);
        }
        assertThat(read(Map.of("deny_user_agents", agents)).denyUserAgents().isEmpty())
                .isFalse();
        agents.add("bot100");
        assertInvalid(Map.of("deny_user_agents", agents), "deny_user_agents");
    }

    static AclSettings read(Map<String, ?> raw) {
        return AclSettings.from(Settings.of(raw));
    }

    static void assertInvalid(Map<String, ?> raw, String key) {
        assertThatThrownBy(() -> read(raw))
                .as(raw.toString())
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }
}
