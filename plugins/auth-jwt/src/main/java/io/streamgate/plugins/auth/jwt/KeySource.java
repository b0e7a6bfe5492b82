package io.streamgate.plugins.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The verifiers a token's header may be checked with. Each source allows only its own algorithms, so a token cannot
 * pick how it is verified: HS256 for a secret, RS256/ES256 for key sets (never {@code none}, never HS256 keyed with
 * a public key).
 */
interface KeySource {

    Set<JWSAlgorithm> SECRET_ALGORITHMS = Set.of(JWSAlgorithm.HS256);
    Set<JWSAlgorithm> KEY_SET_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    /** The algorithms this source verifies. */
    Set<JWSAlgorithm> algorithms();

    /** The verifiers for a header whose algorithm is one of {@link #algorithms()}; empty when no key fits. */
    Mono<List<JWSVerifier>> verifiers(JWSHeader header);

    static KeySource local(JwtAuthSettings.Keys keys) {
        if (keys instanceof JwtAuthSettings.Secret secret) {
            MACVerifier verifier;
            try {
                verifier = new MACVerifier(secret.bytes());
            } catch (JOSEException e) {
                throw new IllegalArgumentException("secret: too short for HS256", e);
            }
            List<JWSVerifier> verifiers = List.of(verifier);
            return new KeySource() {
                @Override
                public Set<JWSAlgorithm> algorithms() {
                    return SECRET_ALGORITHMS;
                }

                @Override
                public Mono<List<JWSVerifier>> verifiers(JWSHeader header) {
                    return Mono.just(verifiers);
                }
            };
        }
        List<JWK> inline = ((JwtAuthSettings.InlineJwks) keys).keys();
        return new KeySource() {
            @Override
            public Set<JWSAlgorithm> algorithms() {
                return KEY_SET_ALGORITHMS;
            }

            @Override
            public Mono<List<JWSVerifier>> verifiers(JWSHeader header) {
                return Mono.just(select(inline, header));
            }
        };
    }

    static KeySource remote(RemoteKeys keys) {
        return new KeySource() {
            @Override
            public Set<JWSAlgorithm> algorithms() {
                return KEY_SET_ALGORITHMS;
            }

            @Override
            public Mono<List<JWSVerifier>> verifiers(JWSHeader header) {
                return keys.keys().flatMap(known -> {
                    List<JWSVerifier> verifiers = select(known, header);
                    return verifiers.isEmpty()
                            ? keys.keysForUnknownKeyId().map(fresh -> select(fresh, header))
                            : Mono.just(verifiers);
                });
            }
        };
    }

    /** Keys matching the header's key id (any key when it names none) and algorithm. */
    static List<JWSVerifier> select(List<JWK> keys, JWSHeader header) {
        List<JWSVerifier> out = new ArrayList<>();
        for (JWK key : keys) {
            if (header.getKeyID() != null && !header.getKeyID().equals(key.getKeyID())) {
                continue;
            }
            if (key.getAlgorithm() != null && !key.getAlgorithm().equals(header.getAlgorithm())) {
                continue;
            }
            try {
                if (JWSAlgorithm.RS256.equals(header.getAlgorithm()) && key instanceof RSAKey rsa) {
                    out.add(new RSASSAVerifier(rsa));
                } else if (JWSAlgorithm.ES256.equals(header.getAlgorithm()) && key instanceof ECKey ec) {
                    out.add(new ECDSAVerifier(ec));
                }
            } catch (JOSEException e) {
                // A key the library cannot use verifies nothing; the others may still fit.
            }
        }
        return List.copyOf(out);
    }
}
