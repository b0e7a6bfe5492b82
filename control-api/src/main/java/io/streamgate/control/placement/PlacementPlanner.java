package io.streamgate.control.placement;

import io.streamgate.control.streamer.Liveness;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Chooses the streamers a stream runs on. Pure: the same input always gives the same answer.
 *
 * <p>It keeps the healthy placements a stream has (moving a live stream costs viewers): those on active streamers in
 * the stream's region that are not known to be down. It then fills up to {@link #REPLICAS} from the candidates:
 * active streamers that answer, serve the region, hold no placement of the stream yet and are below both capacities,
 * the least relatively loaded first (active placements ÷ max streams when set, else the plain count), ties broken by
 * the lower id. Fewer candidates mean fewer replicas, never a failure.
 */
@Component
public class PlacementPlanner {

    /** Two copies survive one streamer's death. */
    public static final int REPLICAS = 2;

    /** Least relative load first (cross-multiplied, so exact), then the lower id. */
    static final Comparator<StreamerLoad> LEAST_LOADED = (a, b) -> {
        int byLoad = Long.compare(a.placements() * b.capacity(), b.placements() * a.capacity());
        return byLoad != 0 ? byLoad : Long.compare(a.streamerId(), b.streamerId());
    };

    /**
     * The streamers the stream should be on: the kept placements (by id) followed by the added ones (best first).
     *
     * @param region the stream's region, {@code null} for anywhere
     * @param streamers every registered streamer with its load
     * @param active the streamers holding an active placement of the stream
     * @param occupied the streamers holding any placement of the stream (leaving ones included): never added again
     */
    public List<Long> choose(String region, List<StreamerLoad> streamers, Set<Long> active, Set<Long> occupied) {
        List<Long> chosen = new ArrayList<>();
        streamers.stream()
                .filter(load -> active.contains(load.streamerId()))
                .filter(load ->
                        load.state() == StreamerState.ACTIVE && load.liveness() != Liveness.DOWN && load.serves(region))
                .map(StreamerLoad::streamerId)
                .distinct()
                .sorted()
                .forEach(chosen::add);
        streamers.stream()
                .filter(load -> !active.contains(load.streamerId()) && !occupied.contains(load.streamerId()))
                .filter(load -> load.state() == StreamerState.ACTIVE
                        && load.liveness() == Liveness.UP
                        && load.serves(region)
                        && load.hasRoom())
                .sorted(LEAST_LOADED)
                .map(StreamerLoad::streamerId)
                .distinct()
                .limit(Math.max(0, REPLICAS - chosen.size()))
                .forEach(chosen::add);
        return List.copyOf(chosen);
    }

    /** Only the streamers to add: {@link #choose} without those the stream is already on. */
    public List<Long> additions(String region, List<StreamerLoad> streamers, Set<Long> active, Set<Long> occupied) {
        return choose(region, streamers, active, occupied).stream()
                .filter(id -> !active.contains(id))
                .toList();
    }
}
