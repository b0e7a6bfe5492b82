package io.streamgate.sim.hls;

import io.streamgate.sim.config.StreamDefinition;
import io.streamgate.sim.config.StreamStats;
import io.streamgate.sim.config.StreamStatsSource;
import io.streamgate.sim.publish.Liveness;
import io.streamgate.sim.usage.StreamCounters;
import io.streamgate.sim.usage.StreamUsage;
import org.springframework.stereotype.Component;

/** Runtime stats of a stream as the HLS side sees them. */
@Component
class HlsStats implements StreamStatsSource {

    private final Liveness liveness;
    private final Viewers viewers;
    private final TestPattern pattern;
    private final StreamCounters counters;

    HlsStats(Liveness liveness, Viewers viewers, TestPattern pattern, StreamCounters counters) {
        this.liveness = liveness;
        this.viewers = viewers;
        this.pattern = pattern;
        this.counters = counters;
    }

    @Override
    public StreamStats statsOf(StreamDefinition stream) {
        boolean alive = liveness.isAlive(stream);
        StreamUsage usage = counters.usage(stream.name());
        long input;
        if (!alive) {
            input = 0;
        } else if (liveness.isPushed(stream)) {
            input = usage.inputKbps();
        } else {
            // A fake input has no upload to measure; it "receives" the test pattern at the pattern's own rate.
            input = pattern.totalKbps();
        }
        return new StreamStats(
                alive,
                viewers.count(stream.name()),
                input,
                liveness.isPublishing(stream),
                input,
                usage.outputKbps(),
                usage.bytesIn(),
                usage.bytesOut());
    }
}
