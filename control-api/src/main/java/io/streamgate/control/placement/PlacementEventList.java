package io.streamgate.control.placement;

import java.util.List;

/** Body of the placement event lists, newest first. */
public record PlacementEventList(List<PlacementEventResponse> events) {

    public PlacementEventList {
        events = List.copyOf(events);
    }
}
