package io.streamgate.sim.hls;

/**
 * One rendition of the test pattern as the master playlist announces it.
 *
 * @param id the {@code n} of {@code tracks-v{n}}
 * @param peakBandwidth bits per second of the largest segment (HLS {@code BANDWIDTH})
 * @param averageBandwidth bits per second over the whole loop (HLS {@code AVERAGE-BANDWIDTH})
 */
record Rendition(
        int id, int width, int height, String codecs, long peakBandwidth, long averageBandwidth, LoopedTrack track) {}
