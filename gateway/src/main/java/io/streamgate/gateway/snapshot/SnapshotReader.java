package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a snapshot's JSON stream by stream, handing back the held index's own entry for every stream that did not
 * change. A new version of a large cloud differs from the last in a few streams: the copies parsed for the rest die
 * at once instead of living on in the new snapshot, so the collections that run while a million streams are read
 * under load find almost nothing to copy, and their pauses stay short.
 */
final class SnapshotReader {

    private static final ObjectReader PROJECTS = part(SnakeCaseJson.MAPPER.readerForListOf(ProjectEntry.class));
    private static final ObjectReader STREAMERS = part(SnakeCaseJson.MAPPER.readerForListOf(StreamerEntry.class));
    private static final ObjectReader AUTH_BACKENDS =
            part(SnakeCaseJson.MAPPER.readerForListOf(AuthBackendEntry.class));
    private static final ObjectReader STREAM = part(SnakeCaseJson.MAPPER.readerFor(StreamEntry.class));

    private SnapshotReader() {}

    /** The snapshot in {@code json}, sharing the entries of {@code held} that it repeats unchanged. */
    static ConfigSnapshot read(byte[] json, SnapshotIndex held) {
        long version = 0;
        List<ProjectEntry> projects = null;
        List<StreamerEntry> streamers = null;
        List<StreamEntry> streams = null;
        List<AuthBackendEntry> authBackends = null;
        try (JsonParser parser = SnakeCaseJson.MAPPER.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "version" -> version = parser.getLongValue();
                    case "projects" -> projects = PROJECTS.readValue(parser);
                    case "streamers" -> streamers = STREAMERS.readValue(parser);
                    case "auth_backends" -> authBackends = AUTH_BACKENDS.readValue(parser);
                    case "streams" -> streams = streams(parser, held);
                    // Fields a newer control-api added: skipped, as the mapper would.
                    default -> parser.skipChildren();
                }
            }
            expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
            if (parser.nextToken() != null) {
                throw new StreamReadException(parser, "trailing content after the snapshot");
            }
        }
        return new ConfigSnapshot(version, projects, streamers, streams, authBackends);
    }

    private static List<StreamEntry> streams(JsonParser parser, SnapshotIndex held) {
        expect(parser, parser.currentToken(), JsonToken.START_ARRAY);
        List<StreamEntry> streams = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser, parser.currentToken(), JsonToken.START_OBJECT);
            StreamEntry parsed = STREAM.readValue(parser);
            if (parsed.name() == null) {
                // control-api never sends one; a snapshot that does is broken, and the held one is kept.
                throw new StreamReadException(parser, "a stream of project " + parsed.projectId() + " has no name");
            }
            StreamEntry known = held.stream(parsed.projectId(), parsed.name());
            streams.add(parsed.equals(known) ? known : parsed);
        }
        return streams;
    }

    /** A reader of one value inside the snapshot: what follows it is the rest of the snapshot, not trailing junk. */
    private static ObjectReader part(ObjectReader reader) {
        return reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new StreamReadException(parser, "expected " + expected + " in the snapshot, found " + actual);
        }
    }
}
