package io.streamgate.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.gateway.snapshot.SnapshotIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantResolverTests {

    private final SnapshotIndex index = SnapshotIndex.of(new ConfigSnapshot(
            7,
            List.of(
                    new ProjectEntry(11, "a", List.of("play.a.tv"), ProjectStatus.ACTIVE),
                    new ProjectEntry(22, "b", List.of("Play.B.tv"), ProjectStatus.ACTIVE),
                    new ProjectEntry(33, "off", List.of("play.off.tv"), ProjectStatus.DISABLED)),
            List.of(),
            List.of(
                    new StreamEntry(11, "live", PlaybackMode.REWRITE, List.of()),
                    new StreamEntry(11, "22_live", PlaybackMode.REWRITE, List.of()),
                    new StreamEntry(22, "live", PlaybackMode.REDIRECT, List.of()),
                    new StreamEntry(33, "live", PlaybackMode.REWRITE, List.of()))));

    @Test
    void aProjectDomainMeansAFlatNameOfThatProject() {
        assertThat(TenantResolver.resolve(index, "play.a.tv", "live").internalName())
                .isEqualTo("11_live");
        assertThat(TenantResolver.resolve(index, "PLAY.A.TV:8080", "live").internalName())
                .isEqualTo("11_live");
        assertThat(TenantResolver.resolve(index, "play.b.tv", "live").stream().playbackMode())
                .isEqualTo(PlaybackMode.REDIRECT);
    }

    @Test
    void theUniversalFormWorksOnAnyOtherHost() {
        assertThat(TenantResolver.resolve(index, "cloud.example:8080", "22_live")
                        .internalName())
                .isEqualTo("22_live");
        assertThat(TenantResolver.resolve(index, null, "11_live").internalName())
                .isEqualTo("11_live");
        assertThat(TenantResolver.resolve(index, "[::1]:8080", "11_live").internalName())
                .isEqualTo("11_live");
    }

    @Test
    void onAProjectDomainTheUniversalFormIsJustANameOfThatProject() {
        // 22_live on a.tv is project 11's own stream named "22_live", never project 22's stream.
        assertThat(TenantResolver.resolve(index, "play.a.tv", "22_live").internalName())
                .isEqualTo("11_22_live");
        assertThat(TenantResolver.resolve(index, "play.b.tv", "11_live")).isNull();
    }

    @Test
    void unknownForeignAndDisabledAllResolveToNothing() {
        assertThat(TenantResolver.resolve(index, "play.a.tv", "missing")).isNull();
        assertThat(TenantResolver.resolve(index, "unknown.tv", "live")).isNull();
        assertThat(TenantResolver.resolve(index, "unknown.tv", "99_live")).isNull();
        assertThat(TenantResolver.resolve(index, "unknown.tv", "011_live")).isNull();
        assertThat(TenantResolver.resolve(index, "play.off.tv", "live")).isNull();
        assertThat(TenantResolver.resolve(index, "unknown.tv", "33_live")).isNull();
    }

    @Test
    void hostOfStripsThePortAndLowerCases() {
        assertThat(TenantResolver.hostOf("Play.A.tv:443")).isEqualTo("play.a.tv");
        assertThat(TenantResolver.hostOf("[::1]:80")).isEqualTo("[::1]");
        assertThat(TenantResolver.hostOf("")).isNull();
        assertThat(TenantResolver.hostOf(null)).isNull();
    }
}
