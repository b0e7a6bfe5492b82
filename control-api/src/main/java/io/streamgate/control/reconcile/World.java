package io.streamgate.control.reconcile;

import io.streamgate.control.placement.Placement;
import io.streamgate.control.streamer.Streamer;
import java.util.List;
import java.util.Set;

/** The desired state, as one round read it from the database. */
record World(List<Streamer> streamers, List<Placement> placements, List<DesiredStream> streams, Set<Long> projects) {

    World {
        streamers = List.copyOf(streamers);
        placements = List.copyOf(placements);
        streams = List.copyOf(streams);
        projects = Set.copyOf(projects);
    }

    World withPlacements(List<Placement> next) {
        return new World(streamers, next, streams, projects);
    }
}
