package io.streamgate.plugins.auth.jwt;

import static io.streamgate.plugins.auth.jwt.Tokens.at;
import static io.streamgate.plugins.auth.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Which tokens the {@code jwt} backend accepts, and for how long. */
class JwtAuthBackendTests {

    private final MutableClock clock = new MutableClock(Tokens.NOW);

    @Test
    void validHs256AllowsForFiveMinutesAtMost() {
        assertThat(check(secret(), Tokens.hs256(claims("cam1")), "cam1"))
                .isEqualTo(new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
    }

    @Test
    void anAllowIsCachedUntilExpiryWhenThatIsSooner() {
        assertThat(check(secret(), Tokens.hs256(claims("cam1").expirationTime(at(90))), "cam1")
                        .cacheFor())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void expiredIsDeniedAfterTheLeeway() {
        String token = Tokens.hs256(claims("cam1").expirationTime(at(-20)));
        assertThat(check(secret(), token, "cam1")).isInstanceOf(AuthDecision.Allow.class);
        assertThat(check(secret(), token, "cam1").cacheFor()).isZero();

        assertDenied(secret(), Tokens.hs256(claims("cam1").expirationTime(at(-31))), "cam1", "expired");
    }

    @Test
    void expIsRequired() {
        assertDenied(secret(), Tokens.hs256(claims("cam1").expirationTime(null)), "cam1", "no exp");
    }

    @Test
    void notYetValidIsDeniedBeyondTheLeeway() {
        assertThat(check(secret(), Tokens.hs256(claims("cam1").notBeforeTime(at(25))), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(secret(), Tokens.hs256(claims("cam1").notBeforeTime(at(60))), "cam1", "not yet valid");
    }

    @Test
    void anotherStreamIsDeniedAndStarOpensAny() {
        assertDenied(secret(), Tokens.hs256(claims("cam2")), "cam1", "token is for another stream");
        assertDenied(
                secret(), Tokens.hs256(claims("cam1").claim("stream", null)), "cam1", "token is for another stream");
        assertThat(check(secret(), Tokens.hs256(claims("*")), "cam1")).isInstanceOf(AuthDecision.Allow.class);
        assertThat(check(secret(), Tokens.hs256(claims("x").claim("stream", List.of("cam0", "cam1"))), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
    }

    @Test
    void theStreamClaimIsConfigurable() {
        JwtAuthBackend backend = backend(Map.of("secret", Tokens.SECRET, "stream_claim", "sg_stream"));

        assertThat(check(backend, Tokens.hs256(claims("other").claim("sg_stream", "cam1")), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(backend, Tokens.hs256(claims("cam1")), "cam1", "token is for another stream");
    }

    @Test
    void issuerMustMatch() {
        JwtAuthBackend backend = backend(Map.of("secret", Tokens.SECRET, "issuer", "https://idp"));

        assertThat(check(backend, Tokens.hs256(claims("cam1").issuer("https://idp")), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(backend, Tokens.hs256(claims("cam1").issuer("https://evil")), "cam1", "wrong issuer");
        assertDenied(backend, Tokens.hs256(claims("cam1")), "cam1", "wrong issuer");
    }

    @Test
    void audienceMustBeAmongAud() {
        JwtAuthBackend backend = backend(Map.of("secret", Tokens.SECRET, "audience", "cdn"));

        assertThat(check(backend, Tokens.hs256(claims("cam1").audience(List.of("web", "cdn"))), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
        assertDenied(backend, Tokens.hs256(claims("cam1").audience("web")), "cam1", "wrong audience");
        assertDenied(backend, Tokens.hs256(claims("cam1")), "cam1", "wrong audience");
    }

    @Test
    void aTamperedTokenIsDenied() {
        List<String> parts = Tokens.parts(Tokens.hs256(claims("cam1")));
        String otherPayload = Tokens.parts(Tokens.hs256(claims("*"))).get(1);

        assertDenied(secret(), parts.get(0) + "." + otherPayload + "." + parts.get(2), "cam1", "bad signature");
        assertDenied(
                secret(),
                Tokens.sign(JWSAlgorithm.HS256, null, mac("another-secret-of-32-bytes-or-more!"), claims("cam1")),
                "cam1",
                "bad signature");
    }

    @Test
    void algNoneIsDenied() {
        String header = b64("{\"alg\":\"none\"}");
        String payload = Tokens.parts(Tokens.hs256(claims("cam1"))).get(1);

        assertDenied(secret(), header + "." + payload + ".", "cam1", "malformed token");
        assertDenied(rsaKeys(), header + "." + payload + ".", "cam1", "malformed token");
    }

    @Test
    void missingOrGarbageTokensAreDenied() {
        assertDenied(secret(), null, "cam1", "no token");
        assertDenied(secret(), "not-a-jwt", "cam1", "malformed token");
        assertDenied(secret(), "a".repeat(8193), "cam1", "no token");
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyIsRefused() throws Exception {
        // The classic confusion: the attacker uses the published public key as an HMAC secret.
        byte[] publicKey = Tokens.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Tokens.RSA.toRSAPublicKey().getEncoded();

        assertDenied(
                rsaKeys(),
                Tokens.sign(JWSAlgorithm.HS256, "r1", mac(publicKey), claims("cam1")),
                "cam1",
                "algorithm not allowed: HS256");
        assertDenied(
                rsaKeys(),
                Tokens.sign(JWSAlgorithm.HS256, "r1", mac(encoded), claims("cam1")),
                "cam1",
                "algorithm not allowed: HS256");
    }

    @Test
    void aSecretBackendRefusesRs256() {
        assertDenied(secret(), Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1", "algorithm not allowed: RS256");
    }

    @Test
    void rs256AndEs256VerifyWithAnInlineJwks() {
        JwtAuthBackend backend = backend(Map.of("jwks", Tokens.jwks(Tokens.RSA, Tokens.EC)));

        assertThat(check(backend, Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
        assertThat(check(backend, Tokens.es256(Tokens.EC, claims("cam1")), "cam1"))
                .isInstanceOf(AuthDecision.Allow.class);
    }

    @Test
    void aKeyOfTheSetOnlyVerifiesItsOwnTokens() {
        JwtAuthBackend backend = backend(Map.of("jwks", Tokens.jwks(Tokens.RSA)));

        assertDenied(backend, Tokens.rs256(Tokens.rsa("r1"), claims("cam1")), "cam1", "bad signature");
        assertDenied(backend, Tokens.rs256(Tokens.rsa("r9"), claims("cam1")), "cam1", "no key for kid r9");
        assertDenied(backend, Tokens.es256(Tokens.EC, claims("cam1")), "cam1", "no key for kid e1");
    }

    @Test
    void cacheKeyHashesTheWholeTokenWithTheStream() {
        String token = Tokens.hs256(claims("*"));
        JwtAuthBackend backend = secret();

        String key = backend.cacheKey(request(token, "cam1"));

        assertThat(key).doesNotContain(Tokens.parts(token).get(2)).endsWith("/cam1");
        assertThat(backend.cacheKey(request(token, "cam1"))).isEqualTo(key);
        assertThat(backend.cacheKey(request(token, "cam2"))).isNotEqualTo(key);
        assertThat(backend.cacheKey(request(Tokens.hs256(claims("cam1")), "cam1")))
                .isNotEqualTo(key);
        assertThat(backend.cacheKey(request(null, "cam1"))).isNull();
    }

    @Test
    void factoryNamesItsType() {
        assertThat(new JwtAuthBackendFactory().type()).isEqualTo("jwt");
    }

    private JwtAuthBackend secret() {
        return backend(Map.of("secret", Tokens.SECRET));
    }

    private JwtAuthBackend rsaKeys() {
        return backend(Map.of("jwks", Tokens.jwks(Tokens.RSA)));
    }

    private JwtAuthBackend backend(Map<String, ?> raw) {
        return (JwtAuthBackend) new JwtAuthBackendFactory()
                .create(Settings.of(new HashMap<>(raw)), new TestContext(TestHttpCaller.guarded(), clock));
    }

    private static AuthDecision check(AuthBackend backend, String token, String stream) {
        AuthDecision[] out = new AuthDecision[1];
        StepVerifier.create(backend.check(request(token, stream)))
                .consumeNextWith(decision -> out[0] = decision)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        return out[0];
    }

    private static void assertDenied(AuthBackend backend, String token, String stream, String reason) {
        assertThat(check(backend, token, stream)).isEqualTo(AuthDecision.deny(reason, Duration.ZERO));
    }

    static PlayRequest request(String token, String stream) {
        return new PlayRequest("1001", stream, "203.0.113.7", token, null, null, "hls", "s-1");
    }

    private static MACSigner mac(String secret) {
        return mac(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static MACSigner mac(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (com.nimbusds.jose.KeyLengthException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
