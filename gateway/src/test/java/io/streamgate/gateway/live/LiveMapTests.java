package io.streamgate.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.MutableClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class LiveMapTests {

    private static final StreamerHealth HEALTH =
            new StreamerHealth(EjectionProperties.defaults(), new MutableClock(), new SimpleMeterRegistry());

    private final LiveMap map = new LiveMap();

    @Test
    void aPollWithTheSameStreamsStillShowsTheStreamersNewState() {
        map.report(streamer(1, 10), List.of("a", "b"));
        LiveStreamer second = streamer(1, 99);
        map.report(second, List.of("a", "b"));

        assertThat(map.streamersOf("a")).containsExactly(second);
        assertThat(map.streamersOf("b").get(0).polledClients()).isEqualTo(99);
    }

    @Test
    void streamersOfAStreamAreOrderedByIdWhateverOrderTheyReportIn() {
        map.report(streamer(3, 0), List.of("a"));
        map.report(streamer(1, 0), List.of("a"));
        map.report(streamer(2, 0), List.of("a"));

        assertThat(map.streamersOf("a")).extracting(LiveStreamer::streamerId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStreamThatLeavesEveryStreamerIsUnknown() {
        map.report(streamer(1, 0), List.of("a", "b"));
        map.report(streamer(2, 0), List.of("a"));
        map.report(streamer(1, 0), List.of("b"));
        map.drop(2);

        assertThat(map.streamersOf("a")).isEmpty();
        assertThat(map.streamersOf("b")).extracting(LiveStreamer::streamerId).containsExactly(1L);
    }

    /**
     * Whatever sequence of polls, drops and retains: each stream lists exactly the streamers whose latest report has
     * it, in id order, each as its latest poll saw it. The model is the old rebuild-everything map.
     */
    @Property(tries = 300)
    void agreesWithAFullRebuildAfterAnySequence(@ForAll("operations") List<Operation> operations) {
        LiveMap map = new LiveMap();
        Map<Long, LiveStreamer> latest = new TreeMap<>();
        Map<Long, Set<String>> reported = new TreeMap<>();
        for (Operation operation : operations) {
            if (operation.kind == Kind.DROP) {
                map.drop(operation.streamer);
                latest.remove(operation.streamer);
                reported.remove(operation.streamer);
            } else if (operation.kind == Kind.RETAIN) {
                Set<Long> keep = Set.of(operation.streamer, (operation.streamer + 1) % 4);
                map.retain(keep);
                latest.keySet().retainAll(keep);
                reported.keySet().retainAll(keep);
            } else {
                LiveStreamer polled = streamer(operation.streamer, operation.clients);
                map.report(polled, operation.streams);
                latest.put(operation.streamer, polled);
                reported.put(operation.streamer, new HashSet<>(operation.streams));
            }
        }
        for (String name : List.of("s0", "s1", "s2", "s3", "s4", "s5")) {
            List<LiveStreamer> expected = new ArrayList<>();
            reported.forEach((id, streams) -> {
                if (streams.contains(name)) {
                    expected.add(latest.get(id));
                }
            });
            assertThat(map.streamersOf(name)).as(name).containsExactlyElementsOf(expected);
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> report = Combinators.combine(
                        Arbitraries.longs().between(0, 3),
                        Arbitraries.of("s0", "s1", "s2", "s3", "s4", "s5")
                                .list()
                                .ofMaxSize(6)
                                .uniqueElements(),
                        Arbitraries.longs().between(0, 100))
                .as((id, streams, clients) -> new Operation(Kind.REPORT, id, streams, clients));
        Arbitrary<Operation> drop = Arbitraries.longs().between(0, 3).map(id -> new Operation(Kind.DROP, id, null, 0));
        Arbitrary<Operation> retain =
                Arbitraries.longs().between(0, 3).map(id -> new Operation(Kind.RETAIN, id, null, 0));
        return Arbitraries.frequencyOf(Tuple.of(8, report), Tuple.of(1, drop), Tuple.of(1, retain))
                .list()
                .ofMaxSize(40);
    }

    enum Kind {
        REPORT,
        DROP,
        RETAIN
    }

    record Operation(Kind kind, long streamer, List<String> streams, long clients) {}

    private static LiveStreamer streamer(long id, long clients) {
        return new LiveStreamer(id, "http://s" + id + ".test", null, StreamerState.ACTIVE, clients, HEALTH.of(id));
    }
}
