package io.streamgate.sim.usage;

import java.util.Arrays;

/**
 * Bytes per second over the last {@value #SECONDS} whole seconds, kept in one bucket per second. Whole seconds only,
 * so the figure is an exact average over a fixed span rather than one that swings with where in the current second a
 * poll lands; it lags by at most a second, which no poller of stats notices.
 */
final class ByteRate {

    static final int SECONDS = 5;

    /** One bucket more than the window: the current second fills while the last five are read. */
    private final long[] second = new long[SECONDS + 1];

    private final long[] bytes = new long[SECONDS + 1];

    ByteRate() {
        Arrays.fill(second, Long.MIN_VALUE);
    }

    synchronized void add(long nowMillis, long count) {
        long now = Math.floorDiv(nowMillis, 1000);
        int at = (int) Math.floorMod(now, (long) second.length);
        if (second[at] != now) {
            // A bucket from another second is stale (or, if the clock stepped back, from the future): either way it
            // no longer describes the recent past. Totals are kept elsewhere, so only the rate loses it.
            second[at] = now;
            bytes[at] = 0;
        }
        bytes[at] += count;
    }

    /** Kilobits per second (1000 bit/s) averaged over the {@value #SECONDS} whole seconds before the current one. */
    synchronized long kbps(long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000);
        long sum = 0;
        for (int i = 0; i < second.length; i++) {
            if (second[i] >= now - SECONDS && second[i] < now) {
                sum += bytes[i];
            }
        }
        return sum * 8 / (SECONDS * 1000L);
    }
}
