package io.streamgate.plugin.api.billing;

import java.util.Objects;

/**
 * Part of a period's usage at one price. The host computes {@code quantity * price.amountMicros / price.perQuantity}
 * exactly (as a fraction) and rounds only the period's total, once.
 *
 * @param quantity how much of the usage this charge covers; at least 0
 * @param price its price
 * @param description a short human reason shown on the transaction, e.g. {@code "free tier"}; may be empty
 * @since 1.2.0
 */
public record Charge(long quantity, Price price, String description) {

    /**
     * Validates.
     *
     * @since 1.2.0
     */
    public Charge {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity: " + quantity + " (expected: >= 0)");
        }
        Objects.requireNonNull(price, "price");
        description = description == null ? "" : description;
    }
}
