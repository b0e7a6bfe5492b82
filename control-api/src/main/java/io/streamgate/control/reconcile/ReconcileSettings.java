package io.streamgate.control.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reconcile loop.
 *
 * @param interval time between rounds (default 5 s); the leader lease lasts three of them, so another instance takes
 *     over within about three intervals of a leader's death
 * @param drainGrace how long a leaving placement keeps serving after its stream is live elsewhere (default 30 s), so
 *     players on it move over on their next playlist request instead of being cut off
 */
@ConfigurationProperties("streamgate.control.reconcile")
record ReconcileSettings(Duration interval, Duration drainGrace) {

    static final int LEASE_INTERVALS = 3;

    ReconcileSettings {
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        drainGrace = drainGrace == null ? Duration.ofSeconds(30) : drainGrace;
        if (interval.isZero() || interval.isNegative() || drainGrace.isNegative()) {
            throw new IllegalArgumentException("streamgate.control.reconcile: interval " + interval + ", drain-grace "
                    + drainGrace + " (expected: interval > 0, drain-grace >= 0)");
        }
    }

    Duration lease() {
        return interval.multipliedBy(LEASE_INTERVALS);
    }
}
