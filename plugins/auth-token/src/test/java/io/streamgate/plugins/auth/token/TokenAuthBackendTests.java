package io.streamgate.plugins.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.auth.SignedLinkIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TokenAuthBackendTests {

    static final String PROJECT = "1234567890123";
    static final String STREAM = "live";
    static final String VIEWER = "203.0.113.7";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final TokenAuthBackend backend =
            backend(Map.of("keys", ordered("k1", "secret-one-0123456", "k2", "secret-two-0123456")));

    @Test
    void validTokenAllows() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), null);

        AuthDecision decision = decide(backend, request(PROJECT, STREAM, VIEWER, token));

        assertThat(decision).isInstanceOf(AuthDecision.Allow.class);
        assertThat(decision.cacheFor()).isZero();
        assertThat(backend.cacheKey(request(PROJECT, STREAM, VIEWER, token))).isNull();
    }

    @Test
    void tokenIsUrlSafeAndCarriesItsFields() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), "2001:db8::/32");

        assertThat(token).matches("[A-Za-z0-9._-]+");
        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(5);
        assertThat(parts[0]).isEqualTo("v1");
        assertThat(parts[1]).isEqualTo("k1");
        assertThat(parts[2]).isEqualTo(String.valueOf(NOW.plusSeconds(600).getEpochSecond()));
        assertThat(new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.US_ASCII))
                .isEqualTo("2001:db8::/32");
        assertThat(parts[4]).hasSize(43);
    }

    @Test
    void missingTokenDenies() {
        assertDenied(request(PROJECT, STREAM, VIEWER, null), "missing token");
        assertDenied(request(PROJECT, STREAM, VIEWER, ""), "missing token");
    }

    @Test
    void garbledTokensDenyAsMalformed() {
        String valid = backend.issue(STREAM, NOW.plusSeconds(600), null);
        for (String garbled : new String[] {
            "x",
            "v1",
            "v1.k1",
            "v1.k1.123",
            "v1.k1.123.",
            "v2" + valid.substring(2),
            valid + ".extra",
            valid + "A",
            valid.substring(0, valid.length() - 1),
            valid.replace("v1.k1.", "v1.k!."),
            valid.replace("v1.k1.", "v1.."),
            valid.replace("v1.k1." + (NOW.getEpochSecond() + 600), "v1.k1.-" + (NOW.getEpochSecond() + 600)),
            valid.replace("v1.k1." + (NOW.getEpochSecond() + 600), "v1.k1.0" + (NOW.getEpochSecond() + 600)),
            valid.replace("v1.k1." + (NOW.getEpochSecond() + 600), "v1.k1.9999999999999"),
            valid.replace("v1.k1." + (NOW.getEpochSecond() + 600), "v1.k1.12a"),
            valid.substring(0, valid.lastIndexOf('.') - 0) + ".!!",
            valid.substring(0, valid.lastIndexOf('.')) + ".A" + "=".repeat(42),
            "v1.k1.123.A.sig",
            "v1.k1.123.MTAuMC4wLjE=." + valid.substring(valid.lastIndexOf('.') + 1),
            "v1." + "k".repeat(300),
        }) {
            assertDenied(request(PROJECT, STREAM, VIEWER, garbled), "malformed token");
        }
    }

    @Test
    void nonCanonicalAddressEncodingDenies() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), "10.0.0.1");
        String[] parts = token.split("\\.", -1);
        // "MTAuMC4wLjE" is 10.0.0.1; its last character carries two unused bits
        assertThat(parts[3]).isEqualTo("MTAuMC4wLjE");
        parts[3] = "MTAuMC4wLjF";

        assertDenied(request(PROJECT, STREAM, "10.0.0.1", String.join(".", parts)), "malformed token");
    }

    @Test
    void eachFlippedFieldDenies() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), "203.0.113.0/24");
        String[] parts = token.split("\\.", -1);
        assertThat(decide(backend, request(PROJECT, STREAM, VIEWER, token))).isInstanceOf(AuthDecision.Allow.class);

        // another live key id: the key id is signed, so the other key's check fails
        assertDenied(request(PROJECT, STREAM, VIEWER, with(parts, 1, "k2")), "bad signature");
        // expiry moved later and earlier
        assertDenied(
                request(PROJECT, STREAM, VIEWER, with(parts, 2, String.valueOf(NOW.getEpochSecond() + 601))),
                "bad signature");
        assertDenied(
                request(PROJECT, STREAM, VIEWER, with(parts, 2, String.valueOf(NOW.getEpochSecond() + 599))),
                "bad signature");
        // address widened, and removed
        assertDenied(request(PROJECT, STREAM, VIEWER, with(parts, 3, encode("0.0.0.0/0"))), "bad signature");
        assertDenied(request(PROJECT, STREAM, VIEWER, with(parts, 3, "")), "bad signature");
        // every character of the signature
        for (int i = 0; i < parts[4].length(); i++) {
            char c = parts[4].charAt(i);
            String flipped = parts[4].substring(0, i) + (c == 'A' ? 'B' : 'A') + parts[4].substring(i + 1);
            assertDenied(request(PROJECT, STREAM, VIEWER, with(parts, 4, flipped)), "bad signature");
        }
        // the stream and project are not carried but signed
        assertDenied(request(PROJECT, "other", VIEWER, token), "bad signature");
        assertDenied(request("1234567890124", STREAM, VIEWER, token), "bad signature");
    }

    @Test
    void anotherStreamsTokenDenies() {
        String token = backend.issue("other", NOW.plusSeconds(600), null);

        assertDenied(request(PROJECT, STREAM, VIEWER, token), "bad signature");
    }

    @Test
    void anotherProjectsTokenDeniesEvenWithTheSameKeys() {
        Map<String, Object> settings = Map.of("keys", Map.of("k1", "secret-one-0123456"));
        TokenAuthBackend projectA = backend(settings, "111", clock);
        TokenAuthBackend projectB = backend(settings, "222", clock);
        String token = projectA.issue(STREAM, NOW.plusSeconds(600), null);

        assertThat(decide(projectA, request("111", STREAM, VIEWER, token))).isInstanceOf(AuthDecision.Allow.class);
        assertDenied(projectB, request("222", STREAM, VIEWER, token), "bad signature");
    }

    @Test
    void expiredTokenDenies() {
        String token = backend.issue(STREAM, NOW.plusSeconds(60), null);

        clock.advance(Duration.ofSeconds(59));
        assertThat(decide(backend, request(PROJECT, STREAM, VIEWER, token))).isInstanceOf(AuthDecision.Allow.class);
        clock.advance(Duration.ofSeconds(1));
        assertDenied(request(PROJECT, STREAM, VIEWER, token), "expired token");
    }

    @Test
    void mintingCapsExpiryAtMaxTtl() {
        TokenAuthBackend capped = backend(Map.of("keys", Map.of("k1", "secret-one-0123456"), "max_ttl", "1h"));

        String token = capped.issue(STREAM, NOW.plus(Duration.ofDays(30)), null);

        assertThat(token.split("\\.")[2])
                .isEqualTo(String.valueOf(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        clock.advance(Duration.ofHours(1));
        assertDenied(capped, request(PROJECT, STREAM, VIEWER, token), "expired token");
    }

    @Test
    void tokenReachingBeyondMaxTtlDenies() {
        // minted while max_ttl was 30 days; the operator has since lowered it to 1 hour
        TokenAuthBackend before = backend(Map.of("keys", Map.of("k1", "secret-one-0123456"), "max_ttl", "30d"));
        TokenAuthBackend after = backend(Map.of("keys", Map.of("k1", "secret-one-0123456"), "max_ttl", "1h"));
        String longLived = before.issue(STREAM, NOW.plus(Duration.ofDays(30)), null);
        String withinSkew = before.issue(STREAM, NOW.plus(Duration.ofHours(1)).plus(TokenAuthBackend.CLOCK_SKEW), null);

        assertDenied(after, request(PROJECT, STREAM, VIEWER, longLived), "expiry beyond max_ttl");
        assertThat(decide(after, request(PROJECT, STREAM, VIEWER, withinSkew))).isInstanceOf(AuthDecision.Allow.class);
    }

    @Test
    void mintingRefusesExpiryNotInTheFuture() {
        assertThatThrownBy(() -> backend.issue(STREAM, NOW, null))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo("expires_at"));
        assertThatThrownBy(() -> backend.issue(STREAM, null, null)).isInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void mintingRefusesMalformedAddress() {
        for (String bad : new String[] {
            "not-an-ip", "10.0.0.256", "10.0.0.0/33", "1.2.3.4-5", "10.*.0.1", "fe80::1%eth0", "127.1", "010.0.0.1", ""
        }) {
            assertThatThrownBy(() -> backend.issue(STREAM, NOW.plusSeconds(60), bad))
                    .as(bad)
                    .isInstanceOf(InvalidSettingsException.class)
                    .satisfies(e ->
                            assertThat(((InvalidSettingsException) e).key()).isEqualTo("ip"));
        }
    }

    @Test
    void retiredKeyIdDenies() {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("old", "secret-old-0123456");
        both.put("new", "secret-new-0123456");
        TokenAuthBackend before = backend(Map.of("keys", both, "active_key", "old"));
        String token = before.issue(STREAM, NOW.plusSeconds(600), null);

        TokenAuthBackend after = backend(Map.of("keys", Map.of("new", "secret-new-0123456")));

        assertDenied(after, request(PROJECT, STREAM, VIEWER, token), "unknown or retired key id");
    }

    @Test
    void rotationKeepsOldTokensWorkingWhileTheOldKeyIsListed() {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("old", "secret-old-0123456");
        both.put("new", "secret-new-0123456");
        TokenAuthBackend before = backend(Map.of("keys", Map.of("old", "secret-old-0123456")));
        String oldToken = before.issue(STREAM, NOW.plusSeconds(600), null);

        TokenAuthBackend rotated = backend(Map.of("keys", both, "active_key", "new"));
        String newToken = rotated.issue(STREAM, NOW.plusSeconds(600), null);

        assertThat(newToken).startsWith("v1.new.");
        assertThat(decide(rotated, request(PROJECT, STREAM, VIEWER, oldToken))).isInstanceOf(AuthDecision.Allow.class);
        assertThat(decide(rotated, request(PROJECT, STREAM, VIEWER, newToken))).isInstanceOf(AuthDecision.Allow.class);
    }

    @Test
    void sameKeyIdWithAnotherSecretDenies() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), null);
        TokenAuthBackend replaced = backend(Map.of("keys", Map.of("k1", "a-different-secret-0")));

        assertDenied(replaced, request(PROJECT, STREAM, VIEWER, token), "bad signature");
    }

    @Test
    void ipBoundTokenAllowsOnlyThatAddress() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), VIEWER);

        assertThat(decide(backend, request(PROJECT, STREAM, VIEWER, token))).isInstanceOf(AuthDecision.Allow.class);
        assertThat(decide(backend, request(PROJECT, STREAM, "::ffff:203.0.113.7", token)))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(request(PROJECT, STREAM, "203.0.113.8", token), "client address not in the token's address");
        assertDenied(request(PROJECT, STREAM, "2001:db8::1", token), "client address not in the token's address");
        assertDenied(request(PROJECT, STREAM, "garbage", token), "client address not in the token's address");
    }

    @Test
    void cidrBoundTokenAllowsTheBlock() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), "198.51.100.77/24");

        assertThat(token.split("\\.")[3]).isEqualTo(encode("198.51.100.0/24"));
        assertThat(decide(backend, request(PROJECT, STREAM, "198.51.100.1", token)))
                .isInstanceOf(AuthDecision.Allow.class);
        assertThat(decide(backend, request(PROJECT, STREAM, "198.51.100.255", token)))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(request(PROJECT, STREAM, "198.51.101.1", token), "client address not in the token's address");
    }

    @Test
    void ipv6BindingsWork() {
        String block = backend.issue(STREAM, NOW.plusSeconds(600), "2001:db8:abcd::/48");
        String single = backend.issue(STREAM, NOW.plusSeconds(600), "2001:DB8:0:0:0:0:0:1");

        assertThat(decide(backend, request(PROJECT, STREAM, "2001:db8:abcd:12::5", block)))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(request(PROJECT, STREAM, "2001:db8:abce::5", block), "client address not in the token's address");
        assertDenied(request(PROJECT, STREAM, "203.0.113.7", block), "client address not in the token's address");
        assertThat(decide(backend, request(PROJECT, STREAM, "2001:db8::1", single)))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(request(PROJECT, STREAM, "2001:db8::2", single), "client address not in the token's address");
    }

    @Test
    void bindIpRequiresAnAddressToMintAndToCheck() {
        TokenAuthBackend bound = backend(Map.of("keys", Map.of("k1", "secret-one-0123456"), "bind_ip", true));
        String unbound = backend.issue(STREAM, NOW.plusSeconds(600), null); // same key, minted before bind_ip

        assertThatThrownBy(() -> bound.issue(STREAM, NOW.plusSeconds(600), null))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo("ip"));
        assertDenied(bound, request(PROJECT, STREAM, VIEWER, unbound), "token not bound to an address (bind_ip: true)");
        String token = bound.issue(STREAM, NOW.plusSeconds(600), VIEWER);
        assertThat(decide(bound, request(PROJECT, STREAM, VIEWER, token))).isInstanceOf(AuthDecision.Allow.class);
    }

    @Test
    void addressIsEnforcedWithoutBindIp() {
        String token = backend.issue(STREAM, NOW.plusSeconds(600), VIEWER);

        assertDenied(request(PROJECT, STREAM, "198.51.100.1", token), "client address not in the token's address");
    }

    @Test
    void signedFieldsCannotBeShiftedIntoEachOther() {
        // without length prefixes, ("ab", "c") and ("a", "bc") would sign the same bytes
        assertThat(SignedToken.message("1", "ab", 5, "", "k")).isNotEqualTo(SignedToken.message("1a", "b", 5, "", "k"));
        assertThat(SignedToken.message("1", "s", 5, "", "k1")).isNotEqualTo(SignedToken.message("1", "s", 5, "k", "1"));
    }

    @Test
    void factoryMakesAnIssuer() {
        AuthBackend made = new TokenAuthFactory()
                .create(
                        Settings.of(Map.of("keys", Map.of("k1", "secret-one-0123456"))),
                        new TestContext(PROJECT, "links", clock));

        assertThat(new TokenAuthFactory().type()).isEqualTo("token");
        assertThat(made).isInstanceOf(SignedLinkIssuer.class);
        String token = ((SignedLinkIssuer) made).issue(STREAM, NOW.plusSeconds(60), null);
        assertThat(decide(made, request(PROJECT, STREAM, VIEWER, token))).isInstanceOf(AuthDecision.Allow.class);
        assertThat(made.toString()).doesNotContain("secret-one");
    }

    TokenAuthBackend backend(Map<String, ?> settings) {
        return backend(settings, PROJECT, clock);
    }

    static TokenAuthBackend backend(Map<String, ?> settings, String project, MutableClock clock) {
        return (TokenAuthBackend)
                new TokenAuthFactory().create(Settings.of(settings), new TestContext(project, "links", clock));
    }

    static PlayRequest request(String project, String stream, String ip, String token) {
        return new PlayRequest(project, stream, ip, token, null, "test-player", "hls", "session-1");
    }

    /** Key order matters (the first key is the default active one); operators' JSON keeps it, Map.of does not. */
    static Map<String, Object> ordered(String... kidsAndSecrets) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < kidsAndSecrets.length; i += 2) {
            keys.put(kidsAndSecrets[i], kidsAndSecrets[i + 1]);
        }
        return keys;
    }

    static String with(String[] parts, int index, String value) {
        String[] copy = parts.clone();
        copy[index] = value;
        return String.join(".", copy);
    }

    static String encode(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(address.getBytes(StandardCharsets.US_ASCII));
    }

    void assertDenied(PlayRequest request, String reason) {
        assertDenied(backend, request, reason);
    }

    static void assertDenied(AuthBackend backend, PlayRequest request, String reason) {
        AuthDecision decision = decide(backend, request);
        assertThat(decision).as(request.token()).isInstanceOf(AuthDecision.Deny.class);
        assertThat(((AuthDecision.Deny) decision).reason()).as(request.token()).isEqualTo(reason);
        assertThat(decision.cacheFor()).isZero();
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
