package io.streamgate.plugins.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Accepts a viewer whose {@code token} is a JWT signed by the operator's identity system, unexpired, and naming the
 * requested stream (or {@code *} for every stream of the project) in the configured claim.
 */
final class JwtAuthBackend implements AuthBackend {

    /** The longest an allow is reused, however far away {@code exp} is: revoked keys and claims take effect soon. */
    static final Duration MAX_CACHE_FOR = Duration.ofMinutes(5);

    static final String ANY_STREAM = "*";
    static final int MAX_TOKEN_LENGTH = 8192;

    private final JwtAuthSettings settings;
    private final KeySource keys;
    private final Clock clock;

    JwtAuthBackend(JwtAuthSettings settings, KeySource keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Mono<AuthDecision> check(PlayRequest request) {
        return Mono.defer(() -> {
            String token = request.token();
            if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                return deny("no token");
            }
            SignedJWT jwt;
            try {
                jwt = SignedJWT.parse(token);
            } catch (ParseException e) {
                // Includes alg "none": Nimbus does not parse an unsecured JWT as a signed one.
                return deny("malformed token");
            }
            if (!keys.algorithms().contains(jwt.getHeader().getAlgorithm())) {
                return deny("algorithm not allowed: " + jwt.getHeader().getAlgorithm());
            }
            return keys.verifiers(jwt.getHeader()).map(verifiers -> decide(jwt, verifiers, request.stream()));
        });
    }

    /**
     * A hash of the whole token (a signature alone could be replayed with an edited payload) and the stream: the
     * decision depends on nothing else, and {@code cacheFor} never outlives {@code exp}.
     */
    @Override
    public String cacheKey(PlayRequest request) {
        if (request.token() == null) {
            return null;
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(request.token().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "/" + request.stream();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private AuthDecision decide(SignedJWT jwt, List<JWSVerifier> verifiers, String stream) {
        if (verifiers.isEmpty()) {
            return AuthDecision.deny("no key for kid " + jwt.getHeader().getKeyID(), Duration.ZERO);
        }
        if (!verified(jwt, verifiers)) {
            return AuthDecision.deny("bad signature", Duration.ZERO);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return AuthDecision.deny("malformed claims", Duration.ZERO);
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return AuthDecision.deny("no exp", Duration.ZERO);
        }
        if (now.isAfter(exp.toInstant().plus(settings.leeway()))) {
            return AuthDecision.deny("expired", Duration.ZERO);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(settings.leeway()).isBefore(nbf.toInstant())) {
            return AuthDecision.deny("not yet valid", Duration.ZERO);
        }
        if (settings.issuer() != null && !settings.issuer().equals(claims.getIssuer())) {
            return AuthDecision.deny("wrong issuer", Duration.ZERO);
        }
        if (settings.audience() != null
                && (claims.getAudience() == null || !claims.getAudience().contains(settings.audience()))) {
            return AuthDecision.deny("wrong audience", Duration.ZERO);
        }
        if (!namesStream(claims.getClaim(settings.streamClaim()), stream)) {
            return AuthDecision.deny("token is for another stream", Duration.ZERO);
        }
        Duration left = Duration.between(now, exp.toInstant());
        Duration cacheFor = left.compareTo(MAX_CACHE_FOR) > 0 ? MAX_CACHE_FOR : left;
        return new AuthDecision.Allow(cacheFor, claims.getSubject(), 0);
    }

    private static boolean verified(SignedJWT jwt, List<JWSVerifier> verifiers) {
        for (JWSVerifier verifier : verifiers) {
            try {
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // This key cannot verify this token (wrong type, or a critical header it does not know).
            }
        }
        return false;
    }

    /** A string or a list of strings, each the stream's name or {@code *}. */
    private static boolean namesStream(Object claim, String stream) {
        if (claim instanceof String name) {
            return name.equals(stream) || name.equals(ANY_STREAM);
        }
        if (claim instanceof List<?> names) {
            return names.contains(stream) || names.contains(ANY_STREAM);
        }
        return false;
    }

    /**
     * Denies are never cached: they cost a parse and at most one signature check, and a cached deny for a token that
     * is not valid yet would outlast its {@code nbf}.
     */
    private static Mono<AuthDecision> deny(String reason) {
        return Mono.just(AuthDecision.deny(reason, Duration.ZERO));
    }
}
