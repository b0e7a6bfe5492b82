package io.streamgate.plugins.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class AclAuthBackendTests {

    static final String ALLOWED = null;

    @TempDir
    Path folder;

    @Test
    void ipListsFollowTheSemanticsTable() {
        AuthBackend allowOnly = backend(Map.of("allow_ips", List.of("10.0.0.0/8")));
        AuthBackend denyOnly = backend(Map.of("deny_ips", List.of("10.1.0.0/16")));
        AuthBackend both = backend(Map.of("allow_ips", List.of("10.0.0.0/8"), "deny_ips", List.of("10.1.0.0/16")));

        assertDecision(allowOnly, ip("10.2.3.4"), ALLOWED);
        assertDecision(allowOnly, ip("11.0.0.1"), "client IP not in allow_ips");
        assertDecision(denyOnly, ip("10.1.2.3"), "client IP in deny_ips");
        assertDecision(denyOnly, ip("11.0.0.1"), ALLOWED);
        assertDecision(both, ip("10.2.3.4"), ALLOWED);
        assertDecision(both, ip("10.1.2.3"), "client IP in deny_ips"); // deny wins
        assertDecision(both, ip("11.0.0.1"), "client IP not in allow_ips");
        assertDecision(both, ip("not-an-ip"), "client IP is not an IP address");
    }

    @Test
    void ipListsMatchIpv6AndMappedIpv4() {
        AuthBackend acl = backend(
                Map.of("allow_ips", List.of("2001:db8::/32", "203.0.113.7"), "deny_ips", List.of("2001:db8:bad::/48")));

        assertDecision(acl, ip("2001:db8:1::5"), ALLOWED);
        assertDecision(acl, ip("2001:DB8:0000::1"), ALLOWED);
        assertDecision(acl, ip("2001:db8:bad:1::1"), "client IP in deny_ips");
        assertDecision(acl, ip("2001:db9::1"), "client IP not in allow_ips");
        assertDecision(acl, ip("203.0.113.7"), ALLOWED);
        assertDecision(acl, ip("::ffff:203.0.113.7"), ALLOWED);
        assertDecision(acl, ip("203.0.113.8"), "client IP not in allow_ips");
    }

    @Test
    void hostEntryWithHostBitsCoversItsBlock() {
        assertDecision(backend(Map.of("deny_ips", List.of("192.0.2.77/24"))), ip("192.0.2.1"), "client IP in deny_ips");
    }

    @Test
    void refererListsFollowTheSemanticsTable() {
        AuthBackend acl = backend(Map.of(
                "allow_referers", List.of("example.com", "*.example.com"),
                "deny_referers", List.of("bad.example.com")));

        assertDecision(acl, referer("https://example.com/watch"), ALLOWED);
        assertDecision(acl, referer("https://www.example.com/"), ALLOWED);
        assertDecision(acl, referer("http://a.b.example.com:8080/x?y#z"), ALLOWED);
        assertDecision(acl, referer("https://user@WWW.Example.COM./"), ALLOWED);
        assertDecision(acl, referer("https://bad.example.com/page"), "referer host in deny_referers"); // deny wins
        assertDecision(acl, referer("https://example.com.evil.net/"), "referer host not in allow_referers");
        assertDecision(acl, referer("https://notexample.com/"), "referer host not in allow_referers");
        assertDecision(acl, referer("garbage"), "referer host not in allow_referers");
        assertDecision(acl, referer("ftp://example.com/"), "referer host not in allow_referers");
        assertDecision(acl, referer(null), ALLOWED); // allow_empty_referer defaults to true
        assertDecision(acl, referer(""), ALLOWED);
    }

    @Test
    void wildcardDoesNotMatchTheApex() {
        AuthBackend acl = backend(Map.of("allow_referers", List.of("*.example.com")));

        assertDecision(acl, referer("https://example.com/"), "referer host not in allow_referers");
        assertDecision(acl, referer("https://cdn.example.com/"), ALLOWED);
    }

    @Test
    void emptyRefererCanBeRefused() {
        AuthBackend acl = backend(Map.of("allow_empty_referer", false));

        assertDecision(acl, referer(null), "empty referer (allow_empty_referer: false)");
        assertDecision(acl, referer(" "), "empty referer (allow_empty_referer: false)");
        assertDecision(acl, referer("https://anything.example/"), ALLOWED);
    }

    @Test
    void denyRefererOnlyAdmitsOthers() {
        AuthBackend acl = backend(Map.of("deny_referers", List.of("*.pirate.example")));

        assertDecision(acl, referer("https://www.pirate.example/"), "referer host in deny_referers");
        assertDecision(acl, referer("https://ok.example/"), ALLOWED);
        assertDecision(acl, referer("garbage"), ALLOWED);
    }

    @Test
    void userAgentListsFollowTheSemanticsTable() {
        AuthBackend acl = backend(Map.of(
                "allow_user_agents", List.of("ExoPlayer", "AppleCoreMedia"),
                "deny_user_agents", List.of("exoplayer/1.0")));

        assertDecision(acl, userAgent("MyApp ExoPlayerLib/2.19"), ALLOWED);
        assertDecision(acl, userAgent("applecoremedia/1.0 (iPhone)"), ALLOWED);
        assertDecision(acl, userAgent("ExoPlayer/1.0"), "user agent in deny_user_agents"); // deny wins
        assertDecision(acl, userAgent("curl/8.0"), "user agent not in allow_user_agents");
        assertDecision(acl, userAgent(null), "user agent not in allow_user_agents");
    }

    @Test
    void denyUserAgentOnlyAdmitsOthersAndMissingOnes() {
        AuthBackend acl = backend(Map.of("deny_user_agents", List.of("curl")));

        assertDecision(acl, userAgent("CURL/8"), "user agent in deny_user_agents");
        assertDecision(acl, userAgent("Mozilla/5.0"), ALLOWED);
        assertDecision(acl, userAgent(null), ALLOWED);
    }

    @Test
    void everyDimensionMustPass() {
        AuthBackend acl = backend(Map.of(
                "allow_ips", List.of("10.0.0.0/8"),
                "allow_referers", List.of("example.com"),
                "deny_user_agents", List.of("bot")));

        assertDecision(acl, request("10.0.0.1", "https://example.com/", "player"), ALLOWED);
        assertDecision(acl, request("11.0.0.1", "https://example.com/", "player"), "client IP not in allow_ips");
        assertDecision(acl, request("10.0.0.1", "https://other.com/", "player"), "referer host not in allow_referers");
        assertDecision(acl, request("10.0.0.1", "https://example.com/", "bot"), "user agent in deny_user_agents");
    }

    @Test
    void countryListsFollowTheSemanticsTable() throws IOException {
        String database = AclSettingsTests.countryDatabase(folder); // 203.0.113.0/24 FR, 198.51.100.0/24 DE
        AuthBackend allowOnly = backend(Map.of("geoip_database", database, "allow_countries", List.of("FR")));
        AuthBackend denyOnly = backend(Map.of("geoip_database", database, "deny_countries", List.of("DE")));
        AuthBackend both = backend(Map.of(
                "geoip_database", database, "allow_countries", List.of("FR", "DE"), "deny_countries", List.of("DE")));

        assertDecision(allowOnly, ip("203.0.113.9"), ALLOWED);
        assertDecision(allowOnly, ip("::ffff:203.0.113.9"), ALLOWED);
        assertDecision(allowOnly, ip("198.51.100.1"), "client country not in allow_countries");
        assertDecision(denyOnly, ip("198.51.100.1"), "client country in deny_countries");
        assertDecision(denyOnly, ip("203.0.113.9"), ALLOWED);
        assertDecision(both, ip("203.0.113.9"), ALLOWED);
        assertDecision(both, ip("198.51.100.1"), "client country in deny_countries"); // deny wins
        assertDecision(both, ip("not-an-ip"), "client IP is not an IP address");
        assertDecision(denyOnly, ip("not-an-ip"), "client IP is not an IP address");
    }

    @Test
    void unknownCountryIsDeniedOnlyByAnAllowList() throws IOException {
        String database = AclSettingsTests.countryDatabase(folder);
        AuthBackend allowOnly = backend(Map.of("geoip_database", database, "allow_countries", List.of("FR")));
        AuthBackend denyOnly = backend(Map.of("geoip_database", database, "deny_countries", List.of("DE")));

        // not in the database, private, loopback, and IPv6 in an IPv4-only database
        for (String unknown : new String[] {"192.0.2.1", "10.0.0.1", "127.0.0.1", "2001:db8::1", "::1"}) {
            assertDecision(allowOnly, ip(unknown), "client country not in allow_countries");
            assertDecision(denyOnly, ip(unknown), ALLOWED);
        }
    }

    @Test
    void networkWithoutACountryIsUnknown() throws IOException {
        Path file = folder.resolve("satellite.mmdb");
        MaxMindDbWriter.ipv4("GeoIP2-Country")
                .country("203.0.113.0/24", "FR")
                .network("198.51.100.0/24", Map.of("registered_country", Map.of("iso_code", "DE")))
                .network("192.0.2.0/24", Map.of("country", Map.of("names", Map.of("en", "nowhere"))))
                .write(file);
        AuthBackend allowOnly = backend(Map.of("geoip_database", file.toString(), "allow_countries", List.of("FR")));
        AuthBackend denyOnly = backend(Map.of("geoip_database", file.toString(), "deny_countries", List.of("DE")));

        assertDecision(allowOnly, ip("198.51.100.1"), "client country not in allow_countries");
        assertDecision(allowOnly, ip("192.0.2.1"), "client country not in allow_countries");
        assertDecision(denyOnly, ip("198.51.100.1"), ALLOWED);
        assertDecision(denyOnly, ip("192.0.2.1"), ALLOWED);
    }

    @Test
    void ipv6DatabaseAnswersBothVersions() throws IOException {
        Path file = folder.resolve("GeoLite2-Country-v6.mmdb");
        MaxMindDbWriter.ipv6("GeoLite2-Country")
                .country("203.0.113.0/24", "FR")
                .country("2001:db8::/32", "JP")
                .write(file);
        AuthBackend acl = backend(Map.of("geoip_database", file.toString(), "allow_countries", List.of("FR", "JP")));

        assertDecision(acl, ip("203.0.113.200"), ALLOWED);
        assertDecision(acl, ip("::ffff:203.0.113.200"), ALLOWED);
        assertDecision(acl, ip("2001:db8:1::1"), ALLOWED);
        assertDecision(acl, ip("2001:db9::1"), "client country not in allow_countries");
        assertDecision(acl, ip("198.51.100.1"), "client country not in allow_countries");
    }

    @Test
    void ipListsAreCheckedBeforeCountries() throws IOException {
        String database = AclSettingsTests.countryDatabase(folder);
        AuthBackend acl = backend(Map.of(
                "geoip_database", database,
                "deny_countries", List.of("FR"),
                "deny_ips", List.of("198.51.100.7"),
                "allow_referers", List.of("example.com")));

        assertDecision(acl, request("198.51.100.7", "https://example.com/", null), "client IP in deny_ips");
        assertDecision(acl, request("203.0.113.1", "https://example.com/", null), "client country in deny_countries");
        assertDecision(acl, request("198.51.100.8", "https://other.com/", null), "referer host not in allow_referers");
        assertDecision(acl, request("198.51.100.8", "https://example.com/", null), ALLOWED);
    }

    @Test
    void unreadableRecordFailsTheCheckInsteadOfDeciding() throws IOException {
        Path file = folder.resolve("broken.mmdb");
        MaxMindDbWriter.ipv4("GeoLite2-Country").country("203.0.113.0/24", "FR").write(file);
        byte[] bytes = Files.readAllBytes(file);
        // The root's right record (203.x starts with a one bit) points far past the data section; the left one, which
        // the check on save walks, stays empty.
        bytes[3] = bytes[4] = bytes[5] = (byte) 0xFF;
        Files.write(file, bytes);
        AuthBackend acl = backend(Map.of("geoip_database", file.toString(), "deny_countries", List.of("DE")));

        StepVerifier.create(acl.check(ip("203.0.113.9")))
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("203.0.113.9"))
                .verify(Duration.ofSeconds(5));
        assertDecision(acl, ip("10.0.0.1"), ALLOWED);
    }

    @Test
    void decisionsAreNeverCached() {
        AuthBackend acl = backend(Map.of("deny_ips", List.of("10.0.0.0/8")));

        assertThat(acl.cacheKey(ip("10.0.0.1"))).isNull();
        assertThat(decide(acl, ip("10.0.0.1")).cacheFor()).isZero();
        assertThat(decide(acl, ip("11.0.0.1")).cacheFor()).isZero();
    }

    static AuthBackend backend(Map<String, ?> settings) {
        return new AclAuthFactory().create(Settings.of(settings), null);
    }

    static PlayRequest request(String ip, String referer, String userAgent) {
        return new PlayRequest("42", "live", ip, null, referer, userAgent, "hls", "session-1");
    }

    static PlayRequest ip(String ip) {
        return request(ip, null, null);
    }

    static PlayRequest referer(String referer) {
        return request("198.51.100.1", referer, null);
    }

    static PlayRequest userAgent(String userAgent) {
        return request("198.51.100.1", null, userAgent);
    }

    /** Asserts a deny with the reason, or an allow when the reason is {@code null}. */
    static void assertDecision(AuthBackend backend, PlayRequest request, String denyReason) {
        AuthDecision decision = decide(backend, request);
        if (denyReason == null) {
            assertThat(decision).as(request.toString()).isInstanceOf(AuthDecision.Allow.class);
        } else {
            assertThat(decision).as(request.toString()).isInstanceOf(AuthDecision.Deny.class);
            assertThat(((AuthDecision.Deny) decision).reason())
                    .as(request.toString())
                    .isEqualTo(denyReason);
        }
    }

    static AuthDecision decide(AuthBackend backend, PlayRequest request) {
        AtomicReference<AuthDecision> out = new AtomicReference<>();
        StepVerifier.create(backend.check(request))
                .consumeNextWith(out::set)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        return out.get();
    }
}
