package io.streamgate.sim.config;

/** Runtime figures of one stream as the config API reports them; bitrate in kbit/s. */
public record StreamStats(boolean alive, int onlineClients, long bitrate) {}
