package io.streamgate.control.streamer;

/** What this instance knows of a streamer's health from its polls. */
public enum Liveness {
    /** Answered within the dead-after period: may take placements. */
    UP,
    /** Not answered yet, but not tracked for the dead-after period either (just registered, or this instance just started). */
    UNKNOWN,
    /** Has not answered for the dead-after period: its placements move away. */
    DOWN
}
