package io.streamgate.plugins.auth.acl;

import io.streamgate.plugin.api.Settings;
import java.util.Set;

/**
 * An {@code acl} backend's settings, parsed into matchers.
 *
 * @param allowIps addresses that may watch, when not empty
 * @param denyIps addresses that may not
 * @param allowReferers referer hosts that may watch, when not empty
 * @param denyReferers referer hosts that may not
 * @param allowEmptyReferer whether a request without a referer passes the referer lists
 * @param allowUserAgents user-agent substrings that may watch, when not empty
 * @param denyUserAgents user-agent substrings that may not
 */
record AclSettings(
        AddressList allowIps,
        AddressList denyIps,
        HostPatterns allowReferers,
        HostPatterns denyReferers,
        boolean allowEmptyReferer,
        Substrings allowUserAgents,
        Substrings denyUserAgents) {

    static final int MAX_IPS = 1000;
    static final int MAX_REFERERS = 100;
    static final int MAX_USER_AGENTS = 100;
    static final Set<String> KNOWN = Set.of(
            "allow_ips",
            "deny_ips",
            "allow_referers",
            "deny_referers",
            "allow_empty_referer",
            "allow_user_agents",
            "deny_user_agents");

    static AclSettings from(Settings settings) {
        settings.allowOnly(KNOWN);
        AclSettings acl = new AclSettings(
                AddressList.parse(settings, "allow_ips", MAX_IPS),
                AddressList.parse(settings, "deny_ips", MAX_IPS),
                HostPatterns.parse(settings, "allow_referers", MAX_REFERERS),
                HostPatterns.parse(settings, "deny_referers", MAX_REFERERS),
                settings.bool("allow_empty_referer", true),
                Substrings.parse(settings, "allow_user_agents", MAX_USER_AGENTS),
                Substrings.parse(settings, "deny_user_agents", MAX_USER_AGENTS));
        // An ACL with no rule admits everyone, which is never what an operator who adds one meant.
        if (acl.allowIps.isEmpty()
                && acl.denyIps.isEmpty()
                && acl.allowReferers.isEmpty()
                && acl.denyReferers.isEmpty()
                && acl.allowEmptyReferer
                && acl.allowUserAgents.isEmpty()
                && acl.denyUserAgents.isEmpty()) {
            throw settings.invalid(
                    "allow_ips",
                    "no rule (expected: at least one non-empty list among " + new java.util.TreeSet<>(KNOWN)
                            + ", or allow_empty_referer: false)");
        }
        return acl;
    }
}
