package io.streamgate.domain.name;

/**
 * The name of a stream inside the cloud: {@code {project_id}_{name}}. Streamers, signed URLs and the universal
 * playback form use it; operators never see it.
 */
public record InternalStreamName(long projectId, StreamName name) {

    public InternalStreamName {
        if (projectId <= 0) {
            throw new IllegalArgumentException("projectId: " + projectId + " (expected: a positive Snowflake id)");
        }
        if (name == null) {
            throw new IllegalArgumentException("name: null (expected: a stream name)");
        }
    }

    public static InternalStreamName of(long projectId, String name) {
        return new InternalStreamName(projectId, new StreamName(name));
    }

    /**
     * Parses {@code {project_id}_{name}}; returns {@code null} for anything else, so the player path can answer
     * without exceptions.
     */
    public static InternalStreamName parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        int underscore = value.indexOf('_');
        if (underscore <= 0 || underscore > 19) {
            return null;
        }
        long projectId = 0;
        for (int i = 0; i < underscore; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            projectId = projectId * 10 + (c - '0');
            if (projectId < 0) {
                return null;
            }
        }
        String name = value.substring(underscore + 1);
        if (projectId == 0 || !StreamName.isValid(name)) {
            return null;
        }
        return new InternalStreamName(projectId, new StreamName(name));
    }

    /** The wire form, {@code {project_id}_{name}}. */
    public String value() {
        return format(projectId, name.value());
    }

    /**
     * The wire form of parts already known to be valid (snapshot entries, path segments checked by the caller),
     * without checking them again: the one place that knows how the two parts are joined.
     */
    public static String format(long projectId, String name) {
        return projectId + "_" + name;
    }

    @Override
    public String toString() {
        return value();
    }
}
