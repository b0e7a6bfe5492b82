package io.streamgate.control.placement;

import io.streamgate.control.streamer.Liveness;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerHealth;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.Objects;

/**
 * A streamer as placement sees it: where it is, what the admin allows, whether it answers, how many streams are
 * actively placed on it and what it sends now, against its capacities ({@code null}: no limit).
 */
public record StreamerLoad(
        long streamerId,
        String region,
        StreamerState state,
        Liveness liveness,
        long placements,
        Integer maxStreams,
        long bitrateKbps,
        Integer maxEgressMbps) {

    public StreamerLoad {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(liveness, "liveness");
        if (placements < 0 || bitrateKbps < 0) {
            throw new IllegalArgumentException(
                    "placements " + placements + ", bitrateKbps " + bitrateKbps + " (expected: both >= 0)");
        }
    }

    public static StreamerLoad of(Streamer streamer, StreamerHealth.StreamerView health, long activePlacements) {
        return new StreamerLoad(
                streamer.id(),
                streamer.region(),
                streamer.state(),
                health.liveness(),
                activePlacements,
                streamer.maxStreams(),
                health.bitrateKbps(),
                streamer.maxEgressMbps());
    }

    /** Whether a stream asking for {@code wanted} ({@code null}: anywhere) may run here. */
    boolean serves(String wanted) {
        return wanted == null || wanted.equals(region);
    }

    /** Below both capacities, so it may take one more stream. */
    boolean hasRoom() {
        return (maxStreams == null || placements < maxStreams)
                && (maxEgressMbps == null || bitrateKbps < maxEgressMbps * 1000L);
    }

    /** The denominator of the relative load: the stream capacity when set, else 1 (plain placement count). */
    long capacity() {
        return maxStreams == null ? 1 : maxStreams;
    }
}
