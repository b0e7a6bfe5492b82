package io.streamgate.plugins.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every settings rule of the {@code jwt} backend, accepted and rejected. */
class JwtAuthSettingsTests {

    private static final String URL = "https://idp.example.com/.well-known/jwks.json";

    @Test
    void secretDefaults() {
        JwtAuthSettings settings = parse(Map.of("secret", Tokens.SECRET));

        assertThat(settings.keys()).isInstanceOf(JwtAuthSettings.Secret.class);
        assertThat(settings.issuer()).isNull();
        assertThat(settings.audience()).isNull();
        assertThat(settings.streamClaim()).isEqualTo("stream");
        assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unknownKeyIsRejected() {
        assertInvalid(Map.of("secret", Tokens.SECRET, "issuer_url", "x"), "issuer_url");
    }

    @Test
    void oneKeySourceIsRequired() {
        assertInvalid(Map.of("issuer", "https://idp"), "secret");
    }

    @Test
    void onlyOneKeySourceIsAccepted() {
        assertInvalid(Map.of("secret", Tokens.SECRET, "jwks_url", URL), "jwks_url");
        assertInvalid(Map.of("jwks_url", URL, "jwks", Tokens.jwks(Tokens.RSA)), "jwks");
    }

    @Test
    void secretNeeds32Bytes() {
        assertThat(parse(Map.of("secret", "x".repeat(32))).keys()).isInstanceOf(JwtAuthSettings.Secret.class);
        assertThatThrownBy(() -> parse(Map.of("secret", "short-secret-value")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("secret"))
                .message()
                .doesNotContain("short-secret-value");
    }

    @Test
    void jwksUrlIsCheckedAndRefreshDefaultsToTenMinutes() {
        JwtAuthSettings.RemoteJwks remote =
                (JwtAuthSettings.RemoteJwks) parse(Map.of("jwks_url", URL)).keys();

        assertThat(remote.url()).isEqualTo(URI.create(URL));
        assertThat(remote.refresh()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jwksUrlRejectsOtherSchemesUserInfoAndOverlongUrls() {
        assertInvalid(Map.of("jwks_url", "file:///etc/jwks.json"), "jwks_url");
        assertInvalid(Map.of("jwks_url", "https://u:p@idp.example.com/jwks"), "jwks_url");
        assertInvalid(Map.of("jwks_url", "https://idp.example.com/" + "a".repeat(2048)), "jwks_url");
    }

    @Test
    void jwksUrlRefusedByTheHostGuardIsInvalid() {
        assertThatThrownBy(() -> parse(Map.of("jwks_url", "http://127.0.0.1/jwks")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("jwks_url"))
                .hasMessageContaining("forbidden address");
    }

    @Test
    void jwksRefreshAcceptsOneMinuteToOneDayWithJwksUrl() {
        JwtAuthSettings settings = parse(Map.of("jwks_url", URL, "jwks_refresh", "1m"));

        assertThat(((JwtAuthSettings.RemoteJwks) settings.keys()).refresh()).isEqualTo(Duration.ofMinutes(1));
        assertThat(((JwtAuthSettings.RemoteJwks) parse(Map.of("jwks_url", URL, "jwks_refresh", "24h"))
                                .keys())
                        .refresh())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jwksRefreshRejectsOutOfRangeOrWithoutJwksUrl() {
        assertInvalid(Map.of("jwks_url", URL, "jwks_refresh", "59s"), "jwks_refresh");
        assertInvalid(Map.of("jwks_url", URL, "jwks_refresh", "25h"), "jwks_refresh");
        assertInvalid(Map.of("secret", Tokens.SECRET, "jwks_refresh", "5m"), "jwks_refresh");
    }

    @Test
    void inlineJwksAcceptsPublicRsaAndP256Keys() {
        JwtAuthSettings settings = parse(Map.of("jwks", Tokens.jwks(Tokens.RSA, Tokens.EC)));

        assertThat(((JwtAuthSettings.InlineJwks) settings.keys()).keys()).hasSize(2);
    }

    @Test
    void inlineJwksRejectsGarbageEmptyPrivateAndUnusableKeys() throws Exception {
        assertInvalid(Map.of("jwks", "{\"keys\":[]}"), "jwks");
        assertInvalid(Map.of("jwks", Map.of("keys", "none")), "jwks");
        assertInvalid(Map.of("jwks", Map.of("keys", List.of())), "jwks.keys");
        assertInvalid(Map.of("jwks", Map.of("keys", List.of(Tokens.RSA.toJSONObject()))), "jwks.keys[0]");
        RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();
        assertInvalid(Map.of("jwks", Tokens.jwks(Tokens.EC, small)), "jwks.keys[1]");
        assertInvalid(Map.of("jwks", Tokens.jwks(new ECKeyGenerator(Curve.P_384).generate())), "jwks.keys[0]");
        assertInvalid(
                Map.of(
                        "jwks",
                        Tokens.jwks(new RSAKeyGenerator(2048)
                                .keyUse(KeyUse.ENCRYPTION)
                                .generate())),
                "jwks.keys[0]");
    }

    @Test
    void issuerAndAudienceAreOptionalStrings() {
        JwtAuthSettings settings = parse(Map.of("secret", Tokens.SECRET, "issuer", "https://idp", "audience", "cdn"));

        assertThat(settings.issuer()).isEqualTo("https://idp");
        assertThat(settings.audience()).isEqualTo("cdn");
        assertInvalid(Map.of("secret", Tokens.SECRET, "issuer", " "), "issuer");
        assertInvalid(Map.of("secret", Tokens.SECRET, "audience", List.of("a")), "audience");
    }

    @Test
    void streamClaimAcceptsClaimNames() {
        assertThat(parse(Map.of("secret", Tokens.SECRET, "stream_claim", "https:sg.stream"))
                        .streamClaim())
                .isEqualTo("https:sg.stream");
    }

    @Test
    void streamClaimRejectsOtherText() {
        assertInvalid(Map.of("secret", Tokens.SECRET, "stream_claim", "my stream"), "stream_claim");
        assertInvalid(Map.of("secret", Tokens.SECRET, "stream_claim", "x".repeat(65)), "stream_claim");
    }

    @Test
    void leewayAcceptsZeroToFiveMinutes() {
        assertThat(parse(Map.of("secret", Tokens.SECRET, "leeway", "0s")).leeway())
                .isZero();
        assertThat(parse(Map.of("secret", Tokens.SECRET, "leeway", "5m")).leeway())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void leewayRejectsOutOfRange() {
        assertInvalid(Map.of("secret", Tokens.SECRET, "leeway", "6m"), "leeway");
        assertInvalid(Map.of("secret", Tokens.SECRET, "leeway", 30), "leeway");
    }

    private static JwtAuthSettings parse(Map<String, ?> raw) {
        return JwtAuthSettings.from(Settings.of(raw), TestHttpCaller.guarded());
    }

    private static void assertInvalid(Map<String, ?> raw, String key) {
        assertThatThrownBy(() -> parse(raw))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ":");
    }
}
