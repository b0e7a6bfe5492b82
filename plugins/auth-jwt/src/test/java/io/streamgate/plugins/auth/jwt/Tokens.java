package io.streamgate.plugins.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Keys and signed tokens for tests. */
final class Tokens {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final RSAKey RSA = rsa("r1");
    static final ECKey EC = ec("e1");

    private Tokens() {}

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWK set of the public halves, as JSON maps (what settings hold). */
    static Map<String, Object> jwks(JWK... keys) {
        return Map.of(
                "keys",
                java.util.Arrays.stream(keys)
                        .map(k -> k.toPublicJWK().toJSONObject())
                        .toList());
    }

    static JWTClaimsSet.Builder claims(String stream) {
        return new JWTClaimsSet.Builder()
                .subject("user-7")
                .claim("stream", stream)
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    static String hs256(JWTClaimsSet.Builder claims) {
        try {
            return sign(JWSAlgorithm.HS256, null, new MACSigner(SECRET), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            return sign(JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(key), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String es256(ECKey key, JWTClaimsSet.Builder claims) {
        try {
            return sign(JWSAlgorithm.ES256, key.getKeyID(), new ECDSASigner(key), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Date at(long secondsFromNow) {
        return Date.from(NOW.plusSeconds(secondsFromNow));
    }

    static List<String> parts(String token) {
        return List.of(token.split("\\.", -1));
    }
}
