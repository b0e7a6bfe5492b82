package io.streamgate.control.placement;

/** Why a placement changed, as events record it: stable words that operators and dashboards filter on. */
public final class PlacementReasons {

    /** Placed when an operator created or changed the stream. */
    public static final String STREAM_SAVED = "stream_saved";
    /** Removed with the stream. */
    public static final String STREAM_DELETED = "stream_deleted";
    /** Placed by the reconcile loop to bring a stream back to its replicas. */
    public static final String REPAIR = "repair";
    /** Leaving a streamer an admin drains. */
    public static final String DRAINING = "draining";
    /** Leaving a streamer outside the region the stream now asks for. */
    public static final String REGION_CHANGED = "region_changed";
    /** Removed from a disabled streamer. */
    public static final String DISABLED = "disabled";
    /** Removed from a streamer that stopped answering. */
    public static final String STREAMER_DOWN = "streamer_down";
    /** Removed after leaving, once the stream is live elsewhere and the drain grace has passed. */
    public static final String DRAINED = "drained";
    /** Removed with the streamer an admin deleted. */
    public static final String STREAMER_DELETED = "streamer_deleted";

    private PlacementReasons() {}
}
