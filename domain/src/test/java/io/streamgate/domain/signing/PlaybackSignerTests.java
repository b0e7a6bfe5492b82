package io.streamgate.domain.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.domain.signing.PlaybackSigner.Verification;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PlaybackSignerTests {

    private static final long NOW = 1_800_000_000L;
    private final PlaybackSigner signer = new PlaybackSigner(SigningKeys.parse("k1:0123456789abcdef0123", null));

    @Test
    void aSignedQueryVerifiesUntilItExpires() {
        Map<String, String> q = query(signer.sign("42_live", "s1", NOW + 60));
        assertThat(verify(signer, "42_live", q, NOW)).isEqualTo(Verification.VALID);
        assertThat(verify(signer, "42_live", q, NOW + 60)).isEqualTo(Verification.VALID);
        assertThat(verify(signer, "42_live", q, NOW + 61)).isEqualTo(Verification.EXPIRED);
    }

    @Test
    void aSignatureIsBoundToTheStreamTheSessionAndTheExpiry() {
        Map<String, String> q = query(signer.sign("42_live", "s1", NOW + 60));
        assertThat(verify(signer, "43_live", q, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
        Map<String, String> otherSession = new HashMap<>(q);
        otherSession.put(PlaybackSigner.SESSION, "s2");
        assertThat(verify(signer, "42_live", otherSession, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
        Map<String, String> later = new HashMap<>(q);
        later.put(PlaybackSigner.EXPIRES, Long.toString(NOW + 6000));
        assertThat(verify(signer, "42_live", later, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void missingMalformedAndUnknownKeysAreTold() {
        Map<String, String> q = query(signer.sign("42_live", "s1", NOW + 60));
        Map<String, String> missing = new HashMap<>(q);
        missing.remove(PlaybackSigner.SIGNATURE);
        assertThat(verify(signer, "42_live", missing, NOW)).isEqualTo(Verification.MISSING);
        Map<String, String> garbage = new HashMap<>(q);
        garbage.put(PlaybackSigner.SIGNATURE, "!!!");
        assertThat(verify(signer, "42_live", garbage, NOW)).isEqualTo(Verification.MALFORMED);
        Map<String, String> unknownKey = new HashMap<>(q);
        unknownKey.put(PlaybackSigner.KEY_ID, "k9");
        assertThat(verify(signer, "42_live", unknownKey, NOW)).isEqualTo(Verification.UNKNOWN_KEY);
    }

    @Test
    void keysRotate() {
        PlaybackSigner old = new PlaybackSigner(SigningKeys.parse("k1:0123456789abcdef0123", null));
        PlaybackSigner rotated =
                new PlaybackSigner(SigningKeys.parse("k1:0123456789abcdef0123,k2:fedcba9876543210fedc", "k2"));
        Map<String, String> fromOld = query(old.sign("42_live", "s1", NOW + 60));
        Map<String, String> fromNew = query(rotated.sign("42_live", "s1", NOW + 60));
        assertThat(fromNew.get(PlaybackSigner.KEY_ID)).isEqualTo("k2");
        assertThat(verify(rotated, "42_live", fromOld, NOW)).isEqualTo(Verification.VALID);
        assertThat(verify(old, "42_live", fromNew, NOW)).isEqualTo(Verification.UNKNOWN_KEY);
    }

    @Test
    void rejectsWeakOrMisnamedKeys() {
        assertThatThrownBy(() -> SigningKeys.parse("k1:short", null)).hasMessageContaining("too short");
        assertThatThrownBy(() -> SigningKeys.parse("k/1:0123456789abcdef0123", null))
                .hasMessageContaining("signing key id");
        assertThatThrownBy(() -> SigningKeys.parse("k1:0123456789abcdef0123", "k2"))
                .hasMessageContaining("expected: one of [k1]");
        assertThatThrownBy(() -> signer.sign("42_live", "bad session", NOW)).hasMessageContaining("session id");
    }

    @Property
    void anyAlteredSignatureFails(@ForAll @AlphaChars @StringLength(min = 1, max = 43) String forged) {
        Map<String, String> q = query(signer.sign("42_live", "s1", NOW + 60));
        if (!forged.equals(q.get(PlaybackSigner.SIGNATURE))) {
            q.put(PlaybackSigner.SIGNATURE, forged);
            assertThat(verify(signer, "42_live", q, NOW)).isNotEqualTo(Verification.VALID);
        }
    }

    private static Verification verify(PlaybackSigner signer, String stream, Map<String, String> q, long now) {
        return signer.verify(
                stream,
                q.get(PlaybackSigner.KEY_ID),
                q.get(PlaybackSigner.EXPIRES),
                q.get(PlaybackSigner.SESSION),
                q.get(PlaybackSigner.SIGNATURE),
                now);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    @Property(tries = 2000)
    void theSessionIdCheckAgreesWithItsPattern(@ForAll("sessionLike") String session) {
        assertThat(PlaybackSigner.validSessionId(session))
                .isEqualTo(PlaybackSigner.SESSION_ID.matcher(session).matches());
    }

    @Provide
    Arbitrary<String> sessionLike() {
        return Arbitraries.strings()
                .withChars("Az09-_.~/ %\u00e9\u0000")
                .withCharRange('@', '`')
                .ofMaxLength(70);
    }
}
