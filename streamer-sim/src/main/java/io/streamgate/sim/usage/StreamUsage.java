package io.streamgate.sim.usage;

import java.util.Objects;

/**
 * One stream's usage as of one moment.
 *
 * @param stream the internal stream name
 * @param bytesIn publish bytes received since the session started
 * @param bytesOut playlist and segment bytes written to viewers since the session started
 * @param inputKbps the publish upload over the last few seconds, in kbit/s
 * @param outputKbps what viewers were sent over the last few seconds, in kbit/s
 */
public record StreamUsage(String stream, long bytesIn, long bytesOut, long inputKbps, long outputKbps) {

    public StreamUsage {
        Objects.requireNonNull(stream, "stream");
        if (bytesIn < 0 || bytesOut < 0 || inputKbps < 0 || outputKbps < 0) {
            throw new IllegalArgumentException("usage of '" + stream + "': in " + bytesIn + " B, out " + bytesOut
                    + " B, " + inputKbps + "/" + outputKbps + " kbit/s (expected: all >= 0)");
        }
    }

    static StreamUsage none(String stream) {
        return new StreamUsage(stream, 0, 0, 0, 0);
    }
}
