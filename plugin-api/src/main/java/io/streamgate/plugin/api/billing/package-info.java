/**
 * Billing rules: how one closed usage period of one resource is turned into charges (free tiers, volume tiers, ...).
 * A rule is pure arithmetic on exact integers: the host gives it the period's usage and the plan's list price and
 * adds up the charges it returns exactly, so a rule can neither round nor lose a unit.
 *
 * @since 1.2.0
 */
package io.streamgate.plugin.api.billing;
