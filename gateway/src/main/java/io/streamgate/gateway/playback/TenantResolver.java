package io.streamgate.gateway.playback;

import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.name.StreamName;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.gateway.snapshot.SnapshotIndex;
import java.util.Locale;

/**
 * Finds the project and stream a request means. On a project's own domain the name segment is always a flat name of
 * that project, so the universal form cannot reach another tenant from there; elsewhere only the universal form
 * {@code {project_id}_{name}} is understood. Unknown, foreign and disabled all resolve to {@code null}, so they answer
 * alike.
 */
final class TenantResolver {

    private TenantResolver() {}

    static StreamTarget resolve(SnapshotIndex index, String hostHeader, String nameSegment) {
        String host = hostOf(hostHeader);
        ProjectEntry project = host == null ? null : index.projectByDomain(host);
        String name;
        String internalName;
        if (project != null) {
            if (!StreamName.isValid(nameSegment)) {
                return null;
            }
            name = nameSegment;
            internalName = InternalStreamName.format(project.id(), nameSegment);
        } else {
            InternalStreamName universal = InternalStreamName.parseOrNull(nameSegment);
            // Only the form streamers know is understood: "0123_x" is not silently read as "123_x".
            if (universal == null || nameSegment.charAt(0) == '0') {
                return null;
            }
            project = index.project(universal.projectId());
            name = universal.name().value();
            internalName = nameSegment;
        }
        if (project == null || project.status() == ProjectStatus.DISABLED) {
            return null;
        }
        StreamEntry stream = index.stream(project.id(), name);
        if (stream == null) {
            return null;
        }
        return new StreamTarget(internalName, stream);
    }

    /** The Host header without its port, in lower case; {@code null} when absent. */
    static String hostOf(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return null;
        }
        int end;
        if (hostHeader.charAt(0) == '[') {
            int bracket = hostHeader.indexOf(']');
            end = bracket < 0 ? hostHeader.length() : bracket + 1;
        } else {
            int colon = hostHeader.indexOf(':');
            end = colon < 0 ? hostHeader.length() : colon;
        }
        // toLowerCase returns the same instance when nothing changes, the usual case.
        return hostHeader.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
