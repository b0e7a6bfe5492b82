package io.streamgate.plugin.api.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * One project's usage of one resource in one closed period.
 *
 * @param resource the resource's name, e.g. {@code traffic_out_bytes}
 * @param unit the resource's unit, e.g. {@code bytes}
 * @param periodStart the period's start (prices and rules are those valid at this instant)
 * @param periodEnd the period's end, exclusive
 * @param quantity what the period measured, in the unit; at least 0
 * @param cycleStart the start of the billing cycle the period belongs to (the first day of its month, UTC)
 * @param usedEarlierInCycle what the same project used of the same resource in the cycle's earlier periods; at least
 *     0. Tiered rules (free allowances, volume discounts) count from it.
 * @since 1.2.0
 */
public record Usage(
        String resource,
        String unit,
        Instant periodStart,
        Instant periodEnd,
        long quantity,
        Instant cycleStart,
        long usedEarlierInCycle) {

    /**
     * Validates.
     *
     * @since 1.2.0
     */
    public Usage {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(cycleStart, "cycleStart");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity: " + quantity + " (expected: >= 0)");
        }
        if (usedEarlierInCycle < 0) {
            throw new IllegalArgumentException("usedEarlierInCycle: " + usedEarlierInCycle + " (expected: >= 0)");
        }
    }
}
