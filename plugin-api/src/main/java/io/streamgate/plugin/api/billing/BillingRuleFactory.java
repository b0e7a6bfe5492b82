package io.streamgate.plugin.api.billing;

import io.streamgate.plugin.api.Settings;
import org.pf4j.ExtensionPoint;

/**
 * Makes billing rules of one kind. Hosts find factories through PF4J and look them up by {@link #type()}, the rule
 * {@code type} an admin names on a price plan.
 *
 * @since 1.2.0
 */
public interface BillingRuleFactory extends ExtensionPoint {

    /**
     * The stable type name admins write, e.g. {@code free-tier} or {@code volume-tiers}.
     *
     * @return the type, matching {@code [a-z][a-z0-9-]{0,31}}
     * @since 1.2.0
     */
    String type();

    /**
     * Validates the settings and makes a rule. Called when an admin saves a plan (to validate) and whenever the host
     * rates; must not do I/O.
     *
     * @param settings the admin's rule settings
     * @return a rule; thread-safe and deterministic
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming the bad key
     * @since 1.2.0
     */
    BillingRule create(Settings settings);
}
