package io.streamgate.gateway.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SnapshotStoreTests {

    static ConfigSnapshot snapshot(long version) {
        return new ConfigSnapshot(
                version,
                List.of(new ProjectEntry(11, "a", List.of("Play.A.tv"), ProjectStatus.ACTIVE)),
                List.of(new StreamerEntry(5, "s", "http://s")),
                List.of(new StreamEntry(11, "live", PlaybackMode.REWRITE, List.of(5L))));
    }

    @Test
    void holdsNothingUntilTheFirstSnapshot() {
        SnapshotStore store = new SnapshotStore();
        assertThat(store.current().held()).isFalse();
        assertThat(store.current().version()).isEqualTo(-1);
        assertThat(store.offer(snapshot(0))).isTrue();
        assertThat(store.current().held()).isTrue();
    }

    @Test
    void indexesDomainsStreamsAndStreamers() {
        SnapshotIndex index = SnapshotIndex.of(snapshot(3));
        assertThat(index.projectByDomain("play.a.tv").id()).isEqualTo(11);
        assertThat(index.stream(11, "live").name()).isEqualTo("live");
        assertThat(index.streamer(5).baseUrl()).isEqualTo("http://s");
        assertThat(index.stream(12, "live")).isNull();
    }

    @Test
    void neverGoesBackwards() {
        SnapshotStore store = new SnapshotStore();
        assertThat(store.offer(snapshot(5))).isTrue();
        assertThat(store.offer(snapshot(4))).isFalse();
        assertThat(store.offer(snapshot(5))).isFalse();
        assertThat(store.current().version()).isEqualTo(5);
        assertThat(store.offer(snapshot(6))).isTrue();
    }

    @Property(tries = 100)
    void concurrentOffersEndOnTheHighestVersion(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1000) Long> versions) {
        SnapshotStore store = new SnapshotStore();
        IntStream.range(0, versions.size()).parallel().forEach(i -> store.offer(snapshot(versions.get(i))));
        assertThat(store.current().version())
                .isEqualTo(versions.stream().mapToLong(Long::longValue).max().orElseThrow());
    }
}
