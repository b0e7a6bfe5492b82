package io.streamgate.plugins.auth.acl;

import io.streamgate.plugin.api.Settings;
import java.util.Set;

/**
 * An {@code acl} backend's settings, parsed into matchers.
 *
 * @param allowIps addresses that may watch, when not empty
 * @param denyIps addresses that may not
 * @param countries the GeoIP database the country lists are matched through; {@code null} when not configured
 * @param allowCountries countries that may watch, when not empty
 * @param denyCountries countries that may not
 * @param allowReferers referer hosts that may watch, when not empty
 * @param denyReferers referer hosts that may not
 * @param allowEmptyReferer whether a request without a referer passes the referer lists
 * @param allowUserAgents user-agent substrings that may watch, when not empty
 * @param denyUserAgents user-agent substrings that may not
 */
record AclSettings(
        AddressList allowIps,
        AddressList denyIps,
        CountryDatabase countries,
        CountryList allowCountries,
        CountryList denyCountries,
        HostPatterns allowReferers,
        HostPatterns denyReferers,
        boolean allowEmptyReferer,
        Substrings allowUserAgents,
        Substrings denyUserAgents) {

    static final int MAX_IPS = 1000;
    static final int MAX_COUNTRIES = 300;
    static final int MAX_REFERERS = 100;
    static final int MAX_USER_AGENTS = 100;
    static final Set<String> KNOWN = Set.of(
            "allow_ips",
            "deny_ips",
            "geoip_database",
            "allow_countries",
            "deny_countries",
            "allow_referers",
            "deny_referers",
            "allow_empty_referer",
            "allow_user_agents",
            "deny_user_agents");

    static AclSettings from(Settings settings) {
        settings.allowOnly(KNOWN);
        AddressList allowIps = AddressList.parse(settings, "allow_ips", MAX_IPS);
        AddressList denyIps = AddressList.parse(settings, "deny_ips", MAX_IPS);
        CountryList allowCountries = CountryList.parse(settings, "allow_countries", MAX_COUNTRIES);
        CountryList denyCountries = CountryList.parse(settings, "deny_countries", MAX_COUNTRIES);
        CountryDatabase countries = null;
        if (!settings.has("geoip_database")) {
            for (String key : new String[] {"allow_countries", "deny_countries"}) {
                if (settings.has(key)) {
                    throw settings.invalid(
                            key, "requires geoip_database (expected: the path of a GeoIP country database too)");
                }
            }
        } else if (allowCountries.isEmpty() && denyCountries.isEmpty()) {
            // Checked before the file is read: a database no list uses would only cost memory on every gateway.
            throw settings.invalid(
                    "geoip_database", "set without countries (expected: with allow_countries or deny_countries)");
        }
        HostPatterns allowReferers = HostPatterns.parse(settings, "allow_referers", MAX_REFERERS);
        HostPatterns denyReferers = HostPatterns.parse(settings, "deny_referers", MAX_REFERERS);
        boolean allowEmptyReferer = settings.bool("allow_empty_referer", true);
        Substrings allowUserAgents = Substrings.parse(settings, "allow_user_agents", MAX_USER_AGENTS);
        Substrings denyUserAgents = Substrings.parse(settings, "deny_user_agents", MAX_USER_AGENTS);
        if (settings.has("geoip_database")) {
            // last: reading the file is the one costly check
            countries = CountryDatabase.open(settings, "geoip_database");
        }
        AclSettings acl = new AclSettings(
                allowIps,
                denyIps,
                countries,
                allowCountries,
                denyCountries,
                allowReferers,
                denyReferers,
                allowEmptyReferer,
                allowUserAgents,
                denyUserAgents);
        // An ACL with no rule admits everyone, which is never what an operator who adds one meant.
        if (acl.allowIps.isEmpty()
                && acl.denyIps.isEmpty()
                && acl.allowCountries.isEmpty()
                && acl.denyCountries.isEmpty()
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
