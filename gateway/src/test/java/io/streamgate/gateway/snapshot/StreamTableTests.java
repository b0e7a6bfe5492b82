package io.streamgate.gateway.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StreamTableTests {

    /** Few projects and names, so keys repeat and collide. */
    @Property(tries = 300)
    void answersAsAMapOfProjectAndNameWouldWithLaterEntriesWinning(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 400) Integer> keys,
            @ForAll @IntRange(min = 0, max = 400) int probe) {
        Map<String, StreamEntry> model = new HashMap<>();
        List<StreamEntry> streams = keys.stream()
                .map(key -> new StreamEntry(1 + key % 7, "s" + key / 7, PlaybackMode.REWRITE, List.of((long) key)))
                .toList();
        for (StreamEntry stream : streams) {
            model.put(stream.projectId() + "/" + stream.name(), stream);
        }
        StreamTable table = new StreamTable(streams);

        assertThat(table.size()).isEqualTo(model.size());
        for (StreamEntry stream : streams) {
            assertThat(table.get(stream.projectId(), stream.name()))
                    .isSameAs(model.get(stream.projectId() + "/" + stream.name()));
        }
        long project = 1 + probe % 7;
        String name = "s" + probe / 7;
        assertThat(table.get(project, name)).isSameAs(model.get(project + "/" + name));
    }

    @Test
    void anEmptyTableKnowsNothing() {
        StreamTable table = new StreamTable(List.of());
        assertThat(table.size()).isZero();
        assertThat(table.get(1, "a")).isNull();
    }

    @Test
    void theSameNameInAnotherProjectIsAnotherStream() {
        StreamEntry a = new StreamEntry(1, "live", PlaybackMode.REWRITE, List.of());
        StreamEntry b = new StreamEntry(2, "live", PlaybackMode.REDIRECT, List.of());
        StreamTable table = new StreamTable(List.of(a, b));
        assertThat(table.get(1, "live")).isSameAs(a);
        assertThat(table.get(2, "live")).isSameAs(b);
        assertThat(table.get(3, "live")).isNull();
    }
}
