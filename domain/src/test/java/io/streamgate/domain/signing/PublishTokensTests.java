package io.streamgate.domain.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner.Verification;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PublishTokensTests {

    private static final long NOW = 1_800_000_000L;
    private static final SigningKeys KEYS = SigningKeys.parse("k1:0123456789abcdef0123", null);
    private final PublishTokens tokens = new PublishTokens(KEYS);

    @Test
    void aTokenAllowsItsStreamUntilItExpires() {
        String token = tokens.mint("42_live", NOW + 60);
        assertThat(tokens.verify("42_live", token, NOW)).isEqualTo(Verification.VALID);
        assertThat(tokens.verify("42_live", token, NOW + 60)).isEqualTo(Verification.VALID);
        assertThat(tokens.verify("42_live", token, NOW + 61)).isEqualTo(Verification.EXPIRED);
    }

    @Test
    void aTokenIsBoundToItsStreamAndExpiry() {
        String token = tokens.mint("42_live", NOW + 60);
        assertThat(tokens.verify("43_live", token, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
        String[] parts = token.split("\\.");
        String later = parts[0] + "." + parts[1] + "." + (NOW + 6000) + "." + parts[3];
        assertThat(tokens.verify("42_live", later, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void aPlaybackSignatureIsNotAPublishToken() {
        PlaybackSigner signer = new PlaybackSigner(KEYS);
        Map<String, String> q = new java.util.HashMap<>();
        for (String pair : signer.sign("42_live", "s1", NOW + 60).split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        String forged = "p1.k1." + (NOW + 60) + "." + q.get(PlaybackSigner.SIGNATURE);
        assertThat(tokens.verify("42_live", forged, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void junkIsToldNotThrown() {
        assertThat(tokens.verify("42_live", null, NOW)).isEqualTo(Verification.MISSING);
        assertThat(tokens.verify("42_live", "", NOW)).isEqualTo(Verification.MISSING);
        assertThat(tokens.verify("42_live", "p1.k1.x.y", NOW)).isEqualTo(Verification.MALFORMED);
        assertThat(tokens.verify("42_live", "p2.k1.1.AAAA", NOW)).isEqualTo(Verification.MALFORMED);
        assertThat(tokens.verify("42_live", "p1.k9.1.AAAA", NOW)).isEqualTo(Verification.UNKNOWN_KEY);
        assertThat(tokens.verify("42_live", "p1.k1.1.!!", NOW)).isEqualTo(Verification.MALFORMED);
        assertThat(tokens.verify("42_live", "x".repeat(500), NOW)).isEqualTo(Verification.MALFORMED);
    }

    @Test
    void anotherKeySetDoesNotAcceptTheToken() {
        PublishTokens other = new PublishTokens(SigningKeys.parse("k1:fedcba9876543210fedc", null));
        assertThat(other.verify("42_live", tokens.mint("42_live", NOW + 60), NOW))
                .isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Property
    void anyStringIsAnsweredWithoutThrowing(@ForAll @StringLength(max = 200) String token) {
        assertThat(tokens.verify("42_live", token, NOW)).isNotEqualTo(Verification.VALID);
    }
}
