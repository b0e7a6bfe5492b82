package io.streamgate.plugins.auth.acl;

import inet.ipaddr.IPAddress;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Applies allow and deny lists to the client address, its country, the referer host and the user agent. Every
 * dimension must pass; within one, a deny list wins over an allow list, and a non-empty allow list admits only what it
 * matches (so a client whose country is unknown passes a deny list but not an allow list). Checks are in-memory
 * lookups, so nothing is cached ({@link #cacheKey} stays {@code null}).
 */
final class AclAuthBackend implements AuthBackend {

    private static final Mono<AuthDecision> ALLOW = Mono.just(AuthDecision.allow(Duration.ZERO));
    private static final Mono<AuthDecision> IP_UNPARSABLE = deny("client IP is not an IP address");
    private static final Mono<AuthDecision> IP_DENIED = deny("client IP in deny_ips");
    private static final Mono<AuthDecision> IP_NOT_ALLOWED = deny("client IP not in allow_ips");
    private static final Mono<AuthDecision> COUNTRY_DENIED = deny("client country in deny_countries");
    private static final Mono<AuthDecision> COUNTRY_NOT_ALLOWED = deny("client country not in allow_countries");
    private static final Mono<AuthDecision> REFERER_EMPTY = deny("empty referer (allow_empty_referer: false)");
    private static final Mono<AuthDecision> REFERER_DENIED = deny("referer host in deny_referers");
    private static final Mono<AuthDecision> REFERER_NOT_ALLOWED = deny("referer host not in allow_referers");
    private static final Mono<AuthDecision> USER_AGENT_DENIED = deny("user agent in deny_user_agents");
    private static final Mono<AuthDecision> USER_AGENT_NOT_ALLOWED = deny("user agent not in allow_user_agents");

    private final AclSettings acl;

    AclAuthBackend(AclSettings acl) {
        this.acl = acl;
    }

    @Override
    public Mono<AuthDecision> check(PlayRequest request) {
        Mono<AuthDecision> denied = checkAddress(request.clientIp());
        if (denied == null) {
            denied = checkReferer(request.referer());
        }
        if (denied == null) {
            denied = checkUserAgent(request.userAgent());
        }
        return denied == null ? ALLOW : denied;
    }

    private Mono<AuthDecision> checkAddress(String clientIp) {
        if (acl.allowIps().isEmpty() && acl.denyIps().isEmpty() && acl.countries() == null) {
            return null;
        }
        IPAddress client = AddressList.parse(clientIp);
        if (client == null || client.isPrefixed()) {
            return IP_UNPARSABLE;
        }
        if (acl.denyIps().contains(client)) {
            return IP_DENIED;
        }
        if (!acl.allowIps().isEmpty() && !acl.allowIps().contains(client)) {
            return IP_NOT_ALLOWED;
        }
        return acl.countries() == null ? null : checkCountry(client);
    }

    private Mono<AuthDecision> checkCountry(IPAddress client) {
        String country;
        try {
            country = acl.countries().country(client);
        } catch (IllegalStateException e) {
            // not a decision: the host applies the backend's failure policy to the error
            return Mono.error(e);
        }
        if (acl.denyCountries().contains(country)) {
            return COUNTRY_DENIED;
        }
        if (!acl.allowCountries().isEmpty() && !acl.allowCountries().contains(country)) {
            return COUNTRY_NOT_ALLOWED;
        }
        return null;
    }

    private Mono<AuthDecision> checkReferer(String referer) {
        if (referer == null || referer.isBlank()) {
            // Players in apps and many privacy settings send no referer; the operator decides whether that passes.
            return acl.allowEmptyReferer() ? null : REFERER_EMPTY;
        }
        if (acl.allowReferers().isEmpty() && acl.denyReferers().isEmpty()) {
            return null;
        }
        String host = HostPatterns.refererHost(referer.trim());
        if (host != null && acl.denyReferers().matches(host)) {
            return REFERER_DENIED;
        }
        if (!acl.allowReferers().isEmpty()
                && (host == null || !acl.allowReferers().matches(host))) {
            return REFERER_NOT_ALLOWED;
        }
        return null;
    }

    private Mono<AuthDecision> checkUserAgent(String userAgent) {
        if (acl.allowUserAgents().isEmpty() && acl.denyUserAgents().isEmpty()) {
            return null;
        }
        String value = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (acl.denyUserAgents().matches(value)) {
            return USER_AGENT_DENIED;
        }
        if (!acl.allowUserAgents().isEmpty() && !acl.allowUserAgents().matches(value)) {
            return USER_AGENT_NOT_ALLOWED;
        }
        return null;
    }

    @Override
    public String toString() {
        return "AclAuthBackend" + acl;
    }

    private static Mono<AuthDecision> deny(String reason) {
        return Mono.just(AuthDecision.deny(reason, Duration.ZERO));
    }
}
