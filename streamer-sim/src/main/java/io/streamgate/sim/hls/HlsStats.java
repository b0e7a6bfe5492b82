package io.streamgate.sim.hls;

import io.streamgate.sim.config.StreamDefinition;
import io.streamgate.sim.config.StreamStats;
import io.streamgate.sim.config.StreamStatsSource;
import io.streamgate.sim.publish.Liveness;
import org.springframework.stereotype.Component;

/** Runtime stats of a stream as the HLS side sees them. */
@Component
class HlsStats implements StreamStatsSource {

    private final Liveness liveness;
    private final Viewers viewers;
    private final TestPattern pattern;

    HlsStats(Liveness liveness, Viewers viewers, TestPattern pattern) {
        this.liveness = liveness;
        this.viewers = viewers;
        this.pattern = pattern;
    }

    @Override
    public StreamStats statsOf(StreamDefinition stream) {
        boolean alive = liveness.isAlive(stream);
        return new StreamStats(alive, viewers.count(stream.name()), alive ? pattern.totalKbps() : 0);
    }
}
