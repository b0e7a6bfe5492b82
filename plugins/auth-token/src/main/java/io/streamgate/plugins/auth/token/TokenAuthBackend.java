package io.streamgate.plugins.auth.token;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.auth.SignedLinkIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Checks and mints signed playback links for one project. Checks are a few microseconds of local work, so nothing is
 * cached ({@link #cacheKey} stays {@code null}) and every decision is made afresh.
 */
final class TokenAuthBackend implements AuthBackend, SignedLinkIssuer {

    // Control-api mints and gateways check on different machines: a token minted for exactly max_ttl must not be
    // refused because the checking clock is a little behind.
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Mono<AuthDecision> ALLOW = Mono.just(AuthDecision.allow(Duration.ZERO));
    private static final Mono<AuthDecision> MISSING = deny("missing token");
    private static final Mono<AuthDecision> MALFORMED = deny("malformed token");
    private static final Mono<AuthDecision> UNKNOWN_KEY = deny("unknown or retired key id");
    private static final Mono<AuthDecision> BAD_SIGNATURE = deny("bad signature");
    private static final Mono<AuthDecision> EXPIRED = deny("expired token");
    private static final Mono<AuthDecision> TOO_LONG = deny("expiry beyond max_ttl");
    private static final Mono<AuthDecision> UNBOUND = deny("token not bound to an address (bind_ip: true)");
    private static final Mono<AuthDecision> ADDRESS_MISMATCH = deny("client address not in the token's address");

    private final TokenSettings settings;
    private final String projectId;
    private final Clock clock;
    private final long latestExpiryAheadSeconds;

    TokenAuthBackend(TokenSettings settings, String projectId, Clock clock) {
        this.settings = settings;
        this.projectId = projectId;
        this.clock = clock;
        this.latestExpiryAheadSeconds = settings.maxTtl().plus(CLOCK_SKEW).getSeconds();
    }

    @Override
    public Mono<AuthDecision> check(PlayRequest request) {
        String text = request.token();
        if (text == null || text.isEmpty()) {
            return MISSING;
        }
        SignedToken token = SignedToken.parse(text);
        if (token == null) {
            return MALFORMED;
        }
        SigningKey key = settings.keys().get(token.kid());
        if (key == null) {
            return UNKNOWN_KEY;
        }
        String expected =
                SignedToken.sign(key, request.projectId(), request.stream(), token.expiresAt(), token.address());
        if (!token.hasSignature(expected)) {
            return BAD_SIGNATURE;
        }
        long now = clock.instant().getEpochSecond();
        if (now >= token.expiresAt()) {
            return EXPIRED;
        }
        if (token.expiresAt() - now > latestExpiryAheadSeconds) {
            return TOO_LONG;
        }
        if (token.address().isEmpty()) {
            return settings.bindIp() ? UNBOUND : ALLOW;
        }
        AddressBinding binding = AddressBinding.parse(token.address());
        if (binding == null) {
            return MALFORMED; // only a key holder could sign it, but a bad address must never admit anyone
        }
        return binding.admits(request.clientIp()) ? ALLOW : ADDRESS_MISMATCH;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The expiry is capped at {@code max_ttl} from now; the address is stored in canonical form (a CIDR as its
     * prefix block). Signed with {@code active_key}.
     */
    @Override
    public String issue(String stream, Instant expiresAt, String clientAddress) {
        if (stream == null || stream.isBlank()) {
            throw new InvalidSettingsException("stream", "stream: missing (expected: the stream's name)");
        }
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new InvalidSettingsException(
                    "expires_at", "expires_at: " + expiresAt + " (expected: an instant after " + now + ")");
        }
        Instant latest = now.plus(settings.maxTtl());
        long expiry = (expiresAt.isAfter(latest) ? latest : expiresAt).getEpochSecond();
        if (expiry <= now.getEpochSecond()) {
            expiry = now.getEpochSecond() + 1; // a sub-second lifetime would be expired on arrival
        }
        String address = "";
        if (clientAddress != null) {
            AddressBinding binding = AddressBinding.parse(clientAddress);
            if (binding == null) {
                throw new InvalidSettingsException(
                        "ip",
                        "ip: '" + clientAddress
                                + "' (expected: an IP address or CIDR, like 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32)");
            }
            address = binding.canonical();
        } else if (settings.bindIp()) {
            throw new InvalidSettingsException(
                    "ip", "ip: missing (expected: an IP address or CIDR, because bind_ip is true)");
        }
        SigningKey key = settings.keys().get(settings.activeKey());
        return SignedToken.issue(key, projectId, stream, expiry, address);
    }

    @Override
    public String toString() {
        return "TokenAuthBackend[project=" + projectId + ", keys="
                + settings.keys().keySet() + ", active=" + settings.activeKey() + "]";
    }

    private static Mono<AuthDecision> deny(String reason) {
        return Mono.just(AuthDecision.deny(reason, Duration.ZERO));
    }
}
