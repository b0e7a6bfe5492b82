package io.streamgate.plugin.api.billing;

/**
 * A price in cloud units: {@code amountMicros} millionths of a unit for every {@code perQuantity} of the resource
 * (e.g. 50,000 micros per 1,000,000,000 bytes). Kept as this exact fraction; never a {@code double}.
 *
 * @param amountMicros the price of {@code perQuantity}, in millionths of a cloud unit; zero means free
 * @param perQuantity how much of the resource that price buys; at least 1
 * @since 1.2.0
 */
public record Price(long amountMicros, long perQuantity) {

    /**
     * A free price.
     *
     * @since 1.2.0
     */
    public static final Price FREE = new Price(0, 1);

    /**
     * Validates.
     *
     * @since 1.2.0
     */
    public Price {
        if (amountMicros < 0) {
            throw new IllegalArgumentException("amountMicros: " + amountMicros + " (expected: >= 0)");
        }
        if (perQuantity < 1) {
            throw new IllegalArgumentException("perQuantity: " + perQuantity + " (expected: >= 1)");
        }
    }
}
