package io.streamgate.plugins.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every settings rule of the {@code acl} type, each with an accept and a reject case. */
class AclSettingsTests {

    @TempDir
    Path folder;

    @Test
    void rejectsUnknownSetting() {
        assertInvalid(Map.of("allow_ips", List.of("10.0.0.0/8"), "allow_country", List.of("DE")), "allow_country");
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

    @Test
    void acceptsCountryListsWithACountryDatabase() throws IOException {
        String database = countryDatabase(folder);
        AclSettings acl = read(Map.of(
                "geoip_database", database, "allow_countries", List.of("FR", "DE"), "deny_countries", List.of("XK")));

        assertThat(acl.countries()).isNotNull();
        assertThat(acl.allowCountries().contains("FR")).isTrue();
        assertThat(acl.denyCountries().contains("XK")).isTrue();
        assertThat(read(Map.of("geoip_database", database, "deny_countries", List.of("GB")))
                        .allowCountries()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void rejectsMalformedCountryCodesNamingKeyAndIndex() throws IOException {
        String database = countryDatabase(folder);
        for (String key : new String[] {"allow_countries", "deny_countries"}) {
            for (String bad : new String[] {"fr", "Fr", "FRA", "F", "UK", "EU", "1A", " FR", "FR ", "F-"}) {
                assertInvalid(Map.of("geoip_database", database, key, List.of("DE", bad)), key + "[1]");
            }
            assertInvalid(Map.of("geoip_database", database, key, List.of("DE", 42)), key + "[1]");
            assertInvalid(Map.of("geoip_database", database, key, "DE"), key);
        }
    }

    @Test
    void acceptsThreeHundredCountriesButNotMore() throws IOException {
        String database = countryDatabase(folder);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            codes.add(List.of("FR", "DE", "JP").get(i % 3));
        }
        assertThat(read(Map.of("geoip_database", database, "deny_countries", codes))
                        .denyCountries()
                        .isEmpty())
                .isFalse();
        codes.add("GB");
        assertInvalid(Map.of("geoip_database", database, "deny_countries", codes), "deny_countries");
        assertInvalid(Map.of("geoip_database", database, "allow_countries", codes), "allow_countries");
    }

    @Test
    void rejectsCountryListsWithoutADatabase() {
        for (String key : new String[] {"allow_countries", "deny_countries"}) {
            assertInvalid(Map.of(key, List.of("FR")), key);
            assertInvalid(Map.of("allow_ips", List.of("10.0.0.0/8"), key, List.of("FR")), key);
            assertThatThrownBy(() -> read(Map.of(key, List.of("FR")))).hasMessageContaining("requires geoip_database");
        }
    }

    @Test
    void rejectsADatabaseWithoutCountryLists() throws IOException {
        String database = countryDatabase(folder);
        assertInvalid(Map.of("geoip_database", database), "geoip_database");
        assertInvalid(Map.of("geoip_database", database, "allow_ips", List.of("10.0.0.0/8")), "geoip_database");
        assertInvalid(Map.of("geoip_database", database, "allow_countries", List.of()), "geoip_database");
    }

    @Test
    void acceptsCountryAndCityDatabasesOfBothIpVersions() throws IOException {
        for (MaxMindDbWriter writer : new MaxMindDbWriter[] {
            MaxMindDbWriter.ipv4("GeoLite2-Country"),
            MaxMindDbWriter.ipv6("GeoLite2-Country"),
            MaxMindDbWriter.ipv6("GeoIP2-City"),
            MaxMindDbWriter.ipv6("GeoIP2-Enterprise"),
            MaxMindDbWriter.ipv4("DBIP-Country-Lite")
        }) {
            Path file = Files.createTempFile(folder, "db", ".mmdb");
            writer.country("203.0.113.0/24", "FR").write(file);
            assertThat(read(Map.of("geoip_database", file.toString(), "deny_countries", List.of("FR")))
                            .countries())
                    .isNotNull();
        }
    }

    @Test
    void rejectsADatabasePathThatIsNotAReadableCountryDatabase() throws IOException {
        Path garbage = Files.write(folder.resolve("garbage.mmdb"), "not a database".getBytes());
        Path asn = folder.resolve("GeoLite2-ASN.mmdb");
        MaxMindDbWriter.ipv4("GeoLite2-ASN")
                .network("203.0.113.0/24", Map.of("autonomous_system_number", 64496L))
                .write(asn);
        Path corrupt = folder.resolve("corrupt.mmdb");
        MaxMindDbWriter.ipv4("GeoLite2-Country").country("10.0.0.0/8", "FR").write(corrupt);
        byte[] bytes = Files.readAllBytes(corrupt);
        bytes[0] = bytes[1] = bytes[2] = (byte) 0xFF; // the root's left record points far past the data section
        Files.write(corrupt, bytes);
        Path empty = Files.write(folder.resolve("empty.mmdb"), new byte[0]);

        for (Object bad : new Object[] {
            "GeoLite2-Country.mmdb", // relative
            folder.resolve("missing.mmdb").toString(),
            folder.toString(), // a directory
            garbage.toString(),
            empty.toString(),
            asn.toString(),
            corrupt.toString(),
            " ",
            42
        }) {
            assertInvalid(Map.of("geoip_database", bad, "deny_countries", List.of("FR")), "geoip_database");
        }
        assertThatThrownBy(() -> read(Map.of("geoip_database", asn.toString(), "deny_countries", List.of("FR"))))
                .hasMessageContaining("GeoLite2-ASN database");
    }

    @Test
    void readsAnUnchangedDatabaseOnceAndAReplacedOneAnew() throws IOException {
        String database = countryDatabase(folder);
        Map<String, Object> raw = Map.of("geoip_database", database, "deny_countries", List.of("FR"));
        AclSettings first = read(raw);

        assertThat(read(raw).countries()).isSameAs(first.countries());
        MaxMindDbWriter.ipv4("GeoLite2-Country")
                .country("198.51.100.0/24", "DE")
                .country("192.0.2.0/24", "JP")
                .write(Path.of(database));
        assertThat(read(raw).countries()).isNotSameAs(first.countries());
    }

    /** An IPv4 GeoLite2-Country database: 203.0.113.0/24 in FR, 198.51.100.0/24 in DE. */
    static String countryDatabase(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "GeoLite2-Country", ".mmdb");
        MaxMindDbWriter.ipv4("GeoLite2-Country")
                .country("203.0.113.0/24", "FR")
                .country("198.51.100.0/24", "DE")
                .write(file);
        return file.toString();
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
