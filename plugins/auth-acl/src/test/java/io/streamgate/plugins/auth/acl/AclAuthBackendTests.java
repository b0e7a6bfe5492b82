package io.streamgate.plugins.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AclAuthBackendTests {

    static final String ALLOWED = null;

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
