package io.streamgate.control.placement;

import java.util.Locale;

/** What happened to a placement, as the events record it. */
public enum PlacementAction {
    PLACED,
    LEAVING,
    REMOVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
