package io.streamgate.control.placement;

import java.util.Locale;

/** Whether a placement serves for good or is being drained away. */
public enum PlacementState {
    /** Counts towards the stream's replicas. */
    ACTIVE,
    /** Still serves its viewers until the stream is live elsewhere and the drain grace has passed. */
    LEAVING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PlacementState ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
