package io.streamgate.control.resource;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A resource as stored. Its name, method and unit are its meaning and never change (a new meaning is a new resource);
 * only the description may be edited.
 *
 * @param description {@code null} when there is none
 */
record Resource(long id, String name, Method method, String unit, String description, Instant createdAt) {

    Resource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    Resource withDescription(String newDescription) {
        return new Resource(id, name, method, unit, newDescription, createdAt);
    }

    /** How usage is derived from what is measured. */
    enum Method {
        /** The increase of an exact integer counter. */
        COUNTER,
        /** The integral over time of a sampled value. */
        GAUGE;

        /** The name on the wire and in the database. */
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The method with this wire name, or {@code null}. */
        static Method ofWire(String value) {
            for (Method method : values()) {
                if (method.wire().equals(value)) {
                    return method;
                }
            }
            return null;
        }
    }
}
