package io.streamgate.plugin.api.billing;

import java.util.List;

/**
 * Rates one project's usage of one resource in one closed period. Deterministic and free of I/O: the same usage and
 * price always give the same charges, because a period may be rated again after a crash and must come out the same.
 *
 * @since 1.2.0
 */
public interface BillingRule {

    /**
     * The charges for a period's usage.
     *
     * @param usage what the period measured, with what the same project used of the resource earlier in the cycle
     * @param listPrice the plan's price for the resource, valid at the period's start
     * @return charges whose quantities add up to exactly {@code usage.quantity()} (the host refuses anything else and
     *     rates the period at the list price instead, logging the rule as broken); empty only for a zero quantity
     * @since 1.2.0
     */
    List<Charge> rate(Usage usage, Price listPrice);
}
