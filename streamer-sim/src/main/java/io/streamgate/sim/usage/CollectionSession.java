package io.streamgate.sim.usage;

import java.time.Clock;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One life of this process's counters. The collector sums counter increases within a session and starts again from
 * zero in a new one, so the id must differ for every start, even two starts in the same millisecond: hence the
 * random nonce after the start time.
 *
 * @param id {@code {startMillis}-{16 lower-case hex digits}}
 * @param startMillis when the session began, epoch milliseconds by the streamer's clock
 */
record CollectionSession(String id, long startMillis) {

    static final Pattern ID = Pattern.compile("([0-9]{1,19})-[0-9a-f]{16}");

    CollectionSession {
        Matcher matcher = id == null ? null : ID.matcher(id);
        if (matcher == null || !matcher.matches() || !matcher.group(1).equals(Long.toString(startMillis))) {
            throw new IllegalArgumentException("collection session id: '" + id + "' (expected: '" + startMillis
                    + "-' and 16 hex digits, " + ID + ")");
        }
    }

    static CollectionSession start(Clock clock, RandomGenerator random) {
        long start = clock.millis();
        return new CollectionSession(start + "-" + HexFormat.of().toHexDigits(random.nextLong()), start);
    }
}
