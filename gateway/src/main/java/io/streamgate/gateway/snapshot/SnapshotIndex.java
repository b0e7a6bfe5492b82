package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.gateway.auth.AuthChains;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One config version, indexed for the player path: every lookup is a single hash probe. Immutable; a new version
 * is a new index swapped in whole.
 */
public final class SnapshotIndex {

    /** What the gateway holds before any snapshot arrived: knows nothing, so every stream is unknown. */
    static final SnapshotIndex EMPTY =
            new SnapshotIndex(new ConfigSnapshot(0, List.of(), List.of(), List.of()), false, AuthChains.none());

    private final ConfigSnapshot snapshot;
    private final boolean held;
    private final Map<String, ProjectEntry> projectsByDomain;
    private final Map<Long, ProjectEntry> projectsById;
    private final StreamTable streams;
    private final Map<Long, StreamerEntry> streamersById;
    private final AuthChains authChains;

    private SnapshotIndex(ConfigSnapshot snapshot, boolean held, AuthChains authChains) {
        this.snapshot = snapshot;
        this.held = held;
        this.authChains = authChains;
        Map<String, ProjectEntry> byDomain = new HashMap<>();
        Map<Long, ProjectEntry> byId = new HashMap<>();
        for (ProjectEntry project : snapshot.projects()) {
            byId.put(project.id(), project);
            for (String domain : project.domains()) {
                byDomain.put(domain.toLowerCase(Locale.ROOT), project);
            }
        }
        Map<Long, StreamerEntry> streamers = new HashMap<>();
        for (StreamerEntry streamer : snapshot.streamers()) {
            streamers.put(streamer.id(), streamer);
        }
        this.projectsByDomain = Map.copyOf(byDomain);
        this.projectsById = Map.copyOf(byId);
        this.streams = new StreamTable(snapshot.streams());
        this.streamersById = Map.copyOf(streamers);
    }

    /** An index without auth: every stream's chain is empty. */
    public static SnapshotIndex of(ConfigSnapshot snapshot) {
        return of(snapshot, AuthChains.none());
    }

    public static SnapshotIndex of(ConfigSnapshot snapshot, AuthChains authChains) {
        return new SnapshotIndex(snapshot, true, authChains);
    }

    /** The auth chains built from this very snapshot, so a stream and its chain never come from different versions. */
    public AuthChains authChains() {
        return authChains;
    }

    /** Whether this index came from a real snapshot (readiness depends on it). */
    public boolean held() {
        return held;
    }

    /** The config version, or -1 before any snapshot arrived. */
    public long version() {
        return held ? snapshot.version() : -1;
    }

    public ConfigSnapshot snapshot() {
        return snapshot;
    }

    /** The project whose players use {@code host} (lower case, no port), or {@code null}. */
    public ProjectEntry projectByDomain(String host) {
        return projectsByDomain.get(host);
    }

    public ProjectEntry project(long id) {
        return projectsById.get(id);
    }

    /** The stream {@code name} of project {@code projectId}, or {@code null}. */
    public StreamEntry stream(long projectId, String name) {
        return streams.get(projectId, name);
    }

    public StreamerEntry streamer(long id) {
        return streamersById.get(id);
    }

    public List<StreamerEntry> streamers() {
        return snapshot.streamers();
    }
}
