package io.streamgate.domain.snapshot;

import java.util.List;

/**
 * Everything a gateway needs to answer players, at one config version. Versions only grow: a gateway never swaps in
 * a snapshot older than the one it holds.
 */
public record ConfigSnapshot(
        long version, List<ProjectEntry> projects, List<StreamerEntry> streamers, List<StreamEntry> streams) {

    public ConfigSnapshot {
        if (version < 0) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 0)");
        }
        projects = List.copyOf(projects);
        streamers = List.copyOf(streamers);
        streams = List.copyOf(streams);
    }

    /** A project (tenant) and the domains its players use. */
    public record ProjectEntry(long id, String name, List<String> domains, ProjectStatus status) {
        public ProjectEntry {
            domains = List.copyOf(domains);
        }
    }

    /** A streamer the cloud may send viewers to. */
    public record StreamerEntry(long id, String name, String baseUrl) {}

    /** A stream, the way players reach it, and the streamers it is placed on (by streamer id). */
    public record StreamEntry(long projectId, String name, PlaybackMode playbackMode, List<Long> placements) {
        public StreamEntry {
            placements = List.copyOf(placements);
        }
    }

    public enum ProjectStatus {
        ACTIVE,
        DISABLED
    }

    /** How the gateway answers a master playlist request. */
    public enum PlaybackMode {
        /** 200 with the streamer's master playlist, variant URLs made absolute and signed. */
        REWRITE,
        /** 302 to the chosen streamer's master playlist, signed. */
        REDIRECT
    }
}
