package io.streamgate.gateway.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.FailurePolicy;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class SnapshotReaderTests {

    private static final StreamEntry LIVE = new StreamEntry(11, "live", PlaybackMode.REWRITE, List.of(5L));
    private static final StreamEntry NEWS =
            new StreamEntry(11, "news", PlaybackMode.REDIRECT, List.of(5L), List.of("a"));

    private static ConfigSnapshot snapshot(long version, StreamEntry... streams) {
        return new ConfigSnapshot(
                version,
                List.of(new ProjectEntry(11, "a", List.of("play.a.tv"), ProjectStatus.ACTIVE, List.of("a"))),
                List.of(new StreamerEntry(5, "s", "http://s")),
                List.of(streams),
                List.of(new AuthBackendEntry(11, "a", "token", Map.of("k", "v"), FailurePolicy.CLOSED, 500, 0)));
    }

    private static byte[] json(ConfigSnapshot snapshot) {
        return SnakeCaseJson.MAPPER.writeValueAsBytes(snapshot);
    }

    @Test
    void readsWhatTheMapperWrites() {
        ConfigSnapshot written = snapshot(7, LIVE, NEWS);
        assertThat(SnapshotReader.read(json(written), SnapshotIndex.EMPTY)).isEqualTo(written);
    }

    @Test
    void unchangedStreamsAreTheHeldEntriesAndChangedOnesAreNew() {
        SnapshotIndex held = SnapshotIndex.of(snapshot(7, LIVE, NEWS));
        StreamEntry moved = new StreamEntry(11, "news", PlaybackMode.REDIRECT, List.of(6L), List.of("a"));
        StreamEntry added = new StreamEntry(11, "sport", PlaybackMode.REWRITE, List.of(5L));

        ConfigSnapshot read = SnapshotReader.read(json(snapshot(8, LIVE, moved, added)), held);

        assertThat(read.version()).isEqualTo(8);
        assertThat(read.streams()).containsExactly(LIVE, moved, added);
        assertThat(read.streams().get(0)).isSameAs(held.stream(11, "live"));
        assertThat(read.streams().get(1)).isNotSameAs(held.stream(11, "news"));
    }

    @Test
    void skipsFieldsAddedLaterAndReadsMissingListsAsEmpty() {
        String json = "{\"version\": 3, \"added_later\": {\"x\": [1, 2]}, \"streams\": [{\"project_id\": 11,"
                + " \"name\": \"live\", \"playback_mode\": \"rewrite\", \"placements\": [5], \"extra\": true}]}";
        ConfigSnapshot read = SnapshotReader.read(json.getBytes(StandardCharsets.UTF_8), SnapshotIndex.EMPTY);
        assertThat(read).isEqualTo(new ConfigSnapshot(3, List.of(), List.of(), List.of(LIVE)));
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        for (String json : List.of(
                "[]",
                "{\"version\": 1",
                "{\"version\": 1} {}",
                "{\"streams\": {}}",
                "{\"streams\": [1]}",
                "{\"streams\": [{\"project_id\": 11}]}")) {
            assertThatThrownBy(() -> SnapshotReader.read(json.getBytes(StandardCharsets.UTF_8), SnapshotIndex.EMPTY))
                    .as(json)
                    .isInstanceOf(JacksonException.class);
        }
    }
}
