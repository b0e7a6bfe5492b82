package io.streamgate.domain.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a gateway needs to answer players, at one config version. Versions only grow: a gateway never swaps in
 * a snapshot older than the one it holds. Lists missing from older snapshots (a last-known-good file written by an
 * earlier release) read as empty.
 */
public record ConfigSnapshot(
        long version,
        List<ProjectEntry> projects,
        List<StreamerEntry> streamers,
        List<StreamEntry> streams,
        List<AuthBackendEntry> authBackends) {

    public ConfigSnapshot {
        if (version < 0) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 0)");
        }
        projects = copy(projects);
        streamers = copy(streamers);
        streams = copy(streams);
        authBackends = copy(authBackends);
    }

    public ConfigSnapshot(
            long version, List<ProjectEntry> projects, List<StreamerEntry> streamers, List<StreamEntry> streams) {
        this(version, projects, streamers, streams, List.of());
    }

    /** A project (tenant), the domains its players use, and the auth chain its streams use unless they name one. */
    public record ProjectEntry(
            long id, String name, List<String> domains, ProjectStatus status, List<String> defaultAuthChain) {
        public ProjectEntry {
            domains = copy(domains);
            defaultAuthChain = copy(defaultAuthChain);
        }

        public ProjectEntry(long id, String name, List<String> domains, ProjectStatus status) {
            this(id, name, domains, status, List.of());
        }
    }

    /**
     * A streamer the cloud may send viewers to: where it serves playback, its region ({@code null} when unset), its
     * admin state (only {@code ACTIVE} streamers take new viewers) and the driver plugin that reads its runtime state.
     */
    public record StreamerEntry(
            long id,
            String name,
            String baseUrl,
            String region,
            StreamerState state,
            String driver,
            Map<String, Object> driverSettings) {
        public StreamerEntry {
            state = state == null ? StreamerState.ACTIVE : state;
            driver = driver == null ? DEFAULT_DRIVER : driver;
            driverSettings = driverSettings == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(driverSettings));
        }

        public StreamerEntry(long id, String name, String baseUrl) {
            this(id, name, baseUrl, null, StreamerState.ACTIVE, DEFAULT_DRIVER, Map.of());
        }
    }

    /** The driver of streamers registered without one, and of snapshots written before drivers existed. */
    public static final String DEFAULT_DRIVER = "flussonic";

    /** What the admin allows a streamer to do. */
    public enum StreamerState {
        /** Takes placements and new viewers. */
        ACTIVE,
        /** Keeps its current viewers while its streams move away; takes nothing new. */
        DRAINING,
        /** Takes nothing; its streams are moved away at once. */
        DISABLED
    }

    /**
     * A stream, the way players reach it, the streamers it is placed on (by streamer id), and its auth chain: backend
     * names of its project, every one of which must allow; {@code null} means the project's default chain.
     */
    public record StreamEntry(
            long projectId, String name, PlaybackMode playbackMode, List<Long> placements, List<String> authChain) {
        public StreamEntry {
            placements = copy(placements);
            authChain = authChain == null ? null : List.copyOf(authChain);
        }

        public StreamEntry(long projectId, String name, PlaybackMode playbackMode, List<Long> placements) {
            this(projectId, name, playbackMode, placements, null);
        }
    }

    /**
     * An auth backend of a project, as the operator configured it: a plugin type, its settings (JSON values), what to
     * do when it fails, how long a call may take and how long a last good answer may be served while it is down.
     */
    public record AuthBackendEntry(
            long projectId,
            String name,
            String type,
            Map<String, Object> settings,
            FailurePolicy failurePolicy,
            long timeoutMillis,
            long staleForMillis) {
        public AuthBackendEntry {
            // JSON settings may hold nulls, which Map.copyOf refuses.
            settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
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

    /** What a failing auth backend answers: allow (open) or deny (closed). */
    public enum FailurePolicy {
        OPEN,
        CLOSED
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
