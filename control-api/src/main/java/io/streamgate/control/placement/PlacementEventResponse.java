package io.streamgate.control.placement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A placement change as the APIs show it; ids are strings because JavaScript clients lose 64-bit precision.
 *
 * @param projectId set on the admin API only; operators know their project
 */
public record PlacementEventResponse(
        String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String projectId,
        String stream,
        String streamer,
        String action,
        String reason,
        Instant at) {

    /** For the admin API, which spans projects. */
    public static PlacementEventResponse forAdmin(PlacementEvent event) {
        return of(event, Long.toString(event.projectId()));
    }

    /** For the operator API: the project is the caller's own, so it is left out. */
    public static PlacementEventResponse forOperator(PlacementEvent event) {
        return of(event, null);
    }

    private static PlacementEventResponse of(PlacementEvent event, String projectId) {
        return new PlacementEventResponse(
                Long.toString(event.id()),
                projectId,
                event.streamName(),
                event.streamerName(),
                event.action().wire(),
                event.reason(),
                event.at());
    }
}
