package io.streamgate.control.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Chooses the streamers a stream runs on: it keeps the ones it already has (moving a live stream costs viewers), then
 * fills up to {@link #REPLICAS} with the least loaded streamers, ties broken by the lower id so the choice is
 * repeatable.
 */
@Component
public class PlacementPlanner {

    /** Two copies survive one streamer's death; fewer streamers than that means fewer copies, never a failure. */
    public static final int REPLICAS = 2;

    /** The streamer ids to place on, current placements first. */
    public List<Long> choose(List<StreamerLoad> streamers, Set<Long> current) {
        List<Long> chosen = new ArrayList<>();
        streamers.stream()
                .map(StreamerLoad::streamerId)
                .filter(current::contains)
                .sorted()
                .limit(REPLICAS)
                .forEach(chosen::add);
        streamers.stream()
                .filter(load -> !current.contains(load.streamerId()))
                .sorted(Comparator.comparingLong(StreamerLoad::placements).thenComparingLong(StreamerLoad::streamerId))
                .limit(Math.max(0, REPLICAS - chosen.size()))
                .forEach(load -> chosen.add(load.streamerId()));
        return List.copyOf(chosen);
    }
}
