package io.streamgate.sim.config;

/**
 * Runtime figures of one stream as the config API reports them; bitrates in kbit/s, byte counts exact since the
 * process started.
 *
 * @param alive the stream can be played now
 * @param onlineClients distinct viewer sessions seen recently
 * @param bitrate the input bitrate under the name earlier readers of this API know; always equal to
 *     {@code inputBitrate}
 * @param publishing a publisher is uploading now
 * @param inputBitrate the publish upload over the last few seconds, or the test pattern's nominal bitrate for a fake
 *     input; 0 when not alive
 * @param outputBitrate what viewers were sent over the last few seconds
 * @param bytesIn publish bytes received
 * @param bytesOut playlist and segment bytes served
 */
public record StreamStats(
        boolean alive,
        int onlineClients,
        long bitrate,
        boolean publishing,
        long inputBitrate,
        long outputBitrate,
        long bytesIn,
        long bytesOut) {

    public StreamStats {
        if (onlineClients < 0 || bitrate < 0 || inputBitrate < 0 || outputBitrate < 0 || bytesIn < 0 || bytesOut < 0) {
            throw new IllegalArgumentException("stream stats: " + onlineClients + " clients, " + bitrate + "/"
                    + inputBitrate + "/" + outputBitrate + " kbit/s, " + bytesIn + "/" + bytesOut
                    + " B (expected: all >= 0)");
        }
    }
}
