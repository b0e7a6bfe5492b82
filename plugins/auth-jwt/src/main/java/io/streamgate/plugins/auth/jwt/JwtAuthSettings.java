package io.streamgate.plugins.auth.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one {@code jwt} backend.
 *
 * @param keys where the verification keys come from
 * @param issuer the required {@code iss}, or {@code null}
 * @param audience a value {@code aud} must contain, or {@code null}
 * @param streamClaim the claim naming the stream (or {@code *})
 * @param leeway clock skew tolerated on {@code exp} and {@code nbf}
 */
record JwtAuthSettings(Keys keys, String issuer, String audience, String streamClaim, Duration leeway) {

    static final Set<String> KEYS =
            Set.of("secret", "jwks_url", "jwks_refresh", "jwks", "issuer", "audience", "stream_claim", "leeway");
    static final int MIN_SECRET_BYTES = 32;
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_URL_LENGTH = 2048;
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,63}");

    /** Where keys come from: exactly one of the three settings. */
    sealed interface Keys permits Secret, InlineJwks, RemoteJwks {}

    /** HS256 with a shared secret. */
    record Secret(byte[] bytes) implements Keys {
        Secret {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** RS256/ES256 with keys the operator pasted. */
    record InlineJwks(List<JWK> keys) implements Keys {
        InlineJwks {
            keys = List.copyOf(keys);
        }
    }

    /** RS256/ES256 with keys fetched from the identity system and refreshed. */
    record RemoteJwks(URI url, Duration refresh) implements Keys {}

    static JwtAuthSettings from(Settings settings, HttpCaller http) {
        settings.allowOnly(KEYS);
        Keys keys = keys(settings, http);
        String issuer = settings.string("issuer", null);
        String audience = settings.string("audience", null);
        String streamClaim = settings.string("stream_claim", "stream");
        if (!CLAIM.matcher(streamClaim).matches()) {
            throw settings.invalid("stream_claim", "'" + streamClaim + "' (expected: " + CLAIM.pattern() + ")");
        }
        Duration leeway = settings.duration("leeway", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(5));
        return new JwtAuthSettings(keys, issuer, audience, streamClaim, leeway);
    }

    private static Keys keys(Settings settings, HttpCaller http) {
        List<String> given = present(settings, "secret", "jwks_url", "jwks");
        if (given.isEmpty()) {
            throw settings.invalid("secret", "missing (expected: exactly one of secret, jwks_url or jwks)");
        }
        if (given.size() > 1) {
            throw settings.invalid(
                    given.get(1),
                    "given with " + given.get(0) + " (expected: exactly one of secret, jwks_url or jwks)");
        }
        if (!given.get(0).equals("jwks_url") && settings.has("jwks_refresh")) {
            throw settings.invalid("jwks_refresh", "given without jwks_url (expected: only with jwks_url)");
        }
        switch (given.get(0)) {
            case "secret":
                return secret(settings);
            case "jwks_url":
                return new RemoteJwks(
                        url(settings, http),
                        settings.duration(
                                "jwks_refresh", Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(24)));
            default:
                return inline(settings);
        }
    }

    private static Secret secret(Settings settings) {
        byte[] bytes = settings.string("secret").getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            // The secret itself is never echoed.
            throw settings.invalid(
                    "secret", bytes.length + " bytes (expected: at least " + MIN_SECRET_BYTES + " bytes for HS256)");
        }
        return new Secret(bytes);
    }

    private static URI url(Settings settings, HttpCaller http) {
        String text = settings.string("jwks_url");
        String expected = "(expected: an absolute http or https URL of at most " + MAX_URL_LENGTH
                + " characters, without user info or fragment)";
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw settings.invalid("jwks_url", "'" + text + "' " + expected);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (text.length() > MAX_URL_LENGTH
                || !(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null
                || url.getRawUserInfo() != null
                || url.getRawFragment() != null) {
            throw settings.invalid("jwks_url", "'" + text + "' " + expected);
        }
        try {
            http.checkTarget(url);
        } catch (RefusedTargetException e) {
            throw settings.invalid(
                    "jwks_url", "'" + text + "' (expected: a target the gateway may call; " + e.getMessage() + ")");
        }
        return url;
    }

    private static InlineJwks inline(Settings settings) {
        Settings jwks = settings.object("jwks");
        JWKSet set;
        try {
            set = JWKSet.parse(jwks.asMap());
        } catch (ParseException | RuntimeException e) {
            throw settings.invalid("jwks", "not a JWK set (expected: {\"keys\": [public RSA or P-256 EC keys]})");
        }
        if (set.getKeys().isEmpty()) {
            throw jwks.invalid("keys", "empty (expected: at least one public RSA or P-256 EC key)");
        }
        for (int i = 0; i < set.getKeys().size(); i++) {
            JWK key = set.getKeys().get(i);
            if (key.isPrivate()) {
                // A private key pasted into settings is a leak waiting to happen; refuse rather than strip it.
                throw jwks.invalid("keys[" + i + "]", "a private key (expected: public keys only)");
            }
            if (!usable(key)) {
                throw jwks.invalid(
                        "keys[" + i + "]",
                        "unusable key (expected: RSA of at least " + MIN_RSA_BITS
                                + " bits or EC P-256, for signatures, alg RS256 or ES256 if given)");
            }
        }
        return new InlineJwks(set.getKeys());
    }

    /** Whether a public key can verify RS256 or ES256 signatures. */
    static boolean usable(JWK key) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        if (key instanceof RSAKey) {
            return (key.getAlgorithm() == null || JWSAlgorithm.RS256.equals(key.getAlgorithm()))
                    && key.size() >= MIN_RSA_BITS;
        }
        if (key instanceof ECKey) {
            return (key.getAlgorithm() == null || JWSAlgorithm.ES256.equals(key.getAlgorithm()))
                    && Curve.P_256.equals(((ECKey) key).getCurve());
        }
        return false;
    }

    /** Which of several mutually exclusive settings are present, in the order given. */
    private static List<String> present(Settings settings, String... keys) {
        return Arrays.stream(keys).filter(settings::has).toList();
    }
}
