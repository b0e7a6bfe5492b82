package io.streamgate.control.placement;

/** A registered streamer and how many streams are placed on it. */
public record StreamerLoad(long streamerId, long placements) {}
